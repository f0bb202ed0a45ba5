import ArgumentParser
import NewsModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `newsq` command line: ask questions of a news article.
///
/// A thin layer: it parses arguments, picks the model (bundled, or `--model FILE`), and hands
/// the work to the library. Exit status: 0 success, 2 usage error, 3 bad model or data file.
@main
struct NewsqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "Ask questions of a news article; every answer cites where in the text it comes from.",
        discussion: """
            With no options, newsq loads the bundled article (AP, 2026-02-04, the drawdown of \
            federal immigration officers in Minnesota) and prints what its model holds.

            EXIT STATUS
              0  success
              2  usage error (bad option or argument)
              3  bad model or data file (every problem is listed on stderr)
            """,
        version: "newsq 0.1.0")

    /// Exit status for a model file that cannot be read or does not validate.
    static let badModelStatus: Int32 = 3
    /// Exit status for a command line that does not parse.
    static let usageStatus: Int32 = 2

    @Option(name: .long, help: ArgumentHelp("Load this model file (JSON, format 1) instead of the bundled article.", valueName: "FILE"))
    var model: String?

    @Flag(name: .long, help: "Write the model as JSON (format 1) to standard output and exit.")
    var exportModel = false

    mutating func run() throws {
        let loaded = try loadModel()
        if exportModel {
            print(ModelFile.encode(loaded), terminator: "")
            return
        }
        print(ModelSummary(model: loaded).text)
    }

    private func loadModel() throws -> ArticleModel {
        guard let path = model else { return .bundled }
        let text: String
        do {
            text = try FileText.read(path)
        } catch {
            Self.printError("\(path): error: \(error)")
            throw ExitCode(Self.badModelStatus)
        }
        do {
            return try ModelFile.decode(text)
        } catch {
            for issue in error.issues {
                Self.printError("\(path): error: \(issue)")
            }
            Self.printError("\(path): \(error.issues.count) problem\(error.issues.count == 1 ? "" : "s"); nothing was loaded")
            throw ExitCode(Self.badModelStatus)
        }
    }

    /// Writes one line to standard error (through the file descriptor: the C `stderr` global
    /// is not concurrency-safe in Swift 6).
    static func printError(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }

    /// Runs the command, mapping argument errors to exit status 2 as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                printError("Run 'newsq --help' for usage.")
                Self.terminate(usageStatus)
            }
            exit(withError: error)
        }
    }

    private static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
            Glibc.exit(status)
        #else
            Darwin.exit(status)
        #endif
    }
}
