import NewsExtraction
import NewsModel
import Testing

@Suite("Reading: metadata, title, dateline, paragraphs, headings")
struct TextReaderTests {
    func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TextReader.Result? {
        do {
            return try TextReader().read(text)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func blocks(_ result: TextReader.Result?) -> [String] {
        guard let result else { return [] }
        return result.blocks.map { ScalarText.string(result.scalars[$0.range]) }
    }

    @Test func metadataLinesAreNotArticleText() {
        let result = read("date 2026-03-11\ntitle A quiet week at the harbor\nsource Harbor Gazette\nurl https://example.org/a\n\nThe ferries ran on time.\n")
        #expect(result?.date == CalendarDate(year: 2026, month: 3, day: 11))
        #expect(result?.title == "A quiet week at the harbor")
        #expect(result?.source == "Harbor Gazette")
        #expect(result?.url == "https://example.org/a")
        #expect(result?.text == "The ferries ran on time.")
    }

    @Test func theSeedFormKeepsTheArticleOnTheDateLine() {
        let result = read(" date 2026-02-04 ASHFORD (AP) — The library opened.\n\nIt was busy.")
        #expect(result?.text == "ASHFORD (AP) — The library opened.\n\nIt was busy.")
        #expect(result?.dateline == TextReader.Dateline(place: "ASHFORD", source: "AP", start: 0, bodyStart: 15))
    }

    @Test func withoutMetadataTheTextIsTheFileExactly() {
        let raw = "\n  Opening title\n\nFirst paragraph here.\r\nStill the first.\n\n\nSecond one.\n\n"
        let result = read(raw)
        #expect(result?.text == raw)
        #expect(blocks(result) == ["Opening title", "First paragraph here.\r\nStill the first.", "Second one."])
        #expect(result?.blocks.map(\.kind) == [.heading, .body, .body])
        #expect(result?.title == "Opening title")
    }

    @Test func headingsAndMarkdown() {
        let result = read("# The harbor report\n\nBoats were late.\n\nWhat comes next\n\nNobody knows yet.\n\n## Weather\n\nRain is expected.")
        #expect(blocks(result) == ["The harbor report", "Boats were late.", "What comes next", "Nobody knows yet.", "Weather", "Rain is expected."])
        #expect(result?.blocks.map(\.kind) == [.heading, .body, .heading, .body, .heading, .body])
    }

    @Test func aSingleBlockIsProse() {
        #expect(read("Just a line without a stop")?.blocks.map(\.kind) == [.body])
    }

    @Test(arguments: [
        ("WASHINGTON — The vote is set.", "WASHINGTON", nil as String?, 13),
        ("LONDON (Reuters) - Prices rose.", "LONDON", "Reuters", 19),
        ("ST. PAUL, Minn. (AP) — Snow fell.", "ST. PAUL, Minn.", "AP", 23),
    ])
    func datelines(_ text: String, _ place: String, _ source: String?, _ bodyStart: Int) {
        let dateline = read(text)?.dateline
        #expect(dateline?.place == place)
        #expect(dateline?.source == source)
        #expect(dateline?.bodyStart == bodyStart)
    }

    @Test func noDatelineInOrdinaryProse() {
        #expect(read("The UN said — after a pause — that talks would go on.")?.dateline == nil)
        #expect(read("Most of it — the harbor — was closed.")?.dateline == nil)
    }

    @Test func errors() throws {
        #expect(throws: ExtractionError.empty) { try TextReader().read("  \n\n\t ") }
        #expect(throws: ExtractionError.empty) { try TextReader().read("date 2026-03-11\n\n") }
        #expect(throws: ExtractionError.badMetadataDate(value: "2026-02-30", line: 1)) {
            try TextReader().read("date 2026-02-30\nText.")
        }
        #expect(throws: ExtractionError.badMetadataDate(value: "2026-13-01", line: 2)) {
            try TextReader().read("title A\ndate 2026-13-01\nText.")
        }
        // "date" opening a sentence of prose is not metadata.
        #expect(try TextReader().read("date night was fun.").text == "date night was fun.")
    }
}
