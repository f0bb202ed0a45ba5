import Foundation
import NewsStore
import Testing

/// The PostgreSQL server the tests use: the URL in `NEWSQ_TEST_POSTGRES` (scripts/with-postgres
/// starts a throwaway one and sets it). Each test works in a database of its own, created empty
/// and dropped after, so runs and tests never see each other's data.
///
/// Without the variable the PostgreSQL suites are skipped, saying why — unless
/// `NEWSQ_REQUIRE_POSTGRES=1` (CI), when they run and fail, saying how to start a server.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment

    /// The server's URL, when one is given.
    static let url: String? = environment["NEWSQ_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the PostgreSQL tests must run (and fail without a server).
    static let isRequired = environment["NEWSQ_REQUIRE_POSTGRES"] == "1"

    /// Whether the PostgreSQL suites run: a server is given, or one is required.
    static let isEnabled = url != nil || isRequired

    /// What the skip says.
    static let skipReason: Comment = "NEWSQ_TEST_POSTGRES is not set: no PostgreSQL server to test against (run scripts/with-postgres scripts/test)"

    /// How to give the tests a server.
    static let howToStart = "NEWSQ_REQUIRE_POSTGRES=1 but NEWSQ_TEST_POSTGRES is not set: start a throwaway server and run the tests "
        + "under it with scripts/with-postgres scripts/test (or set NEWSQ_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB "
        + "for a server where USER may create databases)"

    struct Missing: Error, CustomStringConvertible {
        var description: String { PostgresTestServer.howToStart }
    }

    /// The server's URL; a failure saying how to start one when there is none.
    static func serverURL() throws -> String {
        guard let url else { throw Missing() }
        return url
    }

    /// `url` with its database replaced by `database` (the query, if any, kept).
    static func url(_ url: String, database: String) -> String {
        guard let scheme = url.range(of: "://") else { return url + " dbname=\(database)" }
        var rest = Substring(url[scheme.upperBound...])
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[mark...])
            rest = rest[..<mark]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        return String(url[..<scheme.upperBound]) + rest + "/" + database + query
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards. Its default
    /// collation is ICU's English when the server has ICU (so that byte order is what newsq
    /// asks for, never what the database happens to do).
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let server = try serverURL()
        let admin = try PostgresConnection(location: server)
        defer { admin.close() }
        let name = "newsq_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        do {
            try admin.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
                + "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'", [])
        } catch {
            try admin.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'", [])
        }
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", []) }
        return try body(url(server, database: name))
    }

    /// A store in a new database holding `models`, for a differential check.
    static let engine: DifferentialTests.Engine = { models, body in
        try withDatabase { url in
            let connection = try PostgresConnection(location: url)
            defer { connection.close() }
            let store = try CorpusDatabase(connection: connection, name: connection.name, create: true)
            try DifferentialTests.fill(store, with: models)
            try body(store)
        }
    }
}
