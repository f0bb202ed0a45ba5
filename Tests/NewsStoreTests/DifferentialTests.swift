import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import NewsStore
import Testing

/// One language, several engines: every statement of `examples/` and of the language tests,
/// run over the same articles in memory and in a SQLite store, must give the same rows in the
/// same order — or the same error.
@Suite("Memory and SQLite give the same rows")
struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled article alone, as `newsq` queries it.
    static let single: [ArticleModel] = [.bundled]

    /// A small corpus: the bundled article, a later edition of it (other id, date and source),
    /// and a short article with speakers of its own.
    static let corpus: [ArticleModel] = {
        var later = ArticleModel.bundled
        later.article.id = "metro-surge-2026-02-11"
        later.article.date = CalendarDate(year: 2026, month: 2, day: 11)!
        later.article.source = "Reuters"
        return [.bundled, later, Fixture.council]
    }()

    /// A store holding `models`, added in order.
    static func store(_ models: [ArticleModel]) throws -> CorpusDatabase {
        let store = try CorpusDatabase(connection: try SQLiteConnection(), name: "<memory>", create: true)
        for (index, model) in models.enumerated() { try store.add(model, file: "file\(index)", hash: "h\(index)") }
        return store
    }

    /// What a statement gives: its result, or its diagnostics' messages.
    static func outcome(_ source: String, _ interpreter: Interpreter) -> String {
        do {
            let results = try interpreter.runAll(source)
            return results.map { result in
                // A store's explanation adds how it runs (its `sql` field); the query must agree.
                var result = result
                if result.columns.map(\.name) == ["query", "sql"] { result = .explanation(result.rows[0][0].displayText) }
                return "\(result.columns)\n\(result.displayColumns ?? [])\n\(result.message ?? "")\n" + result.rows.map { "\($0)" }.joined(separator: "\n")
            }.joined(separator: "\n---\n")
        } catch {
            return "error: " + error.diagnostics.map(\.message).joined(separator: " | ")
        }
    }

    /// Runs every statement in both engines, in order (bindings carry over), expecting the
    /// same outcome.
    func expectSame(_ statements: [String], over models: [ArticleModel], arguments: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let memory = try Interpreter(models: models)
        let stored = Interpreter(store: try Self.store(models))
        memory.arguments = arguments
        stored.arguments = arguments
        for statement in statements {
            let expected = Self.outcome(statement, memory)
            let actual = Self.outcome(statement, stored)
            #expect(actual == expected, "\(statement)", sourceLocation: sourceLocation)
        }
    }

    /// The statements of every example script: its blocks without comments and `:` lines.
    static func exampleStatements() throws -> [(String, [String])] {
        let folder = root.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".nq") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var blocks: [String] = [], block: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " }
                if trimmed.isEmpty {
                    if !block.isEmpty { blocks.append(block.joined(separator: "\n")) }
                    block = []
                } else if !trimmed.hasPrefix("#") && !trimmed.hasPrefix(":") {
                    block.append(String(line))
                }
            }
            if !block.isEmpty { blocks.append(block.joined(separator: "\n")) }
            return (name, blocks)
        }
    }

    /// The forms of docs/language.md, one a line.
    static func documentedForms() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        guard let open = text.range(of: "```newsq\n"), let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
        else { return [] }
        return text[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func everyExampleStatement() throws {
        for (name, statements) in try Self.exampleStatements() where name != "17-extracted-article.nq" {
            try expectSame(statements, over: Self.single,
                           arguments: ["who": "Walz", "word": "drawdown", "id": "s9", "since": "2026-02-01", "limit": "2"])
        }
    }

    @Test func everyDocumentedForm() throws {
        try expectSame(try Self.documentedForms(), over: Self.single)
        try expectSame(try Self.documentedForms(), over: Self.corpus)
    }

    @Test func corpusQueries() throws {
        try expectSame(Self.corpusQueries, over: Self.corpus)
    }

    /// Queries over several articles: linking, scopes, days in words, counting, sorting, errors.
    static let corpusQueries = [
        "quotes by Homan | count", "quotes by Ruiz", "quotes | count by speaker", "quotes | count by article",
        "actors | count by article", "actors | count by kind | sort by kind", "who is Homan", "who is Ruiz",
        "in articles where published >= 2026-02-10 | quotes by Homan | count", "in articles where source = AP | quotes by Walz",
        "in articles where id = council | events", "events on Wednesday", "events on 2026-02-04", "events in 2026 | sort by kind, id",
        "events before 2026-02-05 | count by article", "source of s5", "source of s5 in metro-surge-2026-02-11",
        #"who said "surrender""#, #"who said "library""#, #"quotes mentioning "officer*" | count by article"#,
        #"quotes | where has "budget" | show id, article"#, #"who said "surender""#, "quotes | where venue is null | count by article",
        "quotes | where confidence < 0.9 | show id, confidence, rule", "quotes | sort by confidence desc, paragraph | limit 5",
        "mentions | where form = pronoun | count by article", "articles", "articles | where extracted = yes",
        "quotes | where speaker = Frey", "quotes | where speaker != Homan | count", "quotes | sort by speaker | limit 7 | show speaker, article",
        "actors | where kind = person | sort by name desc | show name, article", "events | where has \"library\"",
        "quotes by Haddad or Ruiz | count by speaker", "how many officers", "when did Homan take over",
        "quotes | where paragraph > 20 and kind != reported | show id, article", "quotes | show id | where has \"x\"",
        "quotes | where kind = drect", "events | sort by earliest desc | limit 3 | show id, earliest, article",
    ]
}

/// Articles written for the tests, extracted or made by hand.
enum Fixture {
    /// A short article made by hand: a mayor and a council member, three statements.
    static let council: ArticleModel = {
        let text = "RIVERTON (Herald) — The council voted to reopen the library, Mayor Dana Ruiz said. "
            + "\"The budget can carry it,\" Ruiz said. Omar Haddad disagreed."
        let sentenceStarts = [20, 83, 121]
        func span(_ words: String, paragraph: Int = 1, sentence: Int) -> Span {
            let scalars = Array(text.unicodeScalars)
            let target = Array(words.unicodeScalars)
            var start = sentenceStarts[sentence - 1]
            while Array(scalars[start..<(start + target.count)]) != target { start += 1 }
            return Span(start: start, end: start + target.count, paragraph: paragraph, sentence: sentence, text: words)
        }
        let sentences = [
            ("The council voted to reopen the library, Mayor Dana Ruiz said.", 1),
            ("\"The budget can carry it,\" Ruiz said.", 2),
            ("Omar Haddad disagreed.", 3),
        ].map { words, number in
            let found = span(words, sentence: number)
            return Sentence(number: number, paragraph: 1, start: found.start, end: found.end, text: words)
        }
        let article = Article(
            id: "council", source: "Herald", dateline: "RIVERTON", date: CalendarDate(year: 2026, month: 3, day: 2)!, text: text,
            paragraphs: [Paragraph(number: 1, kind: .body, start: 0, end: text.unicodeScalars.count, text: text)],
            sentences: sentences,
            sections: [Section(number: 1, heading: nil, headingParagraph: nil, firstParagraph: 1, lastParagraph: 1)],
            title: "Council votes to reopen the library")
        let ruiz = Actor(id: "dana-ruiz", name: "Dana Ruiz", kind: .person, aliases: ["Ruiz", "Mayor Dana Ruiz"],
                         roles: [], description: "Riverton's mayor.",
                         mentions: [Mention(id: "m1", span: span("Dana Ruiz", sentence: 1), form: .name),
                                    Mention(id: "m2", span: span("Ruiz", sentence: 2), form: .name)])
        let haddad = Actor(id: "omar-haddad", name: "Omar Haddad", kind: .person, aliases: ["Haddad"], roles: [],
                           description: "A council member.",
                           mentions: [Mention(id: "m3", span: span("Omar Haddad", sentence: 3), form: .name)])
        let statements = [
            Statement(id: "s1", speaker: "dana-ruiz", content: "The council voted to reopen the library", kind: .reported, cue: "said",
                      contentSpans: [span("The council voted to reopen the library", sentence: 1)],
                      sentenceSpan: span("The council voted to reopen the library, Mayor Dana Ruiz said.", sentence: 1),
                      confidence: 0.9, rule: "reported-trailing-cue"),
            Statement(id: "s2", speaker: "dana-ruiz", content: "The budget can carry it", kind: .direct, cue: "said",
                      contentSpans: [span("The budget can carry it", sentence: 2)],
                      sentenceSpan: span("\"The budget can carry it,\" Ruiz said.", sentence: 2),
                      confidence: 0.95, rule: "quote-trailing-cue"),
        ]
        let events = [
            Event(id: "e1", kind: .other, summary: "The council votes to reopen the library",
                  time: TimeReference(text: "Monday", precision: .day, earliest: CalendarDate(year: 2026, month: 3, day: 2),
                                      latest: CalendarDate(year: 2026, month: 3, day: 2)),
                  participants: [Participant(actor: "dana-ruiz", role: .announcer)],
                  evidence: [span("The council voted to reopen the library", sentence: 1)]),
        ]
        return ArticleModel(article: article, actors: [ruiz, haddad], statements: statements, events: events,
                            provenance: Provenance(extracted: true, extractor: "tests"))
    }()
}
