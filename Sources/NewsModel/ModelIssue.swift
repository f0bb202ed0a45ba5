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
public func nearestName<C: Collection<String>>(to word: String, in candidates: C) -> String? {
    let lowered = word.lowercased()
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(1, word.count / 3) else { return nil }
    return best.name
}

/// The edit distance between two strings, counted in characters: insertions, deletions,
/// substitutions and transpositions of adjacent characters each cost 1 (optimal string
/// alignment), so the common typo "kidn" is one edit from "kind".
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
