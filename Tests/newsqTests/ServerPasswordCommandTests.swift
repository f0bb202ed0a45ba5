import Foundation
import Testing

/// `newsq --db postgresql://USER:PASSWORD@…` and `:open` when the connection fails before any
/// server answers (port 1 refuses at once; a malformed URL is refused by libpq, which quotes
/// it): each is an error naming the server with its password masked, and saying what to check.
/// No server is needed; PostgresCommandTests covers a live one (a wrong password, the REPL).
@Suite("Server passwords on the command line")
struct ServerPasswordCommandTests {
    let cli = CommandLineTests()
    static let password = "hunter2"

    /// Every output of `arguments`, checked for the password.
    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandLineTests.Outcome {
        let outcome = try cli.run(arguments, sourceLocation: sourceLocation)
        #expect(!(outcome.stdout + outcome.stderr).contains(Self.password), "\(outcome.stderr)", sourceLocation: sourceLocation)
        return outcome
    }

    @Test func aRefusedConnectionNamesTheServerMasked() throws {
        let refused = "connection to server at \"127.0.0.1\", port 1 failed: Connection refused"
        let check = "Check that the server is running and that the host and port are right (the URL, PGHOST and PGPORT).\n"
        let folder = try cli.temporaryDirectory()
        for extra in [["-c", "articles"], ["--remove", "0001"], ["--add", folder.path], ["--report", folder.appendingPathComponent("r.html").path], []] {
            let outcome = try run(["--db", "postgresql://ana:\(Self.password)@127.0.0.1:1/news"] + extra)
            #expect(outcome.status == 3, "\(extra)")
            #expect(outcome.stdout == "")
            #expect(outcome.stderr.hasPrefix("newsq: cannot connect to postgresql://ana:***@127.0.0.1:1/news: \(refused)"), "\(extra)")
            #expect(outcome.stderr.hasSuffix(check), "\(extra)")
        }
        // Given as --db=URL, percent-encoded, or as a query parameter: the same.
        for (url, shown) in [("postgresql://ana:hunt%65r2@127.0.0.1:1/news", "postgresql://ana:***@127.0.0.1:1/news"),
                             ("postgres://127.0.0.1:1/news?user=ana&password=\(Self.password)", "postgres://127.0.0.1:1/news?user=ana&password=***")] {
            let outcome = try run(["--db=\(url)", "-c", "articles"])
            #expect(outcome.status == 3)
            #expect(outcome.stderr.hasPrefix("newsq: cannot connect to \(shown): \(refused)"), "\(outcome.stderr)")
        }
    }

    /// libpq quotes a URL it cannot read: the quote is masked too, and the advice is about the URL.
    @Test func aMalformedURLIsMaskedWhereLibpqQuotesIt() throws {
        let outcome = try run(["--db", "postgresql://ana:\(Self.password)@[::1/news", "-c", "articles"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.hasPrefix("newsq: cannot connect to postgresql://ana:***@[::1/news: "))
        #expect(outcome.stderr.contains(#"in URI: "postgresql://ana:***@[::1/news""#), "\(outcome.stderr)")
        #expect(outcome.stderr.hasSuffix("Check the URL: postgresql://USER:PASSWORD@HOST:PORT/DB?PARAMETER=VALUE, with libpq's parameter "
            + "names (sslmode, connect_timeout, …) and a password's special characters percent-encoded (@ as %40, / as %2F).\n"))
        let mode = try run(["--db", "postgresql://ana:\(Self.password)@127.0.0.1:1/news?sslmode=sometimes", "-c", "articles"])
        #expect(mode.status == 3)
        #expect(mode.stderr.contains(#"invalid sslmode value: "sometimes""#), "\(mode.stderr)")
        #expect(mode.stderr.contains("Check the URL: "))
    }

    /// `-c ':open URL'`: the diagnostic quotes the line with the password masked.
    @Test func aFailingOpenQuotesItsLineMasked() throws {
        let outcome = try run(["-c", ":open postgresql://ana:\(Self.password)@127.0.0.1:1/news", "-c", "quotes by Homan | count"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("<command 1>:1:7: error: cannot open postgresql://ana:***@127.0.0.1:1/news: cannot connect to "
            + "postgresql://ana:***@127.0.0.1:1/news: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("what was open stays open\n:open postgresql://ana:***@127.0.0.1:1/news\n      ^~~~"))
    }
}
