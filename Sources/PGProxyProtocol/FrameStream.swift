#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads ``ProxyProtocol/Frame``s from a file descriptor (a pipe or a socket), buffered.
public struct FrameReader {
    private let descriptor: Int32
    /// Bytes read and not yet taken are `storage[start..<end]`.
    private var storage = [UInt8](repeating: 0, count: 65_536)
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// A reader of `descriptor`, which it does not close.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether bytes are read and waiting: the next frame may need no read (so waiting for the
    /// descriptor to be readable would be wrong).
    public var hasBufferedBytes: Bool { end > start }

    /// The next frame; `nil` when the input ends between frames.
    ///
    /// - Throws: ``ProxyProtocol/StreamError``: `truncated` when it ends inside one, `tooLarge`
    ///   for a frame over ``ProxyProtocol/maximumPayload`` (skipped, so the next call reads the
    ///   frame after it), `system` when reading fails.
    public mutating func next() throws(ProxyProtocol.StreamError) -> ProxyProtocol.Frame? {
        guard try fill(5) else {
            if end == start { return nil }
            throw .truncated
        }
        let type = storage[start]
        var length = 0
        for offset in 1...4 { length = length << 8 | Int(storage[start + offset]) }
        start += 5
        guard length <= ProxyProtocol.maximumPayload else {
            try skip(length)
            throw .tooLarge(length)
        }
        guard try fill(length) else { throw .truncated }
        let payload = Array(storage[start..<(start + length)])
        start += length
        if storage.count > 1 << 22 && start == end {
            // A huge frame is not kept around.
            storage = [UInt8](repeating: 0, count: 65_536)
            start = 0
            end = 0
        }
        return ProxyProtocol.Frame(type: type, payload: payload)
    }

    /// Reads until `count` bytes are buffered; `false` when the input ends first.
    private mutating func fill(_ count: Int) throws(ProxyProtocol.StreamError) -> Bool {
        guard end - start < count else { return true }
        // Room for the whole frame after what is buffered, moved to the front.
        if start > 0 {
            let buffered = end - start
            storage.withUnsafeMutableBufferPointer { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, buffered)
            }
            start = 0
            end = buffered
        }
        if storage.count < count {
            storage += [UInt8](repeating: 0, count: count - storage.count)
        }
        while end < count {
            if atEnd { return false }
            let got = storage.withUnsafeMutableBufferPointer { bytes in
                read(descriptor, bytes.baseAddress! + end, bytes.count - end)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if got == 0 { atEnd = true }
            end += got
        }
        return true
    }

    /// Reads and drops `count` bytes (or up to the end of the input).
    private mutating func skip(_ count: Int) throws(ProxyProtocol.StreamError) {
        var left = count
        while left > 0 {
            if end == start {
                _ = try fill(min(left, storage.count))
                if end == start { return }
            }
            let dropped = min(end - start, left)
            start += dropped
            left -= dropped
        }
    }
}

/// Writes ``ProxyProtocol/Frame``s to a file descriptor, buffered until ``flush()`` (or 64 KiB).
///
/// On a socket it sends with `MSG_NOSIGNAL`, so a peer that is gone is an error (`EPIPE`), not
/// a `SIGPIPE` that would end the process.
public struct FrameWriter {
    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// A writer to `descriptor`, which it does not close.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Queues a frame, writing when 64 KiB are queued.
    public mutating func write(_ frame: ProxyProtocol.Frame) throws(ProxyProtocol.StreamError) {
        pending.append(frame.type)
        let length = UInt32(truncatingIfNeeded: frame.payload.count)
        withUnsafeBytes(of: length.bigEndian) { pending.append(contentsOf: $0) }
        pending.append(contentsOf: frame.payload)
        if pending.count >= 65_536 { try flush() }
    }

    /// Writes everything queued.
    public mutating func flush() throws(ProxyProtocol.StreamError) {
        var sent = 0
        defer { pending.removeAll(keepingCapacity: pending.count <= 1 << 20) }
        while sent < pending.count {
            let count = pending.withUnsafeBytes { raw in
                Self.send(descriptor, raw.baseAddress! + sent, raw.count - sent)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            sent += count
        }
    }

    private static func send(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if os(Linux)
            let sent = Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
            if sent >= 0 || errno != ENOTSOCK { return sent }
        #endif
        return Self.write(descriptor, bytes, count)
    }

    private static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }
}
