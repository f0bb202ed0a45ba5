import NewsExtraction
import NewsModel
import NewsWeb

/// Opens what a user names as an article — a model file (`.json`), a saved web page (`.html`,
/// `.htm`, or HTML on standard input) whose main text and metadata are read (``WebPageReader``),
/// or the text of an article (plain text or Markdown) — and extracts its model: for `newsq
/// --article`, `--model`, `--add` and the shell's `:open`.
///
/// Nothing is half-loaded: either a model that validates comes back, or a ``Failure`` whose
/// message names the file and what is wrong (an unreadable or missing file, an empty or binary
/// one, invalid UTF-8 with the byte offset, text without sentences, a file over the limit).
public enum ArticleFile {
    /// Why a file could not be opened as an article; ``description`` names the file.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file as named.
        public var path: String
        /// What is wrong, one problem per line.
        public var problems: [String]

        /// Creates a failure.
        public init(path: String, problems: [String]) {
            self.path = path
            self.problems = problems
        }

        /// `PATH: error: PROBLEM`, one line per problem.
        public var description: String {
            problems.map { "\(path == "-" ? "<stdin>" : path): error: \($0)" }.joined(separator: "\n")
        }
    }

    /// What was opened.
    public struct Opened: Sendable {
        /// The model.
        public var model: ArticleModel
        /// Whether it was extracted from text now (rather than read from a model file).
        public var extracted: Bool
    }

    /// Whether `path` names a model file rather than article text (it ends in `.json`).
    public static func isModelFile(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }

    /// Opens `path` (`-`: standard input, read as article text): a `.json` model file is read
    /// and validated; any other file is article text, extracted with `date` as its date when
    /// it states none.
    public static func open(_ path: String, date: CalendarDate? = nil) throws(Failure) -> Opened {
        let bytes: [UInt8]
        do {
            bytes = try TextFile.readBytes(path)
        } catch {
            throw Failure(path: path, problems: ["cannot read: \(error.description)"])
        }
        if path != "-" && isModelFile(path) {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let offset = TextFile.firstInvalidUTF8Offset(bytes) ?? 0
                throw Failure(path: path, problems: ["not valid UTF-8: the byte at offset \(offset) does not belong to a UTF-8 character"])
            }
            do {
                let model = try ModelFile.decode(text)
                let issues = ModelValidator().validate(model)
                guard issues.isEmpty else { throw Failure(path: path, problems: issues.map(\.description)) }
                return Opened(model: model, extracted: false)
            } catch let failure as Failure {
                throw failure
            } catch let error as ModelFile.LoadError {
                throw Failure(path: path, problems: error.issues.map(\.description))
            } catch {
                throw Failure(path: path, problems: ["\(error)"])
            }
        }
        return Opened(model: try extract(bytes, path: path, date: date), extracted: true)
    }

    /// Whether `path` names a web page: it ends in `.html`, `.htm` or `.xhtml`.
    public static func isWebPage(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml")
    }

    /// Whether bytes read without a name (standard input) look like HTML: after blanks and a
    /// byte-order mark, `<!doctype html` or `<html`.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 14)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// The model extracted from an article's bytes: a web page's main text and metadata (its
    /// title, date, publisher and URL become the article's), or plain text or Markdown.
    public static func extract(_ bytes: [UInt8], path: String, date: CalendarDate?) throws(Failure) -> ArticleModel {
        var text = bytes
        if path == "-" ? looksLikeHTML(bytes) : isWebPage(path) {
            do {
                text = Array(try WebPageReader().read(bytes).articleText.utf8)
            } catch {
                throw Failure(path: path, problems: [error.description])
            }
        }
        do {
            return try Extractor().extract(bytes: text, fileName: path == "-" ? nil : path, date: date)
        } catch {
            throw Failure(path: path, problems: [error.description])
        }
    }
}
