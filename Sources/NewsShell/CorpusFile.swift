import NewsModel
import NewsStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opening a corpus: `newsq --db LOCATION` and `:open corpus.sqlite`.
///
/// A location is a SQLite file path. A corpus is created only when articles are being added to
/// it; opening one that does not exist, or a file that is no newsq corpus, is an error naming the
/// file and saying how to make one.
public enum CorpusFile {
    /// The file name endings taken for a corpus rather than an article.
    public static let suffixes = [".sqlite", ".sqlite3", ".db"]

    /// Whether `path` names a corpus: a file that starts as SQLite files do, or a name ending
    /// in one of ``suffixes``.
    public static func isCorpus(_ path: String) -> Bool {
        if suffixes.contains(where: { path.lowercased().hasSuffix($0) }) { return true }
        return hasSQLiteHeader(path)
    }

    /// Opens the corpus at `location`, creating it when `create` is set and it does not exist.
    public static func open(_ location: String, create: Bool) throws(StoreError) -> CorpusDatabase {
        if TextFile.isDirectory(location) {
            throw StoreError("\(location) is a folder, not a corpus file; give a file: newsq --db corpus.sqlite --add \(location)")
        }
        if TextFile.exists(location), !hasSQLiteHeader(location), fileSize(location) > 0 {
            throw StoreError("\(location) is not a newsq corpus (not a SQLite file); give another name to create a corpus, "
                + "or open an article with --article \(location)")
        }
        do {
            let connection = try SQLiteConnection(path: location, create: create)
            return try CorpusDatabase(connection: connection, name: location, create: create)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(location): cannot open the corpus: \(error)")
        }
    }

    /// `1 article`, `2,225 articles`.
    public static func articles(_ count: Int) -> String {
        "\(CorpusIngest.Summary.grouped(count)) article\(count == 1 ? "" : "s")"
    }

    /// The summary `:article` shows for a corpus.
    public static func describe(_ summary: CorpusDatabase.Summary, location: String) -> String {
        var lines = ["corpus \(location): \(articles(summary.articles))"]
        if let first = summary.first, let last = summary.last {
            lines.append("  published: \(first.iso == last.iso ? first.iso : "\(first.iso) … \(last.iso)")")
        }
        let named = summary.sources.filter { !$0.source.isEmpty }
        let shown = named.prefix(5).map { "\($0.source) (\(CorpusIngest.Summary.grouped($0.articles)))" }
        if !shown.isEmpty {
            lines.append("  sources: " + shown.joined(separator: ", ") + (named.count > 5 ? ", … \(named.count - 5) more" : ""))
        }
        func counted(_ count: Int, _ noun: String) -> String {
            "\(CorpusIngest.Summary.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
        }
        lines.append("  " + [counted(summary.statements, "statement"), counted(summary.actors, "actor"), counted(summary.events, "event")]
            .joined(separator: ", "))
        lines.append("  one article: :article ID (its summary), :article ID N|all (its paragraphs)")
        return lines.joined(separator: "\n")
    }

    private static func hasSQLiteHeader(_ path: String) -> Bool {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 16) }
        return count == 16 && header == Array("SQLite format 3\0".utf8)
    }

    private static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }
}

/// `open(2)` for reading (a free function: inside ``CorpusFile`` the name `open` is its own).
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY)
}
