import NewsQuery

/// Bulk adding: the indexes queries use are dropped while many articles go into a corpus and
/// built once at the end — one sort per index instead of a random insert per row, which is what
/// made adding slow once a corpus outgrew the page cache (docs/corpus.md, "Adding").
///
/// A process killed in between leaves a valid corpus without those indexes (queries still run,
/// only slower) and a `meta` row saying so; the next add, or ``restoreIndexes()``, builds them.
extension CorpusDatabase {
    /// The `meta` key recording that the query indexes are missing.
    static let deferredIndexesKey = "indexes-deferred"

    /// Whether the query indexes are dropped (a bulk add is running, or one was killed).
    public func indexesAreDeferred() throws -> Bool {
        try connection.scalar("SELECT value FROM meta WHERE key = \(p(1))", [.text(Self.deferredIndexesKey)]) != nil
    }

    /// Drops the indexes adding does not read (``StoreSchema/deferrableIndexes(_:)``) and records
    /// that they are missing, in one transaction. Nothing happens when they are already dropped.
    public func deferIndexes() throws {
        guard try !indexesAreDeferred() else { return }
        try connection.transaction {
            for index in StoreSchema.deferrableIndexes(connection.dialect) {
                try connection.execute("DROP INDEX IF EXISTS \(index.name)", [])
            }
            try connection.execute("INSERT INTO meta (key, value) VALUES (\(p(1)), \(p(2)))", [.text(Self.deferredIndexesKey), .text("1")])
        }
    }

    /// Builds every dropped query index and clears the record, in one transaction: a corpus
    /// ends with all its indexes or, if this is interrupted, still says they are missing.
    public func restoreIndexes() throws {
        guard try indexesAreDeferred() else { return }
        try connection.transaction {
            for index in StoreSchema.deferrableIndexes(connection.dialect) {
                try connection.execute(index.creation, [])
            }
            try connection.execute("DELETE FROM meta WHERE key = \(p(1))", [.text(Self.deferredIndexesKey)])
        }
    }

    /// The names of the corpus's indexes, sorted (for tests and `explain`).
    public func indexNames() throws -> [String] {
        let sql = switch connection.dialect {
        case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        case .postgresql: "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname"
        }
        return try connection.rows(sql).compactMap { $0[0].text }
    }
}

extension StoreSchema {
    /// Indexes adding itself looks things up by: kept while a bulk add runs.
    static let indexesAddingReads: Set<String> = [
        "articles_store_file", "actor_keys_grp", "actor_key_words_grp", "actor_members_article",
    ]

    /// The `CREATE INDEX` statements of the schema that only queries read, with their names and
    /// as `CREATE INDEX IF NOT EXISTS`, in creation order.
    static func deferrableIndexes(_ dialect: SQLDialect) -> [(name: String, creation: String)] {
        creation(dialect).compactMap { statement in
            guard statement.hasPrefix("CREATE INDEX ") else { return nil }
            let rest = statement.dropFirst("CREATE INDEX ".count)
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let name = String(rest[..<space])
            guard !indexesAddingReads.contains(name) else { return nil }
            return (name, "CREATE INDEX IF NOT EXISTS " + rest)
        }
    }
}
