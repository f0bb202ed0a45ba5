import Dispatch
import NewsExtraction
import NewsModel
import NewsStore
import Synchronization

/// Adds articles to a corpus: `newsq --db FILE --add PATH…` and the shell's `:add`.
///
/// Paths are files and folders (read recursively: `.txt`, `.md`, `.markdown`, `.json`, `.sgm`,
/// `.html`, `.htm`),
/// or `-` for a list of paths on standard input. A text, Markdown or HTML file is one article,
/// extracted (a web page's main text and metadata first); a `.json` file is a model; a Reuters-21578 `.sgm` file holds many stories, each an
/// article. Extraction runs on every core; articles are written in batches of
/// ``batchSize``, each batch one transaction, so a killed process leaves whole batches and
/// running it again finishes the job: a file already added with the same content (its hash)
/// is skipped, one added with other content replaced. A file that cannot be read or extracted
/// is reported with its path and reason, and the rest go on.
public struct CorpusIngest {
    /// How many articles one transaction writes.
    public static let batchSize = 200

    /// The files a folder holds that are articles.
    public static let suffixes = [".txt", ".md", ".markdown", ".json", ".sgm", ".html", ".htm"]

    /// How adding went.
    public struct Summary: Sendable, Equatable {
        /// New articles.
        public var added = 0
        /// Files added before with the same content: skipped.
        public var unchanged = 0
        /// Files added before with other content: their articles replaced.
        public var replaced = 0
        /// Each file (or story) that could not be added, with the reason.
        public var failed: [(path: String, reason: String)] = []

        /// A summary with these counts.
        public init(added: Int = 0, unchanged: Int = 0, replaced: Int = 0, failed: [(path: String, reason: String)] = []) {
            self.added = added
            self.unchanged = unchanged
            self.replaced = replaced
            self.failed = failed
        }

        /// Summaries compare by their counts and failures.
        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            (lhs.added, lhs.unchanged, lhs.replaced) == (rhs.added, rhs.unchanged, rhs.replaced)
                && lhs.failed.map(\.path) == rhs.failed.map(\.path) && lhs.failed.map(\.reason) == rhs.failed.map(\.reason)
        }

        /// One line: `added 2,225 articles (0 unchanged, 0 replaced, 1 failed)`, then one line
        /// per failure.
        public var description: String {
            let line = "added \(Self.grouped(added)) article\(added == 1 ? "" : "s") (\(Self.grouped(unchanged)) unchanged, "
                + "\(Self.grouped(replaced)) replaced, \(Self.grouped(failed.count)) failed)"
            return ([line] + failed.map { "  failed: \($0.path): \($0.reason)" }).joined(separator: "\n")
        }

        static func grouped(_ number: Int) -> String {
            var digits = String(number)
            var index = digits.count - 3
            while index > 0 {
                digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
                index -= 3
            }
            return digits
        }
    }

    /// How far adding has got, for a progress line.
    public struct Progress: Sendable {
        /// Articles (or files) done.
        public var done: Int
        /// All of them, once known.
        public var total: Int
        /// Seconds since adding began.
        public var seconds: Double

        /// Progress so far.
        public init(done: Int, total: Int, seconds: Double) {
            self.done = done
            self.total = total
            self.seconds = seconds
        }

        /// `1,234 / 2,225 articles · 410/s · 2 s left`.
        public var line: String {
            let rate = seconds > 0 ? Double(done) / seconds : 0
            let left = rate > 0 ? Double(total - done) / rate : 0
            return "\(Summary.grouped(done)) / \(Summary.grouped(total)) articles · \(Int(rate.rounded()))/s · \(Int(left.rounded())) s left"
        }
    }

    /// One article to add: where it came from (the key its hash is kept under), its id and bytes.
    struct Unit: Sendable {
        var key: String
        var id: String
        var bytes: [UInt8]
        var isModel: Bool
        var date: CalendarDate?
    }

    let store: CorpusDatabase
    /// The date of an article that states none (`--date`).
    var date: CalendarDate?
    /// Called after each batch.
    var progress: (Progress) -> Void

    /// An ingest into `store`.
    public init(store: CorpusDatabase, date: CalendarDate? = nil, progress: @escaping (Progress) -> Void = { _ in }) {
        self.store = store
        self.date = date
        self.progress = progress
    }

    /// Adds what `paths` name; `standardInput` gives the list of paths `-` stands for.
    public func add(_ paths: [String], standardInput: () -> [String] = { [] }) -> Summary {
        var summary = Summary()
        var files: [(path: String, root: String?)] = []
        for path in paths {
            if path == "-" {
                files += standardInput().map { ($0, nil) }
            } else if TextFile.isDirectory(path) {
                do {
                    for suffix in Self.suffixes {
                        files += try TextFile.files(under: path, withSuffix: suffix).map { ($0, path) }
                    }
                } catch {
                    summary.failed.append((path, "cannot read the folder: \(error.description)"))
                }
            } else {
                files.append((path, nil))
            }
        }
        files.sort { $0.path < $1.path }
        var units: [Unit] = []
        for (path, root) in files {
            do {
                units += try Self.units(of: path, root: root)
            } catch {
                summary.failed.append((path, error.description))
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var done = 0
        // A pipeline: while one batch is written (on this thread, the store's), the next is
        // extracted on the other cores.
        let batches = stride(from: 0, to: units.count, by: Self.batchSize).map { units[$0..<min(units.count, $0 + Self.batchSize)] }
        var next = batches.first.map { prepare(Array($0), into: &summary) }
        for index in batches.indices {
            guard let current = next else { break }
            next = index + 1 < batches.count ? prepare(Array(batches[index + 1]), into: &summary) : nil
            write(current.pending, current.extraction.wait(), into: &summary)
            done += batches[index].count
            let elapsed = clock.now - start
            progress(Progress(done: done, total: units.count,
                              seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
        return summary
    }

    /// The models of a batch's articles, extracted in the background on every core.
    final class Extraction: Sendable {
        private let results = Mutex<[Int: Result<ArticleModel, ArticleFile.Failure>]>([:])
        private let done = DispatchSemaphore(value: 0)

        /// Starts extracting `units` (each made the article with its unit's id).
        init(_ units: [Unit], date: CalendarDate?) {
            DispatchQueue.global().async { [self] in
                DispatchQueue.concurrentPerform(iterations: units.count) { index in
                    let unit = units[index]
                    let result: Result<ArticleModel, ArticleFile.Failure>
                    do throws(ArticleFile.Failure) {
                        var model = try CorpusIngest.model(of: unit, date: date)
                        model.article.id = unit.id
                        result = .success(model)
                    } catch {
                        result = .failure(error)
                    }
                    self.results.withLock { $0[index] = result }
                }
                self.done.signal()
            }
        }

        /// The results by position, once every one is in.
        func wait() -> [Int: Result<ArticleModel, ArticleFile.Failure>] {
            done.wait()
            return results.withLock { $0 }
        }
    }

    /// Skips what the store has already with the same content (read here, on the store's
    /// thread), then starts extracting the rest.
    private func prepare(_ batch: [Unit], into summary: inout Summary) -> (pending: [(unit: Unit, hash: String)], extraction: Extraction) {
        var pending: [(unit: Unit, hash: String)] = []
        for unit in batch {
            let hash = Self.hash(unit.bytes)
            if (try? store.hash(ofFile: unit.key)) == hash {
                summary.unchanged += 1
            } else {
                pending.append((unit, hash))
            }
        }
        return (pending, Extraction(pending.map(\.unit), date: date))
    }

    /// Writes a batch's models in one transaction.
    private func write(_ pending: [(unit: Unit, hash: String)], _ extracted: [Int: Result<ArticleModel, ArticleFile.Failure>],
                       into summary: inout Summary) {
        do {
            var outcomes: [CorpusDatabase.AddOutcome] = []
            var failures: [(String, String)] = []
            try store.inBatch {
                for (index, item) in pending.enumerated() {
                    switch extracted[index] {
                    case .success(let model)?:
                        do {
                            outcomes.append(try store.add(model, file: item.unit.key, hash: item.hash))
                        } catch let error as StoreError {
                            failures.append((item.unit.key, error.message))
                        }
                    case .failure(let failure)?:
                        failures.append((item.unit.key, failure.problems.joined(separator: "; ")))
                    case nil:
                        failures.append((item.unit.key, "not extracted"))
                    }
                }
            }
            for outcome in outcomes {
                switch outcome {
                case .added: summary.added += 1
                case .unchanged: summary.unchanged += 1
                case .replaced: summary.replaced += 1
                }
            }
            summary.failed += failures
        } catch {
            for item in pending { summary.failed.append((item.unit.key, "not written: \(error)")) }
        }
    }

    /// The articles of one file: one, or every story of a Reuters file.
    static func units(of path: String, root: String?) throws(TextFile.Failure) -> [Unit] {
        let bytes = try TextFile.readBytes(path)
        if ReutersReader.isReutersFile(path) {
            return ReutersReader().stories(in: bytes).map { story in
                Unit(key: "\(path)#\(story.newID)", id: story.id, bytes: Array(story.text.utf8), isModel: false, date: story.date)
            }
        }
        return [Unit(key: path, id: id(of: path, root: root), bytes: bytes, isModel: ArticleFile.isModelFile(path), date: nil)]
    }

    /// An article's id: its path under the folder added, without the extension, `/` as `-`
    /// (`politics/001.txt` under `bbc` is `politics-001`); a file named alone, its base name.
    static func id(of path: String, root: String?) -> String {
        var relative = Substring(path)
        if let root, path.hasPrefix(root) {
            relative = relative.dropFirst(root.count)
            while relative.first == "/" { relative = relative.dropFirst() }
        } else if let slash = relative.lastIndex(of: "/") {
            relative = relative[relative.index(after: slash)...]
        }
        if let dot = relative.lastIndex(of: "."), dot != relative.startIndex, !relative[dot...].contains("/") {
            relative = relative[..<dot]
        }
        let id = relative.replacingSlashes
        return id.isEmpty ? "article" : id
    }

    /// The model of a unit: read from a model file, or extracted.
    static func model(of unit: Unit, date: CalendarDate?) throws(ArticleFile.Failure) -> ArticleModel {
        if unit.isModel {
            guard let text = String(validating: unit.bytes, as: UTF8.self) else {
                throw ArticleFile.Failure(path: unit.key, problems: ["not valid UTF-8"])
            }
            do {
                return try ModelFile.decode(text)
            } catch {
                throw ArticleFile.Failure(path: unit.key, problems: error.issues.map(\.description))
            }
        }
        return try ArticleFile.extract(unit.bytes, path: unit.key, date: unit.date ?? date)
    }

    /// A 64-bit FNV-1a hash of the bytes, in hex: what tells a changed file from an unchanged one.
    static func hash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-\(bytes.count)"
    }
}

extension Substring {
    /// The text with `/` as `-`.
    fileprivate var replacingSlashes: String { String(map { $0 == "/" ? "-" : $0 }) }
}

extension CorpusIngest {
    /// Adds `paths` to `store` as the shell does: a progress line on `progressLine` while it
    /// runs (rewritten in place: give it only a terminal), then the summary on `messages`.
    public static func run(_ paths: [String], into store: CorpusDatabase, date: CalendarDate? = nil,
                           messages: OutputSink, progressLine: OutputSink? = nil,
                           standardInput: () -> [String] = { [] }) -> Summary {
        var shown = false
        let ingest = CorpusIngest(store: store, date: date) { progress in
            guard let progressLine else { return }
            progressLine.write("\r\u{1B}[K" + progress.line)
            shown = true
        }
        let summary = ingest.add(paths, standardInput: standardInput)
        if shown { progressLine?.write("\r\u{1B}[K") }
        messages.writeLine(summary.description)
        return summary
    }
}
