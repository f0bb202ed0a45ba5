import NewsModel
import NewsQuery

/// A `:` command of the shell and of scripts (`:run FILE`, `:format json`, `:help`): its name,
/// a synopsis of its arguments, a one-line summary, and the handler that runs it.
///
/// Commands live in a ``MetaCommandTable``, from which `:help` is generated; a command may be
/// typed as any unique prefix of its name (`:fo json`). To add one:
///
/// ```swift
/// session.commands.add(MetaCommand(
///     name: "quit", arguments: "", summary: "Leave newsq",
///     details: "Also ^D on an empty line.") { invocation in
///     guard invocation.arguments.isEmpty else { return invocation.usageError() }
///     return .quit(status: 0)
/// })
/// ```
public struct MetaCommand {
    /// What a handler gets: the session, the arguments as typed, and where the command stands,
    /// so it can resolve paths and point errors at an argument.
    public struct Invocation {
        /// The session the command acts on.
        public let session: Session
        /// The command as looked up.
        public let command: MetaCommand
        /// The arguments: blank-separated words, `"quoted"` when they hold blanks.
        public let arguments: [Word]
        /// The whole line, as written.
        public let line: String
        /// The script or input the line is in (`<input>`, a path).
        public let sourceName: String
        /// The line's number in that source.
        public let lineNumber: Int

        /// The argument texts.
        public var argumentTexts: [String] { arguments.map(\.text) }

        /// A failure pointing at argument `index` (at the command name when `nil` or out of range).
        public func failure(_ message: String, at index: Int? = nil, kind: Diagnostic.Kind = .syntax,
                            notes: [Diagnostic.Note] = [], fixIts: [Diagnostic.FixIt] = []) -> Session.Outcome {
            let word = index.flatMap { arguments.indices.contains($0) ? arguments[$0] : nil } ?? nameWord
            return .failure(SessionError(
                diagnostics: [Diagnostic(kind: kind, message: message, range: range(of: word), notes: notes, fixIts: fixIts)],
                source: paddedSource, sourceName: sourceName))
        }

        /// The failure for arguments that do not fit the command's synopsis.
        public func usageError() -> Session.Outcome {
            failure("usage: :\(command.name)\(command.arguments.isEmpty ? "" : " " + command.arguments)",
                    at: arguments.isEmpty ? nil : 0)
        }

        /// A path argument resolved against the folder of the script being run (the current
        /// folder at the top level, in the REPL, for `-c` and standard input).
        public func resolve(_ path: String) -> String {
            TextFile.join(session.currentDirectory, path)
        }

        /// The range of `word` in ``paddedSource``.
        public func range(of word: Word) -> SourceRange {
            let characters = Array(line)
            func position(_ column: Int) -> SourcePosition {
                let prefix = String(characters.prefix(max(0, column - 1)))
                return SourcePosition(line: lineNumber, column: column, offset: lineNumber - 1 + prefix.unicodeScalars.count)
            }
            return SourceRange(start: position(word.column), end: position(word.column + word.length))
        }

        /// The line preceded by `lineNumber - 1` empty lines: the text diagnostics index.
        public var paddedSource: String { String(repeating: "\n", count: max(0, lineNumber - 1)) + line }

        /// The `:name` word.
        var nameWord: Word
    }

    /// A blank-separated word of a command line.
    public struct Word: Sendable, Equatable {
        /// The word with its quotes removed and escapes applied.
        public var text: String
        /// Its first column in the line (from 1, in characters).
        public var column: Int
        /// How many characters it takes in the line, quotes included.
        public var length: Int

        /// Creates a word.
        public init(text: String, column: Int, length: Int) {
            self.text = text
            self.column = column
            self.length = length
        }
    }

    /// Why a command line cannot be split into words.
    public struct WordError: Error, Sendable, Equatable {
        /// What is wrong.
        public var message: String
        /// The column of the problem (the opening quote).
        public var column: Int
    }

    /// The name, without the colon (`run`).
    public var name: String
    /// The arguments' synopsis for help and usage messages (`FILE`, `[N|all]`, `on|off`).
    public var arguments: String
    /// One line saying what the command does.
    public var summary: String
    /// More text for `:help NAME`, if any.
    public var details: String
    /// Runs the command.
    public var handler: (Invocation) -> Session.Outcome

    /// Creates a command.
    public init(name: String, arguments: String, summary: String, details: String = "",
                handler: @escaping (Invocation) -> Session.Outcome) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.details = details
        self.handler = handler
    }

    /// `:name ARGUMENTS`, as help shows it.
    public var synopsis: String { ":" + name + (arguments.isEmpty ? "" : " " + arguments) }

    /// Splits a command line into words: blanks separate words; `"…"` quotes blanks (with `\"`
    /// and `\\` escapes) anywhere in a word; a word starting with an unquoted `#` starts a
    /// comment that runs to the end of the line.
    public static func words(in line: String) throws(WordError) -> [Word] {
        let characters = Array(line)
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            if characters[index] == " " || characters[index] == "\t" {
                index += 1
                continue
            }
            if characters[index] == "#" { break }
            let start = index
            var text = ""
            while index < characters.count, characters[index] != " ", characters[index] != "\t" {
                guard characters[index] == "\"" else {
                    text.append(characters[index])
                    index += 1
                    continue
                }
                let quote = index
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count,
                        characters[index + 1] == "\"" || characters[index + 1] == "\\" {
                        index += 1
                    }
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw WordError(message: "unterminated quote", column: quote + 1) }
                index += 1
            }
            words.append(Word(text: text, column: start + 1, length: index - start))
        }
        return words
    }
}

/// The `:` commands a ``Session`` knows, in the order `:help` lists them, with lookup by name
/// or unique prefix.
public struct MetaCommandTable {
    /// What a typed name finds.
    public enum Lookup {
        /// The command: the one with exactly this name, else the only one it is a prefix of.
        case found(MetaCommand)
        /// Several commands start with the name.
        case ambiguous([String])
        /// Nothing matches; the nearest name when one is close.
        case unknown(suggestion: String?)
    }

    /// The commands, sorted by name.
    public private(set) var commands: [MetaCommand]

    /// A table of `commands`.
    public init(_ commands: [MetaCommand]) {
        self.commands = []
        for command in commands { add(command) }
    }

    /// Adds `command`, replacing any command with the same name.
    public mutating func add(_ command: MetaCommand) {
        commands.removeAll { $0.name == command.name }
        commands.append(command)
        commands.sort { $0.name < $1.name }
    }

    /// Removes the command named `name`, if there is one.
    public mutating func remove(_ name: String) {
        commands.removeAll { $0.name == name }
    }

    /// The command `name` (case-insensitive, without the colon) stands for.
    public func lookup(_ name: String) -> Lookup {
        let lowered = name.lowercased()
        if let exact = commands.first(where: { $0.name == lowered }) { return .found(exact) }
        let matches = commands.filter { $0.name.hasPrefix(lowered) }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches.map(\.name)) }
        return .unknown(suggestion: nearestName(to: lowered, in: commands.map(\.name)))
    }

    /// The command list `:help` prints: one line per command, synopses aligned.
    public var helpText: String {
        let width = commands.map(\.synopsis.count).max() ?? 0
        var lines = ["Commands (any unique prefix works, e.g. :fo json):"]
        for command in commands {
            let padding = String(repeating: " ", count: width - command.synopsis.count)
            lines.append("  \(command.synopsis)\(padding)  \(command.summary)")
        }
        return lines.joined(separator: "\n")
    }
}
