import ExtractionEvaluation
import NewsExtraction
import NewsModel
import Testing

/// The sieves added for PolNeAR's wider notion of attribution, each on a fixture written for
/// these tests, and the statement model that keeps or drops what they propose.
@Suite("Speakers: later sieves and the statement model")
struct LearnedSieveTests {
    @Test func relativeWhoSpeaksForItsNoun() {
        let model = extracted("""
            The mayor spoke to residents who said the water tasted of iron.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the water tasted of iron", speaker: "residents",
                              rule: "reported-subject-cue", words: "who", cue: "said"),
        ])
    }

    @Test func sharesAndQuantifiersSpeak() {
        let model = extracted("""
            Some say the plan will fail. About half of the teachers said they would strike in the spring.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "the plan will fail", speaker: "Some", rule: "reported-subject-cue",
                              words: "Some"),
            ExpectedStatement(kind: .reported, content: "they would strike in the spring", speaker: "About half of the teachers",
                              rule: "reported-subject-cue", words: "About half of the teachers"),
        ])
        #expect(model?.actors.first { $0.name == "Some" }?.kind == .group)
    }

    @Test func aDayBeforeAnInfinitiveDatesTheCue() {
        // A learned cue ("voted") with a day between it and its infinitive: the day is when the
        // board voted, not what it voted for.
        let model = extracted("The ferry board voted on Tuesday to raise harbour fees by 8 percent.")
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "to raise harbour fees by 8 percent", speaker: "ferry board",
                              rule: "reported-subject-cue", cue: "voted"),
        ])
    }

    @Test func nobodySaysNothing() {
        expectStatements(extracted("Nobody said the ferry would be late."), [])
    }

    @Test func clauseClosedByAQuotationBeforeItsCue() {
        let model = extracted("""
            Tomas Lind inspected the tunnel on Monday.

            The tunnel is ''safe enough for now,'' Mr. Lind said. ''We will check it again in the spring.''
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .partial, content: "The tunnel is ''safe enough for now,''", speaker: "Tomas Lind",
                              rule: "reported-cue-after", words: "Mr. Lind"),
            ExpectedStatement(kind: .direct, content: "We will check it again in the spring.", speaker: "Tomas Lind",
                              rule: "quote-continues-sentence", words: "Mr. Lind"),
        ])
        #expect(model?.statements.first?.quotes.map(\.text) == ["safe enough for now"])
    }

    @Test func questionMarkKeepsItsSpeechTag() {
        let model = extracted("""
            “Why would anyone close the library?” Reyes asked.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "Why would anyone close the library?", speaker: "Reyes",
                              rule: "quote-cue-after", words: "Reyes", cue: "asked"),
        ])
        #expect(model?.article.sentences.count == 1)
    }

    @Test func dashNamesTheSpeaker() {
        let model = extracted("""
            Readers wrote to us about the flood.

            “We are not done yet.” ― Maria Lopez, Denver
            ”The water came in the night and took the school.”― Ben Ortiz

            “Nobody warned us.”

            - Ana Ruiz.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .direct, content: "We are not done yet.", speaker: "Maria Lopez", rule: "quote-dash-speaker",
                              words: "Maria Lopez", cue: "―"),
            ExpectedStatement(kind: .direct, content: "The water came in the night and took the school.", speaker: "Ben Ortiz",
                              rule: "quote-dash-speaker", words: "Ben Ortiz", cue: "―"),
            ExpectedStatement(kind: .direct, content: "Nobody warned us.", speaker: "Ana Ruiz", rule: "quote-dash-speaker",
                              words: "Ana Ruiz", cue: "-"),
        ])
    }

    @Test func titleCaseHeadlineWithACue() {
        let model = extracted("""
            Mayor Reyes Says Library Will Open In May

            Paula Reyes, the mayor of Ashford, spoke on Tuesday.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "Library Will Open In May", speaker: "Paula Reyes", rule: "headline-cue",
                              words: "Mayor Reyes", cue: "Says"),
        ])
    }

    @Test func transcriptColon() {
        let model = extracted("""
            Tomas Lind, the county engineer, took questions after the vote.

            LIND: The bridge is safe and the repairs will finish in June.
            """)
        expectStatements(model, [
            ExpectedStatement(kind: .reported, content: "The bridge is safe and the repairs will finish in June",
                              speaker: "Tomas Lind", rule: "transcript-colon", words: "LIND", cue: ":"),
        ])
    }

    @Test func firstPersonInsideQuotationsIsTheSpeaker() throws {
        let model = try #require(extracted("""
            Harbor Authority spokeswoman Lena Ortiz spoke on Tuesday.

            “I checked the ferries myself, and we will add two more,” Ortiz said.
            """))
        let ortiz = try #require(model.actors.first { $0.name == "Lena Ortiz" })
        let authority = try #require(model.actors.first { $0.name == "Harbor Authority" })
        #expect(ortiz.mentions.filter { $0.form == .pronoun }.map(\.span.text) == ["I", "myself"])
        #expect(authority.mentions.filter { $0.form == .pronoun }.map(\.span.text) == ["we"])
        expectValid(model)
    }

    @Test func confidenceIsTheModelsProbability() throws {
        let text = "Paula Reyes said the library would open in May."
        let model = try #require(extracted(text))
        let candidates = try Extractor().candidates(text: text, fileName: "fixture.txt", date: fixtureDate)
        #expect(candidates.model.statements.count == candidates.features.count)
        #expect(candidates.features.allSatisfy { $0.contains("bias yes") })
        let kept = try #require(model.statements.first)
        let index = try #require(candidates.model.statements.firstIndex { $0.content == kept.content })
        #expect(kept.confidence == (candidates.probabilities[index] * 100).rounded() / 100)
        #expect(candidates.features[index].contains("rule reported-subject-cue"))
        #expect(candidates.features[index].contains("cue said"))
    }
}

/// The trainer behind `scripts/train-statement-model`, on small datasets made here.
@Suite("The statement model's trainer")
struct StatementModelTrainerTests {
    /// Two features: `good` marks right candidates, `bad` wrong ones; each finds its own gold.
    func dataset() -> StatementModelTrainer.Dataset {
        var data = StatementModelTrainer.Dataset()
        for article in 0..<8 {
            var features: [[String]] = []
            var outcomes: [AttributionScorer.Outcome] = []
            for k in 0..<10 {
                let right = k % 3 != 0
                features.append(["bias yes", right ? "cue said" : "cue campaign"])
                outcomes.append(AttributionScorer.Outcome(counted: true, matched: right, quoted: k % 2 == 0, finds: right ? [k] : []))
            }
            data.add(article: article, features: features, outcomes: outcomes, sourced: [Bool](repeating: true, count: 10),
                     quoted: (0..<10).map { $0 % 2 == 0 })
        }
        return data
    }

    @Test func fitSeparatesRightFromWrong() {
        let data = dataset()
        var trainer = StatementModelTrainer()
        trainer.epochs = 20
        let weights = trainer.fit(data)
        let probabilities = StatementModelTrainer.probabilities(data, weights)
        for (example, p) in zip(data.examples, probabilities) {
            #expect(example.matched ? p > 0.7 : p < 0.3)
        }
        // The same data gives the same weights.
        #expect(trainer.fit(data) == weights)
    }

    @Test func thresholdsKeepPrecisionAndEstimateCounts() {
        let data = dataset()
        let weights = StatementModelTrainer().fit(data)
        let probabilities = StatementModelTrainer.probabilities(data, weights)
        let (quoted, reported) = StatementModelTrainer.thresholds(data, probabilities, quotedPrecision: 0.95, allPrecision: 0.95)
        let estimate = StatementModelTrainer.estimate(data, probabilities, quoted: quoted, reported: reported)
        #expect(estimate.all.precision == 1)
        #expect(estimate.all.found == 8 * 6)
        #expect(estimate.all.gold == 80)
        let everything = StatementModelTrainer.estimate(data, probabilities, quoted: 0, reported: 0)
        #expect(everything.all.predicted == 80)
        #expect(everything.all.truePositives == 48)
    }

    @Test func weightsFileListsThresholdsAndFeatures() {
        let file = StatementModelTrainer.weightsFile(header: "# test", names: ["cue said", "cue campaign", "bias yes"],
                                                     weights: [1.5, -2, 0.001], quoted: 0.7, reported: 0.6)
        #expect(file == "# test\nthreshold quoted 0.7000\nthreshold reported 0.6000\ncue campaign -2.0000\ncue said 1.5000\n")
    }
}
