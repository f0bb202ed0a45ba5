#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's history on disk: one entry per line, appended as each entry is entered, so that a
/// crash loses nothing and two sessions running at once both keep their entries.
///
/// The file lives at `$NEWSQ_HISTORY` when that is set (an empty value turns history off), else
/// `$XDG_STATE_HOME/newsq/history`, else `~/.local/state/newsq/history` (see
/// ``defaultPath(environment:)``). Its folder is created when missing (mode 0700) and the file
/// has mode 0600: queries can hold what a user is investigating.
///
/// The format is one entry per line, with `\` written `\\` and a line break `\n` (a carriage
/// return `\r`), so a multi-line statement is one entry. Appends and compaction hold an
/// exclusive `flock` on the file. The file keeps at most twice ``capacity`` entries: past that
/// it is rewritten in place with the newest ``capacity``.
///
/// An entry equal to the one before it, an empty entry and an entry starting with a space are
/// not kept. The password of a PostgreSQL URL in an entry (`:open postgresql://USER:PASSWORD@…`)
/// is never kept: entries are stored, and listed, with it masked as `***`
/// (``CorpusFile/maskingServerPasswords(in:)``). A file that cannot be read or written is one
/// warning, never an error.
public final class HistoryStore {
    /// The default number of entries kept.
    public static let defaultCapacity = 1000

    /// The history file.
    public let path: String
    /// The most entries ``entries`` holds and a compacted file keeps.
    public let capacity: Int
    /// The entries, oldest first: those read at start-up, then those added since.
    public private(set) var entries: [String] = []

    private let warn: (String) -> Void
    /// Lines in the file as far as this session knows: those read plus those appended.
    private var linesInFile = 0
    /// Whether writing already failed (warned once; later entries are only kept in memory).
    private var writeFailed = false

    /// Opens the history at `path` and reads its entries.
    ///
    /// - Parameters:
    ///   - path: The history file; it is created on the first entry.
    ///   - capacity: The most entries kept (at least 1).
    ///   - warn: Where a one-line warning goes when the file cannot be read or written
    ///     (standard error by default).
    public init(path: String, capacity: Int = HistoryStore.defaultCapacity,
                warn: @escaping (String) -> Void = HistoryStore.warnOnStandardError) {
        self.path = path
        self.capacity = max(1, capacity)
        self.warn = warn
        load()
    }

    /// Where history is kept according to `environment`, or `nil` when it is turned off
    /// (`NEWSQ_HISTORY` set to an empty value, or no home folder to put it in).
    public static func defaultPath(environment: [String: String]) -> String? {
        if let explicit = environment["NEWSQ_HISTORY"] { return explicit.isEmpty ? nil : explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/newsq/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state/newsq/history"
    }

    /// The process's environment as a dictionary, for ``defaultPath(environment:)``.
    public static var processEnvironment: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// Whether `entry` would be kept: not empty, not starting with a space, not equal to the
    /// last entry.
    public func accepts(_ entry: String) -> Bool {
        !entry.isEmpty && !entry.hasPrefix(" ") && !entry.allSatisfy(\.isWhitespace) && entry != entries.last
    }

    /// Adds `entry` (see ``accepts(_:)``), any server password in it masked, and appends it to
    /// the file at once; returns whether it was kept.
    @discardableResult
    public func add(_ entry: String) -> Bool {
        let entry = CorpusFile.maskingServerPasswords(in: entry)
        guard accepts(entry) else { return false }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        append(entry)
        return true
    }

    // MARK: - The file format

    /// `entry` as one line of the file (without its line break).
    public static func encode(_ entry: String) -> String {
        var line = ""
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// The entry one line of the file holds; an unknown escape is kept as written.
    public static func decode(_ line: Substring) -> String {
        var entry = ""
        var escaping = false
        for scalar in line.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": entry += "\n"
                case "r": entry += "\r"
                case "\\": entry += "\\"
                default: entry += "\\" + String(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                entry.unicodeScalars.append(scalar)
            }
        }
        if escaping { entry += "\\" }
        return entry
    }

    // MARK: - Reading and writing

    private func load() {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno != ENOENT && errno != ENOTDIR { warn("cannot read history file \(path): \(Self.describeErrno())") }
            return
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            warn("cannot read history file \(path): \(Self.describeErrno())")
            return
        }
        let kind = status.st_mode & S_IFMT
        // A device, FIFO or socket (`/dev/null`, `/dev/zero`…) holds no history to read: reading
        // `/dev/zero` would never end. Writing to it is still tried.
        guard kind == S_IFREG || kind == S_IFDIR else { return }
        // Only the newest part of a huge file can matter: at most ``capacity`` entries are kept.
        let isCut = kind == S_IFREG && status.st_size > Self.maximumBytesRead
        if isCut { _ = lseek(descriptor, off_t(status.st_size - Self.maximumBytesRead), SEEK_SET) }
        guard var text = Self.readAll(descriptor) else {
            warn("cannot read history file \(path): \(Self.describeErrno())")
            return
        }
        if isCut, let newline = text.firstIndex(of: "\n") {
            text = String(text[text.index(after: newline)...])  // the first line was cut
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        linesInFile = lines.count
        for line in lines {
            // A file written by another program, or by hand, may hold a password: it is not shown.
            let entry = CorpusFile.maskingServerPasswords(in: Self.decode(line))
            if accepts(entry) { entries.append(entry) }
        }
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// Appends one entry under an exclusive lock, compacting the file when it has grown past
    /// twice the capacity.
    private func append(_ entry: String) {
        guard !writeFailed else { return }
        guard createFolder() else { return failWrite() }
        // O_NONBLOCK: a FIFO without a reader fails at once (ENXIO) instead of blocking.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return failWrite() }
        defer { close(descriptor) }
        _ = fchmod(descriptor, 0o600)
        _ = flock(descriptor, LOCK_EX)
        defer { _ = flock(descriptor, LOCK_UN) }
        guard Self.writeAll(descriptor, Self.encode(entry) + "\n") else { return failWrite() }
        linesInFile += 1
        if linesInFile > 2 * capacity { compact() }
    }

    /// Rewrites the file with its newest ``capacity`` entries. Called with the lock held; the
    /// file is rewritten in place so that the lock (held on this inode) keeps other sessions out.
    private func compact() {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard let text = Self.readAll(descriptor) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(capacity)
        let kept = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else { return }
        if Self.writeAll(descriptor, kept) { linesInFile = lines.count }
    }

    /// Creates the folders above the file (mode 0700) that are missing.
    private func createFolder() -> Bool {
        var folders: [String] = []
        var folder = path
        while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            folder = String(folder[..<slash])
            folders.append(folder)
        }
        for folder in folders.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            return false
        }
        return true
    }

    private func failWrite() {
        writeFailed = true
        warn("cannot write history file \(path): \(Self.describeErrno()); history will not be saved")
    }

    /// The most of a history file read at start-up: its last 16 MB.
    static let maximumBytesRead = 16 << 20

    private static func readAll(_ descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }

    /// Writes `message` as `newsq: warning: MESSAGE` on standard error.
    public static func warnOnStandardError(_ message: String) {
        let line = Array("newsq: warning: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
