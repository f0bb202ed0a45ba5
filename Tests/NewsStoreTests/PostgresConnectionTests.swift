import Foundation
import NewsStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// ``PostgresConnection``: passwords never shown, the proxy found or its absence explained,
/// and — with a server — rows that stop early, transactions, wrong passwords and connections
/// that drop in the middle of a query.
@Suite("PostgreSQL connections")
struct PostgresConnectionTests {
    @Test func passwordsAreMasked() {
        let cases = [
            ("postgresql://newsq:secret@127.0.0.1:54329/newsq", "postgresql://newsq:***@127.0.0.1:54329/newsq"),
            ("postgres://u:p%40ss%2Fw@db.example.org/corpus?sslmode=require", "postgres://u:***@db.example.org/corpus?sslmode=require"),
            ("postgresql://u:pa/ss@w@host/db", "postgresql://u:***@host/db"),
            ("postgresql://u@host/db?sslmode=verify-full&password=hunter2", "postgresql://u@host/db?sslmode=verify-full&password=***"),
            ("postgresql://u@host:5432/db", "postgresql://u@host:5432/db"),
            ("postgresql:///db?host=/tmp", "postgresql:///db?host=/tmp"),
            ("host=h user=u password=hunter2 dbname=d", "host=h user=u password=*** dbname=d"),
            ("host=h password = 'two words' dbname=d", "host=h password = *** dbname=d"),
        ]
        for (location, shown) in cases {
            #expect(PostgresConnection.redacted(location) == shown)
        }
    }

    @Test func aMissingProxyNamesWhereItLooked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-no-proxy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StoreError("cannot find newsq-pg, the PostgreSQL proxy newsq needs for postgresql:// corpora; looked in "
            + "NEWSQ_PG (not set), \(folder)/newsq-pg, PATH (/nowhere:\(folder)). Build it (swift build -c release --product "
            + "newsq-pg), then put it next to newsq or on PATH, or set NEWSQ_PG to its path")) {
            try PostgresConnection.locateProxy(environment: ["PATH": "/nowhere:\(folder)"], executableFolder: folder)
        }
        // NEWSQ_PG set is the choice: when it names no program, no other is taken in its place.
        let proxy = try ProxyProtocolTests.proxy()
        let proxyFolder = (proxy as NSString).deletingLastPathComponent
        #expect(throws: StoreError("NEWSQ_PG=/nowhere/newsq-pg is not an executable file: set NEWSQ_PG to the path of newsq-pg, the "
            + "PostgreSQL proxy newsq needs for postgresql:// corpora, or unset it to use the newsq-pg next to newsq or on PATH")) {
            try PostgresConnection.locateProxy(environment: ["NEWSQ_PG": "/nowhere/newsq-pg", "PATH": proxyFolder], executableFolder: proxyFolder)
        }
        // Found by each means, in order: NEWSQ_PG before the one next to the executable.
        let link = folder + "/my-newsq-pg"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: proxy)
        #expect(try PostgresConnection.locateProxy(environment: ["NEWSQ_PG": link], executableFolder: proxyFolder) == link)
        #expect(try PostgresConnection.locateProxy(environment: [:], executableFolder: proxyFolder) == proxy)
        #expect(try PostgresConnection.locateProxy(environment: ["NEWSQ_PG": proxy], executableFolder: folder) == proxy)
        #expect(try PostgresConnection.locateProxy(environment: ["PATH": "/nowhere:\(proxyFolder)"], executableFolder: nil) == proxy)
    }

    @Test func aProxyThatCannotStartIsAClearError() {
        #expect(throws: StoreError("postgresql://u:***@h/db: cannot start newsq-pg (/nowhere/newsq-pg): No such file or directory")) {
            try PostgresConnection(location: "postgresql://u:pw@h/db", proxy: "/nowhere/newsq-pg")
        }
    }

    @Test func aClosedPortFailsAtOnceWithWhatToCheck() throws {
        let started = Date()
        do {
            _ = try PostgresConnection(location: "postgresql://newsq:hunter2@127.0.0.1:1/newsq")
            Issue.record("connected to port 1")
        } catch let error as StoreError {
            #expect(error.message.hasPrefix("cannot connect to postgresql://newsq:***@127.0.0.1:1/newsq: connection to server at \"127.0.0.1\", port 1 failed: Connection refused"))
            #expect(error.message.hasSuffix("Check that the server is running and that the host and port are right (the URL, PGHOST and PGPORT)."))
            #expect(!error.message.contains("hunter2"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

/// ``PostgresConnection`` against the server in `NEWSQ_TEST_POSTGRES`.
@Suite("PostgreSQL connections with a server", .enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresServerConnectionTests {
    func integers(_ connection: PostgresConnection, _ sql: String) throws -> [Int64] {
        var values: [Int64] = []
        try connection.query(sql, []) { row in
            values.append(row[0].integer ?? -1)
            return true
        }
        return values
    }

    @Test func rowsThatStopEarlyLeaveTheConnectionUsable() throws {
        let connection = try PostgresConnection(location: try PostgresTestServer.serverURL())
        defer { connection.close() }
        var seen: [Int64] = []
        try connection.query("SELECT g FROM generate_series(1, 50000) g", []) { row in
            seen.append(row[0].integer ?? 0)
            return seen.count < 3
        }
        #expect(seen == [1, 2, 3])
        #expect(try integers(connection, "SELECT 7") == [7])
        // A slow answer is not read to its end: its statement is cancelled (here after a fifth
        // of a second, instead of the minute the rest would take).
        let started = Date()
        var first: Int64?
        try connection.query("SELECT g, repeat('x', 20000), pg_sleep(0.1)::text FROM generate_series(1, 600) g", []) { row in
            first = row[0].integer
            return false
        }
        #expect(first == 1)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try integers(connection, "SELECT 9") == [9])
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try connection.query("SELECT g FROM generate_series(1, 1000) g", []) { _ in throw Stop() }
        }
        #expect(try integers(connection, "SELECT 8") == [8])
        #expect(throws: StoreError("\(connection.name): relation \"nowhere\" does not exist")) {
            try connection.execute("SELECT * FROM nowhere", [])
        }
        var sum: SQLValue?
        try connection.query("SELECT $1::int8 + 1, $2::float8 * 2", [.integer(41), .real(0.25)]) { row in
            sum = row[0]
            #expect(row[1] == .real(0.5))
            return true
        }
        #expect(sum == .integer(42))
    }

    @Test func transactionsCommitRollBackAndNest() throws {
        try PostgresTestServer.withDatabase { url in
            let connection = try PostgresConnection(location: url)
            defer { connection.close() }
            try connection.execute("CREATE TABLE t (a BIGINT PRIMARY KEY)", [])
            try connection.transaction { try connection.execute("INSERT INTO t VALUES ($1)", [.integer(1)]) }
            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES (2)", [])
                    throw Undo()
                }
            }
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (3)", [])
                // A failing inner step undoes only itself, even a failed statement.
                #expect(throws: StoreError.self) {
                    try connection.transaction {
                        try connection.execute("INSERT INTO t VALUES (4)", [])
                        try connection.execute("INSERT INTO t VALUES (3)", [])
                    }
                }
                try connection.transaction { try connection.execute("INSERT INTO t VALUES (5)", []) }
            }
            #expect(try integers(connection, "SELECT a FROM t ORDER BY a") == [1, 3, 5])
            // A failed commit (a deferred constraint) leaves no transaction open.
            try connection.execute("CREATE TABLE d (a BIGINT UNIQUE DEFERRABLE INITIALLY DEFERRED)", [])
            #expect(throws: StoreError.self) {
                try connection.transaction { try connection.execute("INSERT INTO d VALUES (1), (1)", []) }
            }
            #expect(try integers(connection, "SELECT count(*) FROM d") == [0])
            try connection.transaction { try connection.execute("INSERT INTO d VALUES (2)", []) }
            #expect(try integers(connection, "SELECT a FROM d") == [2])
        }
    }

    /// A role of its own with a password (the server of scripts/with-postgres asks every role
    /// but newsq for its password), owning a database of its own.
    @Test func aWrongPasswordIsRefusedAndNoPasswordIsEverShown() throws {
        try PostgresTestServer.withDatabase { url in
            let admin = try PostgresConnection(location: url)
            defer { admin.close() }
            let role = "newsq_pw_" + UUID().uuidString.prefix(8).lowercased()
            let password = "c0rrect/h@rse:battery"
            try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'", [])
            defer { try? admin.execute("DROP OWNED BY \(role); DROP ROLE \(role)", []) }
            try admin.execute("GRANT ALL ON SCHEMA public TO \(role)", [])
            let database = String(url[url.index(after: url.lastIndex(of: "/")!)...])
            let host = PostgresTestServer.url(url, database: "").replacingOccurrences(of: "postgresql://", with: "")
                .split(separator: "@").last.map(String.init) ?? ""
            let encoded = "c0rrect%2Fh%40rse%3Abattery"
            let wrong = "postgresql://\(role):not-\(encoded)@\(host)\(database)"
            let started = Date()
            do {
                _ = try PostgresConnection(location: wrong)
                Issue.record("connected with a wrong password: the server does not check passwords (run under scripts/with-postgres)")
            } catch let error as StoreError {
                #expect(error.message.hasPrefix("cannot connect to postgresql://\(role):***@\(host)\(database): "))
                #expect(error.message.contains("password authentication failed for user \"\(role)\""))
                #expect(error.message.hasSuffix("Check the user and password: give them in the URL (postgresql://USER:PASSWORD@HOST:PORT/DB), PGUSER and PGPASSWORD, or ~/.pgpass."))
                #expect(!error.message.contains("not-c0rrect") && !error.message.contains(encoded))
            }
            #expect(Date().timeIntervalSince(started) < 5)
            let right = try PostgresConnection(location: "postgresql://\(role):\(encoded)@\(host)\(database)")
            defer { right.close() }
            #expect(right.name == "postgresql://\(role):***@\(host)\(database)")
            do {
                try right.execute("SELECT '\(password)'::int", [])
                Issue.record("a text became a number")
            } catch let error as StoreError {
                // The server repeats the value; the message does not.
                #expect(error.message == "\(right.name): invalid input syntax for type integer: \"***\"")
            }
            let store = try CorpusDatabase(connection: right, name: right.name, create: true)
            #expect(try store.articleCount() == 0)
        }
    }

    @Test func aConnectionThatDropsMidQueryIsAClearError() throws {
        let url = try PostgresTestServer.serverURL()
        let connection = try PostgresConnection(location: url)
        defer { connection.close() }
        let other = try PostgresConnection(location: url)
        defer { other.close() }
        let backend = try integers(connection, "SELECT pg_backend_pid()").first ?? 0
        var rows = 0
        let started = Date()
        do {
            // Rows large enough to be sent one by one, slowly: the backend is ended after the first.
            try connection.query("SELECT g, repeat('x', 20000), pg_sleep(0.05)::text FROM generate_series(1, 400) g", []) { _ in
                rows += 1
                if rows == 1 { try other.execute("SELECT pg_terminate_backend($1::int)", [.integer(backend)]) }
                return true
            }
            Issue.record("the query ended normally after \(rows) rows")
        } catch let error as StoreError {
            #expect(error.message.hasPrefix("\(connection.name): the connection to the server was lost: terminating connection due to administrator command"))
            #expect(error.message.hasSuffix("open the corpus again once the server is back"))
        }
        #expect(rows >= 1 && rows < 400)
        #expect(Date().timeIntervalSince(started) < 15)
        // From then on, every call says so at once; the other connection is fine.
        #expect(throws: StoreError.self) { try connection.execute("SELECT 1", []) }
        #expect(try integers(other, "SELECT 2") == [2])
    }

    @Test func aProxyThatDiesIsAClearError() throws {
        let connection = try PostgresConnection(location: try PostgresTestServer.serverURL())
        defer { connection.close() }
        #expect(try integers(connection, "SELECT 1") == [1])
        kill(connection.proxyProcess, SIGKILL)
        #expect(throws: StoreError("\(connection.name): newsq-pg, the PostgreSQL proxy, stopped: it was killed by signal 9")) {
            try connection.execute("SELECT 1", [])
        }
        #expect(throws: StoreError("\(connection.name): newsq-pg, the PostgreSQL proxy, stopped: it was killed by signal 9")) {
            try connection.execute("SELECT 1", [])
        }
    }
}
