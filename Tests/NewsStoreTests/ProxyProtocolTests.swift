import Foundation
import NewsStore
import PGProxyProtocol
import Testing

/// The `newsq-pg` proxy spoken to directly: its framing, what it does with bad input (answers
/// and reads on, never crashes), the end of its input, and — with a server — NULLs, types,
/// unicode and large rows.
@Suite("The newsq-pg proxy")
struct ProxyProtocolTests {
    typealias Value = ProxyProtocol.Value

    /// The proxy built next to this test bundle.
    static func proxy() throws -> String {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return try PostgresConnection.locateProxy(environment: ProcessInfo.processInfo.environment,
                                                  executableFolder: (executable as NSString).deletingLastPathComponent)
    }

    struct Run {
        var status: Int32
        var responses: [ProxyProtocol.Response]
        /// Bytes after the last whole frame (none when the proxy answers properly).
        var leftover: Int
        var stderr: String
    }

    /// Runs the proxy on `input` (written while its answers are read) until it exits.
    static func run(_ input: [UInt8], arguments: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try proxy())
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        let data = Data(input)
        let written = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        written.start()
        let output = [UInt8](stdout.fileHandleForReading.readDataToEndOfFile())
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var responses: [ProxyProtocol.Response] = []
        var offset = 0
        while output.count - offset >= 5 {
            let length = output[(offset + 1)..<(offset + 5)].reduce(0) { $0 << 8 | Int($1) }
            guard output.count - offset - 5 >= length else { break }
            let frame = ProxyProtocol.Frame(type: output[offset], payload: Array(output[(offset + 5)..<(offset + 5 + length)]))
            responses.append(try ProxyProtocol.Response(frame))
            offset += 5 + length
        }
        return Run(status: process.terminationStatus, responses: responses, leftover: output.count - offset,
                   stderr: String(decoding: errors, as: UTF8.self))
    }

    static func frames(_ requests: ProxyProtocol.Request...) -> [UInt8] {
        requests.flatMap(\.frame.bytes)
    }

    /// The kind and message of an error response.
    static func failure(_ response: ProxyProtocol.Response?) -> (ProxyProtocol.Failure.Kind, String)? {
        if case .error(let failure) = response { return (failure.kind, failure.message) }
        return nil
    }

    // MARK: - Without a server

    @Test func framesRoundTrip() throws {
        let values: [Value] = [.null, .integer(.min), .integer(.max), .real(-0.0), .real(1e300), .real(.infinity),
                               .text(""), .text("héllo 😀 日本語 שלום\u{1}")]
        let requests: [ProxyProtocol.Request] = [.connect("postgresql://u@h/db"), .query("SELECT $1", values), .query("", [])]
        for request in requests {
            #expect(try ProxyProtocol.Request(request.frame) == request)
        }
        let responses: [ProxyProtocol.Response] = [.ready("15.18"), .row(values), .row([]), .done("INSERT 0 1"),
                                                   .error(.init(.statement, sqlState: "42703", "column \"x\" does not exist"))]
        for response in responses {
            #expect(try ProxyProtocol.Response(response.frame) == response)
        }
        // NaN is not equal to itself: compared by its bits.
        if case .row(let row) = try ProxyProtocol.Response(ProxyProtocol.Response.row([.real(.nan)]).frame), case .real(let number) = row[0] {
            #expect(number.isNaN)
        } else {
            Issue.record("a NaN did not come back as a real")
        }
        // The layout: type, big-endian length, payload.
        #expect(ProxyProtocol.Request.connect("ab").frame.bytes == [0x43, 0, 0, 0, 2, 0x61, 0x62])
        #expect(ProxyProtocol.Response.row([.integer(1)]).frame.bytes == [0x44, 0, 0, 0, 11, 0, 1, 0x49, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func malformedPayloadsAreRefusedWithReasons() {
        func refusal(_ type: UInt8, _ payload: [UInt8]) -> String? {
            do {
                _ = try ProxyProtocol.Request(ProxyProtocol.Frame(type: type, payload: payload))
                return nil
            } catch {
                return error.message
            }
        }
        #expect(refusal(0x58, []) == "unknown request type 'X' (expected C or Q)")
        #expect(refusal(0x00, []) == "unknown request type 0x0 (expected C or Q)")
        #expect(refusal(0x51, [0, 0, 0, 9, 0x53]) == "a malformed frame: it ends inside a string")
        #expect(refusal(0x51, [0, 0, 0, 0, 0, 1, 0x5A]) == "a malformed frame: unknown value tag 'Z' (expected N, I, F or T)")
        #expect(refusal(0x51, [0, 0, 0, 0, 0, 1, 0x49, 1, 2]) == "a malformed frame: it ends inside an integer")
        #expect(refusal(0x51, [0, 0, 0, 0, 0, 0, 7, 7]) == "a malformed frame: 2 bytes after its last field")
    }

    @Test func theEndOfTheInputEndsItWithStatusZero() throws {
        let empty = try Self.run([])
        #expect(empty.status == 0)
        #expect(empty.responses.isEmpty && empty.leftover == 0)
        #expect(empty.stderr == "")
        // Inside a frame: an answer saying so, then the same end.
        let truncated = try Self.run([0x51, 0, 0, 0, 10, 1, 2, 3])
        #expect(truncated.status == 0)
        #expect(Self.failure(truncated.responses.first)! == (.request, "a malformed frame: the input ended inside it"))
        #expect(truncated.responses.count == 1 && truncated.leftover == 0)
    }

    @Test func badFramesAreAnsweredAndTheProxyReadsOn() throws {
        var input: [UInt8] = [0x58, 0, 0, 0, 3, 1, 2, 3]  // an unknown type
        input += [0x51, 0, 0, 0, 7, 0, 0, 0, 0, 0, 1, 0x3F]  // an unknown value tag
        input += Self.frames(.query("SELECT 1", []))  // well formed, but before any connect
        input += Self.frames(.connect("host=127.0.0.1 port=1 \u{0}"))  // a NUL in the connection string
        input += [0xFF, 0, 0, 0, 0]  // an unknown type without payload
        input += [0x51, 0x7F, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0x41, count: 1000)  // too large: skipped to the end
        let run = try Self.run(input)
        #expect(run.status == 0)
        #expect(run.leftover == 0)
        let failures = run.responses.map { Self.failure($0).map { "\($0.0): \($0.1)" } ?? "not an error: \($0)" }
        #expect(failures == [
            "request: unknown request type 'X' (expected C or Q)",
            "request: a malformed frame: unknown value tag '?' (expected N, I, F or T)",
            "request: not connected: send a connect request first",
            "connection: the connection string holds a NUL character",
            "request: unknown request type 0xff (expected C or Q)",
            "request: a malformed frame: a payload of 2147483647 bytes (at most 1073741824)",
        ])
    }

    @Test func aRefusedConnectionIsAnsweredQuickly() throws {
        let started = Date()
        let run = try Self.run(Self.frames(.connect("postgresql://nobody@127.0.0.1:1/none"), .query("SELECT 1", [])))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(run.status == 0)
        let (kind, message) = try #require(Self.failure(run.responses.first))
        #expect(kind == .connection)
        #expect(message.contains("127.0.0.1") && message.contains("port 1") && message.contains("refused"))
        #expect(!message.contains("\n"))
        #expect(Self.failure(run.responses.last)! == (.request, "not connected: send a connect request first"))
    }

    @Test func itSaysWhatItIsWhenRunByHand() throws {
        let help = try Self.run([], arguments: ["--help"])
        #expect(help.status == 0)
        #expect(help.stderr == "")
        let wrong = try Self.run([], arguments: ["postgresql://somewhere"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("newsq-pg: the PostgreSQL proxy of newsq"))
    }
}

/// The proxy against the server in `NEWSQ_TEST_POSTGRES`.
@Suite("The newsq-pg proxy with a server", .enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct ProxyServerTests {
    typealias Value = ProxyProtocol.Value

    /// The answers to `requests` after connecting, each query's rows and its end grouped.
    func answers(_ requests: [ProxyProtocol.Request]) throws -> [[ProxyProtocol.Response]] {
        let url = try PostgresTestServer.serverURL()
        let run = try ProxyProtocolTests.run(([.connect(url)] + requests).flatMap(\.frame.bytes))
        #expect(run.status == 0)
        #expect(run.leftover == 0)
        var groups: [[ProxyProtocol.Response]] = [], group: [ProxyProtocol.Response] = []
        for response in run.responses {
            group.append(response)
            switch response {
            case .row: continue
            default:
                groups.append(group)
                group = []
            }
        }
        if !group.isEmpty { groups.append(group) }
        guard case .ready = groups.first?.first else {
            Issue.record("no ready answer to the connect request: \(groups.first ?? [])")
            return []
        }
        return Array(groups.dropFirst())
    }

    @Test func valuesComeBackByTheirColumnsTypes() throws {
        let text = "héllo wörld 😀 日本語 שלום e\u{301}"
        let answers = try answers([
            .query("SELECT 1::int2, 2::int4, 3::int8, 4::oid, 1.5::float4, 2.25::float8, 3.125::numeric, true, false, NULL, "
                + "'\(text)'::text, DATE '2026-02-04', '{\"a\": 1}'::json, 'NaN'::float8, '-Infinity'::float8", []),
            .query("SELECT $1::int8, $2::float8, $3::text, $4::text, $5::float8, $6", [.integer(.min), .real(0.1), .text(text), .null,
                                                                                         .real(-.infinity), .text("untyped")]),
        ])
        #expect(answers.count == 2)
        let first = try #require(answers.first)
        guard case .row(let values) = first.first else { Issue.record("no row: \(first)"); return }
        #expect(Array(values[0..<13]) == [.integer(1), .integer(2), .integer(3), .integer(4), .real(1.5), .real(2.25), .real(3.125),
                                          .integer(1), .integer(0), .null, .text(text), .text("2026-02-04"), .text("{\"a\": 1}")])
        if case .real(let nan) = values[13] { #expect(nan.isNaN) } else { Issue.record("NaN came back as \(values[13])") }
        #expect(values[14] == .real(-.infinity))
        #expect(first.last == .done("SELECT 1"))
        #expect(answers.last == [.row([.integer(.min), .real(0.1), .text(text), .null, .real(-.infinity), .text("untyped")]), .done("SELECT 1")])
    }

    @Test func largeValuesAndManyRowsStream() throws {
        let big = String(repeating: "é", count: 3_000_000)  // 6 MB
        let answers = try answers([
            .query("SELECT repeat('é', 3000000)", []),
            .query("SELECT g, repeat('x', g % 50) FROM generate_series(1, 20000) g", []),
            .query("SELECT length($1), octet_length($1)", [.text(big)]),
        ])
        #expect(answers.count == 3)
        #expect(answers.first == [.row([.text(big)]), .done("SELECT 1")])
        let many = answers.dropFirst().first ?? []
        #expect(many.count == 20_001)
        #expect(many[19_999] == .row([.integer(20_000), .text("")]))
        #expect(many.last == .done("SELECT 20000"))
        #expect(answers.last == [.row([.integer(3_000_000), .integer(6_000_000)]), .done("SELECT 1")])
    }

    @Test func aFailedStatementLeavesTheConnectionUsable() throws {
        let answers = try answers([
            .query("SELECT nope", []),
            .query("SELECT $1::text", [.text("a\u{0}b")]),
            .query("CREATE TEMP TABLE t (a int); INSERT INTO t VALUES (1), (2); SELECT a FROM t ORDER BY a", []),
            .query("", []),
            .query("SELECT 1 WHERE false", []),
        ])
        let refused = try #require(answers.first?.first)
        guard case .error(let failure) = refused else { Issue.record("not an error: \(refused)"); return }
        #expect(failure == .init(.statement, sqlState: "42703", "column \"nope\" does not exist"))
        #expect(ProxyProtocolTests.failure(answers[1].first)! == (.statement, "a text parameter holds a NUL character, which PostgreSQL text cannot"))
        #expect(answers[2] == [.row([.integer(1)]), .row([.integer(2)]), .done("SELECT 2")])
        #expect(answers[3] == [.done("")])
        #expect(answers[4] == [.done("SELECT 0")])
    }
}
