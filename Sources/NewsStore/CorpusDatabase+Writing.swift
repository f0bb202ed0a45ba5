import Foundation
import NewsModel
import NewsQuery

/// Adding, replacing and removing articles: each in one transaction.
extension CorpusDatabase {
    /// What adding a file did.
    public enum AddOutcome: Sendable, Equatable {
        /// A new article.
        case added
        /// The file was added before with the same content: nothing was done.
        case unchanged
        /// The file was added before with other content: its article was replaced.
        case replaced
    }

    /// Adds an article's model, read from `file` whose content hash is `hash`: nothing when
    /// that file was added with the same hash, a replacement when with another, else a new
    /// article at the end of the corpus. One transaction: a failure (or a killed process)
    /// leaves the corpus as it was.
    ///
    /// - Throws: ``StoreError`` when another file already gave an article this id.
    @discardableResult
    public func add(_ model: ArticleModel, file: String?, hash: String?) throws -> AddOutcome {
        defer { cachedOrds = nil }
        // A failed article is rolled back to its savepoint: so is what the batch knows.
        let before = batch
        do {
            return try addInTransaction(model, file: file, hash: hash)
        } catch {
            batch = before
            throw error
        }
    }

    private func addInTransaction(_ model: ArticleModel, file: String?, hash: String?) throws -> AddOutcome {
        try connection.transaction {
            let existing = try file.flatMap { file in
                try connection.rows("SELECT id, hash FROM articles_store WHERE file = \(p(1))", [.text(file)]).first
            }
            if let existing, existing[1].text == hash { return .unchanged }
            // Refused before anything is touched: another file's article has this id.
            if let other = try connection.rows("SELECT file FROM articles_store WHERE id = \(p(1))", [.text(model.article.id)]).first,
               existing?[0].text != model.article.id
            {
                throw StoreError("the corpus already has an article \(model.article.id), from \(other[0].text ?? "another file"); "
                    + "article ids come from file names: rename one of the files")
            }
            if let existing { try removeArticle(existing[0].text ?? "") }
            try insert(model, file: file, hash: hash)
            return existing == nil ? .added : .replaced
        }
    }

    /// The content hash recorded for a file, if it was added.
    public func hash(ofFile file: String) throws -> String? {
        try connection.scalar("SELECT hash FROM articles_store WHERE file = \(p(1))", [.text(file)])?.text
    }

    /// Runs `body` — several ``add(_:file:hash:)`` calls — in one transaction: a batch is added
    /// whole or not at all.
    public func inBatch<T>(_ body: () throws -> T) throws -> T {
        defer { cachedOrds = nil }
        guard batch == nil else { return try connection.transaction(body) }
        // Read fresh each batch (another process may have added in between) and dropped with
        // it, committed or not.
        batch = BatchActors()
        defer { batch = nil }
        return try connection.transaction {
            let result = try body()
            try flushBatchActors()
            return result
        }
    }

    /// Writes the corpus actors the batch changed — each merged row and its resolver keys — once.
    private func flushBatchActors() throws {
        guard let pending = batch else { return }
        for group in pending.changed.sorted() {
            guard let merged = pending.merged[group] else { continue }
            try connection.execute("UPDATE actor_groups SET merged = \(p(1)) WHERE grp = \(p(2))",
                                   [.text(String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)), .integer(group)])
        }
        for group in pending.touched.sorted() { try writeKeys(of: group) }
        batch?.changed = []
        batch?.touched = []
    }

    /// Removes the article with the id; throws when there is none.
    public func remove(_ id: String) throws {
        defer { cachedOrds = nil }
        try connection.transaction {
            guard try connection.scalar("SELECT 1 FROM articles_store WHERE id = \(p(1))", [.text(id)]) != nil else {
                var message = "\(name) has no article \(id)"
                if let near = nearestName(to: id, in: try articles().map(\.id)) { message += " — did you mean \(near)?" }
                throw StoreError(message)
            }
            try removeArticle(id)
        }
    }

    // MARK: - Inserting

    private func insert(_ model: ArticleModel, file: String?, hash: String?) throws {
        let ord = (try connection.scalar("SELECT MAX(ord) FROM articles_store")?.integer ?? 0) + 1
        try connection.execute("INSERT INTO articles_store (ord, id, file, hash, model, text) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)), \(p(5)), \(p(6)))",
                               [.integer(ord), .text(model.article.id), file.map(SQLValue.text) ?? .null, hash.map(SQLValue.text) ?? .null,
                                .text(ModelFile.encodeCompact(model)), .text(model.article.text)])
        var index = SQLLinkIndex(store: self)
        let ids = try ActorLinker.link(model, article: Int(ord), into: &index)
        if batch != nil {
            batch?.touched.formUnion(index.touched)
        } else {
            for group in index.touched.sorted() { try writeKeys(of: group) }
        }
        var rid = (try connection.scalar("SELECT MAX(rid) FROM t_statements")?.integer ?? 0)
        for table in BaseTable.allCases {
            rid = max(rid, try connection.scalar("SELECT MAX(rid) FROM t_\(table.rawValue)")?.integer ?? 0)
        }
        for table in BaseTable.allCases {
            let rows = BaseTables.rows(of: table, model: model, corpusIDs: ids)
            for (position, row) in rows.rows.enumerated() {
                rid += 1
                let statement = table == .statements ? model.statements[position] : nil
                try insertRow(row, of: rows, table: table, rid: rid, ord: ord, statement: statement)
            }
        }
        for event in model.events {
            for text in [event.id] + [event.name].compactMap({ $0 }) {
                try connection.execute("INSERT INTO event_names (folded, article, id, name) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)))",
                                       [.text(ActorResolver.fold(text)), .integer(ord), .text(event.id), event.name.map(SQLValue.text) ?? .null])
            }
        }
        var records = model.statements.map(\.id) + model.events.map(\.id) + model.actors.map(\.id)
        records += model.actors.flatMap { $0.mentions.map(\.id) }
        for record in Set(records).sorted() {
            try connection.execute("INSERT INTO records (id, article) VALUES (\(p(1)), \(p(2)))", [.text(record), .integer(ord)])
        }
    }

    /// One base-table row: its values, folded and sort columns, list items and search words.
    private func insertRow(_ row: [Value], of table: Table, table base: BaseTable, rid: Int64, ord: Int64,
                           statement: Statement?) throws {
        let statements = inserts[base] ?? InsertStatements.of(base, table: table, dialect: connection.dialect)
        inserts[base] = statements
        var values: [SQLValue] = [.integer(rid), .integer(ord)]
        values.reserveCapacity(statements.columnCount)
        var items: [(field: String, position: Int, value: String)] = []
        for (index, column) in table.columns.enumerated() {
            let value = row[index]
            switch column.type {
            case .text, .id, .enumeration:
                if case .text(let text) = value {
                    values += [.text(text), .text(TextAnalyzer.fold(text))]
                } else {
                    values += [.null, .null]
                }
            case .date:
                if case .date(let date) = value { values.append(.text(date.iso)) } else { values.append(.null) }
            case .integer:
                if case .integer(let number) = value { values.append(.integer(Int64(number))) } else { values.append(.null) }
            case .number:
                if case .number(let number) = value { values.append(.real(number)) } else { values.append(.null) }
            case .list:
                let list: [String] = if case .list(let list) = value { list } else { [] }
                values += [.text(StoreSchema.encodeList(list)), .text(list.map(TextAnalyzer.fold).joined(separator: "\u{1}"))]
                for (position, item) in list.enumerated() { items.append((column.name, position, item)) }
            case .span:
                if case .span(let start, let end) = value { values += [.integer(Int64(start)), .integer(Int64(end))] } else { values += [.null, .null] }
            }
        }
        if let statement {
            values.append(.text(String(decoding: try JSONEncoder().encode(statement), as: UTF8.self)))
        }
        let stems = statements.searchFields.map { StoreSchema.stemTokens(row[$0].displayText) }
        if connection.dialect == .postgresql {
            for tokens in stems { values += [.text(StoreSchema.paddedStems(tokens)), .text(StoreSchema.lexemeList(tokens))] }
        }
        try connection.execute(statements.row, values)
        for item in items {
            try connection.execute(statements.item, [.integer(rid), .text(item.field), .integer(Int64(item.position)),
                                                     .text(item.value), .text(TextAnalyzer.fold(item.value))])
        }
        if let search = statements.search {
            try connection.execute(search, [.integer(rid)] + stems.map { .text($0.joined(separator: " ")) })
        }
    }

    /// Rewrites the resolver keys of a corpus actor from its merged actor.
    func writeKeys(of group: Int64) throws {
        guard let merged = try mergedActor(group) else { return }
        try connection.execute("DELETE FROM actor_keys WHERE grp = \(p(1))", [.integer(group)])
        try connection.execute("DELETE FROM actor_key_words WHERE grp = \(p(1))", [.integer(group)])
        var words: Set<String> = []
        for (position, key) in ActorResolver.keys(of: merged, at: 0).enumerated() {
            try connection.execute("INSERT INTO actor_keys (folded, display, grp, score, len, pos) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)), \(p(5)), \(p(6)))",
                                   [.text(key.folded), .text(key.display), .integer(group), .integer(Int64(key.exactScore)),
                                    .integer(Int64(key.folded.count)), .integer(Int64(position))])
            words.formUnion(ActorResolver.words(key.folded))
        }
        for word in words.sorted() {
            try connection.execute("INSERT INTO actor_key_words (word, grp) VALUES (\(p(1)), \(p(2)))", [.text(word), .integer(group)])
        }
    }

    /// The merged actor of a corpus actor, as stored.
    func mergedActor(_ group: Int64) throws -> Actor? {
        if let merged = batch?.merged[group] { return merged }
        guard let text = try connection.scalar("SELECT merged FROM actor_groups WHERE grp = \(p(1))", [.integer(group)])?.text else { return nil }
        let merged = try JSONDecoder().decode(Actor.self, from: Data(text.utf8))
        batch?.merged[group] = merged
        return merged
    }

    /// Records a corpus actor's new merged actor: written at once outside a batch, at the
    /// batch's end inside one.
    func setMergedActor(_ merged: Actor, of group: Int64, name: String? = nil) throws {
        if batch != nil, name == nil {
            batch?.merged[group] = merged
            batch?.changed.insert(group)
            return
        }
        batch?.merged[group] = merged
        batch?.changed.remove(group)
        if let name {
            try connection.execute("UPDATE actor_groups SET merged = \(p(1)), name = \(p(2)) WHERE grp = \(p(3))",
                                   [.text(String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)), .text(name), .integer(group)])
        } else {
            try connection.execute("UPDATE actor_groups SET merged = \(p(1)) WHERE grp = \(p(2))",
                                   [.text(String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)), .integer(group)])
        }
    }

    // MARK: - Removing

    /// Removes an article's rows everywhere; corpus actors left without members go, the others
    /// are merged again from the members that remain.
    private func removeArticle(_ id: String) throws {
        guard let ord = try connection.scalar("SELECT ord FROM articles_store WHERE id = \(p(1))", [.text(id)])?.integer else { return }
        for table in BaseTable.allCases {
            let name = "t_\(table.rawValue)"
            if connection.dialect == .sqlite, !BaseTables.shape(of: table).textFields.isEmpty {
                try connection.execute("DELETE FROM \(name)_fts WHERE rowid IN (SELECT rid FROM \(name) WHERE article = \(p(1)))", [.integer(ord)])
            }
            try connection.execute("DELETE FROM \(name)_items WHERE rid IN (SELECT rid FROM \(name) WHERE article = \(p(1)))", [.integer(ord)])
            try connection.execute("DELETE FROM \(name) WHERE article = \(p(1))", [.integer(ord)])
        }
        try connection.execute("DELETE FROM event_names WHERE article = \(p(1))", [.integer(ord)])
        try connection.execute("DELETE FROM records WHERE article = \(p(1))", [.integer(ord)])
        let groups = try connection.rows("SELECT grp FROM actor_members WHERE article = \(p(1))", [.integer(ord)]).compactMap { $0[0].integer }
        try connection.execute("DELETE FROM actor_members WHERE article = \(p(1))", [.integer(ord)])
        try connection.execute("DELETE FROM articles_store WHERE ord = \(p(1))", [.integer(ord)])
        modelCache[ord] = nil
        for group in groups {
            let members = try connection.rows("SELECT article, local FROM actor_members WHERE grp = \(p(1)) ORDER BY article", [.integer(group)])
            guard !members.isEmpty else {
                for table in ["actor_groups", "actor_names", "actor_aliases", "actor_keys", "actor_key_words"] {
                    try connection.execute("DELETE FROM \(table) WHERE grp = \(p(1))", [.integer(group)])
                }
                batch?.merged[group] = nil
                batch?.changed.remove(group)
                batch?.touched.remove(group)
                continue
            }
            var merged: Actor?
            var known: Set<String> = []
            for member in members {
                guard let article = member[0].integer, let local = member[1].text,
                      let actor = try model(ord: article).actor(local)?.keepingNewMentionTexts(&known) else { continue }
                if let current = merged {
                    merged = ActorLinker.merging(actor, into: current)
                } else {
                    var first = actor
                    first.id = try connection.scalar("SELECT id FROM actor_groups WHERE grp = \(p(1))", [.integer(group)])?.text ?? actor.id
                    merged = first
                }
            }
            if let merged {
                try setMergedActor(merged, of: group, name: merged.name)
                try writeKeys(of: group)
                batch?.touched.remove(group)
            }
        }
    }
}

/// The corpus actors kept in the store's tables, for ``ActorLinker``.
struct SQLLinkIndex: ActorLinkIndex {
    let store: CorpusDatabase
    /// The corpus actors created or joined: their resolver keys are rewritten.
    var touched: Set<Int64> = []

    private var connection: any SQLConnection { store.connection }
    private func p(_ index: Int) -> String { store.p(index) }

    func group(named key: String) throws -> Int? {
        try connection.scalar("SELECT grp FROM actor_names WHERE key = \(p(1))", [.text(key)])?.integer.map { Int($0) }
    }

    func group(aliased key: String) throws -> Int? {
        try connection.scalar("SELECT grp FROM actor_aliases WHERE key = \(p(1))", [.text(key)])?.integer.map { Int($0) }
    }

    func group(_ group: Int, hasMemberIn article: Int) throws -> Bool {
        try connection.scalar("SELECT 1 FROM actor_members WHERE grp = \(p(1)) AND article = \(p(2))",
                              [.integer(Int64(group)), .integer(Int64(article))]) != nil
    }

    func isTaken(_ id: String) throws -> Bool {
        try connection.scalar("SELECT 1 FROM actor_groups WHERE id = \(p(1))", [.text(id)]) != nil
    }

    mutating func newGroup(id: String, first actor: Actor, article: Int) throws -> Int {
        let group = (try connection.scalar("SELECT MAX(grp) FROM actor_groups")?.integer ?? 0) + 1
        var merged = actor
        merged.id = id
        var known: Set<String> = []
        merged = merged.keepingNewMentionTexts(&known)
        try connection.execute("INSERT INTO actor_groups (grp, id, name, kind, merged) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)), \(p(5)))",
                               [.integer(group), .text(id), .text(actor.name), .text(actor.kind.rawValue),
                                .text(String(decoding: try JSONEncoder().encode(merged), as: UTF8.self))])
        store.batch?.merged[group] = merged
        try connection.execute("INSERT INTO actor_members (grp, article, local) VALUES (\(p(1)), \(p(2)), \(p(3)))",
                               [.integer(group), .integer(Int64(article)), .text(actor.id)])
        touched.insert(group)
        return Int(group)
    }

    mutating func join(_ group: Int, actor: Actor, article: Int) throws {
        try connection.execute("INSERT INTO actor_members (grp, article, local) VALUES (\(p(1)), \(p(2)), \(p(3)))",
                               [.integer(Int64(group)), .integer(Int64(article)), .text(actor.id)])
        guard let merged = try store.mergedActor(Int64(group)) else { return }
        // Only the mentions that give the resolver a new key are kept: one per distinct text,
        // no pronouns (ActorResolver.keys), so a name in every article does not grow its row.
        var known = Set(merged.mentions.map { ActorResolver.fold($0.span.text) })
        let joined = ActorLinker.merging(actor.keepingNewMentionTexts(&known), into: merged)
        // Nothing new (a name seen before, no new alias, title or mention text): its row and
        // its resolver keys stay as they are.
        guard joined != merged else { return }
        try store.setMergedActor(joined, of: Int64(group))
        touched.insert(Int64(group))
    }

    func register(name key: String, for group: Int) throws {
        try connection.execute("INSERT INTO actor_names (key, grp) VALUES (\(p(1)), \(p(2))) ON CONFLICT DO NOTHING",
                               [.text(key), .integer(Int64(group))])
    }

    func register(alias key: String, for group: Int) throws {
        try connection.execute("INSERT INTO actor_aliases (key, grp) VALUES (\(p(1)), \(p(2))) ON CONFLICT DO NOTHING",
                               [.text(key), .integer(Int64(group))])
    }

    func name(of group: Int) throws -> String {
        try connection.scalar("SELECT name FROM actor_groups WHERE grp = \(p(1))", [.integer(Int64(group))])?.text ?? ""
    }

    func id(of group: Int) throws -> String {
        try connection.scalar("SELECT id FROM actor_groups WHERE grp = \(p(1))", [.integer(Int64(group))])?.text ?? ""
    }
}

extension Actor {
    /// The actor with only the mentions whose text is not in `known` (adding them), and no
    /// pronouns: all a stored corpus actor needs for its resolver keys (``ActorResolver/keys``),
    /// so an actor named in every article does not grow its row with each one.
    fileprivate func keepingNewMentionTexts(_ known: inout Set<String>) -> Actor {
        var actor = self
        actor.mentions = mentions.filter { $0.form != .pronoun && known.insert(ActorResolver.fold($0.span.text)).inserted }
        return actor
    }
}

/// The statements that insert one base table's rows, written once per table by a store (the
/// columns of a table never change), so adding an article builds no SQL text.
struct InsertStatements {
    /// The row insert: `rid`, `article`, every field's columns in order, `d_statement` for
    /// statements and (PostgreSQL) each search field's stems and `tsvector` of lexemes.
    var row: String
    /// A list item's insert.
    var item: String
    /// The full-text index insert (SQLite's FTS5 table), when the table has search fields.
    var search: String?
    /// The positions of the search fields among the row's values.
    var searchFields: [Int]
    /// How many values a row insert takes.
    var columnCount: Int

    /// The statements of `base`, shaped as `table` (a store builds them once: ``CorpusDatabase/inserts``).
    static func of(_ base: BaseTable, table: Table, dialect: SQLDialect) -> InsertStatements {
        var names = ["rid", "article"]
        for column in table.columns {
            switch column.type {
            case .text, .id, .enumeration: names += [StoreSchema.value(column.name), StoreSchema.folded(column.name)]
            case .date, .integer, .number: names.append(StoreSchema.value(column.name))
            case .list: names += [StoreSchema.value(column.name), StoreSchema.sortKey(column.name)]
            case .span: names += ["\"v_\(column.name)_start\"", "\"v_\(column.name)_end\""]
            }
        }
        if base == .statements { names.append("d_statement") }
        let searchFields = table.textFields.compactMap { table.index(of: $0) }
        var placeholders = names.indices.map { dialect.placeholder($0 + 1) }
        if dialect == .postgresql {
            for field in table.textFields {
                // The tokens in order, for the exact phrase test; the distinct tokens become the
                // lexemes as they are (no parser, no positions), for the GIN-indexed filter.
                names += [StoreSchema.stems(field), StoreSchema.lexemes(field)]
                placeholders.append(dialect.placeholder(placeholders.count + 1))
                placeholders.append("array_to_tsvector(string_to_array(\(dialect.placeholder(placeholders.count + 1)), ' '))")
            }
        }
        let item = "INSERT INTO t_\(base.rawValue)_items (rid, field, position, value, folded) VALUES "
            + "(\((1...5).map(dialect.placeholder).joined(separator: ", ")))"
        var search: String?
        if dialect == .sqlite, !table.textFields.isEmpty {
            let columns = table.textFields.map { StoreSchema.stems($0) }.joined(separator: ", ")
            search = "INSERT INTO t_\(base.rawValue)_fts (rowid, \(columns)) VALUES "
                + "(\((1...(table.textFields.count + 1)).map(dialect.placeholder).joined(separator: ", ")))"
        }
        return InsertStatements(
            row: "INSERT INTO t_\(base.rawValue) (\(names.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))",
            item: item, search: search, searchFields: searchFields, columnCount: names.count)
    }
}

/// What an open batch knows of the corpus actors (``CorpusDatabase/inBatch(_:)``).
struct BatchActors {
    /// Merged actors read or changed in the batch, by group.
    var merged: [Int64: Actor] = [:]
    /// Groups whose merged actor changed and is not yet written.
    var changed: Set<Int64> = []
    /// Groups whose resolver keys are to be rewritten.
    var touched: Set<Int64> = []
}
