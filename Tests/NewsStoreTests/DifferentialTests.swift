import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import NewsStore
import Testing

/// One language, several engines: every statement of `examples/` and of the language tests, run
/// over the same articles in memory and in a store, must give the same rows in the same order —
/// or the same error. This suite runs them over SQLite (in memory); the statement lists, the
/// comparison and the checks are shared with ``PostgresDifferentialTests`` (one helper, two
/// engines).
@Suite("Memory and SQLite give the same rows")
struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Makes a store holding the models, added in order, and gives it to the body; the store is
    /// gone when the body returns.
    typealias Engine = @Sendable (_ models: [ArticleModel], _ body: (CorpusDatabase) throws -> Void) throws -> Void

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

    /// Adds `models` to a store, in order, as the files `file0`, `file1`, ….
    static func fill(_ store: CorpusDatabase, with models: [ArticleModel]) throws {
        for (index, model) in models.enumerated() { try store.add(model, file: "file\(index)", hash: "h\(index)") }
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

    /// Runs every statement in memory and over the engine's store, in order (bindings carry
    /// over), expecting the same outcome.
    static func expectSame(_ statements: [String], over models: [ArticleModel], engine: Engine, arguments: [String: String] = [:],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let memory = try Interpreter(models: models)
        memory.arguments = arguments
        try engine(models) { store in
            let stored = Interpreter(store: store)
            stored.arguments = arguments
            for statement in statements {
                let expected = outcome(statement, memory)
                let actual = outcome(statement, stored)
                #expect(actual == expected, "\(statement)", sourceLocation: sourceLocation)
            }
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

    /// A SQLite store in memory holding `models`.
    static func store(_ models: [ArticleModel]) throws -> CorpusDatabase {
        let store = try CorpusDatabase(connection: try SQLiteConnection(), name: "<memory>", create: true)
        try fill(store, with: models)
        return store
    }

    /// A SQLite store in memory.
    static let sqlite: Engine = { models, body in
        try body(try store(models))
    }

    @Test func everyExampleStatement() throws {
        try Self.checkExamples(Self.sqlite)
    }

    @Test func everyDocumentedForm() throws {
        try Self.checkDocumentedForms(Self.sqlite)
    }

    @Test func corpusQueries() throws {
        try Self.checkCorpusQueries(Self.sqlite)
    }

    // MARK: - The checks each engine's suite runs

    /// Every statement of every example script, over the bundled article.
    static func checkExamples(_ engine: Engine, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (name, statements) in try exampleStatements() where name != "17-extracted-article.nq" {
            try expectSame(statements, over: single, engine: engine,
                           arguments: ["who": "Walz", "word": "drawdown", "id": "s9", "since": "2026-02-01", "limit": "2"],
                           sourceLocation: sourceLocation)
        }
    }

    /// Every documented form, over the bundled article and over the small corpus.
    static func checkDocumentedForms(_ engine: Engine, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSame(try documentedForms(), over: single, engine: engine, sourceLocation: sourceLocation)
        try expectSame(try documentedForms(), over: corpus, engine: engine, sourceLocation: sourceLocation)
    }

    /// The queries over several articles.
    static func checkCorpusQueries(_ engine: Engine, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSame(corpusQueries, over: corpus, engine: engine, sourceLocation: sourceLocation)
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
