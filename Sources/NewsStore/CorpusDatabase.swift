import NewsModel
import NewsQuery

/// A corpus of articles in a database — a SQLite file by default, PostgreSQL for a shared
/// server — that newsq queries by compiling its plans to SQL (``CorpusStore``).
///
/// Writing (`CorpusDatabase+Writing.swift`) adds, replaces and removes articles, each in one
/// transaction, so a killed process leaves the last whole article; querying
/// (`CorpusDatabase+Catalog.swift`, `+Run.swift`) never loads the corpus into memory.
public final class CorpusDatabase {
    /// The connection.
    public let connection: any SQLConnection
    /// What the store is called in messages (the file, or the server's address without a password).
    public let name: String

    /// Article models read back, by `ord` (a store loads a few for profiles and sources).
    var modelCache: [Int64: ArticleModel] = [:]
    /// Every article's `ord`, in corpus order, read when first needed in a query.
    var cachedOrds: [Int64]? {
        didSet {
            cachedPositions = nil
            cachedIDPositions = nil
        }
    }
    /// Each article's position by its `ord`, built from ``cachedOrds`` when first needed.
    var cachedPositions: [Int64: Int]?
    /// Each article's position by its id, read in one query when first needed (a condition on
    /// articles asks it of every article it keeps: one query each was 10,000 round trips to a
    /// PostgreSQL server).
    var cachedIDPositions: [String: Int]?
    /// The insert statements of each base table, built on first use.
    var inserts: [BaseTable: InsertStatements] = [:]
    /// The corpus actors an open batch has read or changed (``inBatch(_:)``), while it holds the
    /// write lock: a name in every article is decoded once a batch and written once at its end.
    var batch: BatchActors?

    /// Opens the corpus on `connection`, creating its tables when the database is empty and
    /// `create` is set.
    ///
    /// - Throws: ``StoreError`` when the database holds another schema version ("created by
    ///   another newsq: schema 2, this newsq reads schema 1 — …") or is no corpus, and for an
    ///   empty database that is not to be created.
    public init(connection: any SQLConnection, name: String, create: Bool) throws {
        self.connection = connection
        self.name = name
        let hasMeta = try Self.tableExists("meta", on: connection)
        if !hasMeta {
            guard create else {
                throw StoreError("\(name) is not a newsq corpus (it has no newsq tables); add articles to create one: newsq --db \(name) --add FILE…")
            }
            try connection.transaction {
                for statement in StoreSchema.creation(connection.dialect) { try connection.execute(statement, []) }
                try connection.execute("INSERT INTO meta (key, value) VALUES (\(p(1)), \(p(2)))",
                                       [.text("schema"), .text(String(StoreSchema.version))])
            }
            return
        }
        let version = try connection.scalar("SELECT value FROM meta WHERE key = \(p(1))", [.text("schema")])?.text
        guard version == String(StoreSchema.version) else {
            let found = version.map { "schema \($0)" } ?? "no schema version"
            throw StoreError("\(name) was written by another version of newsq (\(found); this newsq reads schema \(StoreSchema.version)): "
                + "rebuild it with this newsq (newsq --db NEW --add …) or open it with the newsq that wrote it")
        }
    }

    /// The placeholder for parameter `index` in this store's dialect.
    func p(_ index: Int) -> String { connection.dialect.placeholder(index) }

    static func tableExists(_ name: String, on connection: any SQLConnection) throws -> Bool {
        switch connection.dialect {
        case .sqlite:
            return try connection.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(name)]) != nil
        case .postgresql:
            return try connection.scalar("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
                                         [.text(name)]) != nil
        }
    }

    /// Every article's `ord`, in corpus order; its index is the article's position.
    func ords() throws -> [Int64] {
        if let cachedOrds { return cachedOrds }
        let ords = try connection.rows("SELECT ord FROM articles_store ORDER BY ord").compactMap { $0[0].integer }
        cachedOrds = ords
        return ords
    }

    /// The position of the article with `ord` in corpus order.
    func position(ofOrd ord: Int64) throws -> Int? {
        if let cachedPositions { return cachedPositions[ord] }
        let positions = Dictionary(uniqueKeysWithValues: try ords().enumerated().map { ($1, $0) })
        cachedPositions = positions
        return positions[ord]
    }

    /// The model of the article with `ord`, read from the store.
    func model(ord: Int64) throws -> ArticleModel {
        if let cached = modelCache[ord] { return cached }
        guard let text = try connection.scalar("SELECT model FROM articles_store WHERE ord = \(p(1))", [.integer(ord)])?.text else {
            throw StoreError("\(name): no article \(ord)")
        }
        do {
            let model = try ModelFile.decode(text)
            if modelCache.count > 256 { modelCache.removeAll() }
            modelCache[ord] = model
            return model
        } catch {
            throw StoreError("\(name): the stored model of article \(ord) does not read back: \(error)")
        }
    }

    /// The articles, in corpus order: id, file and content hash.
    public func articles() throws -> [(id: String, file: String?, hash: String?)] {
        try connection.rows("SELECT id, file, hash FROM articles_store ORDER BY ord").map { row in
            (row[0].text ?? "", row[1].text, row[2].text)
        }
    }
}
