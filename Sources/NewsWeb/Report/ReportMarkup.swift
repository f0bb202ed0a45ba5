/// Lays marks over a paragraph of text and writes it as well-nested HTML.
///
/// Marks may nest (a speaker mention inside a statement, a quoted fragment inside a partial
/// statement) or overlap without nesting (two statements sharing words, a cue inside another
/// statement's content). The text is cut at every mark boundary; each piece is written inside
/// the marks that cover it, outer ones first. Where a mark must close before one that opened
/// inside it, the inner one is closed and opened again after: it is written as several
/// fragments, each with the same `data-span` key, and only the first carries the mark's `id`,
/// `tabindex` and other one-time attributes — so every id appears once and the fragments of a
/// key, joined, are exactly the span's text.
struct ReportMarkup: Sendable {
    /// One mark to lay.
    struct Mark: Sendable {
        /// Where it starts and ends, in Unicode scalars of the article text.
        var start: Int
        var end: Int
        /// The element name: `mark` or `span`.
        var element: String
        /// The key shared by all its fragments (`data-span`).
        var key: String
        /// Classes of every fragment.
        var classes: [String]
        /// Attributes of every fragment (besides class and data-span), values unescaped.
        var attributes: [(String, String)] = []
        /// Attributes of the first fragment only (`id`, `tabindex`), values unescaped.
        var firstAttributes: [(String, String)] = []
        /// How deep it nests when it starts where another ends or starts: smaller is outer.
        var rank: Int
    }

    /// The article text, as scalars.
    let text: ScalarSlice

    /// The HTML for `range` of the text with `marks` laid over it (marks are clipped to the
    /// range; empty ones are dropped).
    func render(_ range: Range<Int>, marks: [Mark]) -> String {
        let clipped = marks.compactMap { mark -> Mark? in
            var mark = mark
            mark.start = max(mark.start, range.lowerBound)
            mark.end = min(mark.end, range.upperBound)
            return mark.start < mark.end ? mark : nil
        }
        .sorted { ($0.start, -$0.end, $0.rank, $0.key) < ($1.start, -$1.end, $1.rank, $1.key) }
        var boundaries = Set([range.lowerBound, range.upperBound])
        for mark in clipped {
            boundaries.insert(mark.start)
            boundaries.insert(mark.end)
        }
        let points = boundaries.sorted()
        var html = ""
        var stack: [Int] = []  // indices into `clipped`
        var opened = Set<Int>()
        for (lower, upper) in zip(points, points.dropFirst()) {
            let active = clipped.indices.filter { clipped[$0].start <= lower && clipped[$0].end >= upper }
            let activeSet = Set(active)
            // Close from the first open mark that is no longer active.
            if let cut = stack.firstIndex(where: { !activeSet.contains($0) }) {
                for index in stack[cut...].reversed() { html += "</\(clipped[index].element)>" }
                stack.removeSubrange(cut...)
            }
            let open = Set(stack)
            for index in active where !open.contains(index) {
                html += openTag(clipped[index], first: !opened.contains(index))
                opened.insert(index)
                stack.append(index)
            }
            html += HTMLEscape.text(text.string(lower, upper))
        }
        for index in stack.reversed() { html += "</\(clipped[index].element)>" }
        return html
    }

    private func openTag(_ mark: Mark, first: Bool) -> String {
        var tag = "<\(mark.element)"
        if first {
            for (name, value) in mark.firstAttributes { tag += " \(name)=\"\(HTMLEscape.attribute(value))\"" }
        }
        if !mark.classes.isEmpty { tag += " class=\"\(HTMLEscape.attribute(mark.classes.joined(separator: " ")))\"" }
        tag += " data-span=\"\(HTMLEscape.attribute(mark.key))\""
        for (name, value) in mark.attributes { tag += " \(name)=\"\(HTMLEscape.attribute(value))\"" }
        return tag + ">"
    }
}

/// The article text as an array of scalars, for slicing by offset.
struct ScalarSlice: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The text between two offsets, clamped to the text.
    func string(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }
}
