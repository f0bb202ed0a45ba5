import GRDB

/// A SQLite database file through GRDB, in WAL mode: one process may add articles while others
/// query, and a killed writer leaves the last committed state.
public final class SQLiteConnection: SQLConnection {
    public let dialect = SQLDialect.sqlite
    private let queue: DatabaseQueue
    /// The database while a transaction runs: statements inside it use it directly (GRDB's
    /// accessors are not reentrant).
    private var current: Database?
    /// The queries whose rows are being read now (see ``query(_:_:row:)``).
    private var reading: Set<String> = []

    /// Opens (creating it when `create` is set) the database file at `path`.
    public init(path: String, create: Bool) throws {
        var configuration = Configuration()
        configuration.readonly = false
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MB of page cache: a batch touches index pages all over a large corpus.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            if !create, !FileSystem.exists(path) {
                throw StoreError("\(path): no such corpus file; create one with newsq --db \(path) --add FILE…")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(path): cannot open the corpus: \(Self.describe(error))")
        }
    }

    /// An in-memory database (for tests).
    public init() throws {
        queue = try DatabaseQueue()
    }

    public func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        try access { db in
            if parameters.isEmpty {
                try db.execute(sql: sql)
            } else {
                // One statement with parameters: prepared once per connection (adding articles
                // runs the same few inserts thousands of times).
                try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(parameters))
            }
        }
    }

    public func query(_ sql: String, _ parameters: [SQLValue], row: ([SQLValue]) throws -> Bool) throws {
        try access { db in
            // A cached statement, unless this very query is being read further up the stack
            // (a cached statement is one cursor at a time).
            let reentrant = !reading.insert(sql).inserted
            defer { if !reentrant { reading.remove(sql) } }
            let statement = reentrant ? try db.makeStatement(sql: sql) : try db.cachedStatement(sql: sql)
            let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(parameters))
            while let next = try cursor.next() {
                var values: [SQLValue] = []
                values.reserveCapacity(next.count)
                for index in 0..<next.count {
                    let value: DatabaseValue = next[index]
                    switch value.storage {
                    case .null: values.append(.null)
                    case .int64(let number): values.append(.integer(number))
                    case .double(let number): values.append(.real(number))
                    case .string(let text): values.append(.text(text))
                    case .blob(let data): values.append(.text(String(decoding: data, as: UTF8.self)))
                    }
                }
                guard try row(values) else { break }
            }
        }
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        if let current {
            // Nested: a savepoint, so a failing inner step undoes only itself.
            try current.inSavepoint {
                result = try body()
                return .commit
            }
            return result!
        }
        try queue.inTransaction(.immediate) { db in
            current = db
            defer { current = nil }
            result = try body()
            return .commit
        }
        return result!
    }

    /// Runs `work` on the transaction's database, or on a fresh access.
    private func access(_ work: (Database) throws -> Void) throws {
        if let current { return try work(current) }
        try queue.inDatabase { db in try work(db) }
    }

    private static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: return nil
            case .integer(let number): return number
            case .real(let number): return number
            case .text(let text): return text
            }
        })
    }

    /// A database error as one line.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

/// Whether a file exists, without Foundation.
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
