import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import NewsShell
import Testing

/// The completion engine over the bundled model: what Tab offers and inserts at many cursor
/// positions.
@Suite("Completion")
struct CompletionTests {
    static let vocabulary: CompletionVocabulary = {
        let interpreter = try? Interpreter(model: .bundled)
        var vocabulary = CompletionVocabulary(
            model: .bundled, interpreter: interpreter,
            metaCommands: [":article", ":export", ":format", ":help", ":history", ":load", ":quit", ":run", ":schema", ":timing"])
        vocabulary.variables = ["h": ["id", "speaker", "kind", "text"]]
        return vocabulary
    }()

    static let files: [String: [(name: String, isFolder: Bool)]] = [
        ".": [("scripts", true), ("examples", true), ("notes.nq", false), ("README.md", false), (".hidden", false)],
        "examples/": [("homan.nq", false), ("walz.nq", false), ("deep", true)],
    ]

    let engine = CompletionEngine(vocabulary: CompletionTests.vocabulary, listFolder: { CompletionTests.files[$0] ?? [] })

    /// The completion with the cursor at the `‸` in `marked` (at the end when there is none).
    func complete(_ marked: String) -> Completion {
        let parts = marked.components(separatedBy: "‸")
        let line = parts.joined()
        let cursor = parts.count > 1 ? parts[0].unicodeScalars.count : line.unicodeScalars.count
        return engine.complete(line, cursor: cursor)
    }

    /// The line after applying the completion at the `‸` (the cursor after the insertion
    /// marked `‸` again).
    func applied(_ marked: String) -> String {
        let parts = marked.components(separatedBy: "‸")
        let line = Array(parts.joined().unicodeScalars)
        let completion = complete(marked)
        let before = String(String.UnicodeScalarView(line[..<completion.range.lowerBound]))
        let after = String(String.UnicodeScalarView(line[completion.range.upperBound...]))
        return before + completion.insertion + "‸" + after
    }

    func expectCandidates(_ marked: String, contain expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let candidates = complete(marked).candidates
        for item in expected {
            #expect(candidates.contains(item), "\(marked): \(item) missing from \(candidates)", sourceLocation: sourceLocation)
        }
    }

    func expectCandidates(_ marked: String, exclude unexpected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let candidates = complete(marked).candidates
        for item in unexpected {
            #expect(!candidates.contains(item), "\(marked): \(item) should not be offered", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Statement keywords

    @Test func statementKeywordsAtTheStart() {
        let empty = complete("")
        #expect(empty.candidates.starts(with: Keywords.commands))
        #expect(empty.candidates.contains("h"))
        #expect(applied("qu") == "quotes ‸")
        #expect(applied("  qu") == "  quotes ‸")
        #expect(applied("WHO") == "who ‸")
        #expect(applied("WH") == "WH‸")
        #expect(Set(complete("p").candidates) == ["people", "places"])
        #expect(applied("p") == "p‸")
        #expect(Set(complete("org").candidates) == ["organizations", "organisations"])
        #expect(applied("org") == "organi‸")
        #expect(applied("let x = qu") == "let x = quotes ‸")
        #expect(applied("explain ev") == "explain events ‸")
        #expect(applied("actors; pe") == "actors; people ‸")
        #expect(complete("let ").candidates.isEmpty)
        #expect(complete("zzz").candidates.isEmpty)
        #expect(applied("zzz") == "zzz‸")
    }

    @Test func wordsTheGrammarAllowsNext() {
        #expect(Set(complete("who ").candidates) == ["said", "is", "mentioned"])
        // A leading "the" is no part of a name.
        #expect(Set(complete("quotes by the b").candidates) == ["the border czar", "the Border Patrol"])
        #expect(applied("quotes by the b") == "quotes by the border ‸")
        #expect(applied("quotes by the border c") == "quotes by the border czar ‸")
        #expect(applied("quotes from Wal") == "quotes from Walz ‸")
        #expect(applied("who was Fr") == "who was Frey ‸")
        #expect(applied("who s") == "who said ‸")
        #expect(applied("who i") == "who is ‸")
        #expect(applied("what d") == "what did ‸")
        #expect(applied("mentions o") == "mentions of ‸")
        #expect(applied("source o") == "source of ‸")
        #expect(applied("quotes b") == "quotes by ‸")
        #expect(applied("statements m") == "statements mentioning ‸")
        expectCandidates("quotes ", contain: ["by", "about", "mentioning", "where", "sort", "limit", "count", "show"])
        expectCandidates("events ", contain: ["involving", "on", "in", "before", "after", "where"])
        #expect(applied("events inv") == "events involving ‸")
        #expect(applied("quotes by Homan | so") == "quotes by Homan | sort ‸")
        #expect(applied("quotes by Homan | sort b") == "quotes by Homan | sort by ‸")
        #expect(applied("quotes by Homan wh") == "quotes by Homan where ‸")
        #expect(Set(complete("actors | ").candidates) == ["where", "sort", "limit", "count", "show"])
        #expect(applied("quotes | count b") == "quotes | count by ‸")
    }

    // MARK: - Actors

    @Test func actorNamesAfterActorKeywords() {
        #expect(applied("quotes by Wal") == "quotes by Walz ‸")
        #expect(applied("quotes by wal") == "quotes by Walz ‸")
        #expect(applied("statements about Homa") == "statements about Homan ‸")
        #expect(complete("statements about Hom").candidates.contains("Homeland Security"))
        #expect(applied("who is Fr") == "who is Frey ‸")
        #expect(applied("what did Van") == "what did Vance ‸")
        #expect(applied("mentions of Leav") == "mentions of Leavitt ‸")
        #expect(applied("events involving Homa") == "events involving Homan ‸")
        #expect(applied("quotes by Tim W") == "quotes by Tim Walz ‸")
        #expect(applied("quotes by gov. tim w") == "quotes by Gov. Tim Walz ‸")
        #expect(applied("let w = quotes by Wal") == "let w = quotes by Walz ‸")
        // Before anything is typed: one short name per actor.
        let names = complete("quotes by ").candidates
        #expect(names.contains("Walz") && names.contains("Homan") && names.contains("Frey"))
        #expect(!names.contains("Tim Walz") && !names.contains("Gov. Walz"))
        // Several matches: the common prefix, and every candidate listed.
        let gov = complete("quotes by Gov")
        #expect(gov.candidates.contains("Gov. Walz") && gov.candidates.contains("Gov. Tim Walz"))
        #expect(gov.insertion == "Gov")
        #expect(complete("quotes by Gov.").insertion == "Gov. ")
    }

    @Test func afterAnActorComesAStageOrSay() {
        #expect(Set(complete("quotes by Walz ").candidates) == ["where", "sort", "limit", "count", "show"])
        #expect(complete("what did Walz ").candidates == ["say"])
        #expect(applied("what did Walz s") == "what did Walz say ‸")
        #expect(applied("what did Walz say | wh") == "what did Walz say | where ‸")
    }

    @Test func placesAndMonthsAfterEventsIn() {
        expectCandidates("events in ", contain: ["January", "Minneapolis", "Minnesota"])
        #expect(applied("events in Jan") == "events in January ‸")
        #expect(applied("events in Minneap") == "events in Minneapolis ‸")
    }

    @Test func quotedActorNamesCompleteInsideTheQuote() {
        #expect(applied(#"quotes by "Tim W"#) == #"quotes by "Tim Walz"‸"#)
        #expect(applied(#"who is "Homa"#) == #"who is "Homan"‸"#)
    }

    @Test func recordIdsAfterSourceOf() {
        expectCandidates("source of ", contain: ["s1", "s25", "e-lawsuit", "tom-homan"])
        #expect(applied("source of e-laws") == "source of e-lawsuit ‸")
    }

    // MARK: - Fields

    @Test func statementFieldsAfterWhereSortShowAndCountBy() {
        let fields = ["id", "speaker", "kind", "cue", "venue", "paragraph", "text", "about", "span"]
        expectCandidates("quotes by Homan | where ", contain: fields)
        expectCandidates("quotes by Homan | where ", exclude: ["match", "mentions", "summary"])
        expectCandidates("quotes | sort by ", contain: fields)
        expectCandidates("quotes | show ", contain: fields)
        expectCandidates("quotes | show id, ", contain: fields)
        expectCandidates("quotes | count by ", contain: fields)
        expectCandidates("quotes | where kind = direct and ", contain: fields + ["not", "has"])
        expectCandidates("quotes | where (", contain: fields)
        expectCandidates("quotes | where not ", contain: fields)
        #expect(applied("quotes by Homan | where ki") == "quotes by Homan | where kind ‸")
        #expect(applied("quotes | sort by para") == "quotes | sort by paragraph ‸")
        #expect(applied("quotes | show id, spe") == "quotes | show id, speaker‸")
        #expect(Set(complete("quotes | show id, spe").candidates) == ["speaker", "speaker_id", "speakers"])
        #expect(applied("what did Walz say | where ven") == "what did Walz say | where venue ‸")
    }

    @Test func theSourceDecidesTheTable() {
        expectCandidates(#"who said "x" | where "#, contain: ["match", "speaker"])
        expectCandidates(#"quotes mentioning "x" | sort by "#, contain: ["match"])
        expectCandidates("actors | where ", contain: ["name", "kind", "roles", "party", "aliases", "mentions", "description"])
        expectCandidates("people | sort by ", contain: ["mentions", "statements"])
        expectCandidates("events | show ", contain: ["summary", "when", "place", "participants"])
        expectCandidates("events | show ", exclude: ["match"])
        expectCandidates("events on 2026-02-04 | where ", contain: ["match", "summary"])
        expectCandidates("events in January | where ", contain: ["match"])
        expectCandidates("events in Minneapolis | where ", exclude: ["match"])
        expectCandidates("mentions of Homan | show ", contain: ["actor", "form", "context"])
        expectCandidates("who is Homan | where ", contain: ["field", "value"])
        expectCandidates("source of s5 | show ", contain: ["record", "text"])
        expectCandidates("h | where ", contain: ["id", "speaker", "kind", "text"])
        expectCandidates("h | where ", exclude: ["venue"])
        expectCandidates("explain quotes | where ", contain: ["speaker"])
        expectCandidates("let a = actors | sort by ", contain: ["name"])
    }

    @Test func countAndShowChangeTheColumns() {
        #expect(complete("quotes | count by kind | sort by ").candidates == ["kind", "count"])
        #expect(complete("quotes | count | where ").candidates == ["count", "not", "has"])
        #expect(complete("quotes | show id, text | sort by ").candidates == ["id", "text"])
        // `count` as a field name is not a stage.
        expectCandidates("quotes | count by kind | sort by count ", contain: ["asc", "desc"])
    }

    @Test func valuesAfterAComparison() {
        #expect(applied("quotes | where kind = di") == "quotes | where kind = direct ‸")
        expectCandidates("quotes | where kind = ", contain: ["direct", "partial", "reported"])
        #expect(applied("quotes | where speaker = Hom") == "quotes | where speaker = Homan ‸")
        expectCandidates("quotes | where kind = direct ", contain: ["and", "or", "sort", "limit"])
        #expect(complete("quotes | where has ").candidates.isEmpty)
        #expect(complete("quotes | limit ").candidates.isEmpty)
        #expect(Set(complete("quotes | sort by paragraph ").candidates) == ["asc", "desc", "where", "sort", "limit", "count", "show"])
        #expect(applied("quotes | sort by paragraph de") == "quotes | sort by paragraph desc ‸")
    }

    // MARK: - Words in quotes

    @Test func articleWordsInsideAnOpenQuote() {
        #expect(applied(#"who said "surrend"#) == #"who said "surrendering"‸"#)
        #expect(applied(#"quotes mentioning "retrib"#) == #"quotes mentioning "retribution"‸"#)
        #expect(applied(#"quotes | where has "retrib"#) == #"quotes | where has "retribution"‸"#)
        #expect(applied(#"quotes | where text has "retrib"#) == #"quotes | where text has "retribution"‸"#)
        #expect(applied(#"who said “retrib"#) == #"who said “retribution”‸"#)
        // The word being typed is the last one in the quote.
        #expect(applied(#"who said "not surrend"#) == #"who said "not surrendering"‸"#)
        // Several words: the common prefix, without closing the quote.
        let draw = complete(#"who said "draw"#)
        #expect(draw.candidates.contains("drawdown"))
        #expect(draw.candidates.count > 1)
        #expect(!draw.insertion.hasSuffix("\""))
        // Quotes elsewhere are not patterns.
        #expect(complete(#"quotes | where venue = "news"#).candidates.isEmpty)
    }

    @Test func nonASCIIInLineAndWords() {
        #expect(CompletionVocabulary.words(of: "Le café — c’est “fermé”, we’re told; 2,000 officers.")
            == ["2,000", "café", "c’est", "fermé", "Le", "officers", "told", "we’re"])
        // Offsets count Unicode scalars, so text before the cursor may hold any script.
        #expect(applied(#"who said "北京" ; quotes by Wal"#) == #"who said "北京" ; quotes by Walz ‸"#)
        #expect(applied(#"who said "café"; quotes by Wal"#) == #"who said "café"; quotes by Walz ‸"#)
    }

    // MARK: - Meta-commands and paths

    @Test func metaCommandNames() {
        #expect(applied(":ru") == ":run ‸")
        #expect(applied(":hi") == ":history ‸")
        #expect(Set(complete(":h").candidates) == [":help", ":history"])
        #expect(applied(":h") == ":h‸")
        #expect(complete(":").candidates.count == 10)
        #expect(applied(":format js") == ":format json‸")
        #expect(applied(":format c") == ":format csv ‸")
        #expect(Set(complete(":format json").candidates) == ["json", "jsonl"])
        #expect(applied(":timing o") == ":timing o‸")
        #expect(applied(":help ru") == ":help run ‸")
        #expect(applied(":help qu") == ":help qu‸")
        #expect(Set(complete(":help qu").candidates) == ["quit", "queries"])
    }

    @Test func pathsAfterFileCommands() {
        #expect(Set(complete(":run ").candidates) == ["scripts/", "examples/", "notes.nq", "README.md"])
        #expect(applied(":run no") == ":run notes.nq ‸")
        #expect(applied(":run ex") == ":run examples/‸")
        #expect(Set(complete(":load examples/").candidates) == ["examples/homan.nq", "examples/walz.nq", "examples/deep/"])
        #expect(applied(":export examples/w") == ":export examples/walz.nq ‸")
        #expect(applied(":run .") == ":run .hidden ‸")
        #expect(complete(":run zz").candidates.isEmpty)
    }

    // MARK: - Cursor positions

    @Test func theCursorInTheMiddleCompletesTheTextBeforeIt() {
        #expect(applied("quotes by Wal‸ | count") == "quotes by Walz ‸ | count")
        #expect(applied("qu‸ by Walz") == "quotes ‸ by Walz")
        #expect(applied("quotes | where ki‸nd = direct") == "quotes | where kind ‸nd = direct")
    }

    @Test func everyCursorPositionOfAQueryIsSafe() {
        let lines = [
            #"quotes by Homan | where (kind = direct or kind = partial) and not speaker = Homan | sort by paragraph desc"#,
            #"let h = who said "we’re not" | show id, text; h | count by kind"#,
            #"events in Jan 2026 | where match = exact | limit 3"#,
            #":run "my file.nq" extra"#, #"who said “北京 café —"#, "   ", "|||((( ,,, ==",
        ]
        for line in lines {
            let count = line.unicodeScalars.count
            for cursor in 0...count {
                let completion = engine.complete(line, cursor: cursor)
                #expect(completion.range.upperBound == cursor)
                #expect(completion.range.lowerBound >= 0 && completion.range.lowerBound <= cursor)
                if completion.candidates.count == 1 { #expect(!completion.insertion.isEmpty) }
            }
        }
    }

    @Test func replacementRangesAreInUnicodeScalars() {
        let completion = complete(#"who said "é" ; quotes by Wal"#)
        #expect(completion.range == 25..<28)
        #expect(completion.insertion == "Walz ")
    }
}
