import NewsModel
import NewsQuery
import NewsStore

/// The state a newsq session keeps, shared by scripts (``ScriptRunner``), tests
/// (``ScriptTester``) and the interactive shell: the interpreter (model, `let` bindings,
/// `$NAME` arguments), the output format and how to render it, the `:timing` flag, the `:`
/// commands, and where output goes.
///
/// Everything is run through ``execute(entry:sourceName:startLine:)`` (or its two halves,
/// ``execute(statementSource:sourceName:startLine:)`` and
/// ``executeCommand(line:sourceName:lineNumber:)``): results are written to ``output``;
/// diagnostics, timings and confirmations to ``messages``; the ``Outcome`` says how it went.
///
/// ```swift
/// let session = try Session(model: .bundled)
/// session.format = .json
/// if case .failure(let error) = session.execute(entry: "quotes by Homen") {
///     print(error.message)   // unknown actor "Homen" — did you mean Homan (Tom Homan)?
/// }
/// ```
///
/// Positions: give the line an entry starts on (`startLine`) and its diagnostics name the real
/// line and column, as in `path/to/file.nq:12:11: error: …`.
public final class Session {
    /// How running an entry went.
    public enum Outcome: Sendable, Equatable {
        /// It ran; its output was written.
        case success
        /// It failed; the error was written to ``Session/messages`` (the value is for the
        /// caller's exit status, or a test's comparison).
        case failure(SessionError)
        /// ^C was pressed: the caller should stop (a script run exits with status 130).
        case interrupted
        /// A command asked to end the session with this exit status (`:quit`).
        case quit(status: Int32)
    }

    /// A script being run: what ``Invocation/resolve(_:)`` resolves paths against, and what
    /// `:run` checks for recursion.
    public struct ScriptFrame: Sendable, Equatable {
        /// The name its diagnostics show.
        public var name: String
        /// The file it was read from (`nil` for standard input and `-c`).
        public var path: String?

        /// Creates a frame.
        public init(name: String, path: String?) {
            self.name = name
            self.path = path
        }
    }

    /// The interpreter: model, indexes, `let` bindings and `$NAME` arguments.
    public private(set) var interpreter: Interpreter
    /// The format results are written in (`--format`, `:format`).
    public var format: OutputFormat = .table
    /// Whether each statement's run time is written to ``messages`` (`:timing on`).
    public var timing = false
    /// Whether tables may use ANSI styles.
    public var color = false
    /// Whether diagnostics may use ANSI colours.
    public var diagnosticColor = false
    /// The width tables are wrapped to, or `nil` for no limit.
    public var width: Int?
    /// Where results go (standard output by default).
    public var output: OutputSink
    /// Where diagnostics, timings and confirmations go (standard error by default).
    public var messages: OutputSink
    /// The `:` commands.
    public var commands: MetaCommandTable = .standard
    /// Whether scripts run on after a failed statement (`--keep-going`); they still fail.
    public var keepGoing = false
    /// Polled between statements; when it returns `true` the run stops with ``Outcome/interrupted``.
    public var isInterrupted: () -> Bool = { false }
    /// Polled while a statement runs (``Interpreter/isCancelled``): when it turns `true` the
    /// statement stops within a few hundred rows and the entry ends with
    /// ``Outcome/interrupted``; the session stays usable. Carried over by `:load`.
    public var isCancelled: @Sendable () -> Bool {
        get { interpreter.isCancelled }
        set { interpreter.isCancelled = newValue }
    }
    /// Whether the `:` commands that touch files — `:run`, `:load`, `:open`, `:add`, `:export` and
    /// `:report` — are turned off (`newsq --sandbox`): each then fails with "file access is
    /// disabled in this session".
    /// The query language itself never reads or writes files nor runs programs, so a sandboxed
    /// session can run untrusted input.
    public var isSandboxed = false
    /// How deeply `:run` may nest.
    public var maximumScriptDepth = 16
    /// How many results have been written: in `table` format a blank line separates each from
    /// the one before. Set it to 0 to start a fresh run of output.
    public var resultsWritten = 0
    /// The scripts being run, outermost first.
    public private(set) var scripts: [ScriptFrame] = []
    /// The rows of the last statement that produced rows (what `:export` writes).
    public private(set) var lastResult: QueryResult?
    /// Whether the last result was streamed and had more than ``keptRows`` rows, so it was not
    /// kept (`:export` says so rather than writing an older one).
    public private(set) var lastResultWasDropped = false
    /// Where the model came from: `bundled`, or the file given to `--model` or `:load`; for a
    /// corpus, its file.
    public var modelSource: String
    /// The corpus queries run over, when the interpreter is one over a store (`--db`, `:open
    /// corpus.sqlite`): what `:add` adds to and `:article` describes.
    public private(set) var corpus: CorpusDatabase?

    /// A session over `interpreter`, writing to `output` and `messages`.
    public init(interpreter: Interpreter, modelSource: String = "bundled",
                output: OutputSink = .standardOutput, messages: OutputSink = .standardError) {
        self.interpreter = interpreter
        self.modelSource = modelSource
        self.output = output
        self.messages = messages
    }

    /// A session over a new interpreter for `model`.
    public convenience init(model: ArticleModel, modelSource: String = "bundled",
                            output: OutputSink = .standardOutput, messages: OutputSink = .standardError) throws(Interpreter.InvalidModel) {
        self.init(interpreter: try Interpreter(model: model), modelSource: modelSource, output: output, messages: messages)
    }

    // MARK: - Running

    /// Runs what a user typed or a script holds at one place: a `:` command line or one or
    /// more statements (possibly spanning lines).
    public func execute(entry: String, sourceName: String = "<input>", startLine: Int = 1) -> Outcome {
        if Script.trimmed(entry).hasPrefix(":") {
            return executeCommand(line: entry, sourceName: sourceName, lineNumber: startLine)
        }
        return execute(statementSource: entry, sourceName: sourceName, startLine: startLine)
    }

    /// Runs the statements in `source` in order, writing each result; stops at the first error.
    ///
    /// - Parameters:
    ///   - source: One or more statements.
    ///   - sourceName: What diagnostics call the source (`<input>`, a path).
    ///   - startLine: The line `source` starts on in that source: diagnostics show file lines.
    public func execute(statementSource source: String, sourceName: String = "<input>", startLine: Int = 1) -> Outcome {
        do {
            try Interpreter.checkLength(of: source, sourceName: sourceName, startLine: startLine)
        } catch {
            return fail(SessionError(error))
        }
        // Parsed as if at its place in the file, so every position is a file position.
        let padded = String(repeating: "\n", count: max(0, startLine - 1)) + source
        let statements: [QueryStatement]
        do {
            statements = try Parser.parse(padded, sourceName: sourceName)
        } catch {
            return fail(SessionError(error))
        }
        for statement in statements {
            if isInterrupted() { return .interrupted }
            let clock = ContinuousClock()
            let start = clock.now
            let result: QueryResult
            do {
                if interpreter.store != nil, case .query = statement {
                    // Over a store: rows are written as they are read (a result too big to keep
                    // for :export is not kept).
                    switch try stream(statement, source: padded, sourceName: sourceName) {
                    case .written:
                        if timing { reportTime(clock.now - start) }
                        continue
                    case .stopped:
                        return .interrupted
                    case .whole(let whole):
                        result = whole
                    }
                } else {
                    result = try interpreter.execute(statement, source: padded, sourceName: sourceName)
                }
            } catch {
                if error.isCancelled { return .interrupted }
                return fail(SessionError(error))
            }
            lastResultWasDropped = false
            if case .bind(let name, _) = statement {
                lastResult = interpreter.binding(name.text)
            } else if !result.columns.isEmpty {
                lastResult = result
            }
            guard write(result, stoppingWhenCancelled: true) else { return .interrupted }
            if timing { reportTime(clock.now - start) }
        }
        return .success
    }

    /// Runs a `:` command line.
    ///
    /// - Parameters:
    ///   - line: The whole line: blanks, `:`, the command name (or a unique prefix of it), its
    ///     arguments, and optionally a `#` comment.
    ///   - sourceName: What diagnostics call the source.
    ///   - lineNumber: The line's number in that source.
    public func executeCommand(line: String, sourceName: String = "<input>", lineNumber: Int = 1) -> Outcome {
        let padded = String(repeating: "\n", count: max(0, lineNumber - 1)) + line
        func position(_ column: Int) -> SourcePosition {
            let prefix = String(Array(line).prefix(column - 1))
            return SourcePosition(line: lineNumber, column: column, offset: lineNumber - 1 + prefix.unicodeScalars.count)
        }
        func failure(_ message: String, column: Int, length: Int, fixIts: [(Int, Int, String)] = []) -> Outcome {
            let range = SourceRange(start: position(column), end: position(column + length))
            let fixes = fixIts.map { Diagnostic.FixIt(range: SourceRange(start: position($0.0), end: position($0.0 + $0.1)), replacement: $0.2) }
            return fail(SessionError(diagnostics: [Diagnostic(kind: .syntax, message: message, range: range, fixIts: fixes)],
                                     source: padded, sourceName: sourceName))
        }
        let words: [MetaCommand.Word]
        do {
            words = try MetaCommand.words(in: line)
        } catch {
            return failure(error.message, column: error.column, length: 1)
        }
        guard let first = words.first, first.text.hasPrefix(":") else {
            return failure("expected a ':' command", column: 1, length: max(1, line.count))
        }
        let name = String(first.text.dropFirst())
        guard !name.isEmpty else {
            return failure("expected a command name after ':' (:help lists them)", column: first.column, length: 1)
        }
        switch commands.lookup(name) {
        case .found(let command):
            let invocation = MetaCommand.Invocation(
                session: self, command: command, arguments: Array(words.dropFirst()), line: line,
                sourceName: sourceName, lineNumber: lineNumber, nameWord: first)
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = command.handler(invocation)
            if case .failure(let error) = outcome { return fail(error) }
            if timing && command.name != "timing" { reportTime(clock.now - start) }
            return outcome
        case .ambiguous(let names):
            return failure("ambiguous command ':\(name)' — could be " + names.map { ":" + $0 }.joined(separator: ", "),
                           column: first.column, length: first.length)
        case .unknown(let suggestion):
            var message = "unknown command ':\(name)'"
            var fixIts: [(Int, Int, String)] = []
            if let suggestion {
                message += " — did you mean ':\(suggestion)'?"
                fixIts.append((first.column + 1, name.count, suggestion))
            } else {
                message += " (:help lists the commands)"
            }
            return failure(message, column: first.column, length: first.length, fixIts: fixIts)
        }
    }

    /// Runs one unit of `script` (a ``Script/Kind/format(_:)`` directive does nothing here:
    /// only test runs honour it).
    public func execute(_ unit: Script.Unit, of script: Script) -> Outcome {
        switch unit.kind {
        case .statements(let source):
            return execute(statementSource: source, sourceName: script.name, startLine: unit.line)
        case .command(let line):
            return executeCommand(line: line, sourceName: script.name, lineNumber: unit.line)
        case .format:
            return .success
        }
    }

    // MARK: - Output

    /// Writes a result to ``output`` in the current format (in `table` format, its default
    /// columns, after a blank line when something was written before).
    public func write(_ result: QueryResult) {
        _ = write(result, stoppingWhenCancelled: false)
    }

    /// Writes `result` in pieces of at least 64 KB (bounded memory however many rows), polling
    /// ``isCancelled`` every 256 rows when asked to; returns `false` if that stopped it (the
    /// caller reports the interruption on ``messages``, as for a cancelled query).
    func write(_ result: QueryResult, stoppingWhenCancelled: Bool) -> Bool {
        let renderer = ResultRenderer(format: format, width: width, color: color)
        if format == .table && resultsWritten > 0 { output.write("\n") }
        resultsWritten += 1
        var pending = ""
        let cancelled = isCancelled
        let finished = renderer.render(
            format == .table ? result.forDisplay() : result,
            to: { piece in
                pending += piece
                if pending.utf8.count >= 65_536 {
                    output.write(pending)
                    pending = ""
                }
            },
            shouldStop: { stoppingWhenCancelled && cancelled() })
        output.write(pending)  // whole rows only: a stopped rendering ends at a row's end
        return finished
    }

    /// How a streamed statement went.
    private enum Streamed {
        /// Its rows were written as they were read.
        case written
        /// Writing was stopped (^C): whole rows were written.
        case stopped
        /// It did not stream: its result, to write as usual.
        case whole(QueryResult)
    }

    /// The most rows a streamed result keeps for `:export`; a bigger one is not kept (memory
    /// stays bounded however many rows a corpus query gives).
    public var keptRows = 10_000

    /// How many rows a query over a store reads before it writes them (psql's `FETCH_COUNT`).
    public var streamChunkSize = 1_000

    /// Runs a query over a store, writing its rows chunk by chunk as the store reads them
    /// (``Interpreter/stream(_:source:sourceName:chunkSize:chunk:)``, ``ResultStreamRenderer``).
    private func stream(_ statement: QueryStatement, source: String, sourceName: String) throws(QueryError) -> Streamed {
        var renderer = ResultStreamRenderer(format: format, width: width, color: color)
        var pending = ""
        var stopped = false
        var started = false
        var kept: QueryResult?
        var keeping = true
        let cancelled = isCancelled
        let whole = try interpreter.stream(statement, source: source, sourceName: sourceName, chunkSize: streamChunkSize) { chunk in
            // ^C is seen between chunks at once (the store also polls while it reads).
            if started && cancelled() {
                stopped = true
                return false
            }
            if !started {
                started = true
                if format == .table && resultsWritten > 0 { output.write("\n") }
                resultsWritten += 1
            }
            if keeping {
                if kept == nil { kept = QueryResult(columns: chunk.columns, rows: [], displayColumns: chunk.displayColumns) }
                kept?.rows += chunk.rows
                if (kept?.rows.count ?? 0) > keptRows {
                    keeping = false
                    kept = nil
                }
            }
            let finished = renderer.write(format == .table ? chunk.forDisplay() : chunk, to: { piece in
                pending += piece
                if pending.utf8.count >= 65_536 {
                    output.write(pending)
                    pending = ""
                }
            }, shouldStop: cancelled)
            // Each chunk is on the screen before the next is read.
            output.write(pending)
            pending = ""
            stopped = !finished
            return finished
        }
        if let whole { return .whole(whole) }
        if stopped { return .stopped }
        renderer.finish(to: { output.write($0) })
        lastResult = kept
        lastResultWasDropped = !keeping
        return .written
    }

    /// Writes text that is not a query result (help, the article) to ``output``, separated like
    /// a result.
    public func write(text: String) {
        if format == .table && resultsWritten > 0 { output.write("\n") }
        output.write(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
        resultsWritten += 1
    }

    /// Writes `error` to ``messages`` as compiler-style diagnostics, unless it already was.
    public func report(_ error: SessionError) {
        guard !error.isReported else { return }
        messages.writeLine(DiagnosticRenderer(color: diagnosticColor).render(error.queryError))
    }

    private func fail(_ error: SessionError) -> Outcome {
        report(error)
        var reported = error
        reported.isReported = true
        return .failure(reported)
    }

    private func reportTime(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let rounded = (milliseconds * 1000).rounded() / 1000
        messages.writeLine("Time: \(rounded) ms")
    }

    // MARK: - Model and scripts

    /// Replaces the interpreter (`:load`): `$NAME` arguments carry over; `let` bindings and the
    /// last result do not (they belong to the old model).
    public func replaceInterpreter(_ new: Interpreter, modelSource: String) {
        new.arguments = interpreter.arguments
        new.isCancelled = interpreter.isCancelled
        interpreter = new
        self.modelSource = modelSource
        lastResult = nil
        corpus = nil
    }

    /// Queries the corpus in `store` from now on (`--db`, `:open corpus.sqlite`, and after
    /// `:add`): `$NAME` arguments carry over; `let` bindings and the last result do not.
    public func open(corpus store: CorpusDatabase) {
        replaceInterpreter(Interpreter(store: store), modelSource: store.name)
        corpus = store
    }

    /// The folder relative paths in commands are resolved against: the innermost running
    /// script's, else the current folder (`.`).
    public var currentDirectory: String {
        scripts.last { $0.path != nil }?.path.map(TextFile.directory(of:)) ?? "."
    }

    /// Runs `body` with `frame` on the script stack (for relative paths and `:run` recursion
    /// checks); the stack is restored afterwards.
    public func withScript<Result>(_ frame: ScriptFrame, _ body: () throws -> Result) rethrows -> Result {
        scripts.append(frame)
        defer { scripts.removeLast() }
        return try body()
    }
}

/// Why an entry failed: its diagnostics, positioned in the file they came from.
public struct SessionError: Error, Sendable, Equatable {
    /// The problems (at least one), with file lines and columns.
    public var diagnostics: [Diagnostic]
    /// The text the ranges index (the entry, preceded by the lines before it as empty lines).
    public var source: String
    /// The name of the file or input (`path/to/file.nq`, `<stdin>`).
    public var sourceName: String
    /// Whether it has already been written to the session's messages.
    public var isReported = false

    /// Creates an error.
    public init(diagnostics: [Diagnostic], source: String, sourceName: String) {
        self.diagnostics = diagnostics
        self.source = source
        self.sourceName = sourceName
    }

    /// The error of a failed query.
    public init(_ error: QueryError) {
        self.init(diagnostics: error.diagnostics, source: error.source, sourceName: error.sourceName)
    }

    /// As a ``QueryError``, for ``DiagnosticRenderer``.
    public var queryError: QueryError {
        QueryError(diagnostics: diagnostics, source: source, sourceName: sourceName)
    }

    /// The first diagnostic's message.
    public var message: String { diagnostics.first?.message ?? "" }
    /// The first diagnostic's line.
    public var line: Int { diagnostics.first?.range.start.line ?? 1 }
    /// The first diagnostic's column.
    public var column: Int { diagnostics.first?.range.start.column ?? 1 }
}
