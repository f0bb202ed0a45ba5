#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one call to ``LineEditor/readLine(prompt:)`` produced.
public enum LineResult: Sendable, Equatable {
    /// A line the user entered, without its line break. It may hold line breaks of its own when
    /// a multi-line history entry was recalled and entered.
    case line(String)
    /// The end of the input: ^D on an empty line, or the end of a pipe or file.
    case eof
    /// ^C while typing, or a signal that interrupted the read: the typed text is discarded.
    case interrupted
}

/// What a completion hook wants done to the line when the user presses Tab.
///
/// The editor replaces the ``replacing`` Unicode scalars before the cursor with
/// ``insertion``. When that changes nothing and there are several ``candidates``, it lists them
/// under the line instead; when there is nothing to insert and nothing to list, it beeps.
public struct CompletionReply: Sendable, Equatable {
    /// How many Unicode scalars before the cursor the insertion replaces.
    public var replacing: Int
    /// The text to put in their place: a unique match with what follows it (a space, a closing
    /// quote), or the longest prefix all candidates share.
    public var insertion: String
    /// The choices, as shown to the user when the insertion does not settle it.
    public var candidates: [String]

    /// Creates a reply.
    public init(replacing: Int, insertion: String, candidates: [String]) {
        self.replacing = replacing
        self.insertion = insertion
        self.candidates = candidates
    }
}

/// A completion hook: given the whole line and the cursor (counted in Unicode scalars from the
/// start of the line), what Tab should do; `nil` to beep.
public typealias CompletionHandler = (_ line: String, _ cursor: Int) -> CompletionReply?

/// Reads lines from the user: with editing, history and completion on a terminal
/// (``LibeditLineEditor``), or plainly from a pipe or file (``PlainLineEditor``).
///
/// Editors are used from one thread, the one running the REPL.
public protocol LineEditor: AnyObject {
    /// Shows `prompt` (a terminal editor; a plain one shows nothing) and reads one line.
    func readLine(prompt: String) -> LineResult

    /// Adds an entry to the history the up arrow and ^R search walk.
    func addHistory(_ entry: String)

    /// What Tab does; `nil` (the default) for nothing.
    var completion: CompletionHandler? { get set }

    /// The width of the terminal in columns, read now; `nil` when output is not a terminal.
    var width: Int? { get }

    /// The next line if it has already arrived whole (typed ahead, or the rest of a pasted
    /// block), without taking it; `nil` otherwise. The REPL looks ahead so that a pasted line
    /// starting with `|` continues the statement above it instead of failing on its own.
    func peekLine() -> String?

    /// Whether the editor reads from a terminal (and shows prompts).
    var isInteractive: Bool { get }
}

/// Process-wide terminal facts shared by the editors.
public enum TerminalInfo {
    /// The width of the terminal on standard output (else standard input) in columns, or `nil`
    /// when neither is a terminal.
    public static var width: Int? {
        for descriptor in [STDOUT_FILENO, STDIN_FILENO] where isatty(descriptor) == 1 {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return nil
    }

    /// Whether input is waiting on standard input right now (without blocking).
    public static var hasPendingInput: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Sets the locale from the environment so that multibyte (UTF-8) text is read and shown.
    ///
    /// libedit silently drops every non-ASCII character under the "C" locale ("café" → "caf"),
    /// so when the environment leaves `LC_CTYPE` at "C" or "POSIX", `C.UTF-8` is used instead.
    /// Call once, before creating an editor.
    public static func prepareLocale() {
        _ = setlocale(LC_ALL, "")
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Writes `text` to a file descriptor, whole, retrying short writes and interruptions.
    public static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
