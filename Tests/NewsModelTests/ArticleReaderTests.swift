@testable import BundledArticle
import Foundation
import Testing
@testable import NewsModel

@Suite("Reading the bundled article text")
struct ArticleReaderTests {
    let article = try! BundledModel.article()

    @Test func metadataIsNotProse() {
        #expect(article.date == CalendarDate(year: 2026, month: 2, day: 4))
        #expect(article.source == "AP")
        #expect(article.dateline == "MINNEAPOLIS")
        #expect(article.text.hasPrefix("MINNEAPOLIS (AP) — The Trump administration"))
        #expect(!article.text.contains("date 2026-02-04"))
        #expect(article.text.hasSuffix("we are protecting children.”"))
    }

    @Test func paragraphsAndHeadings() {
        #expect(article.paragraphs.count == 28)
        #expect(article.paragraphs.filter { $0.kind == .body }.count == 25)
        #expect(article.headings == [
            "Trump administration has pushed for cooperation in Minnesota",
            "Border czar calls Minnesota operation a success",
            "Schools ask court to block immigration operations",
        ])
        #expect(article.paragraph(11)?.kind == .heading)
        #expect(article.sections.map(\.firstParagraph) == [1, 12, 21, 26])
        #expect(article.sections.map(\.lastParagraph) == [10, 19, 24, 28])
        #expect(article.sections.map(\.headingParagraph) == [nil, 11, 20, 25])
    }

    @Test func sentenceBoundaries() {
        let texts = article.sentences.map(\.text)
        // The dateline is outside the first sentence.
        #expect(texts.first?.hasPrefix("The Trump administration is reducing") == true)
        // Abbreviations do not end sentences.
        #expect(texts.contains { $0.hasPrefix("But he did not provide a timeline") && $0.contains("U.S. citizens Renee Good") })
        #expect(texts.contains { $0.hasPrefix("The Ramsey County Sheriff’s Office in neighboring St. Paul did not") })
        // A quotation with two sentences inside it stays one sentence.
        #expect(texts.contains { $0.hasPrefix("Trump told NBC News") && $0.hasSuffix("you still have to be tough.”") })
        #expect(texts.contains("“Was it a perfect operation? No.”"))
        #expect(texts.contains("“I think it’s very effective as far as public safety goes,” he said Wednesday."))
        for sentence in article.sentences {
            #expect(sentence.text.first != " " && sentence.text.last != " ", "\(sentence.number)")
        }
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = ScalarText(article.text)
        for paragraph in article.paragraphs {
            #expect(text.text(from: paragraph.start, to: paragraph.end) == paragraph.text)
        }
        // "—" is one scalar: the first sentence starts 19 scalars in ("MINNEAPOLIS (AP) — ").
        #expect(article.sentences[0].start == 19)
    }

    /// The compiled-in text is exactly the article file (run scripts/generate-bundled-text after
    /// editing the file).
    @Test func compiledTextMatchesTheArticleFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/BundledArticle/metro-surge-2026-02-04.txt")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(BundledArticleText.raw == onDisk)
    }

    @Test func rejectsTextWithoutMetadata() {
        #expect(throws: ArticleReader.Failure.missingDate) { try ArticleReader(id: "x").read("MINNEAPOLIS (AP) — Hi.") }
        #expect(throws: ArticleReader.Failure.badDate("2026-02-30")) {
            try ArticleReader(id: "x").read("date 2026-02-30 MINNEAPOLIS (AP) — Hi.")
        }
        #expect(throws: ArticleReader.Failure.missingDateline) { try ArticleReader(id: "x").read("date 2026-02-04 Hello there.") }
    }
}
