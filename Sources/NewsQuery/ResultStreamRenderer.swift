/// Renders a result that arrives in chunks — a corpus query read from a store as it runs
/// (``Interpreter/stream(_:source:sourceName:chunkSize:chunk:)``) — so its first rows show at
/// once and memory stays bounded however many rows there are.
///
/// For `json`, `jsonl`, `csv` and `plain` the text is exactly ``ResultRenderer/render(_:)``'s
/// for the whole result. For `table`, the first chunk lays out the columns (or chooses records,
/// psql's expanded display) and later chunks keep that layout — wrapping text and list cells to
/// the widths the first chunk gave, records numbered on — as psql does with `FETCH_COUNT`; the
/// footer counts every row. A result that fits in one chunk renders exactly as it would whole.
public struct ResultStreamRenderer {
    /// The output format.
    public let format: OutputFormat
    private let renderer: ResultRenderer
    private let table: TableRenderer
    private var layout: TableRenderer.Layout?
    private var columns: [QueryResult.Column]?
    /// The rows written so far.
    public private(set) var rowCount = 0

    /// A renderer for chunks of one result.
    public init(format: OutputFormat, width: Int? = nil, color: Bool = false) {
        self.format = format
        renderer = ResultRenderer(format: format, width: width, color: color)
        table = TableRenderer(width: width, color: color)
    }

    /// Writes the next chunk (the first one writes the header); returns `false` when
    /// `shouldStop` (asked every 256 rows) stopped it, having written whole rows only.
    public mutating func write(_ chunk: QueryResult, to write: (String) -> Void, shouldStop: () -> Bool = { false }) -> Bool {
        let first = columns == nil
        if first { columns = chunk.columns }
        defer { rowCount += chunk.rows.count }
        switch format {
        case .table:
            if first {
                guard let measured = table.layout(of: chunk, shouldStop: shouldStop) else { return false }
                layout = measured
                table.writeHeader(measured, to: write)
            }
            guard let layout else { return true }
            return table.writeRows(chunk, layout: layout, firstRecord: rowCount + 1, to: write, shouldStop: shouldStop)
        case .json:
            for (index, row) in chunk.rows.enumerated() {
                if index & 255 == 255, shouldStop() { return false }
                var output = rowCount + index == 0 ? "[\n  " : ",\n  "
                JSONWriter.writeObject(columns: chunk.columns, row: row, indent: 1, into: &output)
                write(output)
            }
            return true
        case .csv where first:
            // The header from a rendering of no rows; the rows as the renderer writes them.
            write(ResultRenderer(format: .csv).render(QueryResult(columns: chunk.columns, rows: [])))
            return renderRows(chunk, to: write, shouldStop: shouldStop)
        case .csv, .jsonl, .plain:
            return renderRows(chunk, to: write, shouldStop: shouldStop)
        }
    }

    /// Ends the result: the table's footer, the JSON array's end.
    public func finish(to write: (String) -> Void) {
        switch format {
        case .table:
            if columns == nil || layout == nil {
                // No chunk came: an empty table.
                _ = renderer.render(QueryResult(columns: columns ?? [], rows: []), to: write)
            } else {
                write(TableRenderer.footer(rowCount: rowCount) + "\n")
            }
        case .json:
            write(rowCount == 0 ? "[]\n" : "\n]\n")
        case .csv, .jsonl, .plain:
            break
        }
    }

    /// The rows of a chunk in a machine format without header (csv's is written once).
    private func renderRows(_ chunk: QueryResult, to write: (String) -> Void, shouldStop: () -> Bool) -> Bool {
        var skipping = format == .csv
        return renderer.render(chunk, to: { piece in
            if skipping {
                skipping = false
                return
            }
            write(piece)
        }, shouldStop: shouldStop)
    }
}
