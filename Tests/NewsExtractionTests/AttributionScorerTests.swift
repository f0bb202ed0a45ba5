import ExtractionEvaluation
import NewsExtraction
import NewsModel
import Testing

@Suite("The brat reader and the attribution scorer")
struct AttributionScorerTests {
    /// A tiny article and its annotation, written for this test in PolNeAR's scheme.
    static let text = "Mayor Paula Reyes said the ferry would run. Officials hope it works. “Yes,” Lind said."
    static let annotation = """
        T1\tSource 0 17\tMayor Paula Reyes
        T2\tCue 18 22\tsaid
        T3\tContent 23 42\tthe ferry would run
        T4\tAttribution 18 22\tsaid
        E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
        T5\tCue 54 58\thope
        T6\tContent 59 67\tit works
        T7\tAttribution-no-source 54 58\thope
        E2\tAttribution-no-source:T7 Cue:T5 Content:T6
        #1\tAnnotatorNotes T5\ta note
        T8\tSource 75 79\tLind
        T9\tCue 80 84\tsaid
        T10\tContent 69 72;73 74\tYes ,
        T11\tAttribution 80 84\tsaid
        E3\tAttribution:T11 Source:T8 Cue:T9 Content:T10
        T12\tDiscuss 0 10\tMayor Paul
        """

    @Test func readsSourcesCuesAndDiscontinuousContent() throws {
        let gold = try BratReader().attributions(Self.annotation)
        #expect(gold.map(\.id) == ["E1", "E2", "E3"])
        #expect(gold[0].source == [0..<17] && gold[0].cue == [18..<22] && gold[0].content == [23..<42])
        #expect(!gold[1].hasSource)
        #expect(gold[2].content == [69..<72, 73..<74])
    }

    @Test func badRangesAreReportedWithTheirLine() {
        #expect(throws: BratReader.Failure.self) { try BratReader().attributions("T1\tSource 5 x\tword") }
    }

    @Test func headWords() {
        #expect(AttributionScorer.headWord("Joel Pollak of Breitbart California") == "pollak")
        #expect(AttributionScorer.headWord("O’Malley’s campaign") == "campaign")
        #expect(AttributionScorer.headWord("Marley Anderson, 21, a junior") == "anderson")
        #expect(AttributionScorer.headWord("Trump’s") == "trump")
        #expect(AttributionScorer.headWord("he") == "he")
    }

    @Test func scoresByTheIssuesRules() throws {
        let gold = try BratReader().attributions(Self.annotation)
        let model = try Extractor().extract(text: Self.text, date: fixtureDate)
        let result = AttributionScorer().score(model: model, gold: gold)
        // "Officials hope it works" matches only the attribution without a source: left out of
        // precision, and that attribution is left out of recall.
        #expect(result.all.gold == 2)
        #expect(result.all.found == 2)
        #expect(result.all.predicted == 2 && result.all.truePositives == 2)
        #expect(result.quoted.gold == 1 && result.quoted.found == 1)
        #expect(result.byRule["reported-subject-cue"]?.matched == 1)
    }

    @Test func aWrongSpeakerIsNotFound() throws {
        let gold = [GoldAttribution(id: "E1", source: [44..<53], cue: [18..<22], content: [23..<42])]
        let model = try Extractor().extract(text: Self.text, date: fixtureDate)
        let result = AttributionScorer().score(model: model, gold: gold)
        #expect(result.all.found == 0)
        #expect(result.missed.first?.contentMatched == true)
        // With no attribution without a source, every statement counts for precision; none is right.
        #expect(result.all.predicted == model.statements.count && result.all.truePositives == 0)
        #expect(model.statements.count == 3)
    }

    @Test func contentOverlapIsHalfOfTheShorter() {
        #expect(AttributionScorer.contentMatches([0..<10], [5..<100]))
        #expect(!AttributionScorer.contentMatches([0..<10], [6..<100]))
        #expect(AttributionScorer.contentMatches([0..<4, 10..<14], [2..<12]))
        #expect(!AttributionScorer.contentMatches([], [0..<3]))
    }
}
