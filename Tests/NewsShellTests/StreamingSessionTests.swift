import NewsModel
import NewsQuery
import NewsShell
import NewsStore
import Synchronization
import Testing

/// Queries over a store are written as they are read, chunk by chunk: the machine formats give
/// exactly the text of the same query run whole in memory, the table keeps one layout with one
/// header and a footer counting every row, `limit` stops the reading, and ^C stops the writing
/// at a row's end.
@Suite("Streaming a corpus query")
struct StreamingSessionTests {
    /// A store of `count` small articles, and the same articles in memory.
    static func corpus(_ count: Int) throws -> (store: CorpusDatabase, memory: Interpreter) {
        let folder = try SessionTests.temporaryDirectory()
        for number in 0..<count {
            let name = ["Ana Lee", "Ben Ortiz", "Cara Diaz"][number % 3]
            try TextFile.write("""
                date 2026-04-\(number % 9 + 10)

                The bridge on Route \(number) will reopen in May, Mayor \(name) said.

                "We fixed every beam on Route \(number)," \(name) told reporters.

                """, to: "\(folder)/\(number < 10 ? "0" : "")\(number).txt")
        }
        let store = try CorpusFile.open("\(folder)/c.sqlite", create: true)
        let summary = CorpusIngest.run([folder], into: store, messages: .discard)
        #expect(summary.added == count)
        let models = try store.articles().map { try #require(try store.model(id: $0.id)) }
        return (store, try Interpreter(models: models))
    }

    /// What a session writes for `query` in `format`.
    static func output(_ query: String, _ format: OutputFormat, over session: Session, _ buffer: OutputBuffer) -> String {
        session.format = format
        session.resultsWritten = 0
        _ = session.execute(entry: query)
        return buffer.take()
    }

    static let queries = ["quotes", "quotes | show article, speaker, kind", "actors | where kind = person",
                          "quotes by Lee | sort by paragraph desc, article", "quotes | where article = \"00\"", "mentions | limit 5"]

    @Test(arguments: [OutputFormat.csv, .jsonl, .plain, .json])
    func machineFormatsAreExactlyTheWholeResult(_ format: OutputFormat) throws {
        let (store, memory) = try Self.corpus(24)
        let streamed = OutputBuffer(), whole = OutputBuffer()
        let storeSession = Session(interpreter: Interpreter(store: store), output: streamed.sink, messages: .discard)
        storeSession.open(corpus: store)
        storeSession.streamChunkSize = 7
        let memorySession = Session(interpreter: memory, output: whole.sink, messages: .discard)
        for query in Self.queries {
            let expected = Self.output(query, format, over: memorySession, whole)
            #expect(!expected.isEmpty)
            #expect(Self.output(query, format, over: storeSession, streamed) == expected, "\(query) as \(format)")
        }
    }

    @Test func aTableKeepsOneLayoutAndCountsEveryRow() throws {
        let (store, memory) = try Self.corpus(24)
        let streamed = OutputBuffer(), whole = OutputBuffer()
        let storeSession = Session(interpreter: Interpreter(store: store), output: streamed.sink, messages: .discard)
        storeSession.open(corpus: store)
        let memorySession = Session(interpreter: memory, output: whole.sink, messages: .discard)
        // One chunk: the very same table.
        storeSession.streamChunkSize = 1_000
        for query in Self.queries {
            #expect(Self.output(query, .table, over: storeSession, streamed) == Self.output(query, .table, over: memorySession, whole))
        }
        // Chunks of 5: one header, the first chunk's widths, every row, the total in the footer.
        storeSession.streamChunkSize = 5
        let table = Self.output("quotes | show article, speaker, kind", .table, over: storeSession, streamed)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix(" article ") }.count == 1)
        #expect(lines.dropLast().last == "(48 rows)")
        #expect(lines.count == 48 + 4)
        let bars = lines.dropFirst(2).dropLast(2).map { line in line.indices.filter { line[$0] == "|" }.map { line.distance(from: line.startIndex, to: $0) } }
        #expect(Set(bars).count == 1, "every row laid out alike")
    }

    @Test func limitStopsTheReadingAndTheLastResultIsKept() throws {
        let (store, _) = try Self.corpus(6)
        let streamed = OutputBuffer()
        let session = Session(interpreter: Interpreter(store: store), output: streamed.sink, messages: .discard)
        session.open(corpus: store)
        session.streamChunkSize = 2
        #expect(Self.output("quotes | limit 3 | show speaker", .plain, over: session, streamed) == "Ana Lee\nAna Lee\nBen Ortiz\n")
        #expect(session.lastResult?.rows.count == 3)
        // A result with more rows than a session keeps is written but not kept for :export.
        session.keptRows = 4
        #expect(Self.output("quotes | show speaker", .plain, over: session, streamed).split(separator: "\n").count == 12)
        #expect(session.lastResult == nil)
        guard case .failure(let refused) = session.execute(entry: ":export /tmp/never-written.csv") else {
            Issue.record(":export of a dropped result should fail")
            return
        }
        #expect(refused.message.hasPrefix("the last result had more than 4 rows and was not kept; write it from the command line instead"))
        let explained = try Interpreter(store: store).run("explain quotes | limit 3")
        #expect(explained.rows[0][1].displayText.contains("LIMIT 3"))
    }

    @Test func controlCStopsAtARowsEnd() throws {
        let (store, _) = try Self.corpus(12)
        let streamed = OutputBuffer()
        let session = Session(interpreter: Interpreter(store: store), output: streamed.sink, messages: .discard)
        session.open(corpus: store)
        session.streamChunkSize = 4
        session.format = .csv
        // ^C arrives after two chunks are written (the session asks between chunks).
        let polls = Counter()
        session.isCancelled = { polls.value.add(1, ordering: .relaxed).newValue > 2 }
        let outcome = session.execute(entry: "quotes | show speaker")
        #expect(outcome == .interrupted)
        let text = streamed.take()
        let rows = text.split(separator: "\r\n").dropFirst()
        #expect(text.hasPrefix("speaker\r\n"))
        #expect(text.hasSuffix("\r\n"))
        #expect(rows.count < 24 && rows.count % 4 == 0, "whole chunks only: \(rows.count) rows")
    }
}

/// A counter closures on several threads may bump.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
