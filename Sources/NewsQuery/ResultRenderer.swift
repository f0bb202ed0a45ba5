import NewsModel

/// The text formats a ``QueryResult`` can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// An aligned, psql-like table with a header, a rule and a row count; the default on a terminal.
    case table
    /// One pretty-printed JSON array of objects, keys in column order.
    case json
    /// One compact JSON object per line (JSON Lines).
    case jsonl
    /// RFC 4180 comma-separated values with a header row and CRLF line endings.
    case csv
    /// Tab-separated values without a header, one row per line, for `cut` and `awk`.
    case plain
}

/// Turns a ``QueryResult`` into text in one of the ``OutputFormat``s.
///
/// Rendering is pure: it reads no environment and prints nothing. Output ends with a newline
/// unless it is empty (an empty result in `jsonl` or `plain`).
///
/// Standard output in the machine formats (json, jsonl, csv, plain) holds only result rows: a
/// result without columns (`let`'s confirmation) writes nothing there; the `table` format shows
/// a result's ``QueryResult/message`` instead of its rows (`let`, `explain`).
///
/// Missing values and lists, one rule per format:
/// - json, jsonl: ``Value``'s `Codable` form — `null`, lists as arrays of strings, dates as
///   `"YYYY-MM-DD"`, spans as `{"start": s, "end": e}`;
/// - csv: a null is an empty field (what CSV readers take as missing), lists are joined with
///   `"; "`, spans written `start..<end`;
/// - plain and table: a null is `null`, lists are joined with `"; "`.
public struct ResultRenderer: Sendable {
    /// The format to write.
    public var format: OutputFormat
    /// The widest a `table` may be, in terminal columns; `nil` for no limit. Other formats ignore it.
    public var width: Int?
    /// Whether a `table` may use ANSI styles (bold header, dim nulls). Other formats ignore it.
    public var color: Bool

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - format: The output format.
    ///   - width: For `table`: the terminal width to fit by wrapping text and list columns.
    ///   - color: For `table`: whether to use ANSI styles.
    public init(format: OutputFormat, width: Int? = nil, color: Bool = false) {
        self.format = format
        self.width = width
        self.color = color
    }

    /// The result as text in ``format``.
    public func render(_ result: QueryResult) -> String {
        var output = ""
        _ = render(result, to: { output += $0 })
        return output
    }

    /// Writes the result in ``format`` piece by piece (about one row at a time), so that
    /// memory for output stays bounded however many rows there are; returns `false` when
    /// `shouldStop` (asked once every 256 rows) stopped it early.
    ///
    /// The pieces, concatenated, are exactly ``render(_:)``'s text. A stopped rendering has
    /// written a prefix of it.
    public func render(_ result: QueryResult, to write: (String) -> Void, shouldStop: () -> Bool = { false }) -> Bool {
        if format == .table {
            return TableRenderer(width: width, color: color).render(result, to: write, shouldStop: shouldStop)
        }
        // Only rows reach the machine formats: a result without columns (`let`) writes nothing.
        if result.columns.isEmpty && (result.message != nil || format == .csv || format == .plain) { return true }
        switch format {
        case .json where result.rows.isEmpty:
            write("[]\n")
            return true
        case .json:
            write("[\n")
        case .csv:
            write(result.columns.map { ResultRenderer.csvField($0.name) }.joined(separator: ",") + "\r\n")
        case .table, .jsonl, .plain:
            break
        }
        for (index, row) in result.rows.enumerated() {
            if index & 255 == 255, shouldStop() { return false }
            var output = ""
            switch format {
            case .json:
                output += "  "
                JSONWriter.writeObject(columns: result.columns, row: row, indent: 1, into: &output)
                output += index == result.rows.count - 1 ? "\n" : ",\n"
            case .jsonl:
                JSONWriter.writeObject(columns: result.columns, row: row, indent: nil, into: &output)
                output += "\n"
            case .csv:
                output = row.map { ResultRenderer.csvField(ResultRenderer.csvText($0)) }.joined(separator: ",") + "\r\n"
            case .plain:
                output = row.map { ResultRenderer.plainField($0.isNull ? "null" : $0.displayText) }.joined(separator: "\t") + "\n"
            case .table:
                break
            }
            write(output)
        }
        if format == .json { write("]\n") }
        return true
    }

    /// A value's CSV text: lists joined with `"; "`, spans as `start..<end`, null empty.
    private static func csvText(_ value: Value) -> String {
        value.displayText
    }

    /// `text` as one RFC 4180 field: quoted (quotes doubled) when it holds `,` `"` CR or LF.
    private static func csvField(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, and `"` may carry a combining mark.
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        var field = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { field.unicodeScalars.append(scalar) }
            field.unicodeScalars.append(scalar)
        }
        field += "\""
        return field
    }

    // MARK: - Fields

    /// `text` with every tab and line break (CRLF counting as one) replaced by a space.
    private static func plainField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

/// Hand-written JSON output for results: pretty (two-space indentation, `": "` after keys, one
/// member or element per line, like the model file writer) or compact (no whitespace).
enum JSONWriter {
    /// Writes one row as an object keyed by column name, in column order. `indent` is the
    /// nesting level of the object for pretty output, or `nil` for compact output.
    static func writeObject(columns: [QueryResult.Column], row: [Value], indent: Int?, into output: inout String) {
        let members = zip(columns, row).map { ($0.name, $1) }
        guard !members.isEmpty else {
            output += "{}"
            return
        }
        output += "{"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += "," }
            newline(indent.map { $0 + 1 }, into: &output)
            writeString(key, into: &output)
            output += indent == nil ? ":" : ": "
            writeValue(value, indent: indent.map { $0 + 1 }, into: &output)
        }
        newline(indent, into: &output)
        output += "}"
    }

    /// Writes a value in its `Codable` form; `indent` is its nesting level, `nil` for compact.
    static func writeValue(_ value: Value, indent: Int?, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .text(let text):
            writeString(text, into: &output)
        case .integer(let number):
            output += String(number)
        case .number:
            output += value.displayText
        case .date(let date):
            writeString(date.iso, into: &output)
        case .list(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(indent.map { $0 + 1 }, into: &output)
                writeString(item, into: &output)
            }
            newline(indent, into: &output)
            output += "]"
        case .span(let start, let end):
            let separator = indent == nil ? ":" : ": "
            output += "{"
            newline(indent.map { $0 + 1 }, into: &output)
            output += "\"start\"" + separator + String(start) + ","
            newline(indent.map { $0 + 1 }, into: &output)
            output += "\"end\"" + separator + String(end)
            newline(indent, into: &output)
            output += "}"
        }
    }

    /// In pretty output, a line break and the indentation of nesting `level`; nothing in compact.
    private static func newline(_ level: Int?, into output: inout String) {
        guard let level else { return }
        output += "\n" + String(repeating: "  ", count: level)
    }

    /// Writes `text` as a JSON string, exactly as model files do.
    static func writeString(_ text: String, into output: inout String) {
        JSONValue.writeString(text, into: &output)
    }
}
