import BundledArticle
import NewsModel
import NewsQuery
import NewsShell
import NewsStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of `newsq`: loads the model the ``Options`` name and hands the work to `NewsShell` —
/// ``ScriptTester`` for `--test`, ``ScriptRunner`` for files, `-c` and piped standard input,
/// the REPL otherwise.
struct Invocation {
    /// What was asked.
    let options: Options
    /// The version line the REPL greets with.
    let version: String

    /// Runs it; returns the exit status.
    func run() -> Int32 {
        if let location = options.db { return runCorpus(location) }
        let loaded: ArticleModel
        do {
            loaded = try loadModel()
        } catch {
            return ExitStatus.badModel
        }
        if options.exportModel {
            OutputSink.standardOutput.write(ModelFile.encode(loaded))
            return ExitStatus.success
        }
        let interpreter: Interpreter
        do {
            // The bundled model was validated as it was built; a model file is validated here.
            interpreter = options.model == nil && options.article == nil
                ? Interpreter(validatedModel: loaded) : try Interpreter(model: loaded)
        } catch {
            for issue in error.issues { printError("\(options.model ?? "model"): error: \(issue)") }
            return ExitStatus.badModel
        }
        let values = Dictionary(options.arguments.compactMap(Script.assignment), uniquingKeysWith: { $1 })
        if options.test || options.update {
            return runTests(loaded, arguments: values)
        }
        var sources = options.files.map(ScriptRunner.Source.file)
        for (index, query) in options.commands.enumerated() {
            sources.append(.text(query, name: options.commands.count == 1 ? "<command>" : "<command \(index + 1)>"))
        }
        if sources.isEmpty && options.report != nil {
            return runScripts([], interpreter, values)
        }
        if sources.isEmpty {
            guard isatty(STDIN_FILENO) == 1 else { return runScripts([.file("-")], interpreter, values) }
            // Interactive mode: the REPL on the terminal.
            var repl = REPL(session: makeSession(interpreter, values), version: version)
            return repl.run()
        }
        return runScripts(sources, interpreter, values)
    }

    /// Runs files, `-c` text or standard input; returns the exit status.
    private func runScripts(_ sources: [ScriptRunner.Source], _ interpreter: Interpreter, _ values: [String: String],
                            corpus: CorpusDatabase? = nil) -> Int32 {
        let scripts: [ScriptRunner.LoadedScript]
        do {
            scripts = try ScriptRunner.load(sources)
        } catch {
            printError(error.description)
            return ExitStatus.usage
        }
        let session = makeSession(interpreter, values)
        if let corpus { session.open(corpus: corpus) }
        let interrupted = ScriptRunner.installInterruptHandler()
        session.isInterrupted = interrupted
        session.isCancelled = interrupted
        let outcome = ScriptRunner(session: session).run(scripts)
        if outcome == .interrupted { printError("newsq: interrupted") }
        let status = ScriptRunner.exitStatus(for: outcome)
        if let report = options.report, status == ExitStatus.success {
            do {
                printError(try ArticleReport.write(to: report, session: session, result: session.lastResult))
            } catch {
                printError("newsq: no report written: \(error.description)")
                return ExitStatus.queryError
            }
        }
        return status
    }

    /// A session writing to standard output and error, set up from the options: format,
    /// terminal width, colour, `--keep-going` and `--arg` values.
    private func makeSession(_ interpreter: Interpreter, _ values: [String: String]) -> Session {
        let terminal = Terminal()
        let session = Session(interpreter: interpreter, modelSource: modelSource)
        session.format = options.format ?? .table
        session.width = terminal.outputWidth
        session.color = options.color.enabled(onTerminal: terminal.outputIsTerminal)
        session.diagnosticColor = options.color.enabled(onTerminal: terminal.errorIsTerminal)
        session.keepGoing = options.keepGoing
        session.isSandboxed = options.sandbox
        session.interpreter.arguments = values
        return session
    }

    /// `--test` and `--update`; returns the exit status.
    private func runTests(_ loaded: ArticleModel, arguments values: [String: String], corpus: CorpusDatabase? = nil) -> Int32 {
        var tester = ScriptTester(model: loaded, modelSource: modelSource, arguments: values)
        tester.corpus = corpus
        tester.isInterrupted = ScriptRunner.installInterruptHandler()
        let summary: ScriptTester.Summary
        do {
            summary = try tester.run(paths: options.files, update: options.update, output: .standardOutput)
        } catch {
            printError(error.description)
            return ExitStatus.usage
        }
        if summary.wasInterrupted {
            printError("newsq: interrupted")
            return ExitStatus.interrupted
        }
        return summary.failed > 0 ? ExitStatus.queryError : ExitStatus.success
    }

    /// `--db`: removes and adds what `--remove` and `--add` name, then runs the queries, the
    /// scripts or the REPL over the corpus; returns the exit status.
    private func runCorpus(_ location: String) -> Int32 {
        let store: CorpusDatabase
        do {
            store = try CorpusFile.open(location, create: !options.add.isEmpty)
        } catch {
            printError("newsq: \(error.message)")
            return ExitStatus.badModel
        }
        var status = ExitStatus.success
        for id in options.remove {
            do {
                try store.remove(id)
                printError("removed \(id) from \(location)")
            } catch {
                printError("newsq: \(error)")
                status = ExitStatus.queryError
            }
        }
        if !options.add.isEmpty {
            let terminal = Terminal()
            let summary = CorpusIngest.run(
                options.add, into: store, date: options.date.flatMap(CalendarDate.init(iso:)), messages: .standardError,
                progressLine: terminal.errorIsTerminal ? .standardError : nil,
                standardInput: { (try? TextFile.readStandardInput())?.split(separator: "\n").map(String.init) ?? [] })
            if !summary.failed.isEmpty { status = ExitStatus.badModel }
        }
        let changing = !options.add.isEmpty || !options.remove.isEmpty
        if changing && options.files.isEmpty && options.commands.isEmpty && options.report == nil { return status }
        let values = Dictionary(options.arguments.compactMap(Script.assignment), uniquingKeysWith: { $1 })
        if options.test || options.update {
            return max(status, runTests(.bundled, arguments: values, corpus: store))
        }
        let interpreter = Interpreter(store: store)
        var sources = options.files.map(ScriptRunner.Source.file)
        for (index, query) in options.commands.enumerated() {
            sources.append(.text(query, name: options.commands.count == 1 ? "<command>" : "<command \(index + 1)>"))
        }
        if sources.isEmpty && options.report != nil {
            return max(status, runScripts([], interpreter, values, corpus: store))
        }
        if sources.isEmpty {
            guard isatty(STDIN_FILENO) == 1 else { return runScripts([.file("-")], interpreter, values, corpus: store) }
            let session = makeSession(interpreter, values)
            session.open(corpus: store)
            var repl = REPL(session: session, version: version)
            return repl.run()
        }
        let scripts = runScripts(sources, interpreter, values, corpus: store)
        return status == ExitStatus.success ? scripts : status
    }

    /// Where the model comes from, as `:article` says it.
    private var modelSource: String {
        if let article = options.article { return "extracted from \(article == "-" ? "standard input" : article)" }
        return options.model ?? "bundled"
    }

    /// The bundled model, the `--model` file, or the model extracted from the `--article` file
    /// (problems printed; throws after printing).
    private func loadModel() throws -> ArticleModel {
        if let article = options.article {
            do {
                return try ArticleFile.open(article, date: options.date.flatMap(CalendarDate.init(iso:))).model
            } catch {
                printError(error.description)
                throw ModelLoadFailure()
            }
        }
        guard let path = options.model else { return .bundled }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            printError("\(path): error: \(error)")
            throw ModelLoadFailure()
        }
        do {
            return try ModelFile.decode(text)
        } catch {
            for issue in error.issues {
                printError("\(path): error: \(issue)")
            }
            printError("\(path): \(error.issues.count) problem\(error.issues.count == 1 ? "" : "s"); nothing was loaded")
            throw ModelLoadFailure()
        }
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    OutputSink.standardError.writeLine(line)
}

/// The model file could not be loaded; its problems are already on standard error.
struct ModelLoadFailure: Error {}
