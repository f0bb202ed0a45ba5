#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files and paths through the C library, so the shell needs no Foundation: reading and writing
/// whole UTF-8 text files, listing script files under a folder, and joining relative paths.
public enum TextFile {
    /// Why a file could not be read or written: the system's explanation ("No such file or
    /// directory") or "not valid UTF-8 text".
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The explanation, without the path.
        public var description: String

        /// Creates a failure.
        public init(_ description: String) {
            self.description = description
        }
    }

    /// The contents of the file at `path` (`-` reads standard input to its end).
    ///
    /// - Throws: ``Failure`` for a missing or unreadable file, a folder, or invalid UTF-8.
    public static func read(_ path: String) throws(Failure) -> String {
        if path == "-" { return try readStandardInput() }
        if isDirectory(path) { throw Failure("is a directory") }
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw Failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try decode(readAll(descriptor, what: "cannot read"))
    }

    /// Standard input, read to its end.
    public static func readStandardInput() throws(Failure) -> String {
        try decode(readAll(STDIN_FILENO, what: "cannot read standard input"))
    }

    /// Every byte until the end of `descriptor`; a read interrupted by a signal is retried.
    private static func readAll(_ descriptor: Int32, what: String) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure("\(what): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Writes `text` to the file at `path`, replacing it (created with mode 0644 if missing).
    public static func write(_ text: String, to path: String) throws(Failure) {
        guard let file = fopen(path, "wb") else { throw Failure(String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0
        let message = String(cString: strerror(errno))
        fclose(file)
        guard written == bytes.count, flushed else { throw Failure("cannot write: \(message)") }
    }

    /// Whether `path` names a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// The files under `folder` (and its subfolders, hidden ones skipped) whose names end with
    /// `suffix`, sorted by path.
    public static func files(under folder: String, withSuffix suffix: String) throws(Failure) -> [String] {
        guard let directory = opendir(folder) else { throw Failure(String(cString: strerror(errno))) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        var found: [String] = []
        for name in names.sorted() {
            let path = join(folder, name)
            if isDirectory(path) {
                found += try files(under: path, withSuffix: suffix)
            } else if name.hasSuffix(suffix) {
                found.append(path)
            }
        }
        return found
    }

    /// The folder part of `path` (`"."` when it has none, `"/"` for a file at the root).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` taken relative to `folder`: absolute paths and paths relative to `"."` unchanged.
    public static func join(_ folder: String, _ path: String) -> String {
        if path.hasPrefix("/") || folder == "." || folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// The absolute, symlink-free form of an existing `path`, for telling whether two paths
    /// name the same file; `path` itself when it cannot be resolved.
    public static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure("not valid UTF-8 text") }
        return text
    }
}

/// `read(2)`, under a name that ``TextFile/read(_:)`` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
