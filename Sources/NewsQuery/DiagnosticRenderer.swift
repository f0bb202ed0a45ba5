/// Renders ``Diagnostic``s as text for a terminal, compiler style:
///
/// ```
/// <input>:1:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
/// quotes by Homen
///           ^~~~~
///   fix: replace 'Homen' with 'Homan'
///   try: quotes by Homan
/// ```
///
/// Each diagnostic prints `NAME:LINE:COLUMN: SEVERITY: MESSAGE`, the source line (tabs kept),
/// and a caret line: `^` under the first character of the range, `~` under the rest of it on
/// that line. The caret line is padded by display width (``DisplayWidth``), so it lines up
/// under wide characters, and copies the tabs of the source line. Fix-its follow as
/// `  fix: …` lines and a `  try: …` line (the source line with every fix applied), then notes, each like a diagnostic of severity `note` (with its own
/// source line and caret when it has a range). Colour (ANSI escapes) is added only when asked.
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the output: bold red `error:`, bold message, green caret.
    public var color: Bool

    /// Creates a renderer.
    public init(color: Bool = false) {
        self.color = color
    }

    /// Renders every diagnostic of `error` against its source; lines end with `\n` except
    /// the last.
    public func render(_ error: QueryError) -> String {
        render(error.diagnostics, source: error.source, sourceName: error.sourceName)
    }

    /// Renders `diagnostics`, in order, against `source` shown as `sourceName`.
    public func render(_ diagnostics: [Diagnostic], source: String, sourceName: String) -> String {
        diagnostics.map { render($0, source: source, sourceName: sourceName) }.joined(separator: "\n")
    }

    /// Renders one diagnostic with its fix-its and notes.
    public func render(_ diagnostic: Diagnostic, source: String, sourceName: String) -> String {
        let lines = DiagnosticRenderer.lines(of: source)
        var output = header(sourceName, diagnostic.range.start, diagnostic.severity, diagnostic.message)
        output += excerpt(diagnostic.range, lines: lines)
        for fixIt in diagnostic.fixIts {
            output.append("  fix: " + DiagnosticRenderer.describe(fixIt, in: source))
        }
        if !diagnostic.fixIts.isEmpty {
            // The line as it reads with every fix applied: a suggestion that runs as typed.
            let fixed = DiagnosticRenderer.lines(of: Diagnostic.applying(diagnostic.fixIts, to: source))
            let number = diagnostic.range.start.line
            if number >= 1 && number <= fixed.count {
                let line = fixed[number - 1].trimmingCharacters(in: [" ", "\t"])
                if !line.isEmpty && line.count <= Self.maximumExcerptWidth { output.append("  try: " + line) }
            }
        }
        for note in diagnostic.notes {
            output += header(sourceName, (note.range ?? diagnostic.range).start, .note, note.message)
            if let range = note.range { output += excerpt(range, lines: lines) }
        }
        return output.joined(separator: "\n")
    }

    // MARK: - Parts

    /// `NAME:LINE:COLUMN: SEVERITY: MESSAGE`, coloured when asked.
    private func header(_ sourceName: String, _ at: SourcePosition, _ severity: Diagnostic.Severity, _ message: String) -> [String] {
        let label = severity.rawValue + ":"
        let message = Self.elided(message)
        guard color else { return ["\(sourceName):\(at.line):\(at.column): \(label) \(message)"] }
        let labelColor: String
        switch severity {
        case .error: labelColor = "1;31"
        case .warning: labelColor = "1;35"
        case .note: labelColor = "1;36"
        }
        return ["\(sourceName):\(at.line):\(at.column): \(ansi(labelColor, label)) \(ansi("1", message))"]
    }

    /// The most characters of a message shown; a longer one (it quotes something huge the user
    /// typed) keeps its start and end with `…` between.
    static let maximumMessageLength = 300

    /// `message`, cut in the middle to ``maximumMessageLength`` characters when longer.
    static func elided(_ message: String) -> String {
        guard message.count > maximumMessageLength else { return message }
        let head = (maximumMessageLength - 1) / 2
        return message.prefix(head) + "…" + message.suffix(maximumMessageLength - 1 - head)
    }

    /// The most characters of a source line an excerpt shows; longer lines are cut to a window
    /// around the range, with `…` where text was left out.
    public static let maximumExcerptWidth = 160

    /// The source line a range starts on, and the caret line under it.
    private func excerpt(_ range: SourceRange, lines: [String]) -> [String] {
        let line = range.start.line >= 1 && range.start.line <= lines.count ? lines[range.start.line - 1] : ""
        let characters = Array(line)
        var startIndex = max(0, range.start.column - 1)
        var endIndex = range.end.line == range.start.line ? max(startIndex, range.end.column - 1) : characters.count
        // A long line is shown as a window that starts a little before the range.
        var shown = characters[...]
        var prefix = "", suffix = ""
        if characters.count > Self.maximumExcerptWidth {
            let from = min(max(0, startIndex - 40), max(0, characters.count - Self.maximumExcerptWidth))
            let to = min(characters.count, from + Self.maximumExcerptWidth)
            shown = characters[from..<to]
            if from > 0 { prefix = "…" }
            if to < characters.count { suffix = "…" }
            startIndex = startIndex - from + prefix.count
            endIndex = min(endIndex - from, to - from) + prefix.count
        }
        let window = Array(prefix) + Array(shown) + Array(suffix)
        var padding = ""
        for index in 0..<startIndex {
            guard index < window.count else {
                padding.append(" ")
                continue
            }
            let character = window[index]
            padding += character == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(character))
        }
        var width = 0
        if startIndex < window.count {
            for character in window[startIndex..<min(max(startIndex, endIndex), window.count - suffix.count)] {
                width += character == "\t" ? 1 : DisplayWidth.of(character)
            }
        }
        let caret = "^" + String(repeating: "~", count: max(0, width - 1))
        return [String(window), padding + (color ? ansi("32", caret) : caret)]
    }

    private func ansi(_ code: String, _ text: String) -> String {
        "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// `insert '"'`, `remove 'x'` or `replace 'Homen' with 'Homan'`.
    static func describe(_ fixIt: Diagnostic.FixIt, in source: String) -> String {
        let scalars = source.unicodeScalars
        let start = min(max(0, fixIt.range.start.offset), scalars.count)
        let end = min(max(start, fixIt.range.end.offset), scalars.count)
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: end - start)
        var original = String(scalars[lower..<upper])
        if original.count > 60 { original = original.prefix(57) + "…" }
        if original.isEmpty { return "insert '\(fixIt.replacement)'" }
        if fixIt.replacement.isEmpty { return "remove '\(original)'" }
        return "replace '\(original)' with '\(fixIt.replacement)'"
    }

    /// The lines of `source`, split at the line breaks the lexer counts (`\n`, `\r\n`, `\r`).
    static func lines(of source: String) -> [String] {
        source.split(omittingEmptySubsequences: false, whereSeparator: Lexer.isLineBreak).map(String.init)
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
