import Foundation
import NewsExtraction
import NewsModel
import Testing

@Suite("The extractor: errors, provenance, validity")
struct ExtractorTests {
    @Test func badInputGetsAClearPositionedError() {
        let extractor = Extractor()
        #expect(throws: ExtractionError.empty) { try extractor.extract(text: " \n\n ", date: fixtureDate) }
        #expect(throws: ExtractionError.noSentences) { try extractor.extract(text: "— … — !!", date: fixtureDate) }
        #expect(throws: ExtractionError.invalidUTF8(byteOffset: 4)) {
            try extractor.extract(bytes: Array("Yes ".utf8) + [0xC3, 0x28] + Array(" no".utf8), date: fixtureDate)
        }
        #expect(throws: ExtractionError.invalidUTF8(byteOffset: 2)) { try extractor.extract(bytes: [0x41, 0x42, 0xE2, 0x82], date: fixtureDate) }
        #expect(throws: ExtractionError.binary(byteOffset: 3)) { try extractor.extract(bytes: [0x41, 0x42, 0x43, 0x00, 0x44], date: fixtureDate) }
        let small = Extractor(options: Extractor.Options(maximumBytes: 10))
        #expect(throws: ExtractionError.tooLarge(bytes: 26, limit: 10)) {
            try small.extract(text: "Far more than ten bytes...", date: fixtureDate)
        }
        #expect(throws: ExtractionError.noDate) { try extractor.extract(text: "The ferry ran.") }
        #expect(throws: ExtractionError.badMetadataDate(value: "2026-02-30", line: 1)) {
            try extractor.extract(text: "date 2026-02-30\nThe ferry ran.")
        }
    }

    @Test func errorMessagesSayWhereAndWhy() {
        #expect(ExtractionError.invalidUTF8(byteOffset: 257).description
            == "the article is not valid UTF-8: the byte at offset 257 does not belong to a UTF-8 character")
        #expect(ExtractionError.tooLarge(bytes: 5_000_000, limit: 4_000_000).description
            == "the article is 5000000 bytes long; the limit is 4000000 bytes")
        #expect(ExtractionError.noDate.description.contains("--date YYYY-MM-DD"))
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let model = try Extractor().extract(bytes: [0xEF, 0xBB, 0xBF] + Array("The ferry ran.".utf8), date: fixtureDate)
        #expect(model.article.text == "The ferry ran.")
    }

    @Test func theDateComesFromTheTextTheCallerOrTheFileName() throws {
        let extractor = Extractor()
        #expect(try extractor.extract(text: "date 2025-12-01\nThe ferry ran.", date: fixtureDate).article.date
            == CalendarDate(year: 2025, month: 12, day: 1))
        #expect(try extractor.extract(text: "The ferry ran.", date: fixtureDate).article.date == fixtureDate)
        #expect(try extractor.extract(text: "The ferry ran.", fileName: "nyt_2016-05-02_ferry.txt").article.date
            == CalendarDate(year: 2016, month: 5, day: 2))
    }

    @Test func theModelSaysItWasExtracted() throws {
        let model = try Extractor().extract(text: "The ferry ran, the captain said.", fileName: "news/ferry.txt", date: fixtureDate)
        #expect(model.provenance == Provenance(extracted: true, extractor: Extractor.version, sourceFile: "news/ferry.txt"))
        #expect(model.article.id == "ferry")
        #expect(model.statements.allSatisfy { $0.rule != nil && $0.confidence != nil })
        // It is written as format 2 and reads back the same.
        let file = ModelFile.encode(model)
        #expect(file.hasPrefix("{\n  \"format\": 2,\n"))
        #expect(try ModelFile.decode(file) == model)
    }

    @Test func withoutMetadataOffsetsAreTheFilesOwn() throws {
        let text = "Title line\n\n“Yes,” she said.\n"
        let model = try Extractor().extract(text: text, date: fixtureDate)
        #expect(model.article.text == text)
        let content = try #require(model.statements.first?.contentSpans.first)
        #expect(Array(text.unicodeScalars)[content.start..<content.end].map(Character.init) == Array("Yes"))
    }

    /// Every fixture of the suite and variations of it give a valid model.
    @Test func modelsAreValidOverManyTexts() throws {
        let pieces = [
            "“We built this,” she said.", "Paula Reyes, the mayor, said the plan would work.", "According to the Harbor Authority, 40 boats sank.",
            "The Riverside Water Company, which serves 30,000 homes, said its rates would rise.", "“Each time we waited.",
            "Officials say the harbor is safe.", "Gov. Mark Ellison (D-ME) said, “The bill will pass.”", "He added: \"We are ready.\"",
            "The new line, Ortiz said, will open next spring.", "ASHFORD (AP) — Protesters said they would return on Monday.",
            "Heading without a stop", "# Markdown heading", "“Nested ‘quotes’ here,” said Lind.", "In a poll released Monday, 55 percent backed the plan.",
            "Lind: The bridge is safe", "“", "”", "\"", "—", "…", "said", "He said", "according to", ", said", "Mr.", "U.S.",
        ]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var paragraphs: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let count = Int.random(in: 1...4, using: &generator)
                paragraphs.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " "))
            }
            let text = paragraphs.joined(separator: Bool.random(using: &generator) ? "\n\n" : "\n\n\n")
            do {
                let model = try Extractor(options: Extractor.Options(validates: false)).extract(text: text, date: fixtureDate)
                let issues = ModelValidator().validate(model).map(\.description)
                #expect(issues == [], "round \(round):\n\(text)")
                #expect(try ModelFile.decode(ModelFile.encode(model)) == model, "round \(round)")
            } catch ExtractionError.noSentences {
                continue
            } catch {
                Issue.record("round \(round): \(error)\n\(text)")
            }
        }
    }

    /// No text makes the extractor crash or take long: each of these (a few hundred kilobytes
    /// built to stress one phase) is extracted within seconds even in a debug build.
    @Test(arguments: [
        ("one long word", String(repeating: "a", count: 400_000)),
        ("only opening quotes", String(repeating: "“", count: 100_000)),
        ("alternating quotes", String(repeating: "“a” ", count: 50_000)),
        ("unclosed quotes in every paragraph", String(repeating: "“He said it\n\n", count: 20_000)),
        ("a sentence without end", String(repeating: "and Homan said that ", count: 20_000)),
        ("commas everywhere", String(repeating: "Homan, who said, ", count: 20_000)),
        ("cues and nothing else", String(repeating: "said told added ", count: 30_000)),
        ("names and pronouns", String(repeating: "Tom Homan said he told Mary Smith she would. ", count: 8_000)),
        ("initials", String(repeating: "A. B. ", count: 60_000)),
        ("brackets", String(repeating: "(R-OK) said ( ", count: 30_000)),
        ("many short paragraphs", String(repeating: "“Go,” he said.\n\n", count: 20_000)),
        ("combining marks", String(repeating: "e\u{301}\u{302}\u{303} ", count: 50_000)),
        ("numbers and hedges", String(repeating: "about 700 more than 2,000 a quarter of ", count: 10_000)),
        ("dates", String(repeating: "on Monday January 5, 2026 last week in 2016 ", count: 8_000)),
        ("colons", String(repeating: "Lind: “Yes” ", count: 30_000)),
    ])
    func pathologicalInputsFinishQuickly(_ name: String, _ text: String) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let model = try Extractor().extract(text: text, date: fixtureDate)
            #expect(model.article.text == text, "\(name)")
        } catch ExtractionError.noSentences {
        } catch {
            Issue.record("\(name): \(error)")
        }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(20), "\(name) took \(elapsed)")
    }
}
