import LineEditor
import NewsModel
import NewsQuery

/// The interactive shell: reads statements and `:` commands with a ``LineEditor``, runs them in
/// a ``Session``, and keeps their history.
///
/// - The prompt is `newsq> `. While a statement is incomplete (an open quote or parenthesis, a
///   trailing `|`, `and`, `where`…) each further line is asked for with a prompt saying what is
///   open (``REPLInput/continuationPrompt(for:)``); the statement runs once complete and is one
///   history entry. A line that arrives together with the one before (a paste) and starts with
///   `|` continues the statement above it, as in a script.
/// - ^C while typing discards the line; ^C while a statement or script runs cancels it within a
///   few hundred rows (``InterruptSignal``, ``Session/isCancelled``) and returns to the prompt. ^D on an empty line, or the
///   end of piped input, ends the session.
/// - Tab completes from the grammar (``CompletionEngine``); the vocabulary follows `let`
///   bindings and `:load`.
/// - Output is fitted to the terminal's width, read again before every entry.
///
/// The REPL adds `:history` and `:quit` (aliases `:q`, `:exit`) to the session's commands.
///
/// ```swift
/// let session = try Session(model: .bundled)
/// var repl = REPL(session: session, version: "newsq 0.1.0")   // libedit, history from the environment
/// exit(repl.run())
/// ```
public struct REPL {
    /// The primary prompt.
    public static let prompt = "newsq> "

    /// The session statements run in.
    public let session: Session
    /// Where lines come from.
    public let editor: any LineEditor
    /// The persistent history, or `nil` when it is turned off.
    public let history: HistoryStore?
    /// The version shown in the welcome line (`newsq 0.1.0`).
    public var version: String

    private let state: REPLState

    /// Creates a REPL.
    ///
    /// - Parameters:
    ///   - session: Where statements run; its ``Session/output`` and ``Session/messages`` get
    ///     results and diagnostics, and its colour settings are kept as the caller set them.
    ///   - editor: A ``LibeditLineEditor`` on a terminal, else a ``PlainLineEditor``.
    ///   - history: The history file (its entries are loaded into the editor), or `nil`.
    ///   - version: What the welcome line starts with.
    public init(session: Session, editor: any LineEditor, history: HistoryStore?, version: String = "newsq 0.1.0") {
        self.session = session
        self.editor = editor
        self.history = history
        self.version = version
        state = REPLState(session: session, history: history)
    }

    /// A REPL on the process's terminal: libedit when standard input is a terminal (else plain
    /// reading), and the history file the environment names (``HistoryStore/defaultPath(environment:)``).
    public init(session: Session, version: String = "newsq 0.1.0") {
        let editor: any LineEditor = LibeditLineEditor() ?? PlainLineEditor()
        let path = HistoryStore.defaultPath(environment: HistoryStore.processEnvironment)
        self.init(session: session, editor: editor, history: path.map { HistoryStore(path: $0) }, version: version)
    }

    /// The line printed when an interactive session starts.
    public var welcome: String {
        if let corpus = session.corpus {
            let count = (try? corpus.articleCount()).map(CorpusFile.articles) ?? "unreadable"
            return "\(version) — \(corpus.name) (a corpus of \(count)). Type :help for help, :quit to leave."
        }
        let model = session.interpreter.model
        let article = model.article
        let extracted = model.provenance?.extracted == true
            ? ", extracted from \(model.provenance?.sourceFile ?? "standard input")" : ""
        return "\(version) — \(article.id) (\(article.source), \(article.date.iso)\(extracted)). Type :help for help, :quit to leave."
    }

    /// Runs the loop until ^D, the end of the input or `:quit`; returns the exit status: 0, the
    /// status `:quit` gives, and for piped input 1 when a statement failed and 130 on ^C.
    public mutating func run() -> Int32 {
        InterruptSignal.install()
        session.isInterrupted = { InterruptSignal.isPending }
        session.isCancelled = { InterruptSignal.isPending }
        REPLMetaCommands.install(in: session, state: state)
        let interactive = editor.isInteractive
        if interactive { session.output.writeLine(REPLInput.wrap(welcome, width: editor.width)) }
        for entry in history?.entries ?? [] { editor.addHistory(entry) }
        let state = self.state
        editor.completion = { line, cursor in state.complete(line, cursor: cursor) }

        var failed = false
        var lineNumber = 0
        while true {
            let prompt = state.pending.isEmpty ? Self.prompt : REPLInput.continuationPrompt(for: state.pendingSource)
            switch editor.readLine(prompt: prompt) {
            case .eof:
                if !state.pending.isEmpty, case .failure = runEntry(state.takePending(), interactive: interactive) {
                    failed = true
                }
                return !interactive && failed ? ExitStatus.queryError : ExitStatus.success
            case .interrupted:
                InterruptSignal.clear()
                state.pending.removeAll()
                if !interactive { return ExitStatus.interrupted }
            case .line(let line):
                if state.pending.isEmpty { state.firstLine = lineNumber + 1 }
                lineNumber += line.split(omittingEmptySubsequences: false, whereSeparator: Lexer.isLineBreak).count
                guard let entry = state.accept(line, peek: { editor.peekLine() }) else { continue }
                let outcome = runEntry(entry, interactive: interactive)
                switch outcome {
                case .quit(let status): return status
                case .interrupted where !interactive: return ExitStatus.interrupted
                case .failure: failed = true
                default: break
                }
            }
        }
    }

    /// Records `entry` in the history (without trailing blanks) and runs it with the terminal's
    /// current width.
    private func runEntry(_ entry: String, interactive: Bool) -> Session.Outcome {
        var kept = Substring(entry)
        while let last = kept.last, last == " " || last == "\t" { kept = kept.dropLast() }
        if interactive && state.record(String(kept)) { editor.addHistory(String(kept)) }
        InterruptSignal.clear()
        session.width = editor.width
        session.resultsWritten = 0
        // `help`, `quit` and `exit` alone do what they say, as in psql (unless `let` bound them).
        var entry = entry
        if interactive, let command = REPLInput.command(for: entry), session.interpreter.binding(Script.trimmed(entry)) == nil {
            entry = command
        }
        let outcome = session.execute(entry: entry, sourceName: interactive ? "<input>" : "<stdin>",
                                      startLine: interactive ? 1 : state.firstLine)
        if outcome == .interrupted || InterruptSignal.clear() {
            session.messages.writeLine(interactive ? "interrupted" : "newsq: interrupted")
            return .interrupted
        }
        return outcome
    }
}

/// What the REPL loop and its callbacks (Tab, `:history`) share: the lines of an unfinished
/// statement, the history entries, and the completion engine for the current model.
final class REPLState {
    let session: Session
    let history: HistoryStore?
    /// The lines of the statement being typed.
    var pending: [String] = []
    /// The input line the pending statement starts on (for piped input's diagnostics).
    var firstLine = 1
    /// The entries of this session, when there is no history file.
    private(set) var memoryEntries: [String] = []
    private var engine: CompletionEngine?
    private var engineInterpreter: ObjectIdentifier?

    init(session: Session, history: HistoryStore?) {
        self.session = session
        self.history = history
    }

    /// The pending lines as one source.
    var pendingSource: String { pending.joined(separator: "\n") }

    /// Empties the pending statement and returns its source.
    func takePending() -> String {
        defer { pending.removeAll() }
        return pendingSource
    }

    /// The history entries, oldest first.
    var entries: [String] { history?.entries ?? memoryEntries }

    /// Adds `entry` to the history; returns whether it was kept (not blank, not starting with a
    /// space, not the same as the last one).
    func record(_ entry: String) -> Bool {
        if let history { return history.add(entry) }
        guard REPLInput.isWorthKeeping(entry), entry != memoryEntries.last else { return false }
        memoryEntries.append(entry)
        if memoryEntries.count > HistoryStore.defaultCapacity { memoryEntries.removeFirst() }
        return true
    }

    /// Takes one line; returns the entry to run when it completes one: a `:` command line, or
    /// statements that parse (or fail for another reason than being unfinished) and that the
    /// next line, if it has already arrived, does not continue with `|`.
    func accept(_ line: String, peek: () -> String?) -> String? {
        if pending.isEmpty {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { return nil }
            if trimmed.hasPrefix(":") { return line }
        }
        pending.append(line)
        switch REPLInput.classify(pendingSource) {
        case .incomplete:
            return nil
        case .empty:
            pending.removeAll()
            return nil
        case .complete, .invalid:
            if let next = peek(), next.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("|") { return nil }
            return takePending()
        }
    }

    /// Tab: the completion for the pending lines followed by `line`.
    func complete(_ line: String, cursor: Int) -> CompletionReply? {
        let identity = ObjectIdentifier(session.interpreter)
        if engine == nil || engineInterpreter != identity {
            let names = session.commands.commands.map { ":" + $0.name }
            engine = CompletionEngine(vocabulary: CompletionVocabulary(
                model: session.interpreter.model, interpreter: session.interpreter, metaCommands: names))
            engineInterpreter = identity
        }
        engine!.vocabulary.refreshVariables(from: session.interpreter)
        let prefix = pending.isEmpty ? "" : pendingSource + "\n"
        let offset = prefix.unicodeScalars.count
        let completion = engine!.complete(prefix + line, cursor: offset + cursor)
        guard !completion.candidates.isEmpty else { return nil }
        let start = max(offset, completion.range.lowerBound)
        return CompletionReply(replacing: offset + cursor - start, insertion: completion.insertion,
                               candidates: completion.candidates)
    }
}

/// How the REPL reads its input: whether a statement is finished, and what a continuation
/// prompt says.
public enum REPLInput {
    /// What the lines typed so far amount to.
    public enum Status: Sendable, Equatable {
        /// One or more statements that parse.
        case complete
        /// The statement stops in the middle: ask for another line.
        case incomplete
        /// Wrong in a way another line cannot fix: run it to report the error.
        case invalid
        /// Only blanks and comments.
        case empty
    }

    /// Classifies `source` with the parser.
    public static func classify(_ source: String) -> Status {
        do {
            return try Parser.parse(source).isEmpty ? .empty : .complete
        } catch {
            return error.isIncomplete ? .incomplete : .invalid
        }
    }

    /// The prompt for the next line of the unfinished `source`, as wide as ``REPL/prompt``:
    /// `   "> ` inside a quote, `   (> ` inside parentheses, `   |> ` after a `|` (or before a
    /// pasted line starting with one), else `   -> `.
    public static func continuationPrompt(for source: String) -> String {
        // Complete statements wait only for a pasted line that starts with `|`.
        guard classify(source) == .incomplete else { return "   |> " }
        let tokens = Lexer.tokenize(source).filter { $0.kind != .end && $0.kind != .newline }
        if let last = tokens.last, last.kind == .error, last.diagnostic?.kind == .incomplete {
            return "   \"> "
        }
        var depth = 0
        for token in tokens {
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth = max(0, depth - 1) }
        }
        if depth > 0 { return "   (> " }
        return tokens.last?.kind == .pipe ? "   |> " : "   -> "
    }

    /// The `:` command a bare word typed alone stands for, as psql takes them: `help` (or
    /// `help;`, `help?`) is `:help`, `quit` and `exit` are `:quit`; `nil` for anything else.
    public static func command(for entry: String) -> String? {
        var word = Script.trimmed(entry).lowercased()
        while let last = word.last, last == ";" || last == "?" || last == " " { word.removeLast() }
        switch word {
        case "help": return ":help"
        case "quit", "exit", "\\q": return ":quit"
        default: return nil
        }
    }

    /// `text` broken into lines of at most `width` columns between words (a word longer than
    /// the width stands alone on its line); unchanged without a width.
    public static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width > 0, text.count > width else { return text }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Whether an entry belongs in history: not blank and not starting with a space (a way to
    /// keep a line out of it).
    public static func isWorthKeeping(_ entry: String) -> Bool {
        !entry.hasPrefix(" ") && !entry.allSatisfy(\.isWhitespace)
    }
}
