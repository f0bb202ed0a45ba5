/// One problem found in a model: where it is, as a JSON path, and what is wrong.
///
/// Paths use JSONPath notation from the document root: `$.statements[3].speaker`. For malformed
/// JSON, where no path exists yet, `line` and `column` give the position in the file instead.
public struct ModelIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending value (`$` for the document itself).
    public var path: String
    /// What is wrong and, where possible, what to do.
    public var message: String
    /// The 1-based line in the file, for syntax errors.
    public var line: Int?
    /// The 1-based column (in characters) in the file, for syntax errors.
    public var column: Int?

    /// Creates an issue at a JSON path.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// Creates an issue at a position in a file, for JSON that does not parse.
    public init(line: Int, column: Int, message: String) {
        self.path = "$"
        self.message = message
        self.line = line
        self.column = column
    }

    /// `$.statements[3].speaker: unknown actor "x"` or `12:5: expected ','`.
    public var description: String {
        if let line, let column { return "\(line):\(column): \(message)" }
        return "\(path): \(message)"
    }
}

/// The nearest of `candidates` to `word` by edit distance, when it is close enough to be a
/// likely typo (at most a third of the word's length, and at least 1 edit allowed).
///
/// Costs at most the word's length × each candidate's length, and nothing for a candidate
/// whose length alone rules it out: a 1 MB word is answered at once.
public func nearestName<C: Collection<String>>(to word: String, in candidates: C) -> String? {
    let lowered = Array(word.lowercased())
    let limit = max(1, word.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()), limit: limit)
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    guard let best, best.distance <= limit else { return nil }
    return best.name
}

/// The edit distance between two strings, counted in characters: insertions, deletions,
/// substitutions and transpositions of adjacent characters each cost 1 (optimal string
/// alignment), so the common typo "kidn" is one edit from "kind".
///
/// With a `limit`, any distance above it is reported as `limit + 1`, and the work stops as
/// soon as that is certain: at once when the lengths differ by more than `limit`, else after
/// the first row of the table whose every entry exceeds it. Memory is three rows.
public func editDistance(_ a: String, _ b: String, limit: Int = .max - 1) -> Int {
    editDistance(Array(a), Array(b), limit: limit)
}

/// ``editDistance(_:_:limit:)`` over characters already split out, for comparing one long
/// text with many candidates without splitting it again each time.
public func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max - 1) -> Int {
    let limit = max(0, min(limit, .max - 1))
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
            rowMinimum = min(rowMinimum, value)
        }
        // No entry of a later row can be smaller than this row's smallest.
        if rowMinimum > limit { return limit + 1 }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return min(previous[b.count], limit + 1)
}
