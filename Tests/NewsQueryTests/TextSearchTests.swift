import NewsQuery
import Testing

/// Folding, tokenizing and compiled text searches.
@Suite("TextSearch")
struct TextSearchTests {
    /// The original text between two scalar offsets.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The original text of every match of `pattern` in `text`.
    static func found(_ pattern: String, in text: String) throws -> [String] {
        let search = try TextSearch(pattern)
        return search.matchRanges(in: TextAnalyzer.analyze(text)).map { slice(text, $0) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var text: String
        var found: [String]
        var testDescription: String { "\(pattern) in \(text)" }
    }

    static let homan = "“We are not surrendering the president’s mission on a mass deportation operation,” Homan said."

    static let cases: [Case] = [
        // Stems.
        Case(pattern: "surrender", text: homan, found: ["surrendering"]),
        Case(pattern: "surrendered", text: homan, found: ["surrendering"]),
        Case(pattern: "SURRENDERS", text: homan, found: ["surrendering"]),
        Case(pattern: "surrender", text: "They surrendered. Surrender! No surrendering.", found: ["surrendered", "Surrender", "surrendering"]),
        Case(pattern: "surrender", text: "a surrealist", found: []),
        Case(pattern: "operations", text: homan, found: ["operation"]),
        Case(pattern: "news", text: "NBC News reported; new rules", found: ["News"]),
        // Apostrophes, straight and typographic.
        Case(pattern: "We're", text: "“We’re not leaving,” he said.", found: ["We’re"]),
        Case(pattern: "we’re not", text: "We're not leaving, we're not.", found: ["We're not", "we're not"]),
        Case(pattern: "we're", text: "we are here; were there", found: []),
        Case(pattern: "isn't", text: "Minnesota isn’t a sign", found: ["isn’t"]),
        // Possessives.
        Case(pattern: "president", text: homan, found: ["president’s"]),
        Case(pattern: "president's", text: "The president spoke.", found: ["president"]),
        Case(pattern: "officers", text: "the officers’ families", found: ["officers’"]),
        Case(pattern: "Homan's", text: "Homan said; Homan’s team", found: ["Homan", "Homan’s"]),
        // Phrases.
        Case(pattern: "not surrendering", text: homan, found: ["not surrendering"]),
        Case(pattern: "surrendering not", text: homan, found: []),
        Case(pattern: "not surrender", text: homan, found: ["not surrendering"]),
        Case(pattern: "mass deportation operation", text: homan, found: ["mass deportation operation"]),
        Case(pattern: "mass operation", text: homan, found: []),
        Case(pattern: "operation Homan", text: homan, found: ["operation,” Homan"]),
        Case(pattern: "no no", text: "no no no no", found: ["no no", "no no"]),
        // Prefixes.
        Case(pattern: "surr*", text: homan, found: ["surrendering"]),
        Case(pattern: "Homan*", text: "Homan’s view; homane; Hom", found: ["Homan’s", "homane"]),
        Case(pattern: "depor* oper*", text: homan, found: ["deportation operation"]),
        Case(pattern: "pres*", text: "the president’s press", found: ["president’s", "press"]),
        Case(pattern: "xyz*", text: homan, found: []),
        // Case and diacritics.
        Case(pattern: "Frey", text: "Mayor Jacob FREY said", found: ["FREY"]),
        Case(pattern: "FREY", text: "Mayor Jacob Frey said", found: ["Frey"]),
        Case(pattern: "cafe", text: "a café and a CAFÉ and a cafe\u{301}", found: ["café", "CAFÉ", "cafe\u{301}"]),
        Case(pattern: "café", text: "the cafe", found: ["cafe"]),
        Case(pattern: "strasse", text: "Hauptstraße 5", found: []),
        Case(pattern: "hauptstrasse", text: "Hauptstraße 5", found: ["Hauptstraße"]),
        Case(pattern: "Lodz", text: "in Łódź", found: ["Łódź"]),
        Case(pattern: "encyclopaedia", text: "Encyclopædia", found: ["Encyclopædia"]),
        // Dashes and hyphens separate words.
        Case(pattern: "state", text: "a state-led effort — statewide", found: ["state"]),
        Case(pattern: "led effort", text: "a state-led effort", found: ["led effort"]),
        Case(pattern: "state-led", text: "a state–led effort", found: ["state–led"]),
        Case(pattern: "officers roughly", text: "About 700 federal officers — roughly a quarter", found: ["officers — roughly"]),
        // Numbers.
        Case(pattern: "2,000", text: "About 2,000 officers; 2000 more", found: ["2,000", "2000"]),
        Case(pattern: "2000", text: "About 2,000 officers.", found: ["2,000"]),
        Case(pattern: "700", text: "About 700 federal officers, 7,000 others, 1700", found: ["700"]),
        Case(pattern: "2026", text: "on 2026-02-04.", found: ["2026"]),
        Case(pattern: "3.5 percent", text: "rose 3.5 percent.", found: ["3.5 percent"]),
        // Other scripts: tokens, no crash.
        Case(pattern: "東京", text: "彼は東京に住む。東京!", found: ["東京"]),
        Case(pattern: "東京に住む", text: "彼は 東京に住む。", found: ["東京に住む"]),
        Case(pattern: "ΑΘΗΝΑ", text: "στην Αθηνα", found: ["Αθηνα"]),
        Case(pattern: "москва", text: "Москва — столица", found: ["Москва"]),
    ]

    @Test("searches find the right words", arguments: cases)
    func searches(_ test: Case) throws {
        #expect(try Self.found(test.pattern, in: test.text) == test.found)
        let search = try TextSearch(test.pattern)
        #expect(search.matches(TextAnalyzer.analyze(test.text)) == !test.found.isEmpty)
    }

    @Test("patterns without words are refused", arguments: ["", "   ", "*", " * ", "—", "“”", "?!"])
    func noWords(_ pattern: String) {
        #expect(throws: TextSearch.Failure(message: "the search text \"\(pattern)\" has no words to look for")) {
            try TextSearch(pattern)
        }
    }

    @Test("the failure message reads well")
    func failureMessage() {
        do {
            _ = try TextSearch("*")
            Issue.record("expected a failure")
        } catch {
            #expect("\(error)" == "the search text \"*\" has no words to look for")
        }
    }

    @Test("terms: stems, prefixes and phrases")
    func terms() throws {
        #expect(try TextSearch("Surrendering").terms == [.stem("surrend")])
        #expect(try TextSearch("surr*").terms == [.prefix("surr")])
        #expect(try TextSearch("“We’re not”").terms == [.stem("we'r"), .stem("not")])
        #expect(try TextSearch("surrender") == TextSearch("surrender"))
    }

    @Test("folding")
    func folding() {
        #expect(TextAnalyzer.fold("“We’re” — Frey’s CAFÉ") == "\"we're\" - frey's cafe")
        #expect(TextAnalyzer.fold("ÀÉÎÕÜ àéîõü Çç Ññ Ÿÿ") == "aeiou aeiou cc nn yy")
        #expect(TextAnalyzer.fold("ß Æ æ Œ œ Ø ø Đ đ Ł ł Þ þ") == "ss ae ae oe oe o o d d l l th th")
        #expect(TextAnalyzer.fold("e\u{301}e\u{308}") == "ee")
        #expect(TextAnalyzer.fold("‘a’ ‛b ʼc ′d „e“ ″f″ –—‒―") == "'a' 'b 'c 'd \"e\" \"f\" ----")
        #expect(TextAnalyzer.fold("ΑΘΗΝΑ Москва 東京") == "αθηνα москва 東京")
        #expect(TextAnalyzer.fold("İstanbul") == "istanbul")
        #expect(TextAnalyzer.fold("plain ascii 123") == "plain ascii 123")
    }

    @Test("tokens: folded forms, stems and ranges")
    func tokens() {
        let text = "We’re here — Frey’s state-led 2,000 officers’ cafe\u{301}s. 東京"
        let tokens = TextAnalyzer.analyze(text).tokens
        #expect(tokens.map(\.folded) == ["we're", "here", "frey's", "state", "led", "2000", "officers'", "cafes", "東京"])
        #expect(tokens.map(\.stem) == ["we'r", "here", "frey", "state", "led", "2000", "offic", "cafe", "東京"])
        #expect(tokens.map { Self.slice(text, $0.range) }
            == ["We’re", "here", "Frey’s", "state", "led", "2,000", "officers’", "cafe\u{301}s", "東京"])
    }

    @Test("apostrophes that are quotation marks stay out of words")
    func quotingApostrophes() {
        let text = "‘surrender’ is 'the word' 'cause rock'n'roll"
        let tokens = TextAnalyzer.analyze(text).tokens
        #expect(tokens.map(\.folded) == ["surrender", "is", "the", "word", "cause", "rock'n'roll"])
        #expect(tokens.map { Self.slice(text, $0.range) } == ["surrender", "is", "the", "word", "cause", "rock'n'roll"])
    }

    @Test("empty and punctuation-only texts have no tokens")
    func emptyTexts() throws {
        #expect(TextAnalyzer.analyze("").tokens.isEmpty)
        #expect(TextAnalyzer.analyze(" — “” ’ , . ").tokens.isEmpty)
        #expect(try TextSearch("word").matchRanges(in: TextAnalyzer.analyze("")) == [])
    }

    /// The analyzer treats General Punctuation (U+2000–U+206F) as separators without looking up
    /// each scalar's properties; that is only right while the block holds no letter, number or
    /// mark, which this checks against the Unicode tables of the running Swift.
    @Test("general punctuation never continues a word")
    func generalPunctuationHoldsNoWordScalars() throws {
        for value in UInt32(0x2000)...0x206F {
            let properties = try #require(Unicode.Scalar(value)).properties
            #expect(!properties.isAlphabetic && properties.numericType == nil, "U+\(String(value, radix: 16))")
            #expect(![.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory))
        }
        #expect(TextAnalyzer.analyze("officers—about 700\u{2009}officers\u{2026}“gone”").tokens.map(\.folded)
                == ["officers", "about", "700", "officers", "gone"])
    }
}
