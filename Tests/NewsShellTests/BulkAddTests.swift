import NewsModel
import NewsShell
import NewsStore
import Testing

/// A bulk add drops the query indexes and builds them once at the end; a corpus left without
/// them (a killed bulk add) still answers, and the next add builds them.
@Suite("Bulk adding")
struct BulkAddTests {
    /// Three small articles in a fresh folder.
    static func folder() throws -> String {
        let folder = try SessionTests.temporaryDirectory()
        try TextFile.write("date 2026-04-01\n\nThe bridge will reopen in May, Mayor Ana Lee said.\n", to: "\(folder)/bridge.txt")
        try TextFile.write("date 2026-04-03\n\nThe pool will close for repairs, Mayor Ana Lee said on Friday.\n", to: "\(folder)/pool.txt")
        try TextFile.write("date 2026-04-05\n\n“We will not wait,” said council member Omar Diaz.\n", to: "\(folder)/council.txt")
        return folder
    }

    /// The rows of a few queries, as CSV, and the corpus's index names.
    static func answers(_ store: CorpusDatabase) throws -> (rows: [String], indexes: [String]) {
        let (session, output, _) = SessionTests.session()
        session.open(corpus: store)
        var rows: [String] = []
        for query in ["quotes | show article, speaker, text", #"who said "repairs""#, "quotes by Lee | count", "actors | count by article"] {
            #expect(session.execute(entry: ":format csv") == .success)
            #expect(session.execute(entry: query) == .success, "\(query)")
            rows.append(output.take())
        }
        return (rows, try store.indexNames())
    }

    @Test func aBulkAddEndsWithEveryIndexAndTheSameAnswers() throws {
        let folder = try Self.folder()
        let one = try CorpusFile.open("\(folder)/one.sqlite", create: true)
        var byRow = CorpusIngest(store: one)
        byRow.bulkAddSize = 100
        #expect(byRow.add([folder]).added == 3)
        #expect(try !one.indexesAreDeferred())

        let bulk = try CorpusFile.open("\(folder)/bulk.sqlite", create: true)
        var inBulk = CorpusIngest(store: bulk)
        inBulk.bulkAddSize = 2
        #expect(inBulk.add([folder]).added == 3)
        #expect(try !bulk.indexesAreDeferred())
        let expected = try Self.answers(one), found = try Self.answers(bulk)
        #expect(found.rows == expected.rows)
        #expect(found.indexes == expected.indexes)
        #expect(expected.indexes.contains("t_statements_f_speaker"))
        #expect(found.rows[1].contains("repairs"))
    }

    @Test func aCorpusLeftWithoutItsIndexesAnswersAndTheNextAddRestoresThem() throws {
        let folder = try Self.folder()
        let path = "\(folder)/c.sqlite"
        let store = try CorpusFile.open(path, create: true)
        #expect(CorpusIngest(store: store).add([folder]).added == 3)
        let before = try Self.answers(store)
        // What a bulk add killed before its end leaves.
        try store.deferIndexes()
        #expect(try store.indexesAreDeferred())
        #expect(try store.indexNames().count < before.indexes.count)
        #expect(try store.indexNames().contains("articles_store_file"), "adding reads this index: it is never dropped")
        let reopened = try CorpusFile.open(path, create: false)
        #expect(try reopened.indexesAreDeferred())
        #expect(try Self.answers(reopened).rows == before.rows)
        // Adding again — nothing new — finishes the job.
        let summary = CorpusIngest(store: reopened).add([folder])
        #expect(summary.unchanged == 3 && summary.failed.isEmpty)
        #expect(try !reopened.indexesAreDeferred())
        #expect(try Self.answers(reopened) == before)
    }
}
