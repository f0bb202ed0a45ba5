import BundledArticle
import Foundation
import NewsModel
import Testing
@testable import NewsQuery

/// Two properties over whole corpora: `explain Q` prints newsq that runs and gives exactly the
/// rows of Q (every form of docs/language.md, every statement of examples/), and applying the
/// fix-its of a diagnostic yields a statement that parses (every error of the diagnostics
/// corpus: the parser's error tables, the rendered-diagnostic cases and the evaluation errors).
@Suite("Explain and fix-its")
struct ExplainTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The queries of docs/language.md's ```newsq block: one form each.
    static func documentedForms() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        guard let open = text.range(of: "```newsq\n"), let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
        else { return [] }
        return text[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// Every example script's statements, by file name: its blocks between blank lines, without
    /// comment and `:` command lines (the shell runs those), each block one or more statements.
    static func exampleScripts() throws -> [(String, [String])] {
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

    /// Checks that `explain` of `query` runs and gives the rows `query` gives (columns, values
    /// and order), in `shell`.
    func expectExplainRuns(_ query: Query, source: String, in shell: Interpreter, what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let expected: QueryResult
        do {
            expected = try shell.execute(.query(query), source: source)
        } catch {
            return  // a statement that fails (examples/13) has no rows to explain
        }
        do {
            let explanation = try shell.execute(.explain(query, range: query.range), source: source)
            let text = try #require(explanation.rows.first?.first?.displayText, sourceLocation: sourceLocation)
            #expect(explanation.columns.map(\.name) == ["query"], sourceLocation: sourceLocation)
            let rerun = try shell.run(text)
            #expect(rerun.columns == expected.columns, "\(what): explain gave \(text)", sourceLocation: sourceLocation)
            #expect(rerun.rows == expected.rows, "\(what): explain gave \(text)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(what): explain fails: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyDocumentedFormExplainsToTheSameRows() throws {
        let forms = try Self.documentedForms()
        #expect(forms.count >= 40)
        let shell = try Interpreter(model: .bundled)
        for form in forms {
            let statements = try Parser.parse(form)
            guard statements.count == 1, case .query(let query) = statements[0] else {
                Issue.record("not one query: \(form)")
                continue
            }
            // Every documented form runs.
            #expect(throws: Never.self, "\(form)") { _ = try shell.run(form) }
            expectExplainRuns(query, source: form, in: shell, what: form)
        }
    }

    @Test func everyExampleStatementExplainsToTheSameRows() throws {
        var checked = 0
        for (name, blocks) in try Self.exampleScripts() {
            let shell = try Interpreter(model: .bundled)
            shell.arguments = ["who": "Walz", "word": "surrender", "id": "s9", "since": "2026-02-01", "limit": "2"]
            for text in blocks {
            let statements: [QueryStatement]
            do {
                statements = try Parser.parse(text)
            } catch {
                continue  // statements that do not parse (examples/13-errors.nq) are checked there
            }
            for statement in statements {
                switch statement {
                case .query(let query):
                    expectExplainRuns(query, source: text, in: shell, what: "\(name): \(QueryPrinter.print(query))")
                    checked += 1
                case .bind(_, let query):
                    expectExplainRuns(query, source: text, in: shell, what: "\(name): \(QueryPrinter.print(query))")
                    _ = try? shell.execute(statement, source: text)
                    checked += 1
                case .explain:
                    break
                }
            }
            }
        }
        #expect(checked >= 80)
    }

    // MARK: - Fix-its

    /// Statements whose diagnostics the suite checks, parse errors and evaluation errors alike.
    static var diagnosticsCorpus: [String] {
        ParserErrorTests.cases.map(\.0) + ParserErrorTests.fixItCases.map(\.0) + ParserErrorTests.prefixCases.map(\.0)
            + DiagnosticRendererTests.parseCases.map(\.0) + evaluationErrors
    }

    static let evaluationErrors = [
        "quotes by Homen", "quotes by Frye", "quotes by Wal", "quotes | where knd = direct", "quotes | where kind = drect",
        "actors | where kind = people", "quotes | sort by paragrph", "quotes | show idd", "quotes | count by speeker",
        #"who said "surender""#, #"events | where has "surender""#, #"events in "May""#, "list actors",
        "show quotes by Homan", "what did Homan", "what did Homan | limit 1", "who said surrender", "mentions Homan",
        "quotes | where venue is nul", "quots", "events on Tuesdy", "source of s99", "events | where match = exact",
        "mentions | where form = pronouns", "events on 2026-02-04 | where match = exakt",
    ]

    @Test func applyingEveryFixItYieldsAStatementThatParses() throws {
        let shell = try Interpreter(model: .bundled)
        var fixed = 0
        for source in Self.diagnosticsCorpus {
            let error: QueryError
            do {
                _ = try shell.runAll(source)
                continue
            } catch let thrown {
                error = thrown
            }
            for diagnostic in error.diagnostics where !diagnostic.fixIts.isEmpty {
                let repaired = Diagnostic.applying(diagnostic.fixIts, to: source)
                fixed += 1
                do {
                    _ = try Parser.parse(repaired)
                } catch {
                    // The statement the fix is in parses: any error left is in a later one.
                    let fixEnd = diagnostic.fixIts.map(\.range.start.offset).max()! + diagnostic.fixIts.map(\.replacement.unicodeScalars.count).reduce(0, +)
                    let at = error.diagnostics.first?.range.start.offset ?? 0
                    let laterStatement = repaired.unicodeScalars.prefix(at).dropFirst(fixEnd).contains { $0 == ";" || $0 == "\n" }
                    #expect(laterStatement, "fix of \(source.debugDescription) gives \(repaired.debugDescription), which does not parse: \(error.diagnostics.first?.message ?? "")")
                }
                // A name or value fixed by its suggestion now resolves: the same error does not recur.
                if diagnostic.kind == .name || diagnostic.kind == .type {
                    do {
                        _ = try shell.runAll(repaired)
                    } catch {
                        #expect(error.diagnostics.first?.message != diagnostic.message,
                                "fix of \(source.debugDescription) gives \(repaired.debugDescription), which fails the same way")
                    }
                }
            }
        }
        #expect(fixed >= 20)
    }
}
