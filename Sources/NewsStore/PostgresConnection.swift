import Foundation
import PGProxyProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A PostgreSQL database, through the `newsq-pg` proxy this connection spawns and talks to over
/// a socket (``ProxyProtocol``): newsq itself never links libpq, so it stays a static executable.
///
/// The proxy connects with libpq as psql does, so the URL (or connection string) works with the
/// PG* environment variables, service files, ~/.pgpass and `sslmode`. Rows stream one by one.
/// Top-level transactions take a transaction-scoped advisory lock, so two newsq processes
/// writing to one corpus take turns (as SQLite's `BEGIN IMMEDIATE` makes them); nested ones are
/// savepoints. Every message names the server by ``name``, its password masked.
public final class PostgresConnection: SQLConnection {
    public let dialect = SQLDialect.postgresql
    /// The server as messages name it: the URL with any password masked
    /// (`postgresql://newsq:***@127.0.0.1:54329/newsq`).
    public let name: String
    /// The server's version, as it reports it (`15.18 (Debian 15.18-0+deb12u1)`).
    public private(set) var serverVersion = ""
    /// The proxy's process id (0 once closed).
    public private(set) var proxyProcess: pid_t = 0

    private var socket: Int32 = -1
    private var reader: FrameReader
    private var writer: FrameWriter
    /// Open transactions: 1 inside the outermost, more inside savepoints.
    private var depth = 0
    /// Set when the connection or the proxy is gone: every later call throws it.
    private var broken: StoreError?
    /// The password as written and decoded, scrubbed from any message that repeats it.
    private let secrets: [String]

    /// The key of the advisory lock that makes writers take turns.
    static let writerLock: Int64 = 0x6E65_7773_7100_0001

    /// Connects to the server `location` names (a `postgresql://` URL or a libpq connection
    /// string), through the proxy at `proxy` (by default the one ``locateProxy(environment:executableFolder:)``
    /// finds).
    ///
    /// - Throws: ``StoreError`` when the proxy is missing or cannot start, or the connection
    ///   cannot be made: libpq's message and what to check.
    public init(location: String, proxy: String? = nil) throws {
        let name = Self.redacted(location)
        self.name = name
        secrets = Self.passwords(in: location)
        let path = try proxy ?? Self.locateProxy(environment: ProcessInfo.processInfo.environment,
                                                 executableFolder: Self.executableFolder())
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw StoreError("\(name): cannot start newsq-pg: \(String(cString: strerror(errno)))")
        }
        socket = pair[0]
        reader = FrameReader(descriptor: pair[0])
        writer = FrameWriter(descriptor: pair[0])
        defer { closeDescriptor(pair[1]) }
        do {
            proxyProcess = try Self.spawn(path, stream: pair[1], name: name)
        } catch {
            closeDescriptor(pair[0])
            socket = -1
            throw error
        }
        do {
            try send(.connect(location))
            switch try receive() {
            case .ready(let version):
                serverVersion = version
            case .error(let failure):
                close()
                let message = scrub(failure.message)
                let end = message.last.map { ".?!".contains($0) } == true ? " " : ". "
                throw StoreError("cannot connect to \(name): \(message)\(end)" + Self.advice(for: failure.message))
            case .row, .done:
                close()
                throw StoreError("\(name): newsq-pg answered a connect request out of turn")
            }
        } catch let error as StoreError {
            close()
            throw error
        }
    }

    deinit { close() }

    // MARK: - SQLConnection

    public func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        try query(sql, parameters) { _ in true }
    }

    public func query(_ sql: String, _ parameters: [SQLValue], row: ([SQLValue]) throws -> Bool) throws {
        if let broken { throw broken }
        try send(.query(sql, parameters.map(Self.proxyValue)))
        var wanted = true
        var failure: (any Error)?
        var drain = Drain()
        while true {
            if !wanted && depth == 0 && drain.isLong(reader: reader, socket: socket) {
                // A long answer nobody reads: the statement is cancelled (outside a transaction
                // only, as a cancelled statement would end the transaction), the rest dropped.
                drain.cancel(proxyProcess)
            }
            switch try receive() {
            case .row(let values):
                // After the caller stops (or fails), the rest of the answer is read and dropped,
                // so the connection is ready for the next statement.
                guard wanted else {
                    drain.rows += 1
                    continue
                }
                do {
                    wanted = try row(values.map(Self.sqlValue))
                } catch {
                    failure = error
                    wanted = false
                }
                if !wanted { drain.start() }
            case .done:
                if let failure { throw failure }
                return
            case .error(let error):
                let stopped = !wanted && error.kind == .statement
                if let failure { throw stopped ? failure : self.error(error) }
                // Whatever fails after the caller stopped reading (the cancel itself, a later
                // row's division by zero) is none of its business, as with an abandoned cursor.
                if stopped { return }
                throw self.error(error)
            case .ready:
                throw fail("newsq-pg answered a query out of turn")
            }
        }
    }

    /// The rest of an answer the caller stopped reading.
    private struct Drain {
        /// How long, and how many rows, before a statement still sending is cancelled.
        static let patience = 0.2, rowLimit = 1_000
        var stopped: Double = 0
        var rows = 0
        var cancelled = false

        mutating func start() { stopped = Self.now() }

        /// Whether the answer has gone on long enough to cancel its statement: a thousand rows,
        /// or no end within a fifth of a second (waited for here, without reading).
        func isLong(reader: FrameReader, socket: Int32) -> Bool {
            guard !cancelled else { return false }
            if rows >= Self.rowLimit { return true }
            let left = stopped + Self.patience - Self.now()
            if left <= 0 { return true }
            if reader.hasBufferedBytes { return false }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, Int32(left * 1000) + 1) == 0
        }

        mutating func cancel(_ process: pid_t) {
            cancelled = true
            if process > 0 { kill(process, SIGUSR1) }
        }

        static func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "newsq_savepoint_\(depth)"
        if depth == 0 {
            try execute("BEGIN", [])
            do {
                try execute("SELECT pg_advisory_xact_lock(\(Self.writerLock))", [])
            } catch {
                try? execute("ROLLBACK", [])
                throw error
            }
        } else {
            try execute("SAVEPOINT \(savepoint)", [])
        }
        depth += 1
        let result: T
        do {
            result = try body()
        } catch {
            depth -= 1
            if depth == 0 {
                try? execute("ROLLBACK", [])
            } else {
                try? execute("ROLLBACK TO SAVEPOINT \(savepoint)", [])
                try? execute("RELEASE SAVEPOINT \(savepoint)", [])
            }
            throw error
        }
        depth -= 1
        if depth == 0 {
            do {
                try execute("COMMIT", [])
            } catch {
                // A failed COMMIT has ended the transaction already; make sure nothing is left open.
                try? execute("ROLLBACK", [])
                throw error
            }
        } else {
            try execute("RELEASE SAVEPOINT \(savepoint)", [])
        }
        return result
    }

    /// Ends the connection: the proxy, told by the end of its input, closes it and exits.
    public func close() {
        guard socket >= 0 else { return }
        closeDescriptor(socket)
        socket = -1
        if broken == nil { broken = StoreError("\(name): the connection is closed") }
        guard proxyProcess > 0 else { return }
        var status: Int32 = 0
        // The proxy ends at once unless the server is still busy with a statement: give it two
        // seconds, then stop it.
        for _ in 0..<200 {
            if waitpid(proxyProcess, &status, WNOHANG) != 0 {
                proxyProcess = 0
                return
            }
            usleep(10_000)
        }
        kill(proxyProcess, SIGTERM)
        _ = waitpid(proxyProcess, &status, 0)
        proxyProcess = 0
    }

    // MARK: - Talking to the proxy

    private func send(_ request: ProxyProtocol.Request) throws {
        guard socket >= 0 else { throw broken ?? StoreError("\(name): the connection is closed") }
        do {
            try writer.write(request.frame)
            try writer.flush()
        } catch {
            throw proxyStopped()
        }
    }

    private func receive() throws -> ProxyProtocol.Response {
        let frame: ProxyProtocol.Frame?
        do {
            frame = try reader.next()
        } catch {
            throw proxyStopped()
        }
        guard let frame else { throw proxyStopped() }
        do {
            return try ProxyProtocol.Response(frame)
        } catch {
            throw fail("newsq-pg sent \(error.message)")
        }
    }

    /// The error for a failure the proxy reported; a lost connection breaks this one for good.
    private func error(_ failure: ProxyProtocol.Failure) -> StoreError {
        let message = scrub(failure.message)
        switch failure.kind {
        case .statement:
            return StoreError("\(name): \(message)")
        case .connection:
            let error = StoreError("\(name): the connection to the server was lost: \(message); open the corpus again once the server is back")
            broken = error
            return error
        case .request:
            return fail("newsq-pg refused a request: \(message)")
        }
    }

    /// Breaks the connection with a message about the proxy, and returns that error.
    private func fail(_ message: String) -> StoreError {
        let error = StoreError("\(name): \(message)")
        broken = error
        return error
    }

    /// The error when the proxy stopped answering: how it ended, when it did.
    private func proxyStopped() -> StoreError {
        if let broken { return broken }
        var how = "it stopped answering"
        if proxyProcess > 0 {
            var status: Int32 = 0
            if waitpid(proxyProcess, &status, 0) == proxyProcess {
                proxyProcess = 0
                let code = (status >> 8) & 0xFF, signal = status & 0x7F
                how = signal != 0 ? "it was killed by signal \(signal)" : "it exited with status \(code)"
                if signal == 0 && code == 127 { how += " (it could not start: is libpq installed? Debian: apt-get install libpq5)" }
            }
        }
        return fail("newsq-pg, the PostgreSQL proxy, stopped: \(how)")
    }

    /// `text` with any password of the location replaced by `***`.
    private func scrub(_ text: String) -> String {
        secrets.reduce(text) { text, secret in text.replacingOccurrences(of: secret, with: "***") }
    }

    private static func proxyValue(_ value: SQLValue) -> ProxyProtocol.Value {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .text(let text): .text(text)
        }
    }

    private static func sqlValue(_ value: ProxyProtocol.Value) -> SQLValue {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .text(let text): .text(text)
        }
    }

    /// What to check after a failed connection, by libpq's message.
    static func advice(for message: String) -> String {
        if message.contains("password") {
            return "Check the user and password: give them in the URL (postgresql://USER:PASSWORD@HOST:PORT/DB), PGUSER and PGPASSWORD, or ~/.pgpass."
        }
        if message.contains("does not exist") {
            return "Check the database and user names; create the database first (createdb NAME)."
        }
        // libpq could not read the URL or one of its parameters: no server was asked.
        if message.contains("URI") || message.contains("invalid") || message.contains("unrecognized") {
            return "Check the URL: postgresql://USER:PASSWORD@HOST:PORT/DB?PARAMETER=VALUE, with libpq's parameter names "
                + "(sslmode, connect_timeout, …) and a password's special characters percent-encoded (@ as %40, / as %2F)."
        }
        return "Check that the server is running and that the host and port are right (the URL, PGHOST and PGPORT)."
    }
}

/// `close(2)` (inside ``PostgresConnection`` the name `close` is its own).
func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
