import NewsExtraction
import NewsModel
import Testing

@Suite("Tokens and sentences")
struct TokensAndSentencesTests {
    func tokens(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer().tokens(scalars, in: 0..<scalars.count).map { ScalarText.string(scalars[$0.start..<$0.end]) }
    }

    func sentences(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        extracted(text, sourceLocation: sourceLocation)?.article.sentences.map(\.text) ?? []
    }

    @Test func wordsNumbersAndMarks() {
        #expect(tokens("Gov. Tim Walz’s plan costs $3.5 million, about 2,000 jobs.") == [
            "Gov.", "Tim", "Walz", "’s", "plan", "costs", "$", "3.5", "million", ",", "about", "2,000", "jobs", ".",
        ])
        #expect(tokens("He’s sure O’Malley didn’t say it — not in the U.S. or D.C.") == [
            "He", "’s", "sure", "O’Malley", "didn’t", "say", "it", "—", "not", "in", "the", "U.S.", "or", "D.C.",
        ])
        #expect(tokens("“Stop,” she said... 'Now'") == ["“", "Stop", ",", "”", "she", "said", "...", "'", "Now", "'"])
        #expect(tokens("state-led mid-1990s 20th") == ["state-led", "mid-1990s", "20th"])
    }

    @Test func lowerCaseTextAndCapitals() {
        let scalars = Array("DHS told Homan’s aides".unicodeScalars)
        let result = Tokenizer().tokens(scalars, in: 0..<scalars.count)
        #expect(result.map(\.text) == ["dhs", "told", "homan", "'s", "aides"])
        #expect(result.map(\.isAllCaps) == [true, false, false, false, false])
        #expect(result.map(\.isCapitalized) == [true, false, true, false, false])
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(sentences("Gov. Tim Walz met Sen. Amy Lee on Jan. 5 in St. Paul. J. R. Smith was there too.") == [
            "Gov. Tim Walz met Sen. Amy Lee on Jan. 5 in St. Paul.", "J. R. Smith was there too.",
        ])
    }

    @Test func decimalsDoNotEndSentences() {
        #expect(sentences("Inflation rose 3.5 percent. It was 2.9 percent a year ago.") == [
            "Inflation rose 3.5 percent.", "It was 2.9 percent a year ago.",
        ])
    }

    @Test func anAbbreviationCanEndASentence() {
        #expect(sentences("The company moved to the U.S. The move took a year.") == [
            "The company moved to the U.S.", "The move took a year.",
        ])
        #expect(sentences("He lives in the U.S. capital.") == ["He lives in the U.S. capital."])
    }

    @Test func quotationsThatEndASentenceInsideTheMarks() {
        #expect(sentences("“Was it perfect? No.” Then she left. He said “go.” They went.") == [
            "“Was it perfect? No.”", "Then she left.", "He said “go.”", "They went.",
        ])
    }

    @Test func aQuotationEndingInAPeriodEndsItsSentenceBeforeAnotherSpeechTag() {
        // A period inside the marks ends the sentence even when a speaker and a cue follow: a
        // tag of the quotation itself would follow a comma. A ? or ! keeps its tag.
        #expect(sentences("Ruth Alvarez called the plan “a mistake.” Tom Reyes called the vote “a relief.”") == [
            "Ruth Alvarez called the plan “a mistake.”", "Tom Reyes called the vote “a relief.”",
        ])
        #expect(sentences("“Why close the pier?” Tom Reyes asked. “Because it leaks!” the mayor said.") == [
            "“Why close the pier?” Tom Reyes asked.", "“Because it leaks!” the mayor said.",
        ])
    }

    @Test func noSentenceEndsInsideAClosedQuotation() {
        #expect(sentences("She said, “We came. We saw. We left,” and smiled.") == ["She said, “We came. We saw. We left,” and smiled."])
    }

    @Test func aDatelineIsInNoSentence() {
        let model = extracted("ASHFORD (AP) — The library opened. It was busy.")
        #expect(model?.article.sentences.map(\.text) == ["The library opened.", "It was busy."])
        #expect(model?.article.dateline == "ASHFORD")
        #expect(model?.article.source == "AP")
    }
}
