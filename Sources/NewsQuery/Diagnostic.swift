/// A problem found in a query: what is wrong, where, and how it might be fixed.
///
/// Diagnostics are plain values; ``DiagnosticRenderer`` turns them into text
/// (`<input>:1:10: error: …`, the source line, a caret). The engine never prints.
public struct Diagnostic: Sendable, Equatable, Codable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable {
        /// The statement cannot run.
        case error
        /// The statement runs, but probably not as intended.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// What kind of problem it is, for programs that react to diagnostics.
    public enum Kind: String, Sendable, Codable {
        /// The input stops in the middle of a statement (open quote or parenthesis, trailing
        /// `|`, `and`, `or`, `not`, `where`…): a REPL should ask for a continuation line.
        case incomplete
        /// The input does not follow the grammar.
        case syntax
        /// A name (actor, field, variable, id) does not resolve.
        case name
        /// A value has the wrong type or form for where it stands (a bad date, a negative limit).
        case type
        /// The query was cancelled while it ran (``Interpreter/isCancelled`` turned true): not
        /// a mistake in the query, and nothing to point at.
        case cancelled
    }

    /// A secondary message, optionally at its own range (`'(' opened here`).
    public struct Note: Sendable, Equatable, Codable {
        /// The note's text.
        public var message: String
        /// Where it points, if anywhere.
        public var range: SourceRange?

        /// Creates a note.
        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// A suggested edit: replace the text at `range` with `replacement`.
    public struct FixIt: Sendable, Equatable, Codable {
        /// The text to replace.
        public var range: SourceRange
        /// What to put there.
        public var replacement: String

        /// Creates a fix-it.
        public init(range: SourceRange, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// Incomplete input, syntax, name or type.
    public var kind: Kind
    /// One line saying what is wrong, quoting what the user typed.
    public var message: String
    /// The source text the diagnostic points at.
    public var range: SourceRange
    /// Further explanations.
    public var notes: [Note]
    /// Suggested edits.
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, kind: Kind, message: String, range: SourceRange, notes: [Note] = [],
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }

    /// Whether the problem is only that the input has not finished yet.
    public var isIncomplete: Bool { kind == .incomplete }

    /// `source` with the fix-its applied: each replaces the scalars between its range's start
    /// and end offsets. Overlapping fix-its are not applied twice: a fix that starts inside
    /// the text an earlier one replaced is skipped.
    public static func applying(_ fixIts: [FixIt], to source: String) -> String {
        var scalars = Array(source.unicodeScalars)
        var lowestStart = Int.max
        for fix in fixIts.sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
            let start = min(max(0, fix.range.start.offset), scalars.count)
            let end = min(max(start, fix.range.end.offset), scalars.count)
            guard end <= lowestStart else { continue }
            scalars.replaceSubrange(start..<end, with: fix.replacement.unicodeScalars)
            lowestStart = start
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}

/// The diagnostics of a failed statement, thrown by the interpreter, with the source they
/// refer to so they can be rendered on their own.
public struct QueryError: Error, Sendable, Equatable {
    /// The problems, in source order (at least one).
    public var diagnostics: [Diagnostic]
    /// The source text the ranges index.
    public var source: String
    /// The name to show for the source: `<input>`, a file path.
    public var sourceName: String

    /// Creates an error.
    public init(diagnostics: [Diagnostic], source: String, sourceName: String) {
        self.diagnostics = diagnostics
        self.source = source
        self.sourceName = sourceName
    }

    /// Whether the statement failed only because it is unfinished.
    public var isIncomplete: Bool { diagnostics.contains { $0.isIncomplete } }

    /// Whether the query was cancelled while it ran (``Interpreter/isCancelled``), rather than
    /// failing.
    public var isCancelled: Bool { diagnostics.contains { $0.kind == .cancelled } }

    /// The first diagnostic's message.
    public var message: String { diagnostics.first?.message ?? "" }
}
