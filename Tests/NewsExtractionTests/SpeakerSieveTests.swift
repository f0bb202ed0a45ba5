import NewsExtraction
import NewsModel
import Testing

/// One fixture article or more per sieve, written for these tests, with the exact statements
/// each must give: kind, content, speaker, the sieve, the speaker's words.
@Suite("Speakers: each sieve on its own fixture")
struct SpeakerSieveTests {
    @Test func splitQuotationContinuesItsSpeaker() {
        let model = extracted("""
            Paula Reyes, the mayor of Ashford, opened the new library on Tuesday.

            “We built this for the children of this town,” she said. “They deserve a quiet place to read.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "We built this for the children of this town", speaker: "Paula Reyes",
                              rule: "quote-cue-after", words: "she", cue: "said"),
            ExpectedStatement(kind: .direct, content: "They deserve a quiet place to read.", speaker: "Paula Reyes",
                              rule: "quote-continues-sentence", words: "she", cue: "said"),
        ])
    }

    @Test func invertedCues() {
        let model = extracted("""
            “The bridge will reopen in May,” said Tomas Lind, the county engineer.

            Repairs will cost about 2 million dollars, said Lind.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "The bridge will reopen in May", speaker: "Tomas Lind",
                              rule: "quote-cue-after", words: "Tomas Lind"),
            ExpectedStatement(kind: .reported, content: "Repairs will cost about 2 million dollars", speaker: "Tomas Lind",
                              rule: "reported-cue-after", words: "Lind"),
        ])
    }

    @Test func accordingTo() {
        let model = extracted("""
            According to the Harbor Authority, ferry traffic fell by a third last year.

            Ticket prices will rise in June, according to a statement from the authority.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "ferry traffic fell by a third last year", speaker: "Harbor Authority",
                              rule: "according-to", words: "the Harbor Authority", cue: "According to"),
            ExpectedStatement(kind: .reported, content: "Ticket prices will rise in June", speaker: "Harbor Authority",
                              rule: "according-to", words: "a statement from the authority"),
        ])
    }

    @Test func quotationOverSeveralParagraphs() {
        let model = extracted("""
            Rebecca Hale, who chairs the school board, spoke at length.

            “We have asked the state for help three times,” Hale said. “Each time we were told to wait.

            “Our buildings cannot wait any longer. The roofs leak and the boilers fail every winter.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "We have asked the state for help three times", speaker: "Rebecca Hale",
                              rule: "quote-cue-after", words: "Hale"),
            ExpectedStatement(kind: .direct, content: "Each time we were told to wait.", speaker: "Rebecca Hale",
                              rule: "quote-continues-sentence", words: "Hale"),
            ExpectedStatement(kind: .direct, content: "Our buildings cannot wait any longer. The roofs leak and the boilers fail every winter.",
                              speaker: "Rebecca Hale", rule: "quote-continues-sentence", words: "Hale"),
        ])
        // The last statement's content lies in the third paragraph, its own.
        #expect(model?.statements.last?.contentSpans.map(\.paragraph) == [3])
    }

    @Test func quoteOnlyParagraphAfterAnAttributedOne() {
        let model = extracted("""
            The fire chief, Dana Okafor, said the blaze started in a storage room.

            “Nobody was hurt, and that is what matters tonight.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the blaze started in a storage room", speaker: "Dana Okafor",
                              rule: "reported-subject-cue", words: "Dana Okafor"),
            ExpectedStatement(kind: .direct, content: "Nobody was hurt, and that is what matters tonight.", speaker: "Dana Okafor",
                              rule: "quote-only-paragraph", words: "Dana Okafor"),
        ])
    }

    @Test func twoSpeakersInOneParagraph() {
        let model = extracted("""
            Senator Mark Ellison said the bill would pass this week, but his colleague Ruth Alvarez said she would vote against it.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the bill would pass this week", speaker: "Mark Ellison",
                              rule: "reported-subject-cue", words: "Senator Mark Ellison"),
            ExpectedStatement(kind: .reported, content: "she would vote against it", speaker: "Ruth Alvarez",
                              rule: "reported-subject-cue", words: "Ruth Alvarez"),
        ])
    }

    @Test func pronounSpeakersAcrossParagraphs() {
        let model = extracted("""
            Amira Haddad, the founder of a small bakery chain, opened a new factory on Monday.

            She said the plant would employ 40 people.

            She added that construction of a second plant would begin in April.

            Her partners were not consulted, she admitted.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the plant would employ 40 people", speaker: "Amira Haddad",
                              rule: "reported-subject-cue", words: "She"),
            ExpectedStatement(kind: .reported, content: "construction of a second plant would begin in April",
                              speaker: "Amira Haddad", rule: "reported-subject-cue", words: "She", cue: "added"),
            ExpectedStatement(kind: .reported, content: "Her partners were not consulted", speaker: "Amira Haddad",
                              rule: "reported-cue-after", words: "she", cue: "admitted"),
        ])
        guard let model else { return }
        for (words, occurrence) in [("She", 1), ("She", 2), ("Her", 1), ("she", 1)] {
            #expect(actor(mentionedAs: words, occurrence: occurrence, in: model)?.name == "Amira Haddad", "\(words) #\(occurrence)")
        }
    }

    @Test func nestedAndStraightQuotes() {
        let model = extracted("""
            Officer Ben Carter said: "The driver told me, 'I never saw the light,' and then he drove off."

            “He said ‘sorry’ twice before he left,” Carter added.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "The driver told me, 'I never saw the light,' and then he drove off.",
                              speaker: "Ben Carter", rule: "quote-cue-before", words: "Officer Ben Carter"),
            ExpectedStatement(kind: .direct, content: "He said ‘sorry’ twice before he left", speaker: "Ben Carter",
                              rule: "quote-cue-after", words: "Carter", cue: "added"),
        ])
    }

    @Test func organisationsAndGroupsThatSpeak() {
        let model = extracted("""
            The Riverside Water Company said on Friday that its rates would not change.

            Local residents say the water still tastes of chlorine.

            The company, which serves 30,000 homes, said it had replaced two filters.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "its rates would not change", speaker: "Riverside Water Company",
                              rule: "reported-subject-cue", words: "The Riverside Water Company"),
            ExpectedStatement(kind: .reported, content: "the water still tastes of chlorine", speaker: "Local residents",
                              rule: "reported-subject-cue", words: "Local residents"),
            ExpectedStatement(kind: .reported, content: "it had replaced two filters", speaker: "Riverside Water Company",
                              rule: "reported-subject-cue", words: "The company"),
        ])
        #expect(model?.actors.first { $0.name == "Riverside Water Company" }?.kind == .organization)
        #expect(model?.actors.first { $0.name == "Local residents" }?.kind == .group)
    }

    @Test func cuesWithoutSpeech() {
        let model = extracted("""
            Nobody said a word when the lights went out.

            The mayor told reporters.

            A spokesman said nothing.

            The report was written last year.
            """)
        expectStatements(model, [])
    }

    @Test func interruptedReportedSpeech() {
        let model = extracted("""
            Harbor Authority spokeswoman Lena Ortiz said the ferries would run late on Sunday.

            The new line, the spokeswoman said, will open next spring.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the ferries would run late on Sunday", speaker: "Lena Ortiz",
                              rule: "reported-subject-cue", words: "Harbor Authority spokeswoman Lena Ortiz"),
            ExpectedStatement(kind: .reported, content: "The new line will open next spring", speaker: "Lena Ortiz",
                              rule: "reported-interrupted", words: "the spokeswoman"),
        ])
        #expect(model?.statements.last?.contentSpans.map(\.text) == ["The new line", "will open next spring"])
        let ortiz = model?.actors.first { $0.name == "Lena Ortiz" }
        #expect(ortiz?.roles.map(\.title) == ["spokeswoman"])
        #expect(ortiz?.roles.first?.organization == model?.actors.first { $0.name == "Harbor Authority" }?.id)
    }

    @Test func partialQuotation() {
        let model = extracted("""
            The governor said the storm had been “the worst in a generation” and promised quick help.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .partial, content: "the storm had been “the worst in a generation” and promised quick help",
                              speaker: "governor", rule: "reported-subject-cue", words: "The governor"),
        ])
        #expect(model?.statements.first?.quotes.map(\.text) == ["the worst in a generation"])
    }

    @Test func quotationInterruptedByItsAttribution() {
        let model = extracted("""
            “The plan is sound,” Ellison said, “and it will save money.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "The plan is sound and it will save money.", speaker: "Ellison",
                              rule: "quote-cue-after", words: "Ellison"),
        ])
        #expect(model?.statements.first?.contentSpans.map(\.text) == ["The plan is sound", "and it will save money."])
    }

    @Test func headlineWithAColon() {
        let model = extracted("""
            Ellison: The bill will pass this week

            Senator Mark Ellison spoke to reporters on Tuesday.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "The bill will pass this week", speaker: "Mark Ellison",
                              rule: "headline-colon", words: "Ellison"),
        ])
    }

    @Test func colonsBeforeQuotations() {
        let model = extracted("""
            Tomas Lind spoke after the vote. Lind: “The bridge is safe for now.”

            Rebecca Hale answered him at length. Hale continued:

            “We will inspect it again in the spring.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "The bridge is safe for now.", speaker: "Tomas Lind",
                              rule: "quote-colon-speaker", words: "Lind", cue: ":"),
            ExpectedStatement(kind: .direct, content: "We will inspect it again in the spring.", speaker: "Rebecca Hale",
                              rule: "quote-cue-before", words: "Hale", cue: "continued"),
        ])
        // The second statement's sentences are its own paragraph's; its cue stands in the one before.
        #expect(model?.statements.last?.sentenceSpan.paragraph == 3)
        #expect(model?.statements.last?.cueSpan?.paragraph == 2)
    }

    @Test func newsletterHeadingThenNameAndColon() {
        // A digest's items: a heading run into the paragraph, a dash, the speaker and a colon.
        let model = extracted("""
            FERRY FARES HOLD FOR NOW - Ada Quill: “The board will not raise fares this year.”

            Pilots are short - More from Quill: “We need six more pilots before the summer.”

            The pier was busy - and Quill: “Nobody said that.”
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "The board will not raise fares this year.", speaker: "Ada Quill",
                              rule: "quote-colon-speaker", words: "Ada Quill", cue: ":"),
            ExpectedStatement(kind: .direct, content: "We need six more pilots before the summer.", speaker: "Ada Quill",
                              rule: "quote-colon-speaker", words: "Quill", cue: ":"),
        ])
    }

    @Test func quotationThenSpeakerWithAnAppositive() {
        // “…,” NAME, an appositive or a relative clause between commas, then the cue.
        let model = extracted("""
            “Keeping order on the pier matters,” harbour chair Ada Quill, the board’s longest-serving member, told the pilots before the vote.

            “The fees will rise,” Tom Reyes, the treasurer, said on Monday.

            “We will fight it,” Ruth Alvarez, who leads the union, told reporters.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "Keeping order on the pier matters", speaker: "Ada Quill",
                              rule: "quote-cue-after", cue: "told"),
            ExpectedStatement(kind: .direct, content: "The fees will rise", speaker: "Tom Reyes", rule: "quote-cue-after",
                              cue: "said"),
            ExpectedStatement(kind: .direct, content: "We will fight it", speaker: "Ruth Alvarez", rule: "quote-cue-after",
                              cue: "told"),
        ])
    }
}
