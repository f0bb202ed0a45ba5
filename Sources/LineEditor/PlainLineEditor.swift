#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from standard input when it is not a terminal (a pipe, a file): no libedit, no
/// prompt, no echo, no history.
///
/// Lines end at `\n` (a `\r` before it is dropped); a last line without a line break is still
/// returned before ``LineResult/eof``. Bytes that are not UTF-8 are replaced with U+FFFD.
public final class PlainLineEditor: LineEditor {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    /// Ignored: plain input has no completion.
    public var completion: CompletionHandler?

    /// Creates an editor reading from `descriptor` (standard input by default).
    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// Reads the next line; `prompt` is not shown.
    public func readLine(prompt: String) -> LineResult {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .eof }
                let line = buffer
                buffer.removeAll()
                return .line(String(decoding: line, as: UTF8.self))
            }
            switch fill() {
            case .data: continue
            case .end: atEnd = true
            case .interrupted: return .interrupted
            }
        }
    }

    private enum FillResult { case data, end, interrupted }

    /// Reads what is available into the buffer.
    private func fill() -> FillResult {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return .data
            }
            if count == 0 { return .end }
            if errno == EINTR {
                if InterruptSignal.isPending { return .interrupted }
                continue
            }
            return .end
        }
    }

    /// Does nothing: piped input keeps no history.
    public func addHistory(_ entry: String) {}

    /// The terminal width if standard output is a terminal, else `nil`.
    public var width: Int? { TerminalInfo.width }

    /// The next line, read ahead; `nil` at the end of the input (or, on a terminal, when the
    /// line has not been typed yet).
    public func peekLine() -> String? {
        while !buffer.contains(UInt8(ascii: "\n")), !atEnd, isatty(descriptor) == 0 || TerminalInfo.hasPendingInput {
            switch fill() {
            case .data: continue
            case .end: atEnd = true
            case .interrupted: return nil
            }
        }
        guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else {
            return atEnd && !buffer.isEmpty ? String(decoding: buffer, as: UTF8.self) : nil
        }
        var line = buffer[..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Always `false`.
    public var isInteractive: Bool { false }
}
