import NewsModel
import NewsQuery

/// The tables a corpus is kept in, the same in SQLite and PostgreSQL.
///
/// Each base table of the language (statements, actors, events, mentions, articles) is one SQL
/// table `t_NAME`, one row per record, holding every field's value exactly as the in-memory
/// engine computes it (``BaseTables/rows(of:model:corpusIDs:)``) — so the SQL only selects, sorts
/// and counts what memory would show, never recomputes it:
/// - `rid`, the row's place in corpus order (articles in the order they were added, records in
///   model order), and `article`, the article's `ord`;
/// - per field `v_FIELD` (the value: text, whole number, fraction, ISO date, a list as a JSON
///   array), and for text `f_FIELD` (folded as comparisons fold) and for lists `s_FIELD` (the
///   folded items joined, as sorting sees them); a span is `v_FIELD_start` and `v_FIELD_end`;
/// - `t_NAME_items` holds each item of each list field, for `where about = DHS` and `count by`;
/// - the search fields' analyzed words (Snowball stems, encoded as plain tokens) are indexed:
///   an FTS5 table `t_NAME_fts` in SQLite, a `tsvector` column `ts_FIELD` (the `simple`
///   configuration, a GIN index) in PostgreSQL.
/// Around them: `articles_store` (each article's model, text, file and content hash), and the
/// corpus actors (`actor_groups`, their members, names, aliases and resolver keys).
public enum StoreSchema {
    /// The schema version a store of this newsq reads and writes.
    public static let version = 1

    /// A field's SQL column for its value.
    static func value(_ field: String) -> String { "\"v_\(field)\"" }
    /// A text field's folded column.
    static func folded(_ field: String) -> String { "\"f_\(field)\"" }
    /// A list field's sort column.
    static func sortKey(_ field: String) -> String { "\"s_\(field)\"" }
    /// A search field's stems column.
    static func stems(_ field: String) -> String { "\"st_\(field)\"" }

    /// Whether a column type has a folded companion.
    static func isText(_ type: QueryResult.ColumnType) -> Bool { type == .text || type == .id || type == .enumeration }

    /// The statements that create every table and index, in order.
    static func creation(_ dialect: SQLDialect) -> [String] {
        let integer = dialect.integerType
        var statements = [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE articles_store (ord \(integer) PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT, hash TEXT,
              model TEXT NOT NULL, text TEXT NOT NULL)
            """,
            // Adding looks each file up by name (is it there, with which content hash?).
            "CREATE INDEX articles_store_file ON articles_store (file)",
            "CREATE TABLE actor_groups (grp \(integer) PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, merged TEXT NOT NULL)",
            "CREATE TABLE actor_names (key TEXT PRIMARY KEY, grp \(integer) NOT NULL)",
            "CREATE TABLE actor_aliases (key TEXT PRIMARY KEY, grp \(integer) NOT NULL)",
            "CREATE TABLE actor_members (grp \(integer) NOT NULL, article \(integer) NOT NULL, local TEXT NOT NULL, PRIMARY KEY (grp, article))",
            "CREATE INDEX actor_members_article ON actor_members (article)",
            "CREATE TABLE actor_keys (folded TEXT NOT NULL, display TEXT NOT NULL, grp \(integer) NOT NULL, score \(integer) NOT NULL, len \(integer) NOT NULL, pos \(integer) NOT NULL)",
            "CREATE INDEX actor_keys_folded ON actor_keys (folded)",
            "CREATE INDEX actor_keys_grp ON actor_keys (grp)",
            "CREATE INDEX actor_keys_len ON actor_keys (len)",
            "CREATE TABLE actor_key_words (word TEXT NOT NULL, grp \(integer) NOT NULL)",
            "CREATE INDEX actor_key_words_word ON actor_key_words (word)",
            "CREATE TABLE event_names (folded TEXT NOT NULL, article \(integer) NOT NULL, id TEXT NOT NULL, name TEXT)",
            "CREATE INDEX event_names_folded ON event_names (folded)",
            "CREATE TABLE records (id TEXT NOT NULL, article \(integer) NOT NULL)",
            "CREATE INDEX records_id ON records (id)",
        ]
        for table in BaseTable.allCases {
            statements += creation(of: table, dialect)
        }
        return statements
    }

    /// The statements creating one base table, its list items and its search index.
    static func creation(of table: BaseTable, _ dialect: SQLDialect) -> [String] {
        let shape = BaseTables.shape(of: table)
        let integer = dialect.integerType
        var columns = ["rid \(integer) PRIMARY KEY", "article \(integer) NOT NULL"]
        for column in shape.columns {
            switch column.type {
            case .text, .id, .enumeration, .date:
                columns.append("\(value(column.name)) TEXT")
                if isText(column.type) { columns.append("\(folded(column.name)) TEXT") }
            case .integer: columns.append("\(value(column.name)) \(integer)")
            case .number: columns.append("\(value(column.name)) \(dialect.realType)")
            case .list:
                columns.append("\(value(column.name)) TEXT NOT NULL")
                columns.append("\(sortKey(column.name)) TEXT NOT NULL")
            case .span:
                columns.append("\"v_\(column.name)_start\" \(integer)")
                columns.append("\"v_\(column.name)_end\" \(integer)")
            }
        }
        if table == .statements { columns.append("d_statement TEXT NOT NULL") }
        if dialect == .postgresql {
            for field in shape.textFields { columns.append("\"ts_\(field)\" tsvector") }
        }
        var statements = [
            "CREATE TABLE t_\(table.rawValue) (\(columns.joined(separator: ", ")))",
            "CREATE INDEX t_\(table.rawValue)_article ON t_\(table.rawValue) (article)",
            "CREATE TABLE t_\(table.rawValue)_items (rid \(integer) NOT NULL, field TEXT NOT NULL, position \(integer) NOT NULL, value TEXT NOT NULL, folded TEXT NOT NULL)",
            "CREATE INDEX t_\(table.rawValue)_items_rid ON t_\(table.rawValue)_items (rid)",
            "CREATE INDEX t_\(table.rawValue)_items_value ON t_\(table.rawValue)_items (field, value)",
            "CREATE INDEX t_\(table.rawValue)_items_folded ON t_\(table.rawValue)_items (field, folded)",
        ]
        // Indexes on the folded texts conditions compare — not on long texts, and an article's
        // title only on the articles table (other tables narrow by article through `article`).
        let unindexed: Set<String> = table == .articles ? ["text", "summary", "context"] : ["text", "summary", "context", "title", "url"]
        for column in shape.columns where isText(column.type) && !unindexed.contains(column.name) {
            statements.append("CREATE INDEX t_\(table.rawValue)_f_\(column.name) ON t_\(table.rawValue) (\(folded(column.name)))")
        }
        if !shape.textFields.isEmpty {
            switch dialect {
            case .sqlite:
                let fields = shape.textFields.map { stems($0) }.joined(separator: ", ")
                statements.append("CREATE VIRTUAL TABLE t_\(table.rawValue)_fts USING fts5(\(fields), tokenize = 'unicode61 remove_diacritics 0')")
            case .postgresql:
                for field in shape.textFields {
                    statements.append("CREATE INDEX t_\(table.rawValue)_ts_\(field) ON t_\(table.rawValue) USING GIN (\"ts_\(field)\")")
                }
            }
        }
        return statements
    }

    /// A list as stored: a JSON array of strings.
    static func encodeList(_ items: [String]) -> String {
        var text = "["
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            JSONValue.writeString(item, into: &text)
        }
        return text + "]"
    }

    /// A stored list read back.
    static func decodeList(_ text: String) -> [String] {
        guard let value = try? JSONParser.parse(text), case .array(let elements) = value.content else { return [] }
        return elements.compactMap { if case .string(let item) = $0.content { item } else { nil } }
    }

    /// The stems of a text as plain tokens a full-text index keeps whole: each stem as it is
    /// when it is only ASCII letters or only digits, else `z0` and its UTF-8 bytes in hex (a
    /// form no plain token takes).
    static func stemTokens(_ text: String) -> [String] {
        TextAnalyzer.analyze(text).tokens.map { encode($0.stem) }
    }

    /// One stem as an index token.
    static func encode(_ stem: String) -> String {
        let bytes = Array(stem.utf8)
        let letters = bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        let digits = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if !bytes.isEmpty && (letters || digits) { return stem }
        let hex = Array("0123456789abcdef".utf8)
        var encoded: [UInt8] = Array("z0".utf8)
        for byte in bytes {
            encoded.append(hex[Int(byte >> 4)])
            encoded.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
