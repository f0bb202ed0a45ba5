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
        // Also the man page's text (scripts/generate-man-page): the indented lines become its
        // EXAMPLES (a test runs each), the EXIT STATUS paragraph its EXIT STATUS section. Keep it
        // ASCII: argument-parser's manual generator drops every other character.
        discussion: """
            newsq loads the bundled article (AP, 2026-02-04, the drawdown of federal immigration \
            officers in Minnesota) and runs queries: from script files (in order, then each -c), from \
            -c, or from standard input when it is not a terminal. Results go to standard output, \
            diagnostics to standard error. `let` bindings last for the whole run.

              newsq -c 'who said "surrender"'
              newsq -c 'quotes by Walz' --format json
              newsq examples/01-who-said.nq
              newsq --arg who=Walz --arg word=drawdown --arg id=s9 examples/12-arguments.nq
              echo 'quotes by Homan | count' | newsq
              newsq --test examples/

            A script is statements separated by line breaks or ';', `#` comments and `:` commands \
            (:run FILE, :format FORMAT, :timing on|off, :help). `# expect:` lines after a statement \
            make it a test: --test checks them, --update rewrites them. A script that starts with \
            #!/usr/bin/env newsq and is executable runs by its name. See docs/scripts.md.

            With --db FILE, newsq queries a corpus of many articles instead: --add PATH... \
            extracts and stores text, Markdown, model JSON and Reuters .sgm files (folders \
            recursively, '-' reads paths from standard input); adding a file again skips it when \
            unchanged and replaces its article when changed; --remove ID takes one out. Then the \
            queries, scripts or shell run over every article. See docs/corpus.md.

            EXIT STATUS
              0    success (with --test: every expectation held)
              1    query error (the diagnostic names the file, line and column), or a
                   failed expectation
              2    usage error (bad option or argument, a script file that cannot be read)
              3    bad model or data file (every problem is listed on stderr): a model,
                   article or corpus that cannot be read; with --add, any file that could
                   not be added (the others are)
              130  interrupted by ^C
            """,
        version: version)

    @Argument(help: ArgumentHelp("Script files to run in order ('-' for standard input); with --test, files or folders of *.nq scripts.",
                                 valueName: "FILE"),
              completion: .file())
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

    @Option(name: .long, help: ArgumentHelp("Load this model file (JSON, format 1 or 2) instead of the bundled article.", valueName: "FILE"),
            completion: .file(extensions: ["json"]))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Read this article (text or Markdown; '-' for standard input), extract its model and query it.",
                                            valueName: "FILE"),
            completion: .file())
    var article: String?

    @Option(name: .long, help: ArgumentHelp("With --article: the article's date, when the text states none.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Query this corpus (a SQLite file), made with --add.", valueName: "FILE"),
            completion: .file(extensions: ["sqlite", "db"]))
    var db: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("With --db: add articles — files and folders (text, Markdown, model JSON, Reuters .sgm); '-' reads paths from standard input.",
                               valueName: "PATH"),
            completion: .file())
    var add: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --db: take the article with this id out of the corpus (may be repeated).", valueName: "ID"))
    var remove: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the article as HTML with its statements marked, after the queries (only the last query's records, if any).",
                                            valueName: "FILE.html"),
            completion: .file(extensions: ["html"]))
    var report: String?

    @Flag(name: .long, help: "Turn off the commands that touch files (:run, :load, :open, :add, :export, :report), for untrusted scripts.")
    var sandbox = false

    @Flag(name: .long, help: "Write the model as JSON (the oldest format that holds it) to standard output and exit.")
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
        if article != nil && model != nil { throw ValidationError("--article and --model cannot be used together: query one article") }
        if let date {
            guard article != nil || !add.isEmpty else {
                throw ValidationError("--date goes with --article or --add: it dates articles that state no date")
            }
            guard CalendarDate(iso: date) != nil else {
                throw ValidationError("invalid --date '\(date)': expected a real date written YYYY-MM-DD")
            }
        }
        if db != nil && (article != nil || model != nil) {
            throw ValidationError("--db queries a corpus; --article and --model query one article: give one of them")
        }
        if (!add.isEmpty || !remove.isEmpty) && db == nil {
            throw ValidationError("--add and --remove need --db FILE: the corpus to change")
        }
        if add.contains("-") && files.contains("-") {
            throw ValidationError("--add - and '-' both read standard input: give one of them a file")
        }
        if report != nil && (test || update || exportModel) {
            throw ValidationError("--report writes the article after queries; it cannot be used with --test, --update or --export-model")
        }
        if article == "-" && files.contains("-") {
            throw ValidationError("--article - and '-' both read standard input: give one of them a file")
        }
    }

    /// The parsed command line as a plain value.
    var options: Options {
        Options(files: files, commands: command, arguments: arguments, keepGoing: keepGoing, test: test,
                update: update, format: format, color: color, model: model, sandbox: sandbox,
                exportModel: exportModel, article: article, date: date, db: db, add: add, remove: remove,
                report: report)
    }

    func run() throws {
        throw ExitCode(Invocation(options: options, version: Self.version).run())
    }

    /// The version line: `--version` and the REPL's greeting.
    static let version = "newsq 0.1.0"

    /// Runs the command, mapping argument errors to exit status 2 as documented.
    ///
    /// The common one-shot command lines skip ArgumentParser (``Options/quick(_:)``).
    static func main() {
        if let options = Options.quick(Array(CommandLine.arguments.dropFirst())) {
            terminate(Invocation(options: options, version: version).run())
        }
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

extension ColorChoice: ExpressibleByArgument {}
