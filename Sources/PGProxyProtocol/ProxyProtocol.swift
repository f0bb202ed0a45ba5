#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The framing between a `PostgresConnection` (in newsq) and its `newsq-pg` proxy: requests on
/// the proxy's standard input, responses on its standard output. The whole protocol is here.
///
/// Every message is a **frame**: one type byte, the payload's length as a big-endian `UInt32`,
/// then the payload (at most ``maximumPayload`` bytes). Inside payloads, integers are big-endian,
/// a *string* is a `UInt32` byte count and that many UTF-8 bytes, and a *value* is tagged:
///
/// | tag | value | then |
/// |---|---|---|
/// | `N` | null | nothing |
/// | `I` | integer | `Int64` |
/// | `F` | real | the `Double`'s IEEE 754 bits as a `UInt64` |
/// | `T` | text | a string |
///
/// Requests:
/// - `C` connect — payload: the libpq connection string or `postgresql://` URL, all of it.
///   Answer: `R` or `E`.
/// - `Q` query — payload: the SQL as a string, a `UInt16` parameter count, the parameters as
///   values (`$1`, `$2`, … typed int8, float8 and text; a null's type is inferred). Without
///   parameters the SQL may hold several statements separated by `;`. Answer: any number of `D`,
///   then `Z` or `E`.
///
/// Responses:
/// - `R` ready — payload: the server's version (`15.18`).
/// - `D` row — payload: a `UInt16` column count, the values. Rows stream as the server sends them.
/// - `Z` done — payload: the last command's tag (`INSERT 0 1`), the end of a query's answer.
/// - `E` error — payload: a kind byte (``Failure/Kind``), the SQLSTATE as a string (empty when the
///   client library failed rather than the server), the message as a string. Ends the answer.
///
/// The end of the input ends the proxy (status 0); a malformed request is answered with an `E` of
/// kind `P` and the proxy reads on.
public enum ProxyProtocol {
    /// The largest payload either side sends or accepts (PostgreSQL's own limit for a value).
    public static let maximumPayload = 1 << 30

    /// A value in a row or a parameter.
    public enum Value: Sendable, Equatable, Hashable {
        /// NULL.
        case null
        /// A whole number (int2, int4, int8, oid; bool as 0 or 1).
        case integer(Int64)
        /// A fraction (float4, float8, numeric).
        case real(Double)
        /// Anything else, as the server writes it in text.
        case text(String)
    }

    /// An error answer.
    public struct Failure: Sendable, Equatable, Error {
        /// What failed.
        public enum Kind: UInt8, Sendable {
            /// The statement failed; the connection is fine (`S`).
            case statement = 0x53
            /// No connection: it could not be made, or it was lost (`C`).
            case connection = 0x43
            /// The request was malformed or out of place (`P`).
            case request = 0x50
        }

        /// What failed.
        public var kind: Kind
        /// The SQLSTATE code, empty when there is none.
        public var sqlState: String
        /// The message, on one line.
        public var message: String

        /// Creates a failure.
        public init(_ kind: Kind, sqlState: String = "", _ message: String) {
            self.kind = kind
            self.sqlState = sqlState
            self.message = message
        }
    }

    /// A request to the proxy.
    public enum Request: Sendable, Equatable {
        /// Connect with this connection string or URL.
        case connect(String)
        /// Run SQL with parameters.
        case query(String, [Value])
    }

    /// A response from the proxy.
    public enum Response: Sendable, Equatable {
        /// Connected; the server's version.
        case ready(String)
        /// One row.
        case row([Value])
        /// The query finished; its command tag.
        case done(String)
        /// The request failed.
        case error(Failure)
    }

    /// One frame: a type byte and a payload.
    public struct Frame: Sendable, Equatable {
        /// The type byte.
        public var type: UInt8
        /// The payload.
        public var payload: [UInt8]

        /// Creates a frame.
        public init(type: UInt8, payload: [UInt8]) {
            self.type = type
            self.payload = payload
        }

        /// The frame as sent: type, length, payload.
        public var bytes: [UInt8] {
            var bytes: [UInt8] = [type]
            bytes.reserveCapacity(payload.count + 5)
            Payload.append(UInt32(payload.count), to: &bytes)
            return bytes + payload
        }
    }

    /// Why a frame cannot be read or written.
    public enum StreamError: Error, Sendable, Equatable {
        /// The input ended inside a frame.
        case truncated
        /// A frame announced a payload over ``maximumPayload`` bytes; it was skipped.
        case tooLarge(Int)
        /// Reading or writing failed (errno).
        case system(Int32)
    }
}

extension ProxyProtocol.Request {
    /// The request as a frame.
    public var frame: ProxyProtocol.Frame {
        switch self {
        case .connect(let conninfo):
            return .init(type: 0x43, payload: Array(conninfo.utf8))
        case .query(let sql, let parameters):
            var payload: [UInt8] = []
            ProxyProtocol.Payload.append(string: sql, to: &payload)
            ProxyProtocol.Payload.append(UInt16(truncatingIfNeeded: parameters.count), to: &payload)
            for parameter in parameters { ProxyProtocol.Payload.append(parameter, to: &payload) }
            return .init(type: 0x51, payload: payload)
        }
    }

    /// The request a frame holds.
    ///
    /// - Throws: a ``ProxyProtocol/Failure`` of kind `request` saying what is wrong with it.
    public init(_ frame: ProxyProtocol.Frame) throws(ProxyProtocol.Failure) {
        var reader = ProxyProtocol.Payload(frame.payload)
        switch frame.type {
        case 0x43:
            self = .connect(String(decoding: frame.payload, as: UTF8.self))
        case 0x51:
            let sql = try reader.string()
            let count = Int(try reader.uint16())
            var parameters: [ProxyProtocol.Value] = []
            for _ in 0..<count { parameters.append(try reader.value()) }
            try reader.expectEnd()
            self = .query(sql, parameters)
        default:
            throw ProxyProtocol.Failure(.request, "unknown request type \(ProxyProtocol.describe(frame.type)) (expected C or Q)")
        }
    }
}

extension ProxyProtocol.Response {
    /// The response as a frame.
    public var frame: ProxyProtocol.Frame {
        var payload: [UInt8] = []
        switch self {
        case .ready(let version):
            payload = Array(version.utf8)
            return .init(type: 0x52, payload: payload)
        case .row(let values):
            ProxyProtocol.Payload.append(UInt16(truncatingIfNeeded: values.count), to: &payload)
            for value in values { ProxyProtocol.Payload.append(value, to: &payload) }
            return .init(type: 0x44, payload: payload)
        case .done(let tag):
            return .init(type: 0x5A, payload: Array(tag.utf8))
        case .error(let failure):
            payload.append(failure.kind.rawValue)
            ProxyProtocol.Payload.append(string: failure.sqlState, to: &payload)
            ProxyProtocol.Payload.append(string: failure.message, to: &payload)
            return .init(type: 0x45, payload: payload)
        }
    }

    /// The response a frame holds.
    ///
    /// - Throws: a ``ProxyProtocol/Failure`` of kind `request` when the frame is malformed.
    public init(_ frame: ProxyProtocol.Frame) throws(ProxyProtocol.Failure) {
        var reader = ProxyProtocol.Payload(frame.payload)
        switch frame.type {
        case 0x52: self = .ready(String(decoding: frame.payload, as: UTF8.self))
        case 0x5A: self = .done(String(decoding: frame.payload, as: UTF8.self))
        case 0x44:
            let count = Int(try reader.uint16())
            var values: [ProxyProtocol.Value] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try reader.value()) }
            try reader.expectEnd()
            self = .row(values)
        case 0x45:
            guard let kind = ProxyProtocol.Failure.Kind(rawValue: try reader.uint8()) else {
                throw ProxyProtocol.Failure(.request, "an error response of unknown kind")
            }
            let state = try reader.string()
            let message = try reader.string()
            try reader.expectEnd()
            self = .error(ProxyProtocol.Failure(kind, sqlState: state, message))
        default:
            throw ProxyProtocol.Failure(.request, "unknown response type \(ProxyProtocol.describe(frame.type))")
        }
    }
}

extension ProxyProtocol {
    /// A type byte as a message shows it: the letter, or its code.
    static func describe(_ type: UInt8) -> String {
        (0x21...0x7E).contains(type) ? "'\(Character(Unicode.Scalar(type)))'" : "0x\(String(type, radix: 16))"
    }

    /// Writing and reading payload fields.
    public struct Payload {
        private let bytes: [UInt8]
        private var offset = 0

        /// A reader over a payload.
        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        static func append<T: FixedWidthInteger>(_ number: T, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: number.bigEndian) { bytes.append(contentsOf: $0) }
        }

        static func append(string: String, to bytes: inout [UInt8]) {
            let utf8 = string.utf8
            append(UInt32(truncatingIfNeeded: utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }

        static func append(_ value: Value, to bytes: inout [UInt8]) {
            switch value {
            case .null: bytes.append(0x4E)
            case .integer(let number):
                bytes.append(0x49)
                append(number, to: &bytes)
            case .real(let number):
                bytes.append(0x46)
                append(number.bitPattern, to: &bytes)
            case .text(let text):
                bytes.append(0x54)
                append(string: text, to: &bytes)
            }
        }

        private mutating func take(_ count: Int, _ what: String) throws(Failure) -> ArraySlice<UInt8> {
            guard count >= 0, bytes.count - offset >= count else {
                throw Failure(.request, "a malformed frame: it ends inside \(what)")
            }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        private mutating func integer<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(Failure) -> T {
            var number: T = 0
            for byte in try take(MemoryLayout<T>.size, what) { number = number << 8 | T(byte) }
            return number
        }

        mutating func uint8() throws(Failure) -> UInt8 { try integer(UInt8.self, "a kind byte") }
        mutating func uint16() throws(Failure) -> UInt16 { try integer(UInt16.self, "a count") }

        mutating func string() throws(Failure) -> String {
            let count = Int(try integer(UInt32.self, "a string's length"))
            return String(decoding: try take(count, "a string"), as: UTF8.self)
        }

        mutating func value() throws(Failure) -> Value {
            let tag = try integer(UInt8.self, "a value's tag")
            switch tag {
            case 0x4E: return .null
            case 0x49: return .integer(try integer(Int64.self, "an integer"))
            case 0x46: return .real(Double(bitPattern: try integer(UInt64.self, "a real")))
            case 0x54: return .text(try string())
            default: throw Failure(.request, "a malformed frame: unknown value tag \(ProxyProtocol.describe(tag)) (expected N, I, F or T)")
            }
        }

        mutating func expectEnd() throws(Failure) {
            guard offset == bytes.count else {
                throw Failure(.request, "a malformed frame: \(bytes.count - offset) bytes after its last field")
            }
        }
    }
}
