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

    /// The bytes of the file at `path` (`-` reads standard input to its end), at most
    /// ``maximumBytes``; no decoding.
    public static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        if path == "-" { return try readAll(STDIN_FILENO, what: "cannot read standard input") }
        if isDirectory(path) { throw Failure("is a directory") }
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_NONBLOCK)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw Failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw Failure("is not a regular file")
        }
        return try readAll(descriptor, what: "cannot read")
    }

    /// Standard input, read to its end.
    public static func readStandardInput() throws(Failure) -> String {
        try decode(readAll(STDIN_FILENO, what: "cannot read standard input"))
    }

    /// The most bytes ``read(_:)`` and ``readStandardInput()`` take: 256 MB. A script or model
    /// file is far smaller; without a limit `newsq /dev/zero` or `yes | newsq` would read until
    /// memory ran out.
    public static let maximumBytes = 256 << 20

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
            guard bytes.count + count <= maximumBytes else {
                throw Failure("too large: more than \(maximumBytes >> 20) MB, the most newsq reads from a file or standard input")
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Writes `text` to the file at `path`, replacing it: a file written over keeps its permissions,
    /// a new one is created with mode 0644 (less the umask).
    ///
    /// The text goes to a temporary file beside `path` that is then renamed over it, so a
    /// failure part-way (a full disk, a killed process) never leaves a truncated file.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let temporary = path + ".newsq-\(getpid())-tmp"
        guard let file = fopen(temporary, "wb") else { throw Failure(String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        let message = String(cString: strerror(errno))
        fclose(file)
        guard written == bytes.count, flushed else {
            unlink(temporary)
            throw Failure("cannot write: \(message)")
        }
        // A file written over keeps its permissions (an executable script stays executable).
        var existing = stat()
        if stat(path, &existing) == 0 { chmod(temporary, existing.st_mode & 0o7777) }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure("cannot write: \(message)")
        }
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
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        throw Failure("not valid UTF-8 text (first bad byte at offset \(offset))")
    }

    /// The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for position in 1..<length {
                guard index + position < bytes.count else { return index }
                let byte = bytes[index + position]
                let (low, high) = position == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard low <= byte && byte <= high else { return index + position }
            }
            index += length
        }
        return nil
    }
}

/// `read(2)`, under a name that ``TextFile/read(_:)`` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
