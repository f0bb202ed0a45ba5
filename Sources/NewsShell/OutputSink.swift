#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a ``Session`` writes text: a file descriptor, a buffer, or nowhere.
///
/// The process's streams are written with `write(2)` directly, never through C `stdio`
/// buffers, so standard output and standard error interleave in the order things happened.
/// A reader that goes away (`newsq -c quotes | head -1`) ends the process quietly, by `SIGPIPE`:
/// nothing in newsq ignores that signal, and if it was ignored or blocked when newsq started, a
/// write that fails with `EPIPE` restores the default action and raises it, so the outcome is
/// the same.
public struct OutputSink {
    private let writer: (String) -> Void

    /// A sink that hands every piece of text to `write`.
    public init(_ write: @escaping (String) -> Void) {
        writer = write
    }

    /// Writes `text` as it is (no line break is added).
    public func write(_ text: String) {
        writer(text)
    }

    /// Writes `text` and a line break.
    public func writeLine(_ text: String) {
        writer(text + "\n")
    }

    /// Standard output.
    public static var standardOutput: OutputSink { descriptor(STDOUT_FILENO) }

    /// Standard error.
    public static var standardError: OutputSink { descriptor(STDERR_FILENO) }

    /// A sink that drops everything.
    public static var discard: OutputSink { OutputSink { _ in } }

    /// A sink that writes to an open file descriptor with `write(2)`.
    public static func descriptor(_ descriptor: Int32) -> OutputSink {
        OutputSink { text in
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else {
                    if errno == EPIPE {
                        // The reader is gone and SIGPIPE was ignored or blocked: end as the
                        // default action would.
                        signal(SIGPIPE, SIG_DFL)
                        var signals = sigset_t()
                        sigemptyset(&signals)
                        sigaddset(&signals, SIGPIPE)
                        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
                        raise(SIGPIPE)
                    }
                    return
                }
            }
        }
    }
}

/// Text collected from an ``OutputSink``: for tests, and for comparing a script's output with
/// its expectations.
public final class OutputBuffer {
    /// Everything written since the buffer was made or last taken.
    public private(set) var text = ""

    /// Creates an empty buffer.
    public init() {}

    /// A sink that appends to this buffer.
    public var sink: OutputSink {
        OutputSink { [self] piece in text += piece }
    }

    /// Returns the text collected so far and empties the buffer.
    public func take() -> String {
        defer { text = "" }
        return text
    }
}

/// `write(2)`, under a name that ``OutputSink/write(_:)`` does not shadow.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
