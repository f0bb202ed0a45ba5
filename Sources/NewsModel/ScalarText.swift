/// A string viewed as an array of Unicode scalars, for O(1) slicing by scalar offset.
///
/// Every offset in a model counts Unicode scalars (see ``Span``); this type converts between
/// those offsets and text without walking the string each time.
public struct ScalarText: Sendable, Equatable {
    /// The scalars of the text, in order.
    public let scalars: [Unicode.Scalar]

    /// Creates a view of `text`.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Creates a view of a slice of scalars.
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        self.scalars = Array(scalars)
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The text between two offsets; offsets outside the text are clamped.
    public func text(from start: Int, to end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        return Self.string(scalars[lower..<upper])
    }

    /// The text of a run of scalars, encoded straight into the string's UTF-8 storage.
    public static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var byteCount = 0
        for scalar in slice { byteCount += UTF8.width(scalar) }
        // Encoded straight into the string's storage: appending scalar by scalar to a
        // `String.UnicodeScalarView` cost most of the bundled model's start-up.
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in slice {
                UTF8.encode(scalar) { unit in
                    buffer[written] = unit
                    written += 1
                }
            }
            return written
        }
    }

    /// Offsets at which `needle` starts, searching `range`, in order.
    ///
    /// When `wholeWords` is true a match must not continue a word on either side: the scalar
    /// before it and the one after it may not be letters or digits when the needle's own first or
    /// last scalar is one (so "he" is not found inside "the").
    public func occurrences(of needle: String, in range: Range<Int>, wholeWords: Bool = true) -> [Int] {
        occurrences(of: Array(needle.unicodeScalars), in: range, wholeWords: wholeWords)
    }

    /// Offsets at which the scalars of `pattern` start, searching `range`, in order; see
    /// the `String` overload.
    public func occurrences(of pattern: [Unicode.Scalar], in range: Range<Int>, wholeWords: Bool = true) -> [Int] {
        guard !pattern.isEmpty, range.count >= pattern.count else { return [] }
        var found: [Int] = []
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if scalars[index] == pattern[0],
                scalars[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                if !wholeWords || isBoundary(before: index, pattern: pattern, range: range) {
                    found.append(index)
                }
            }
            index += 1
        }
        return found
    }

    private func isBoundary(before index: Int, pattern: [Unicode.Scalar], range: Range<Int>) -> Bool {
        let end = index + pattern.count
        if ScalarText.isWordScalar(pattern[0]), index > range.lowerBound,
            ScalarText.isWordScalar(scalars[index - 1])
        {
            return false
        }
        if ScalarText.isWordScalar(pattern[pattern.count - 1]), end < range.upperBound,
            ScalarText.isWordScalar(scalars[end])
        {
            return false
        }
        return true
    }

    /// Whether a scalar is part of a word: a letter, a mark or a digit.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            // ASCII without the Unicode property tables: most of the article.
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}
