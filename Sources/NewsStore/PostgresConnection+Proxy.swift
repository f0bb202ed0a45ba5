import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding and starting the `newsq-pg` proxy, and naming a server without its password.
extension PostgresConnection {
    /// The path of `newsq-pg`: `$NEWSQ_PG` when it is set (an explicit choice wins), else the one
    /// next to the running executable (`/proc/self/exe`'s folder, where `swift build` puts both),
    /// else the first on `PATH`.
    ///
    /// - Throws: ``StoreError`` when `NEWSQ_PG` names no executable file (no other is tried:
    ///   it was chosen), or when none is found, naming every place looked in and how to get one there.
    public static func locateProxy(environment: [String: String], executableFolder: String?) throws -> String {
        func usable(_ path: String) -> Bool {
            var status = stat()
            return access(path, X_OK) == 0 && stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR
        }
        if let path = environment["NEWSQ_PG"], !path.isEmpty {
            if usable(path) { return path }
            throw StoreError("NEWSQ_PG=\(path) is not an executable file: set NEWSQ_PG to the path of newsq-pg, the PostgreSQL "
                + "proxy newsq needs for postgresql:// corpora, or unset it to use the newsq-pg next to newsq or on PATH")
        }
        var looked = ["NEWSQ_PG (not set)"]
        if let folder = executableFolder {
            let path = folder + "/newsq-pg"
            if usable(path) { return path }
            looked.append(path)
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders where usable(folder + "/newsq-pg") {
            return folder + "/newsq-pg"
        }
        looked.append(folders.isEmpty ? "PATH (empty)" : "PATH (\(folders.joined(separator: ":")))")
        throw StoreError("cannot find newsq-pg, the PostgreSQL proxy newsq needs for postgresql:// corpora; looked in "
            + looked.joined(separator: ", ")
            + ". Build it (swift build -c release --product newsq-pg), then put it next to newsq or on PATH, or set NEWSQ_PG to its path")
    }

    /// The folder of the running executable, when the system says.
    static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, 4096)
        let path: String
        if count > 0 {
            path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else if let first = CommandLine.arguments.first, first.contains("/") {
            path = first
        } else {
            return nil
        }
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Starts the proxy with `stream` as its standard input and output, in a process group of
    /// its own (^C at the terminal is newsq's to handle) and the environment newsq has (PG*).
    static func spawn(_ path: String, stream: Int32, name: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stream, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stream, STDOUT_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)

        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var process: pid_t = 0
        let status = posix_spawn(&process, path, &actions, &attributes, arguments, environment)
        guard status == 0 else {
            throw StoreError("\(name): cannot start newsq-pg (\(path)): \(String(cString: strerror(status)))")
        }
        return process
    }

    // MARK: - Passwords

    /// The location as messages show it: a URL's password (`user:PASSWORD@`, `?password=…`)
    /// and a connection string's `password=…` replaced by `***`.
    public static func redacted(_ location: String) -> String {
        guard let scheme = location.range(of: "://") else {
            return maskingKeywordPasswords(location)
        }
        var rest = Substring(location[scheme.upperBound...])
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[mark...])
            rest = rest[..<mark]
        }
        // The last @ before the query ends the user part: a password may hold / or @ unencoded.
        if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
            rest = rest[..<colon] + ":***" + rest[at...]
        }
        if !query.isEmpty {
            let parameters = query.dropFirst().split(separator: "&", omittingEmptySubsequences: false).map { parameter in
                parameter.lowercased().hasPrefix("password=") ? "password=***" : String(parameter)
            }
            query = "?" + parameters.joined(separator: "&")
        }
        return String(location[..<scheme.upperBound]) + rest + query
    }

    /// The passwords a location holds, as written and percent-decoded, for scrubbing messages.
    static func passwords(in location: String) -> [String] {
        var found: [String] = []
        if let scheme = location.range(of: "://") {
            var rest = Substring(location[scheme.upperBound...])
            if let mark = rest.firstIndex(of: "?") {
                for parameter in rest[rest.index(after: mark)...].split(separator: "&") where parameter.lowercased().hasPrefix("password=") {
                    found.append(String(parameter.dropFirst("password=".count)))
                }
                rest = rest[..<mark]
            }
            if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                found.append(String(rest[rest.index(after: colon)..<at]))
            }
        } else {
            found += keywordPasswords(location).map { String(location[$0]) }
        }
        found += found.compactMap { $0.removingPercentEncoding }
        // Longest first, so that a password holding another is masked whole.
        return Array(Set(found.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    /// A `key=value` connection string with its password values masked.
    private static func maskingKeywordPasswords(_ text: String) -> String {
        var result = text
        for range in keywordPasswords(text).reversed() {
            result.replaceSubrange(range, with: "***")
        }
        return result
    }

    /// The ranges of the values of `password` in a `key=value` connection string (quoted or not).
    private static func keywordPasswords(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while let found = text.range(of: "password", options: .caseInsensitive, range: index..<text.endIndex) {
            index = found.upperBound
            var cursor = found.upperBound
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == "=" else { continue }
            cursor = text.index(after: cursor)
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            let start = cursor
            if cursor < text.endIndex, text[cursor] == "'" {
                cursor = text.index(after: cursor)
                while cursor < text.endIndex, text[cursor] != "'" {
                    if text[cursor] == "\\" { cursor = text.index(after: cursor) }
                    if cursor < text.endIndex { cursor = text.index(after: cursor) }
                }
                if cursor < text.endIndex { cursor = text.index(after: cursor) }
            } else {
                while cursor < text.endIndex, text[cursor] != " " { cursor = text.index(after: cursor) }
            }
            if start < cursor { ranges.append(start..<cursor) }
            index = cursor
        }
        return ranges
    }
}
