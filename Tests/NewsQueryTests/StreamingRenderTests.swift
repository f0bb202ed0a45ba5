import BundledArticle
import NewsModel
import Testing

@testable import NewsQuery

/// Rendering piece by piece (`ResultRenderer.render(_:to:shouldStop:)`): the pieces make
/// exactly the one-string rendering, no piece grows with the result, and rendering stops
/// when asked.
@Suite("Streaming rendering")
struct StreamingRenderTests {
    /// A result of `count` rows: an id, a number and a text with a comma, a quote and a break.
    static func bigResult(rows count: Int) -> QueryResult {
        QueryResult(
            columns: [.init("id", .id), .init("n", .integer), .init("text", .text)],
            rows: (0..<count).map { [.text("r\($0)"), .integer($0), .text("row \($0), \"quoted\"\nnext line")] })
    }

    static func pieces(_ result: QueryResult, _ format: OutputFormat, width: Int? = nil,
                       stopAfter calls: Int? = nil) -> (pieces: [String], finished: Bool) {
        var pieces: [String] = []
        var asked = 0
        let finished = ResultRenderer(format: format, width: width).render(result, to: { pieces.append($0) }, shouldStop: {
            asked += 1
            return calls.map { asked > $0 } ?? false
        })
        return (pieces, finished)
    }

    @Test(arguments: OutputFormat.allCases)
    func thePiecesMakeTheWholeRendering(_ format: OutputFormat) throws {
        let shell = try Interpreter(model: .bundled)
        for query in ["quotes", "quotes by Walz", "quotes | limit 0", "explain quotes by Walz", "actors | count"] {
            let result = try shell.run(query)
            let shown = format == .table ? result.forDisplay() : result
            let (pieces, finished) = Self.pieces(shown, format, width: 60)
            #expect(finished)
            #expect(pieces.joined() == ResultRenderer(format: format, width: 60).render(shown), "\(query) as \(format)")
        }
        let empty = QueryResult(columns: [.init("id", .id)], rows: [])
        #expect(Self.pieces(empty, format).pieces.joined() == ResultRenderer(format: format).render(empty))
    }

    @Test(arguments: OutputFormat.allCases)
    func noPieceGrowsWithTheResult(_ format: OutputFormat) {
        let (pieces, finished) = Self.pieces(Self.bigResult(rows: 20_000), format)
        #expect(finished)
        #expect(pieces.count >= 20_000)
        #expect((pieces.map(\.utf8.count).max() ?? 0) < 200)
    }

    @Test(arguments: OutputFormat.allCases)
    func renderingStopsWhenAskedAndLeavesWholeRows(_ format: OutputFormat) {
        let result = Self.bigResult(rows: 20_000)
        let whole = ResultRenderer(format: format).render(result)
        // Asked every 256 rows (twice per row for a table: measuring, then writing); stop at the 3rd time.
        let (pieces, finished) = Self.pieces(result, format, stopAfter: 2)
        #expect(!finished)
        let written = pieces.joined()
        #expect(whole.hasPrefix(written))
        #expect(written.utf8.count < whole.utf8.count / 10)
        #expect(written.isEmpty || written.unicodeScalars.last == "\n")
    }

    /// The measuring pass must agree with the lines a table prints.
    @Test func measuringAgreesWithTheLinesShown() {
        let texts = ["", "a", "two words", "line one\nline two is longer", "crlf\r\nnext", "tab\there",
                     "bell\u{07}", "北京 wide", "e\u{301}tude", "👍🏽 thumbs", "trailing\n", "\n\n", "x\u{2028}y"]
        for text in texts {
            #expect(TableRenderer.naturalWidth(of: text) == TableRenderer.lines(of: text).map(\.width).max(), "\(text.debugDescription)")
        }
    }

    /// The ASCII shortcut in `DisplayWidth.of(_: Character)` gives what the property tables give.
    @Test func asciiWidthsMatchTheGeneralRule() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(DisplayWidth.of(Character(scalar)) == DisplayWidth.of(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }
}
