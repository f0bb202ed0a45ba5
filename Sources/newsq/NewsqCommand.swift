import ArgumentParser
import NewsModel
import NewsQuery
import NewsShell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `newsq` command line: ask questions of a news article.
///
/// A thin layer: it parses arguments, picks the model (bundled, or `--model FILE`) and the
/// mode, and hands the work to `NewsShell`: ``ScriptTester`` for `--test`, ``ScriptRunner``
/// for files, `-c` and piped standard input, the REPL otherwise. Exit statuses are
/// ``ExitStatus``'s: 0 success, 1 query error, 2 usage error, 3 bad model file, 130 interrupted.
@main
struct NewsqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "Ask questions of a news article; every answer cites where in the text it comes from.",
        discussion: """
            newsq loads the bundled article (AP, 2026-02-04, the drawdown of federal immigration \
            officers in Minnesota) and runs queries: from script files (in order, then each -c), from \
            -c, or from standard input when it is not a terminal. Results go to standard output, \
            diagnostics to standard error. `let` bindings last for the whole run.

              newsq -c 'who said "surrender"'
              newsq -c 'quotes by Walz' --format json
              newsq examples/01-who-said.nq
              newsq --arg who=Walz examples/09-arguments.nq
              echo 'quotes by Homan | count' | newsq
              newsq --test examples/

            A script is statements separated by line breaks or ';', `#` comments and `:` commands \
            (:run FILE, :format FORMAT, :timing on|off, :help). `# expect:` lines after a statement \
            make it a test: --test checks them, --update rewrites them. See docs/scripts.md.

            EXIT STATUS
              0    success (with --test: every expectation held)
              1    query error (the diagnostic names the file, line and column), or a failed expectation
              2    usage error (bad option or argument, a script file that cannot be read)
              3    bad model or data file (every problem is listed on stderr)
              130  interrupted by ^C
            """,
        version: "newsq 0.1.0")

    @Argument(help: ArgumentHelp("Script files to run in order ('-' for standard input); with --test, files or folders of *.nq scripts.",
                                 valueName: "FILE"))
    var files: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a query or ':' command (may be repeated; runs in order, after the files).", valueName: "QUERY"))
    var command: [String] = []

    @Option(name: .customLong("arg"), help: ArgumentHelp("Give $NAME the value VALUE in queries (may be repeated).", valueName: "NAME=VALUE"))
    var arguments: [String] = []

    @Flag(name: .long, help: "Run every statement even after one fails (the exit status is still 1).")
    var keepGoing = false

    @Flag(name: .long, help: "Check the scripts' '# expect' lines; print a diff for each mismatch and 'N passed, N failed'.")
    var test = false

    @Flag(name: .long, help: "With --test (implied): rewrite mismatched expectations from the actual output.")
    var update = false

    @Option(name: .long, help: ArgumentHelp("Output format: table, json, jsonl, csv or plain.", valueName: "FORMAT"))
    var format: OutputFormat?

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp("Load this model file (JSON, format 1) instead of the bundled article.", valueName: "FILE"))
    var model: String?

    @Flag(name: .long, help: "Turn off the commands that touch files (:run, :load, :export), for untrusted scripts.")
    var sandbox = false

    @Flag(name: .long, help: "Write the model as JSON (format 1) to standard output and exit.")
    var exportModel = false

    func validate() throws {
        for argument in arguments where Script.assignment(argument) == nil {
            throw ValidationError("invalid --arg '\(argument)': expected NAME=VALUE (NAME: letters, digits and _)")
        }
        if test || update {
            if !command.isEmpty { throw ValidationError("-c cannot be used with --test: put the queries in a script") }
            if format != nil {
                throw ValidationError("--format cannot be used with --test: a script sets its format with '# format:' or ':format'")
            }
            if files.isEmpty { throw ValidationError("--test needs script files or folders") }
            if files.contains("-") { throw ValidationError("--test cannot read standard input: name the script files") }
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given only once") }
    }

    mutating func run() throws {
        let loaded = try loadModel()
        if exportModel {
            OutputSink.standardOutput.write(ModelFile.encode(loaded))
            return
        }
        let interpreter: Interpreter
        do {
            // The bundled model was validated as it was built; a model file is validated here.
            interpreter = model == nil ? Interpreter(validatedModel: loaded) : try Interpreter(model: loaded)
        } catch {
            for issue in error.issues { Self.printError("\(model ?? "model"): error: \(issue)") }
            throw ExitCode(ExitStatus.badModel)
        }
        let values = Dictionary(arguments.compactMap(Script.assignment), uniquingKeysWith: { $1 })
        if test || update {
            throw ExitCode(runTests(loaded, arguments: values))
        }
        var sources = files.map(ScriptRunner.Source.file)
        for (index, query) in command.enumerated() {
            sources.append(.text(query, name: command.count == 1 ? "<command>" : "<command \(index + 1)>"))
        }
        if sources.isEmpty {
            guard isatty(STDIN_FILENO) == 1 else { throw ExitCode(runScripts([.file("-")], interpreter, values)) }
            // Interactive mode: the REPL on the terminal.
            var repl = REPL(session: makeSession(interpreter, values), version: Self.configuration.version)
            throw ExitCode(repl.run())
        }
        throw ExitCode(runScripts(sources, interpreter, values))
    }

    /// Runs files, `-c` text or standard input; returns the exit status.
    private func runScripts(_ sources: [ScriptRunner.Source], _ interpreter: Interpreter, _ values: [String: String]) -> Int32 {
        let scripts: [ScriptRunner.LoadedScript]
        do {
            scripts = try ScriptRunner.load(sources)
        } catch {
            Self.printError(error.description)
            return ExitStatus.usage
        }
        let session = makeSession(interpreter, values)
        let interrupted = ScriptRunner.installInterruptHandler()
        session.isInterrupted = interrupted
        session.isCancelled = interrupted
        let outcome = ScriptRunner(session: session).run(scripts)
        if outcome == .interrupted { Self.printError("newsq: interrupted") }
        return ScriptRunner.exitStatus(for: outcome)
    }

    /// A session writing to standard output and error, set up from the options: format,
    /// terminal width, colour, `--keep-going` and `--arg` values.
    private func makeSession(_ interpreter: Interpreter, _ values: [String: String]) -> Session {
        let terminal = Terminal()
        let session = Session(interpreter: interpreter, modelSource: model ?? "bundled")
        session.format = format ?? .table
        session.width = terminal.outputWidth
        session.color = color.enabled(onTerminal: terminal.outputIsTerminal)
        session.diagnosticColor = color.enabled(onTerminal: terminal.errorIsTerminal)
        session.keepGoing = keepGoing
        session.isSandboxed = sandbox
        session.interpreter.arguments = values
        return session
    }

    /// `--test` and `--update`; returns the exit status.
    private func runTests(_ loaded: ArticleModel, arguments values: [String: String]) -> Int32 {
        var tester = ScriptTester(model: loaded, modelSource: model ?? "bundled", arguments: values)
        tester.isInterrupted = ScriptRunner.installInterruptHandler()
        let summary: ScriptTester.Summary
        do {
            summary = try tester.run(paths: files, update: update, output: .standardOutput)
        } catch {
            Self.printError(error.description)
            return ExitStatus.usage
        }
        if summary.wasInterrupted {
            Self.printError("newsq: interrupted")
            return ExitStatus.interrupted
        }
        return summary.failed > 0 ? ExitStatus.queryError : ExitStatus.success
    }

    private func loadModel() throws -> ArticleModel {
        guard let path = model else { return .bundled }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            Self.printError("\(path): error: \(error)")
            throw ExitCode(ExitStatus.badModel)
        }
        do {
            return try ModelFile.decode(text)
        } catch {
            for issue in error.issues {
                Self.printError("\(path): error: \(issue)")
            }
            Self.printError("\(path): \(error.issues.count) problem\(error.issues.count == 1 ? "" : "s"); nothing was loaded")
            throw ExitCode(ExitStatus.badModel)
        }
    }

    /// Writes one line to standard error.
    static func printError(_ line: String) {
        OutputSink.standardError.writeLine(line)
    }

    /// Runs the command, mapping argument errors to exit status 2 as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            // How every run ends: leave at once. ArgumentParser's exit(withError:) would first
            // build its message and help machinery (≈ 0.5 ms of a one-shot query) to print nothing.
            Self.terminate(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                printError("Run 'newsq --help' for usage.")
                Self.terminate(ExitStatus.usage)
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
