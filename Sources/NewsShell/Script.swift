import NewsQuery

/// A newsq script split into the units that run one at a time, with the `# expect` blocks that
/// make it its own test.
///
/// The rules (documented for users in `docs/scripts.md`):
///
/// - A statement ends at a line break or `;` and may span lines while it is incomplete (an open
///   quote or parenthesis, a trailing `|`, `and`, `where`…): lines are added to a unit until
///   the parser no longer reports an *incomplete* diagnostic. A line starting with `|` continues
///   the query above it. One unit may hold several statements (`let h = quotes by Homan; h | count`).
/// - A line whose first non-blank character is `:` is a meta-command (`:run FILE`); it is
///   always one line.
/// - `#` starts a comment. Comment lines of these forms are directives:
///   - `# expect: TEXT` — one line of the expected output of the unit above (the first space
///     after the colon is not part of the text; `# expect:` alone is an empty line). The block
///     of consecutive `# expect:` lines after a unit is its whole expected output.
///   - `# expect error: [LINE:COL: ]MESSAGE` — the unit above fails with this message (at
///     this file position, when given).
///   - `# format: FORMAT` — from here on, test runs render output in FORMAT (like `:format`,
///     but ordinary runs ignore it).
///   - `# args: NAME=VALUE …` — values for `$NAME` in test runs (`newsq --test` and
///     `expectScriptPasses`); ordinary runs take them from `--arg`.
///
/// Lines are numbered from 1 and split where the lexer splits them (`\n`, `\r\n`, `\r`).
public struct Script: Sendable, Equatable {
    /// What a unit runs.
    public enum Kind: Sendable, Equatable {
        /// One or more statements: the source lines, joined with `\n`.
        case statements(String)
        /// A meta-command: its whole line, leading blanks included (so columns are file columns).
        case command(String)
        /// A `# format: FORMAT` directive, honoured only by test runs: the format name as written.
        case format(String)
    }

    /// One thing a script runs, and what it is expected to print.
    public struct Unit: Sendable, Equatable {
        /// Statements, a meta-command or a format directive.
        public var kind: Kind
        /// The first line, from 1.
        public var line: Int
        /// How many lines the unit spans.
        public var lineCount: Int
        /// The `# expect` block after the unit, if any.
        public var expectation: Expectation?

        /// The unit's first line without surrounding blanks, to name it in messages.
        public var summary: String {
            let text: String
            switch kind {
            case .statements(let source): text = source
            case .command(let line): text = line
            case .format(let name): text = "# format: \(name)"
            }
            let first = text.split(omittingEmptySubsequences: false, whereSeparator: Lexer.isLineBreak).first ?? ""
            return Script.trimmed(String(first)) + (lineCount > 1 ? " …" : "")
        }
    }

    /// The `# expect` block after a unit.
    public struct Expectation: Sendable, Equatable {
        /// What the unit must do.
        public enum Content: Sendable, Equatable {
            /// Print exactly these lines (compared without trailing blanks and line-end CRs).
            case output([String])
            /// Fail with this message, at this file line and column when they are given.
            case error(message: String, line: Int?, column: Int?)
        }

        /// The expected output or error.
        public var content: Content
        /// The block's first line.
        public var line: Int
        /// How many lines the block spans.
        public var lineCount: Int
        /// The blanks before the first line's `#`, kept when the block is rewritten.
        public var indentation: String

        /// Creates an expectation.
        public init(content: Content, line: Int, lineCount: Int, indentation: String = "") {
            self.content = content
            self.line = line
            self.lineCount = lineCount
            self.indentation = indentation
        }

        /// The block as it is written in a script: one `# expect: ` line per output line, or
        /// one `# expect error: ` line.
        public var sourceLines: [String] {
            switch content {
            case .output(let lines):
                return lines.map { indentation + ($0.isEmpty ? "# expect:" : "# expect: " + $0) }
            case .error(let message, let line, let column):
                let position = line.map { line in "\(line):\(column ?? 1): " } ?? ""
                return [indentation + "# expect error: " + position + message]
            }
        }
    }

    /// A malformed directive: test runs report it as a failure; ordinary runs ignore it (it is
    /// a comment).
    public struct Problem: Sendable, Equatable {
        /// The line it is on.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// The name diagnostics show: the path as given, `<stdin>`, `<command>`.
    public var name: String
    /// The script's lines, without their line breaks.
    public var lines: [String]
    /// Whether the script's lines end with `\r\n` (kept when it is rewritten).
    public var usesCRLF: Bool
    /// The units, in order.
    public var units: [Unit]
    /// The `# args:` values, by name.
    public var arguments: [String: String]
    /// Malformed directives.
    public var problems: [Problem]

    /// Splits `text` into units and reads its directives.
    public init(text: String, name: String) {
        self.name = name
        (lines, usesCRLF) = Script.lines(of: text)
        units = []
        arguments = [:]
        problems = []
        split()
    }

    /// The script's text with `replacements` applied, line breaks as in the original. Each
    /// replaces the block that starts on its ``Expectation/line``. Blocks that grow or shrink
    /// move the lines below them, so every `# expect error: LINE:COL:` below is renumbered to
    /// keep pointing at its statement.
    public func text(replacing replacements: [Expectation]) -> String {
        var blocks = Dictionary(units.compactMap(\.expectation).map { ($0.line, $0) }, uniquingKeysWith: { $1 })
        var changed = Set<Int>()
        var shifts: [(line: Int, delta: Int)] = []
        for replacement in replacements {
            let old = blocks[replacement.line]
            shifts.append((replacement.line, replacement.sourceLines.count - (old?.lineCount ?? 0)))
            blocks[replacement.line] = Expectation(content: replacement.content, line: replacement.line,
                                                   lineCount: old?.lineCount ?? 0, indentation: replacement.indentation)
            changed.insert(replacement.line)
        }
        for (line, block) in blocks {
            guard case .error(let message, let errorLine?, let column) = block.content, errorLine < line else { continue }
            let delta = shifts.filter { $0.line < errorLine }.reduce(0) { $0 + $1.delta }
            guard delta != 0 else { continue }
            blocks[line]?.content = .error(message: message, line: errorLine + delta, column: column)
            changed.insert(line)
        }
        var result = lines
        for line in changed.sorted(by: >) {
            guard let block = blocks[line] else { continue }
            result.replaceSubrange((line - 1)..<(line - 1 + block.lineCount), with: block.sourceLines)
        }
        return result.joined(separator: usesCRLF ? "\r\n" : "\n")
    }

    // MARK: - Splitting

    private mutating func split() {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let text = Script.trimmed(line)
            if text.isEmpty {
                index += 1
            } else if text.hasPrefix("#") {
                index = readComment(at: index)
            } else if text.hasPrefix(":") {
                units.append(Unit(kind: .command(line), line: index + 1, lineCount: 1))
                index += 1
            } else {
                let end = statementEnd(from: index)
                let source = lines[index...end].joined(separator: "\n")
                units.append(Unit(kind: .statements(source), line: index + 1, lineCount: end - index + 1))
                index = end + 1
            }
        }
    }

    /// The last line of the unit of statements starting at `start`.
    private func statementEnd(from start: Int) -> Int {
        var end = start
        var bytes = lines[start].utf8.count
        while true {
            // Past the length limit the statement is refused when it runs (by
            // ``Interpreter/checkLength(of:sourceName:startLine:)``): parsing it, again for every
            // line, would only take time.
            if bytes > Interpreter.maximumSourceBytes { return end }
            // On the last line the unit ends here whatever the parser would say: no need to
            // parse it twice (a one-shot `newsq -c` is a one-line script).
            guard end + 1 < lines.count else { return end }
            let source = lines[start...end].joined(separator: "\n")
            if Script.isIncomplete(source) {
                // Read on, unless the next line is an expectation (which would be swallowed).
                guard end + 1 < lines.count, !Script.isExpectation(lines[end + 1]) else { return end }
                end += 1
                bytes += 1 + lines[end].utf8.count
                continue
            }
            // A line starting with `|` (after blank and comment lines) continues the query.
            var next = end + 1
            while next < lines.count {
                let text = Script.trimmed(lines[next])
                guard text.isEmpty || (text.hasPrefix("#") && Script.directive(in: lines[next]) == nil) else { break }
                next += 1
            }
            guard next < lines.count, Script.trimmed(lines[next]).hasPrefix("|") else { return end }
            bytes += lines[(end + 1)...next].reduce(0) { $0 + 1 + $1.utf8.count }
            end = next
        }
    }

    /// Reads the comment line at `index` (and, for an expectation, the rest of its block);
    /// returns the index of the line after.
    private mutating func readComment(at index: Int) -> Int {
        switch Script.directive(in: lines[index]) {
        case nil:
            return index + 1
        case .format(let name):
            units.append(Unit(kind: .format(name), line: index + 1, lineCount: 1))
            return index + 1
        case .arguments(let text):
            readArguments(text, line: index + 1)
            return index + 1
        case .output, .error:
            return readExpectation(at: index)
        }
    }

    private mutating func readArguments(_ text: String, line: Int) {
        let words: [MetaCommand.Word]
        do {
            words = try MetaCommand.words(in: text)
        } catch {
            problems.append(Problem(line: line, message: "# args: \(error.message)"))
            return
        }
        for word in words {
            guard let (name, value) = Script.assignment(word.text) else {
                problems.append(Problem(line: line, message: "# args: expected NAME=VALUE, found '\(word.text)'"))
                continue
            }
            arguments[name] = value
        }
    }

    private mutating func readExpectation(at start: Int) -> Int {
        var output: [String] = []
        var errors: [String] = []
        var end = start
        while end < lines.count, let directive = Script.directive(in: lines[end]) {
            if case .output(let text) = directive {
                output.append(text)
            } else if case .error(let text) = directive {
                errors.append(text)
            } else {
                break
            }
            end += 1
        }
        let line = start + 1
        let indentation = String(lines[start].prefix { $0 == " " || $0 == "\t" })
        let content: Expectation.Content
        if !errors.isEmpty {
            guard output.isEmpty, errors.count == 1 else {
                problems.append(Problem(line: line, message: output.isEmpty
                    ? "more than one '# expect error:' line: a statement fails with one error"
                    : "an expectation mixes '# expect:' and '# expect error:' lines"))
                return end
            }
            content = Script.expectedError(errors[0])
        } else {
            content = .output(output)
        }
        let expectation = Expectation(content: content, line: line, lineCount: end - start, indentation: indentation)
        guard let last = units.indices.last else {
            problems.append(Problem(line: line, message: "an expectation before any statement"))
            return end
        }
        if case .format = units[last].kind {
            problems.append(Problem(line: line, message: "an expectation must follow a statement or a ':' command, not '# format:'"))
        } else if let earlier = units[last].expectation {
            problems.append(Problem(line: line, message: "a second expectation for line \(units[last].line) (its first is at line \(earlier.line)): write one block"))
        } else {
            units[last].expectation = expectation
        }
        return end
    }

    // MARK: - Directives

    /// A directive comment line.
    enum Directive: Equatable {
        case output(String), error(String), format(String), arguments(String)
    }

    /// The directive on `line`, or `nil` for code and plain comments.
    static func directive(in line: String) -> Directive? {
        var rest = Substring(line.drop { $0 == " " || $0 == "\t" })
        guard rest.hasPrefix("#") else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        func after(_ prefix: String) -> Substring? {
            rest.hasPrefix(prefix) ? rest.dropFirst(prefix.count) : nil
        }
        if let text = after("expect:") {
            return .output(String(text.hasPrefix(" ") ? text.dropFirst() : text))
        }
        if let text = after("expect error:") { return .error(trimmed(String(text))) }
        if let text = after("format:") { return .format(trimmed(String(text))) }
        if let text = after("args:") { return .arguments(String(text)) }
        return nil
    }

    static func isExpectation(_ line: String) -> Bool {
        switch directive(in: line) {
        case .output, .error: return true
        default: return false
        }
    }

    /// `LINE:COL: MESSAGE` or `MESSAGE`.
    static func expectedError(_ text: String) -> Expectation.Content {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]), parts[2].hasPrefix(" ") {
            return .error(message: String(parts[2].dropFirst()), line: line, column: column)
        }
        return .error(message: text, line: nil, column: nil)
    }

    // MARK: - Helpers

    /// `text` split at `\n`, `\r\n` and `\r` (as ``Lexer/isLineBreak(_:)`` splits it), and
    /// whether it has a `\r\n`. Byte by byte: a 10 MB line is split in milliseconds, where
    /// walking it `Character` by `Character` takes seconds.
    static func lines(of text: String) -> (lines: [String], usesCRLF: Bool) {
        var lines: [String] = []
        var usesCRLF = false
        let utf8 = Array(text.utf8)
        var start = 0, index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else { index += 1; continue }
            lines.append(String(decoding: utf8[start..<index], as: UTF8.self))
            if byte == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A {
                usesCRLF = true
                index += 1
            }
            index += 1
            start = index
        }
        lines.append(String(decoding: utf8[start..<utf8.count], as: UTF8.self))
        return (lines, usesCRLF)
    }

    /// Whether `entry` is an unfinished statement that needs another line (an open quote or
    /// parenthesis, a trailing `|`, `and`, `where`…); `false` for a meta-command or a complete or
    /// wrong statement. What a REPL asks before running what was typed.
    public static func isIncomplete(_ entry: String) -> Bool {
        if trimmed(entry).hasPrefix(":") { return false }
        do {
            _ = try Parser.parse(entry)
            return false
        } catch {
            return error.isIncomplete
        }
    }

    /// `NAME=VALUE` split at the first `=`, when NAME is a valid `$NAME` (letters, digits, `_`).
    public static func assignment(_ text: String) -> (name: String, value: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (name, String(text[text.index(after: equals)...]))
    }

    /// `text` without leading and trailing blanks (spaces, tabs, line breaks).
    static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
