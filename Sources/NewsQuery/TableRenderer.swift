/// Lays out a ``QueryResult`` as a psql-like table; the `table` format of ``ResultRenderer``.
///
/// ```
///  id  | speaker   | text                | paragraph
/// -----+-----------+---------------------+----------
///  s25 | Tom Homan | We are not          |        23
///      |           | surrendering the    |
///      |           | president’s         |
///      |           | mission.            |
/// (1 row)
/// ```
///
/// (Rendered at width 50; the trailing padding of the last column is not shown.)
///
/// Layout rules:
/// - Every column is as wide as its widest header or cell line, measured in terminal columns
///   (wide characters count 2, combining marks 0). Cells are padded to that width, so every
///   line of the header, rule and body has the same display width.
/// - Integer cells are right-aligned; everything else (headers included) is left-aligned.
/// - A cell with line breaks takes one table line per line of text.
/// - When a `width` is given and the table is wider, columns that are `null` in every row
///   shrink first (towards the width of `null`, the header on two lines at most), then the widest `text` and `list` columns are
///   narrowed one column at a time — never below their longest word (up to
///   ``longestWordLimit``) nor ``minimumWrapWidth``, nor above their natural width — until the
///   table fits; other columns keep their width. Cells of narrowed columns wrap at spaces; a
///   word longer than the column starts a new line and is broken between characters, never
///   inside one; a wide character that does not fit moves to the next line. A table that still
///   does not fit is shown as records, one field per line (psql's expanded display).
/// - Lines carry no trailing blanks (the last column is not padded).
/// - Nulls show as `null`. With `color`, header names are bold and nulls dim (ANSI SGR).
/// - Tabs show as one space, other control characters as U+FFFD, so they cannot move the cursor.
struct TableRenderer: Sendable {
    /// The narrowest a `text` or `list` column is made to fit a width.
    static let minimumWrapWidth = 10

    /// The widest the table may be, or `nil` for no limit.
    var width: Int?
    /// Whether to use ANSI styles.
    var color: Bool

    /// A piece of text with its display width.
    struct Line {
        var text: String
        var width: Int
    }

    /// One cell split into lines, with how to show it.
    private struct Cell {
        var lines: [Line]
        var isNull: Bool

        /// The widest line.
        var naturalWidth: Int { lines.map(\.width).max() ?? 0 }
    }

    /// The result as a table (or its message), ending with a newline.
    func render(_ result: QueryResult) -> String {
        var output = ""
        _ = render(result, to: { output += $0 }, shouldStop: { false })
        return output
    }

    /// Writes the table in pieces of about one row each; returns `false` if `shouldStop`
    /// (asked once every 256 rows) said to stop first.
    ///
    /// Memory stays bounded by the result itself: a first pass measures each column without
    /// keeping the laid-out cells, a second lays out and hands over one row at a time.
    func render(_ result: QueryResult, to write: (String) -> Void, shouldStop: () -> Bool) -> Bool {
        if let message = result.message {
            write(message.hasSuffix("\n") ? message : message + "\n")
            return true
        }
        if result.columns.isEmpty {
            write(TableRenderer.footer(rowCount: result.rows.count) + "\n")
            return true
        }
        guard let layout = layout(of: result, shouldStop: shouldStop) else { return false }
        writeHeader(layout, to: write)
        guard writeRows(result, layout: layout, firstRecord: 1, to: write, shouldStop: shouldStop) else { return false }
        write(TableRenderer.footer(rowCount: result.rows.count) + "\n")
        return true
    }

    /// How a table is laid out: its columns' widths, or records (expanded display) when even
    /// narrowed it is wider than ``width``. A result that arrives in chunks is laid out by
    /// its first chunk (``ResultStreamRenderer``), as psql lays out each fetch.
    struct Layout {
        var columns: [QueryResult.Column]
        var widths: [Int]
        var expanded: Bool
    }

    /// Measures `result` (polling `shouldStop` every 256 rows; `nil` when it said stop).
    func layout(of result: QueryResult, shouldStop: () -> Bool) -> Layout? {
        let header = result.columns.map { Cell(lines: TableRenderer.lines(of: $0.name), isNull: false) }
        var natural = header.map(\.naturalWidth)
        var allNull = result.columns.map { _ in !result.rows.isEmpty }
        var longestWord = result.columns.map { _ in 0 }
        let wraps = result.columns.map { $0.type == .text || $0.type == .list }
        for (index, row) in result.rows.enumerated() {
            if index & 255 == 255, shouldStop() { return nil }
            for column in result.columns.indices {
                let (text, isNull) = Self.shown(row, column)
                natural[column] = max(natural[column], TableRenderer.naturalWidth(of: text))
                if !isNull { allNull[column] = false }
                if wraps[column] && !isNull { longestWord[column] = max(longestWord[column], TableRenderer.longestWord(in: text)) }
            }
        }
        let widths = fittedWidths(natural: natural, columns: result.columns, allNull: allNull, longestWord: longestWord)
        let expanded = width.map { TableRenderer.tableWidth(widths) > $0 } ?? false
        return Layout(columns: result.columns, widths: widths, expanded: expanded)
    }

    /// The value in a column (short rows tolerated) and the text a cell shows for it.
    private static func shown(_ row: [Value], _ column: Int) -> (text: String, isNull: Bool) {
        let value = column < row.count ? row[column] : .null
        return (value.isNull ? "null" : value.displayText, value.isNull)
    }

    /// The header and its rule (nothing for records).
    func writeHeader(_ layout: Layout, to write: (String) -> Void) {
        guard !layout.expanded else { return }
        let header = layout.columns.map { Cell(lines: TableRenderer.lines(of: $0.name), isNull: false) }
        var output = ""
        appendRow(header, widths: layout.widths, rightAligned: layout.columns.map { _ in false }, isHeader: true, into: &output)
        output += layout.widths.enumerated().map { index, width in
            String(repeating: "-", count: width + (index == layout.widths.count - 1 ? 1 : 2))
        }.joined(separator: "+")
        output += "\n"
        write(output)
    }

    /// The body rows of `result` laid out by `layout`, records numbered from `firstRecord`;
    /// `false` when `shouldStop` (asked every 256 rows) stopped it.
    func writeRows(_ result: QueryResult, layout: Layout, firstRecord: Int, to write: (String) -> Void, shouldStop: () -> Bool) -> Bool {
        if layout.expanded, let width {
            return renderExpanded(result, width: width, firstRecord: firstRecord, to: write, shouldStop: shouldStop)
        }
        let rightAligned = layout.columns.map { $0.type == .integer || $0.type == .number }
        for (index, row) in result.rows.enumerated() {
            if index & 255 == 255, shouldStop() { return false }
            var output = ""
            let cells = layout.columns.indices.map { column in
                let (text, isNull) = Self.shown(row, column)
                return Cell(lines: TableRenderer.lines(of: text), isNull: isNull)
            }
            appendRow(cells, widths: layout.widths, rightAligned: rightAligned, isHeader: false, into: &output)
            write(output)
        }
        return true
    }

    /// The footer line: `(no rows)`, `(1 row)` or `(N rows)`.
    static func footer(rowCount: Int) -> String {
        switch rowCount {
        case 0: return "(no rows)"
        case 1: return "(1 row)"
        default: return "(\(rowCount) rows)"
        }
    }

    /// The display width of a table whose columns have `widths`: ` a | b | c`.
    static func tableWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + 3 * (widths.count - 1) + 1
    }

    /// The widest a wrapping column's floor is held by its longest word: past this, long words
    /// (a URL) are broken rather than keeping the column wide.
    static let longestWordLimit = 20

    /// Column widths that fit ``width``. First, columns that are `null` in every row shrink
    /// towards the width of `null`, their header wrapping onto two lines at most (when that
    /// saves two columns or more). Then, in effect, the widest `text`/`list` column
    /// is narrowed by one terminal column (the leftmost of equally wide ones first) until the
    /// table fits or every such column is down to its floor: its longest word (at most
    /// ``longestWordLimit``), never below ``minimumWrapWidth`` — so words are split only when
    /// longer than the column. Runs of steps on one column are taken at once. A table that
    /// still does not fit is shown as records instead (``renderExpanded(_:width:firstRecord:to:shouldStop:)``).
    private func fittedWidths(natural: [Int], columns: [QueryResult.Column], allNull: [Bool], longestWord: [Int]) -> [Int] {
        guard let width, !natural.isEmpty else { return natural }
        var widths = natural
        var excess = TableRenderer.tableWidth(widths) - width
        // An all-null column narrows to "null", its header wrapping onto two lines at most, when
        // that saves two columns or more.
        for index in widths.indices where excess > 0 && allNull[index] {
            let floor = max(4, (widths[index] + 1) / 2)
            guard widths[index] - floor >= 2 else { continue }
            let step = min(widths[index] - floor, excess)
            widths[index] -= step
            excess -= step
        }
        let minimums = widths.indices.map { index -> Int? in
            guard columns[index].type == .text || columns[index].type == .list, !allNull[index] else { return nil }
            let floor = max(TableRenderer.minimumWrapWidth, min(longestWord[index], TableRenderer.longestWordLimit))
            return min(natural[index], floor)
        }
        while excess > 0 {
            var widest: Int?
            for index in widths.indices {
                guard let minimum = minimums[index], widths[index] > minimum else { continue }
                if widest.map({ widths[index] > widths[$0] }) ?? true { widest = index }
            }
            guard let widest else { break }
            // Take the column down to the next-widest shrinkable width in one step when possible.
            let runnerUp = widths.indices
                .filter { $0 != widest && minimums[$0] != nil && widths[$0] <= widths[widest] }
                .map { widths[$0] }.max() ?? 0
            let floor = max(minimums[widest] ?? widths[widest], runnerUp, widths[widest] - excess)
            let step = max(1, widths[widest] - floor)
            widths[widest] -= step
            excess -= step
        }
        return widths
    }

    /// The table as records, one field per line, as psql's expanded display: for a table too
    /// wide for ``width`` even with its text columns narrowed.
    ///
    /// ```
    /// -[ RECORD 1 ]-------------------
    /// id        | s25
    /// speaker   | Tom Homan
    /// text      | We are not surrendering
    ///           | the president’s mission
    /// (1 row)
    /// ```
    private func renderExpanded(_ result: QueryResult, width: Int, firstRecord: Int, to write: (String) -> Void,
                                shouldStop: () -> Bool) -> Bool {
        let names = result.columns.map { TableRenderer.lines(of: $0.name).first ?? Line(text: $0.name, width: $0.name.count) }
        let nameWidth = names.map(\.width).max() ?? 0
        let valueWidth = max(TableRenderer.minimumWrapWidth, width - nameWidth - 3)
        for (index, row) in result.rows.enumerated() {
            if index & 255 == 255, shouldStop() { return false }
            let title = "-[ RECORD \(firstRecord + index) ]"
            var output = title + String(repeating: "-", count: max(0, min(width, nameWidth + 3 + valueWidth) - title.count)) + "\n"
            for (column, name) in names.enumerated() {
                let value = column < row.count ? row[column] : .null
                let text = value.isNull ? "null" : value.displayText
                let lines = TableRenderer.lines(of: text).flatMap { $0.width > valueWidth ? TableRenderer.wrap($0.text, to: valueWidth) : [$0] }
                for (number, line) in lines.enumerated() {
                    let label = number == 0 ? style(name.text, isHeader: true, isNull: false) : ""
                    let padding = String(repeating: " ", count: nameWidth - (number == 0 ? name.width : 0))
                    var shown = label + padding + " | " + style(line.text, isHeader: false, isNull: value.isNull)
                    while shown.last == " " { shown.removeLast() }
                    output += shown + "\n"
                }
            }
            write(output)
        }
        return true
    }

    /// The display width of the longest space-separated word of `text`.
    static func longestWord(in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            if character == " " || character.isNewline {
                longest = max(longest, current)
                current = 0
            } else {
                current += columns(printable(character))
            }
        }
        return max(longest, current)
    }

    /// Appends one header or body row, wrapping each cell to its column's width.
    private func appendRow(_ cells: [Cell], widths: [Int], rightAligned: [Bool], isHeader: Bool, into output: inout String) {
        let wrapped = zip(cells, widths).map { cell, width in
            cell.lines.flatMap { $0.width > width ? TableRenderer.wrap($0.text, to: width) : [$0] }
        }
        let height = max(1, wrapped.map(\.count).max() ?? 1)
        for lineIndex in 0..<height {
            var line = " "
            for column in cells.indices {
                if column > 0 { line += " | " }
                let piece = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : Line(text: "", width: 0)
                let padding = String(repeating: " ", count: max(0, widths[column] - piece.width))
                let styled = style(piece.text, isHeader: isHeader, isNull: cells[column].isNull)
                line += rightAligned[column] ? padding + styled : styled + padding
            }
            // No trailing blanks: the last column's padding (or empty cells) ends the line.
            while line.last == " " { line.removeLast() }
            output += line + "\n"
        }
    }

    /// `text` wrapped in ANSI bold (header) or dim (null) codes when color is on.
    private func style(_ text: String, isHeader: Bool, isNull: Bool) -> String {
        guard color, !text.isEmpty else { return text }
        if isHeader { return "\u{1B}[1m" + text + "\u{1B}[22m" }
        if isNull { return "\u{1B}[2m" + text + "\u{1B}[22m" }
        return text
    }

    // MARK: - Text

    /// The lines of a cell's text, made safe for a terminal and measured.
    static func lines(of text: String) -> [Line] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            var safe = ""
            var width = 0
            for character in line {
                let shown = printable(character)
                safe.append(shown)
                width += columns(shown)
            }
            return Line(text: safe, width: width)
        }
    }

    /// The width of the widest line of `text` as ``lines(of:)`` shows it, without building
    /// the lines (the measuring pass over every row).
    static func naturalWidth(of text: String) -> Int {
        var widest = 0
        var width = 0
        for character in text {
            if character.isNewline {
                widest = max(widest, width)
                width = 0
            } else {
                width += columns(printable(character))
            }
        }
        return max(widest, width)
    }

    /// The character itself, a space for a tab, or U+FFFD for any other control character.
    private static func printable(_ character: Character) -> Character {
        if character == "\t" { return " " }
        let isControl = character.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        return isControl ? "\u{FFFD}" : character
    }

    /// The terminal columns a character takes.
    private static func columns(_ character: Character) -> Int {
        DisplayWidth.of(character)
    }

    /// One line of text wrapped to `width` columns: broken at spaces when possible, with the
    /// spaces at a break dropped; words wider than `width` start a new line and are broken
    /// between characters. Every line is at most `width` wide unless a single character is wider.
    static func wrap(_ text: String, to width: Int) -> [Line] {
        var lines: [Line] = []
        var current = Line(text: "", width: 0)
        var pendingSpaces = Line(text: "", width: 0)

        func finishLine() {
            lines.append(current)
            current = Line(text: "", width: 0)
        }
        func placeWord(_ word: Line) {
            if current.width + pendingSpaces.width + word.width <= width {
                current.text += pendingSpaces.text + word.text
                current.width += pendingSpaces.width + word.width
            } else if word.width <= width {
                if !current.text.isEmpty { finishLine() }
                current = word
            } else {
                // Too wide for any line: start afresh and break between characters.
                if !current.text.isEmpty { finishLine() }
                for character in word.text {
                    let characterWidth = columns(character)
                    if current.width + characterWidth > width && !current.text.isEmpty { finishLine() }
                    current.text.append(character)
                    current.width += characterWidth
                }
            }
            pendingSpaces = Line(text: "", width: 0)
        }

        var word = Line(text: "", width: 0)
        for character in text {
            if character == " " {
                if !word.text.isEmpty {
                    placeWord(word)
                    word = Line(text: "", width: 0)
                }
                pendingSpaces.text.append(character)
                pendingSpaces.width += 1
            } else {
                word.text.append(character)
                word.width += columns(character)
            }
        }
        if !word.text.isEmpty { placeWord(word) }
        if !current.text.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
