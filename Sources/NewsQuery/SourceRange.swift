/// A position in query source text: 1-based line and column (columns count characters), and the
/// 0-based offset in Unicode scalars from the start of the source.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, Codable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in characters (grapheme clusters) from the line start.
    public var column: Int
    /// The 0-based offset in Unicode scalars from the start of the source.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Positions order by offset.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}

/// A stretch of query source text, from `start` (inclusive) to `end` (exclusive).
public struct SourceRange: Sendable, Equatable, Hashable, Codable {
    /// The first character of the range.
    public var start: SourcePosition
    /// Just past the last character of the range.
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
