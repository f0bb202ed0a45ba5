/// A line diff in unified format (`diff -u`), for showing how a script's output differs from
/// its expectation:
///
/// ```
/// --- expected
/// +++ actual
/// @@ -1,4 +1,4 @@
///   count
///  ------
/// -    15
/// +    16
///  (1 row)
/// ```
///
/// The edit script is a longest common subsequence of lines (removals before additions);
/// changes closer than twice the context are shown in one hunk.
public struct UnifiedDiff: Sendable, Equatable {
    /// One line of the edit script.
    public enum Line: Sendable, Equatable {
        /// In both.
        case same(String)
        /// Only in the old lines.
        case removed(String)
        /// Only in the new lines.
        case added(String)
    }

    /// The edit script from the old lines to the new, every line included.
    public var edits: [Line]

    /// The diff from `old` to `new`. (Past a few million line pairs, the whole of `old` is
    /// shown removed and the whole of `new` added, to bound time and memory.)
    public init(old: [String], new: [String]) {
        guard old.count * new.count <= 4_000_000 else {
            edits = old.map(Line.removed) + new.map(Line.added)
            return
        }
        // suffix[i][j]: the length of a longest common subsequence of old[i...] and new[j...].
        var suffix = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                suffix[i][j] = old[i] == new[j] ? suffix[i + 1][j + 1] + 1 : max(suffix[i + 1][j], suffix[i][j + 1])
            }
        }
        var edits: [Line] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append(.same(old[i]))
                i += 1
                j += 1
            } else if j == new.count || (i < old.count && suffix[i + 1][j] >= suffix[i][j + 1]) {
                edits.append(.removed(old[i]))
                i += 1
            } else {
                edits.append(.added(new[j]))
                j += 1
            }
        }
        self.edits = edits
    }

    /// Whether the two sides are the same.
    public var isEmpty: Bool {
        edits.allSatisfy { if case .same = $0 { return true } else { return false } }
    }

    /// The diff as text lines: the two headers, then each hunk with `context` unchanged lines
    /// around its changes. No lines when there is no difference.
    public func render(oldName: String = "expected", newName: String = "actual", context: Int = 3) -> [String] {
        let changes = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        guard let firstChange = changes.first else { return [] }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        var hunkStart = max(0, firstChange - context)
        var lastChange = firstChange
        for change in changes.dropFirst() + [Int.max] {
            if change != Int.max, change - lastChange <= 2 * context {
                lastChange = change
                continue
            }
            let hunkEnd = min(edits.count, lastChange + context + 1)
            output += hunk(hunkStart..<hunkEnd)
            if change != Int.max {
                hunkStart = max(hunkEnd, change - context)
                lastChange = change
            }
        }
        return output
    }

    /// `@@ -a,b +c,d @@` and the lines of `range`.
    private func hunk(_ range: Range<Int>) -> [String] {
        func counts(_ slice: ArraySlice<Line>) -> (old: Int, new: Int) {
            slice.reduce(into: (0, 0)) { total, line in
                switch line {
                case .same: total.0 += 1; total.1 += 1
                case .removed: total.0 += 1
                case .added: total.1 += 1
                }
            }
        }
        let before = counts(edits[..<range.lowerBound])
        let inside = counts(edits[range])
        func header(_ start: Int, _ count: Int) -> String {
            // diff -u numbers an empty side from the line before it.
            count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
        }
        var lines = ["@@ -\(header(before.old, inside.old)) +\(header(before.new, inside.new)) @@"]
        for line in edits[range] {
            switch line {
            case .same(let text): lines.append(" " + text)
            case .removed(let text): lines.append("-" + text)
            case .added(let text): lines.append("+" + text)
            }
        }
        return lines
    }
}
