#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file as UTF-8 text with the C library, so the executable needs no Foundation.
enum FileText {
    /// Why a file could not be read.
    struct Failure: Error, CustomStringConvertible {
        /// The system's explanation, e.g. "No such file or directory".
        var description: String
    }

    /// The file's contents; fails for a missing or unreadable file, a directory, or invalid UTF-8.
    static func read(_ path: String) throws(Failure) -> String {
        guard let file = fopen(path, "rb") else {
            throw Failure(description: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count {
                if ferror(file) != 0 {
                    throw Failure(description: "cannot read: \(String(cString: strerror(errno)))")
                }
                break
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: "not valid UTF-8 text")
        }
        return text
    }
}
