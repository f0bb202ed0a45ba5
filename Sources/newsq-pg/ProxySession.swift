import CLibPQ
import PGProxyProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One proxy run: reads requests (``ProxyProtocol``) until the input ends, doing each with libpq
/// on one connection, and writes the answers. Never stops on bad input: a malformed request is
/// answered with an error and the next one is read.
struct ProxySession {
    private var reader: FrameReader
    private var writer: FrameWriter
    /// The connection, once a connect request succeeded.
    private var connection: OpaquePointer?

    /// A session reading `input` and writing `output`.
    init(input: Int32, output: Int32) {
        reader = FrameReader(descriptor: input)
        writer = FrameWriter(descriptor: output)
    }

    /// Serves requests until the input ends; returns the exit status (0, or 1 when the answers
    /// cannot be written: whoever reads them is gone).
    mutating func run() -> Int32 {
        // SIGUSR1 from newsq: cancel the statement running (newsq stopped reading its rows).
        _ = newsq_install_cancel_handler()
        defer {
            newsq_set_cancel_target(nil)
            if let connection { PQfinish(connection) }
            connection = nil
        }
        while true {
            let frame: ProxyProtocol.Frame
            do {
                guard let next = try reader.next() else { return 0 }
                frame = next
            } catch {
                switch error {
                case .truncated:
                    // The end of the input inside a frame: answered, then the end as usual.
                    return send(.error(.init(.request, "a malformed frame: the input ended inside it"))) ? 0 : 1
                case .tooLarge(let length):
                    let failure = ProxyProtocol.Failure(
                        .request, "a malformed frame: a payload of \(length) bytes (at most \(ProxyProtocol.maximumPayload))")
                    guard send(.error(failure)) else { return 1 }
                    continue
                case .system(let code):
                    _ = send(.error(.init(.request, "cannot read the request: \(String(cString: strerror(code)))")))
                    return 1
                }
            }
            let request: ProxyProtocol.Request
            do {
                request = try ProxyProtocol.Request(frame)
            } catch {
                guard send(.error(error)) else { return 1 }
                continue
            }
            let answered: Bool
            switch request {
            case .connect(let conninfo): answered = send(connect(conninfo))
            case .query(let sql, let parameters): answered = query(sql, parameters)
            }
            guard answered else { return 1 }
        }
    }

    // MARK: - Answers

    /// Queues a response and writes everything queued; `false` when writing failed.
    private mutating func send(_ response: ProxyProtocol.Response) -> Bool {
        do {
            try writer.write(response.frame)
            try writer.flush()
            return true
        } catch {
            return false
        }
    }

    /// Queues a row, writing when enough is queued; `false` when writing failed.
    private mutating func queue(_ values: [ProxyProtocol.Value]) -> Bool {
        do {
            try writer.write(ProxyProtocol.Response.row(values).frame)
            return true
        } catch {
            return false
        }
    }

    // MARK: - Connecting

    /// Connects as psql would: `PQconnectdbParams` with the connection string or URL expanded, so
    /// the PG* variables, the service file, ~/.pgpass and sslmode apply; a 10-second connect
    /// timeout unless the URL or PGCONNECT_TIMEOUT sets one; always UTF-8.
    private mutating func connect(_ conninfo: String) -> ProxyProtocol.Response {
        guard connection == nil else {
            return .error(.init(.request, "already connected: a proxy serves one connection"))
        }
        guard !conninfo.utf8.contains(0) else {
            return .error(.init(.connection, "the connection string holds a NUL character"))
        }
        var settings: [(String, String)] = [("fallback_application_name", "newsq")]
        if getenv("PGCONNECT_TIMEOUT") == nil { settings.append(("connect_timeout", "10")) }
        // Later settings win: the URL overrides the defaults above, not the encoding below.
        settings += [("dbname", conninfo), ("client_encoding", "UTF8")]
        let keywords = settings.map { strdup($0.0) } + [nil]
        let values = settings.map { strdup($0.1) } + [nil]
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let made = keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordBuffer in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valueBuffer in
                PQconnectdbParams(keywordBuffer.baseAddress, valueBuffer.baseAddress, 1)
            }
        }
        guard let made else { return .error(.init(.connection, "out of memory")) }
        guard PQstatus(made) == CONNECTION_OK else {
            let message = Self.oneLine(PQerrorMessage(made))
            PQfinish(made)
            return .error(.init(.connection, message.isEmpty ? "the connection failed" : message))
        }
        // Notices (such as "… does not exist, skipping") are not answers: dropped.
        PQsetNoticeProcessor(made, { _, _ in }, nil)
        connection = made
        newsq_set_cancel_target(made)
        let version = PQparameterStatus(made, "server_version").map { String(cString: $0) } ?? "\(PQserverVersion(made))"
        return .ready(version)
    }

    // MARK: - Querying

    /// Runs SQL, streaming its rows row by row (single-row mode); `false` when the answer could
    /// not be written.
    private mutating func query(_ sql: String, _ parameters: [ProxyProtocol.Value]) -> Bool {
        guard let connection else { return send(.error(.init(.request, "not connected: send a connect request first"))) }
        guard !sql.utf8.contains(0) else { return send(.error(.init(.statement, "the SQL holds a NUL character"))) }
        var types: [Oid] = []
        var texts: [UnsafeMutablePointer<CChar>?] = []
        defer { texts.forEach { free($0) } }
        for parameter in parameters {
            switch parameter {
            case .null:
                types.append(0)
                texts.append(nil)
            case .integer(let number):
                types.append(20)
                texts.append(strdup(String(number)))
            case .real(let number):
                types.append(701)
                texts.append(strdup(Self.text(of: number)))
            case .text(let text):
                guard !text.utf8.contains(0) else {
                    return send(.error(.init(.statement, "a text parameter holds a NUL character, which PostgreSQL text cannot")))
                }
                types.append(25)
                texts.append(strdup(text))
            }
        }
        let sent: Int32
        if parameters.isEmpty {
            sent = PQsendQuery(connection, sql)
        } else {
            sent = texts.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
                PQsendQueryParams(connection, sql, Int32(parameters.count), types, values.baseAddress, nil, nil, 0)
            }
        }
        guard sent == 1 else { return send(.error(failure(nil))) }
        _ = PQsetSingleRowMode(connection)
        var failed: ProxyProtocol.Failure?
        var tag = ""
        var writable = true
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK {
                if failed == nil && writable { writable = forward(rows: result) }
                if status == PGRES_TUPLES_OK { tag = PQcmdStatus(result).map { String(cString: $0) } ?? "" }
            } else if status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY {
                tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
            } else if status == PGRES_COPY_IN {
                _ = PQputCopyEnd(connection, "newsq-pg does not do COPY")
            } else if status == PGRES_COPY_OUT {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
                failed = failed ?? .init(.statement, "newsq-pg does not do COPY")
            } else {
                failed = failed ?? failure(result)
            }
        }
        guard writable else { return false }
        if PQstatus(connection) != CONNECTION_OK {
            // The server went away (a terminated backend, a restart): whatever came before.
            return send(.error(ProxyProtocol.Failure(.connection, sqlState: failed?.sqlState ?? "",
                                                     failed?.message ?? Self.oneLine(PQerrorMessage(connection)))))
        }
        return send(failed.map { .error($0) } ?? .done(tag))
    }

    /// Queues every row of a result, each value by its column's type; `false` when writing failed.
    private mutating func forward(rows result: OpaquePointer) -> Bool {
        let columns = PQnfields(result)
        let types = (0..<columns).map { PQftype(result, $0) }
        for row in 0..<PQntuples(result) {
            var values: [ProxyProtocol.Value] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, row, column))
                let text = PQgetvalue(result, row, column).withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
                values.append(Self.value(text, type: types[Int(column)]))
            }
            guard queue(values) else { return false }
        }
        return true
    }

    /// A value the server wrote as text, by its column's type: int2, int4, int8 and oid are
    /// integers, float4, float8 and numeric reals, bool 0 or 1, anything else text.
    static func value(_ text: String, type: Oid) -> ProxyProtocol.Value {
        switch type {
        case 20, 21, 23, 26:
            return Int64(text).map { .integer($0) } ?? .text(text)
        case 700, 701, 1700:
            switch text {
            case "NaN": return .real(.nan)
            case "Infinity": return .real(.infinity)
            case "-Infinity": return .real(-.infinity)
            default: return Double(text).map { .real($0) } ?? .text(text)
            }
        case 16:
            return .integer(text == "t" ? 1 : 0)
        default:
            return .text(text)
        }
    }

    /// A float8 parameter as PostgreSQL reads it back exactly (Swift's shortest round-trip digits).
    static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return "\(number)"
    }

    /// The failure a result (or, without one, the connection) reports.
    private func failure(_ result: OpaquePointer?) -> ProxyProtocol.Failure {
        func field(_ code: UInt8) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let lost = connection.map { PQstatus($0) != CONNECTION_OK } ?? true
        guard let primary = field(UInt8(ascii: "M")) else {
            let message = Self.oneLine(result.map { PQresultErrorMessage($0) } ?? connection.map { PQerrorMessage($0) } ?? nil)
            return .init(lost ? .connection : .statement, message.isEmpty ? "the query failed" : message)
        }
        var message = primary
        if let detail = field(UInt8(ascii: "D")) { message += " (\(detail))" }
        if let hint = field(UInt8(ascii: "H")) { message += "; hint: \(hint)" }
        return .init(lost ? .connection : .statement, sqlState: field(UInt8(ascii: "C")) ?? "", Self.oneLine(message))
    }

    /// A libpq message (several lines, tab-indented) on one line: its lines joined by "; ".
    static func oneLine(_ text: UnsafePointer<CChar>?) -> String {
        text.map { oneLine(String(cString: $0)) } ?? ""
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.drop { $0 == " " || $0 == "\t" } }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
