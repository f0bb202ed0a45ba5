import BundledArticle
import NewsModel
import Testing

@testable import NewsWeb

/// The report's HTML read back: elements with a `data-span` key, their texts joined per key.
struct ReportReading {
    let html: String
    let document: HTMLDocument
    /// Per `data-span` key, the texts of its fragments in order.
    let fragments: [String: [String]]
    /// Every `id` attribute value, with how often it occurs.
    let ids: [String: Int]

    init(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        self.html = html
        document = try Array(html.utf8).withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(HTMLDocument.ParseFailure) in
            try HTMLDocument.parse(raw, encoding: "UTF-8")
        }
        var fragments: [String: [String]] = [:]
        var ids: [String: Int] = [:]
        for index in document.nodes.indices where !document.nodes[index].isText {
            let node = document.nodes[index]
            if let key = node.attribute("data-span") { fragments[key, default: []].append(document.text(of: index)) }
            if let id = node.attribute("id") { ids[id, default: 0] += 1 }
        }
        self.fragments = fragments
        self.ids = ids
    }

    /// The text of a span key: its fragments joined.
    func text(_ key: String) -> String? { fragments[key].map { $0.joined() } }

    /// The elements with the given attribute value.
    func elements(_ attribute: String, _ value: String) -> [Int] {
        document.nodes.indices.filter { document.nodes[$0].attribute(attribute) == value }
    }
}

/// Checks that every `<mark>` and `<span>` in `html` closes in the order it opened.
func expectWellNested(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var stack: [Substring] = []
    var index = html.startIndex
    let body = html.firstRange(of: "<body>")?.upperBound ?? html.startIndex
    index = body
    while let open = html[index...].firstIndex(of: "<") {
        guard let close = html[open...].firstIndex(of: ">") else { break }
        let tag = html[html.index(after: open)..<close]
        index = html.index(after: close)
        let closing = tag.hasPrefix("/")
        let name = (closing ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber }
        guard ["mark", "span", "p", "h3", "section", "div", "label", "td", "tr", "table", "details"].contains(String(name)) else { continue }
        if closing {
            guard stack.last == name else {
                Issue.record("</\(name)> closes <\(stack.last ?? "nothing")> near \(html[open...].prefix(60).debugDescription)", sourceLocation: sourceLocation)
                return
            }
            stack.removeLast()
        } else {
            stack.append(name)
        }
    }
    #expect(stack.isEmpty, "unclosed: \(stack)", sourceLocation: sourceLocation)
}

@Suite("Annotated report")
struct ReportWriterTests {
    let model = ArticleModel.bundled

    @Test func everyStatementOfTheBundledArticleIsMarkedOnceWithItsExactText() throws {
        let html = try ReportWriter().render(model)
        let reading = try ReportReading(html)
        for statement in model.statements {
            #expect(reading.ids["a1-\(statement.id)"] == 1, "statement \(statement.id)'s id")
            #expect(reading.ids["a1-\(statement.id)-row"] == 1, "statement \(statement.id)'s table row")
            for (i, span) in statement.contentSpans.enumerated() {
                #expect(reading.text("\(statement.id).c\(i)") == span.text, "content span \(i) of \(statement.id)")
            }
            for (i, span) in statement.quotes.enumerated() {
                #expect(reading.text("\(statement.id).q\(i)") == span.text, "quote \(i) of \(statement.id)")
            }
            if let span = statement.speakerSpan { #expect(reading.text("\(statement.id).who") == span.text, "speaker of \(statement.id)") }
            if let span = statement.cueSpan { #expect(reading.text("\(statement.id).cue") == span.text, "cue of \(statement.id)") }
        }
        expectWellNested(html)
        #expect(reading.ids.values.allSatisfy { $0 == 1 }, "duplicate ids: \(reading.ids.filter { $0.value > 1 }.keys.sorted())")
    }

    @Test func theArticleTextIsAllThereInOrder() throws {
        let reading = try ReportReading(try ReportWriter().render(model))
        let shown = model.article.paragraphs.map { paragraph -> String in
            let element = reading.elements("data-paragraph", String(paragraph.number))
            return element.first.map { reading.document.text(of: $0) } ?? ""
        }
        #expect(shown == model.article.paragraphs.map(\.text))
    }

    @Test func theLegendCountsEachSpeakersStatementsJointOnesForEach() throws {
        let html = try ReportWriter().render(model)
        let reading = try ReportReading(html)
        let section = try ArticleSection(ReportWriter.Article(model: model), number: 1)
        let homan = try #require(section.speakerIndex["tom-homan"])
        let label = try #require(reading.elements("for", "a1-f\(homan)").first)
        #expect(reading.document.text(of: label) == "Tom Homan \(model.statements.filter { $0.speakers.contains("tom-homan") }.count)")
        let frey = try #require(section.speakerIndex["jacob-frey"])
        #expect(section.counts()[frey] == 1)
        // A joint statement's mark names both speakers, and the CSS unmarks it only when both are unchecked.
        let walz = try #require(section.speakerIndex["tim-walz"])
        let joint = "w-\(min(walz, frey))-\(max(walz, frey))"
        #expect(html.contains("class=\"st \(joint) k-reported\""))
        #expect(html.contains("input.f\(min(walz, frey)):not(:checked) ~ input.f\(max(walz, frey)):not(:checked) ~ .body .\(joint)"))
        // One checkbox per speaker, checked, before the legend and body so CSS can filter.
        #expect(reading.document.nodes.filter { $0.name == "input" && $0.attribute("type") == "checkbox" }.count == section.speakers.count)
    }

    @Test func tooltipsTellSpeakerKindCueConfidenceAndId() throws {
        let s25 = try #require(model.statement("s25"))
        // An extracted statement carries its confidence and rule; the hand-made model's do not.
        var scored = model
        let index = try #require(scored.statements.firstIndex { $0.id == "s25" })
        scored.statements[index].confidence = 0.934
        scored.statements[index].rule = "quote-said"
        let html = try ReportWriter().render([ReportWriter.Article(model: scored)])
        let reading = try ReportReading(html)
        let mark = try #require(reading.elements("id", "a1-s25").first)
        let tip = try #require(reading.document.nodes[mark].attribute("data-tip"))
        #expect(tip == "s25 · Tom Homan · direct · cue “\(s25.cue)” · confidence 93% · rule quote-said")
        #expect(reading.document.nodes[mark].attribute("tabindex") == "0")
        let other = try #require(reading.elements("id", "a1-s22").first)
        #expect(reading.document.nodes[other].attribute("data-tip")?.hasSuffix("confidence not recorded") == true)
    }

    @Test func aQuerysRowsMarkOnlyThoseRecords() throws {
        let reading = try ReportReading(try ReportWriter().render(model, records: ["s22", "s25", "e-drawdown", "m1"]))
        let marked = Set(reading.document.nodes.compactMap { $0.name == "mark" ? $0.attribute("data-statement") : nil })
        #expect(marked == ["s22", "s25"])
        #expect(!reading.elements("data-event", "e-drawdown").isEmpty)
        #expect(!reading.elements("data-mention", "m1").isEmpty)
        let event = try #require(model.event("e-drawdown"))
        #expect(reading.text("e-drawdown.e0") == event.evidence[0].text)
    }

    @Test func unknownRecordIdsAreAnError() {
        #expect(throws: ReportWriter.Failure.unknownRecords(article: model.article.id, ids: ["s999"])) {
            try ReportWriter().render(model, records: ["s1", "s999"])
        }
        #expect(throws: ReportWriter.Failure.noArticles) { try ReportWriter().render([]) }
        #expect(ReportWriter.Failure.unknownRecords(article: "x", ids: ["s9"]).description.contains("\"s9\""))
    }

    @Test func severalArticlesGetSectionsAndATableOfContents() throws {
        let html = try ReportWriter().render([ReportWriter.Article(model: model, title: "First"),
                                              ReportWriter.Article(model: model, title: "Second", records: ["s1"])])
        let reading = try ReportReading(html)
        #expect(reading.ids["a1"] == 1 && reading.ids["a2"] == 1)
        #expect(html.contains("<a href=\"#a1\">First</a>") && html.contains("<a href=\"#a2\">Second</a>"))
        #expect(reading.ids["a2-s1"] == 1 && reading.ids["a2-s2"] == nil)
        expectWellNested(html)
    }

    @Test func theFileIsSelfContained() throws {
        let html = try ReportWriter().render(model)
        for external in ["<link", "src=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(external), "the report refers to something outside itself: \(external)")
        }
        #expect(html.contains("@media print"))
    }
}

@Suite("Report markup")
struct ReportMarkupTests {
    /// A one-paragraph model over `text` with the given statements (contents and speaker spans).
    func model(_ text: String, _ statements: [(id: String, content: Range<Int>, speaker: Range<Int>?)]) throws -> ArticleModel {
        let article = try ArticleReader(id: "t").read("date 2024-01-02\nTOWN (AP) — " + text)
        let scalars = ScalarSlice(article.text)
        func span(_ range: Range<Int>) -> Span {
            let offset = 12
            return Span(start: range.lowerBound + offset, end: range.upperBound + offset, paragraph: 1, sentence: 1,
                        text: scalars.string(range.lowerBound + offset, range.upperBound + offset))
        }
        let actor = Actor(id: "x", name: "X <Y> & \"Z\"", kind: .person, description: "someone")
        let records = statements.map { item in
            Statement(id: item.id, speaker: "x", content: span(item.content).text, kind: .reported, cue: "said",
                      contentSpans: [span(item.content)], speakerSpan: item.speaker.map(span),
                      sentenceSpan: span(0..<text.unicodeScalars.count))
        }
        return ArticleModel(article: article, actors: [actor], statements: records, events: [])
    }

    @Test func overlappingStatementsAreSplitIntoFragmentsThatJoinToTheirText() throws {
        let text = "one two three four five six seven eight nine ten"
        let m = try model(text, [("s1", 0..<18, nil), ("s2", 8..<28, 14..<18), ("s3", 4..<7, nil)])
        let html = try ReportWriter().render(m)
        let reading = try ReportReading(html)
        for statement in m.statements {
            #expect(reading.text("\(statement.id).c0") == statement.contentSpans[0].text)
            #expect(reading.ids["a1-\(statement.id)"] == 1)
        }
        #expect(reading.text("s2.who") == "four")
        #expect((reading.fragments["s2.c0"]?.count ?? 0) >= 2, "s2 starts inside s1 and ends outside it: split")
        expectWellNested(html)
    }

    @Test func textAndNamesAreEscaped() throws {
        let text = "He said <script>alert(1)</script> & left, “quoted” 'here'."
        let m = try model(text, [("s1", 8..<33, 0..<2)])
        let html = try ReportWriter(title: "<b>T</b>").render(m)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("X &lt;Y&gt; &amp; \"Z\""))
        #expect(html.contains("data-tip=\"s1 · X &lt;Y&gt; &amp; &quot;Z&quot; · reported"))
        #expect(html.contains("<title>&lt;b&gt;T&lt;/b&gt;</title>"))
        let reading = try ReportReading(html)
        #expect(reading.text("s1.c0") == "<script>alert(1)</script>")
    }

    @Test func identifiersStayDistinct() {
        #expect(HTMLEscape.identifier("s 1") != HTMLEscape.identifier("s_1"))
        #expect(HTMLEscape.identifier("s-1") == "s-1")
    }
}

@Suite("Report palette")
struct ReportPaletteTests {
    @Test func theContrastFormulaMatchesWCAG() throws {
        #expect(try #require(ReportPalette.contrast("#000000", "#ffffff")) > 20.99)
        #expect(try #require(ReportPalette.contrast("#ffffff", "#ffffff")) == 1)
        // #767676 on white is the familiar 4.54:1.
        let grey = try #require(ReportPalette.contrast("#767676", "#ffffff"))
        #expect(grey > 4.5 && grey < 4.6)
        #expect(ReportPalette.luminance("red") == nil)
    }

    @Test func textOnEveryMarkMeetsAA() throws {
        for (index, swatch) in ReportPalette.swatches.enumerated() {
            let ratio = try #require(ReportPalette.contrast(ReportPalette.text, swatch.background))
            #expect(ratio >= 4.5, "text on swatch \(index) (\(swatch.background)): \(ratio)")
            let outline = try #require(ReportPalette.contrast(swatch.outline, ReportPalette.page))
            #expect(outline >= 3, "outline of swatch \(index) (\(swatch.outline)) on the page: \(outline)")
            let onMark = try #require(ReportPalette.contrast(swatch.outline, swatch.background))
            #expect(onMark >= 3, "outline of swatch \(index) on its own background: \(onMark)")
        }
        #expect(try #require(ReportPalette.contrast(ReportPalette.muted, ReportPalette.page)) >= 4.5)
        #expect(try #require(ReportPalette.contrast("#ffffff", "#1b1b1b")) >= 4.5)  // tooltip
        #expect(try #require(ReportPalette.contrast("#0b4f9c", ReportPalette.page)) >= 4.5)  // links, focus
    }

    @Test func swatchesAreDistinctAndRepeatPastTheEnd() {
        #expect(Set(ReportPalette.swatches.map(\.background)).count == ReportPalette.swatches.count)
        #expect(ReportPalette.swatch(ReportPalette.swatches.count) == ReportPalette.swatch(0))
    }
}
