import ArgumentParser
import NewsModel
import NewsQuery

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
            federal immigration officers in Minnesota) and prints what its model holds. With -c it \
            runs queries: results on standard output, diagnostics on standard error.

              newsq -c 'who said "surrender"'
              newsq -c 'quotes by Walz' --format json
              newsq -c 'quotes by Homan | where kind = direct | count'

            EXIT STATUS
              0  success
              1  query error (the diagnostic names the line and column)
              2  usage error (bad option or argument)
              3  bad model or data file (every problem is listed on stderr)
            """,
        version: "newsq 0.1.0")

    /// Exit status for a model file that cannot be read or does not validate.
    static let badModelStatus: Int32 = 3
    /// Exit status for a command line that does not parse.
    static let usageStatus: Int32 = 2
    /// Exit status for a query that fails.
    static let queryErrorStatus: Int32 = 1

    @Option(name: .long, help: ArgumentHelp("Load this model file (JSON, format 1) instead of the bundled article.", valueName: "FILE"))
    var model: String?

    @Flag(name: .long, help: "Write the model as JSON (format 1) to standard output and exit.")
    var exportModel = false

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a query (may be repeated; runs in order).", valueName: "QUERY"))
    var command: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: table, json, jsonl, csv or plain.", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    mutating func run() throws {
        let loaded = try loadModel()
        if exportModel {
            print(ModelFile.encode(loaded), terminator: "")
            return
        }
        guard !command.isEmpty else {
            print(ModelSummary(model: loaded).text)
            return
        }
        let interpreter: Interpreter
        do {
            interpreter = try Interpreter(model: loaded)
        } catch {
            for issue in error.issues { Self.printError("\(model ?? "model"): error: \(issue)") }
            throw ExitCode(Self.badModelStatus)
        }
        let terminal = Terminal()
        let renderer = ResultRenderer(format: format, width: terminal.outputWidth,
                                      color: color.enabled(onTerminal: terminal.outputIsTerminal))
        let diagnostics = DiagnosticRenderer(color: color.enabled(onTerminal: terminal.errorIsTerminal))
        var printed = 0
        for (index, query) in command.enumerated() {
            let name = command.count == 1 ? "<command>" : "<command \(index + 1)>"
            do {
                for result in try interpreter.runAll(query, sourceName: name) {
                    if printed > 0 && format == .table { print("") }
                    print(renderer.render(format == .table ? result.forDisplay() : result), terminator: "")
                    printed += 1
                }
            } catch {
                Self.printError(diagnostics.render(error))
                throw ExitCode(Self.queryErrorStatus)
            }
        }
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

extension OutputFormat: ExpressibleByArgument {}

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour a stream, given whether it is a terminal; `auto` honours `NO_COLOR`.
    func enabled(onTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return onTerminal && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        }
    }
}
