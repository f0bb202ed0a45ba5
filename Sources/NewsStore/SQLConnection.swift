import NewsModel

/// A value as SQL databases store it.
public enum SQLValue: Sendable, Equatable, Hashable {
    /// NULL.
    case null
    /// An integer.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// Text.
    case text(String)

    /// The text, when it is text.
    public var text: String? { if case .text(let text) = self { text } else { nil } }
    /// The integer, when it is one.
    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
}

/// The SQL a store writes differs between databases in a few places, named here.
public enum SQLDialect: String, Sendable {
    /// SQLite 3 (with FTS5), through GRDB.
    case sqlite
    /// PostgreSQL 15.
    case postgresql

    /// The placeholder for the parameter at 1-based position `index`.
    func placeholder(_ index: Int) -> String {
        self == .sqlite ? "?\(index)" : "$\(index)"
    }

    /// The column type for text, whole numbers and fractions.
    var textType: String { "TEXT" }
    var integerType: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    var realType: String { self == .sqlite ? "REAL" : "DOUBLE PRECISION" }

    /// A comparison of text that orders by UTF-8 bytes, as the in-memory engine sorts.
    func binary(_ expression: String) -> String {
        self == .sqlite ? expression : "(\(expression) COLLATE \"C\")"
    }
}

/// What a store needs from a database connection: run statements, read rows, and group
/// statements in a transaction that either happens whole or not at all.
public protocol SQLConnection: AnyObject {
    /// The dialect of the SQL the connection speaks.
    var dialect: SQLDialect { get }
    /// Runs a statement (or several, separated by `;`, without parameters).
    func execute(_ sql: String, _ parameters: [SQLValue]) throws
    /// Runs a query, calling `row` for each row until it returns `false`.
    func query(_ sql: String, _ parameters: [SQLValue], row: ([SQLValue]) throws -> Bool) throws
    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
}

extension SQLConnection {
    /// Every row of a query.
    func rows(_ sql: String, _ parameters: [SQLValue] = []) throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        try query(sql, parameters) { rows.append($0); return true }
        return rows
    }

    /// The first column of the first row, if any.
    func scalar(_ sql: String, _ parameters: [SQLValue] = []) throws -> SQLValue? {
        var value: SQLValue?
        try query(sql, parameters) { row in
            value = row.first
            return false
        }
        return value
    }
}

/// A failure reading or writing a store, with what was being done.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in a sentence that names the store.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
