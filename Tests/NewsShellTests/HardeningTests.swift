import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import Testing

@testable import NewsShell

/// The shell's side of hardening: cancellation ends an entry as an interruption, a sandboxed
/// session refuses the commands that touch files, over-long statements are refused, and
/// `:export` replaces files atomically.
@Suite("Shell hardening")
struct HardeningTests {
    final class Buffer: @unchecked Sendable {
        var text = ""
    }

    static func session() throws -> (Session, Buffer, Buffer) {
        let output = Buffer(), messages = Buffer()
        let session = try Session(model: .bundled, output: OutputSink { output.text += $0 },
                                  messages: OutputSink { messages.text += $0 })
        return (session, output, messages)
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-hardening-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aCancelledStatementIsAnInterruptionAndTheSessionGoesOn() throws {
        let (session, output, messages) = try Self.session()
        session.isCancelled = { true }
        #expect(session.execute(entry: "quotes | where text has \"border\" | count") == .interrupted)
        #expect(output.text.isEmpty && messages.text.isEmpty)
        let outcome = ScriptRunner(session: session).run(text: "quotes | count\n", name: "s.nq")
        #expect(outcome == .interrupted)
        #expect(ScriptRunner.exitStatus(for: outcome) == 130)
        session.isCancelled = { false }
        #expect(session.execute(entry: "quotes by Frey | count") == .success)
        #expect(output.text.contains("1"))
    }

    @Test func cancellationCarriesOverToALoadedModel() throws {
        let (session, _, _) = try Self.session()
        session.isCancelled = { true }
        session.replaceInterpreter(try Interpreter(model: .bundled), modelSource: "again")
        #expect(session.interpreter.isCancelled())
    }

    @Test func aSandboxedSessionRefusesFileCommands() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, _, messages) = try Self.session()
        session.isSandboxed = true
        #expect(session.execute(entry: "quotes by Frey | show id") == .success)
        for command in [":run \(folder)/a.nq", ":load \(folder)/m.json", ":export \(folder)/out.csv"] {
            guard case .failure(let error) = session.execute(entry: command) else {
                Issue.record("\(command) should fail")
                continue
            }
            let name = command.split(separator: " ")[0]
            #expect(error.message == "file access is disabled in this session (\(name) reads or writes files)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out.csv"))
        #expect(messages.text.contains("error: file access is disabled in this session"))
        #expect(session.execute(entry: ":format json") == .success)
        #expect(session.execute(entry: "quotes by Frey | count") == .success)
    }

    @Test func aStatementOverOneMegabyteIsRefusedWhereItStarts() throws {
        let (session, _, _) = try Self.session()
        let long = "quotes | where text has \"" + String(repeating: "a", count: 1 << 20) + "\""
        guard case .failure(let error) = session.execute(entry: long, sourceName: "s.nq", startLine: 4) else {
            Issue.record("should fail")
            return
        }
        #expect(error.message == "statement too long: 1048602 bytes (the limit is 1 MB)")
        #expect((error.line, error.column) == (4, 1))
        let shell = try Interpreter(model: .bundled)
        #expect(throws: QueryError.self) { try shell.run(long) }
    }

    @Test func aScriptWithATenMegabyteLineFailsQuickly() throws {
        let (session, _, _) = try Self.session()
        let text = "quotes | count\nquotes | where text has \"" + String(repeating: "a", count: 10_000_000) + "\"\n"
        let clock = ContinuousClock()
        var outcome: Session.Outcome = .success
        let elapsed = clock.measure { outcome = ScriptRunner(session: session).run(text: text, name: "big.nq") }
        guard case .failure(let error) = outcome else {
            Issue.record("should fail")
            return
        }
        #expect(error.message == "statement too long: 10000026 bytes (the limit is 1 MB)")
        #expect((error.line, error.column) == (2, 1))
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func exportLeavesNoTemporaryFileAndAFailedExportKeepsTheOldFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, _, _) = try Self.session()
        #expect(session.execute(entry: "quotes by Frey | show id") == .success)
        let path = "\(folder)/out.csv"
        #expect(session.execute(entry: ":export \(path)") == .success)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.contains("s8"))

        // The temporary file cannot be made (a folder stands in its place — this fails even for
        // root): the export fails, and the old file is as it was.
        let blocker = "\(path).newsq-\(getpid())-tmp"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        #expect(session.execute(entry: "quotes by Walz | show id") == .success)
        guard case .failure(let error) = session.execute(entry: ":export \(path)") else {
            Issue.record("the export should fail")
            return
        }
        #expect(error.message == "cannot write \(path): Is a directory")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.csv", "out.csv.newsq-\(getpid())-tmp"])
    }

    static func bigResult(rows count: Int) -> QueryResult {
        QueryResult(columns: [.init("id", .id), .init("text", .text)],
                    rows: (0..<count).map { [.text("r\($0)"), .text("row number \($0) of a very large result")] })
    }

    @Test func aLargeResultIsWrittenInBoundedPieces() throws {
        var sizes: [Int] = []
        let session = try Session(model: .bundled, output: OutputSink { sizes.append($0.utf8.count) },
                                  messages: OutputSink { _ in })
        session.format = .csv
        session.write(Self.bigResult(rows: 100_000))
        #expect(sizes.count > 10)
        #expect(sizes.dropLast().allSatisfy { (65_536..<66_000).contains($0) })
        #expect(sizes.reduce(0, +) == ResultRenderer(format: .csv).render(Self.bigResult(rows: 100_000)).utf8.count)
    }

    @Test func cancellingWhileWritingStopsAtARowAndTheSessionGoesOn() throws {
        let (session, output, _) = try Self.session()
        session.format = .plain  // rows stream at once (a table measures every row first)
        session.isCancelled = { true }
        #expect(!session.write(Self.bigResult(rows: 100_000), stoppingWhenCancelled: true))
        let lines = output.text.split(separator: "\n")
        #expect(lines.count > 2 && lines.count < 1_000)
        #expect(output.text.hasSuffix("\n"))
        session.isCancelled = { false }
        #expect(session.execute(entry: "places | count") == .success)
    }
}
