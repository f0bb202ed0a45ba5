/// Why a page could not be read. Each case's ``description`` says what was wrong and what to do.
public enum WebPageError: Error, Equatable, CustomStringConvertible {
    /// The input is larger than ``WebPageReader/maximumBytes``.
    case tooLarge(bytes: Int, limit: Int)
    /// The input is empty.
    case empty
    /// The input is not HTML: binary data, a compressed file, or text without any markup.
    case notHTML(reason: String)
    /// The page declares (or was declared to have) an encoding that cannot be decoded.
    case unknownEncoding(label: String, source: String)
    /// The page parsed, but holds no text that reads as an article.
    case noArticleText(reason: String)

    /// A one-line explanation that names the problem and the fix.
    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "the page is \(bytes) bytes, over the \(limit / (1 << 20)) MiB limit for one web page; save only the article's page (not a whole site or archive)"
        case .empty:
            return "the page is empty (0 bytes); save the article's page again"
        case .notHTML(let reason):
            return "this is not an HTML page: \(reason)"
        case .unknownEncoding(let label, let source):
            return "the page's character encoding \"\(label)\" (from \(source)) is not one newsq can decode; convert the file to UTF-8 (e.g. iconv -f ENCODING -t UTF-8) and fix its <meta charset>"
        case .noArticleText(let reason):
            return "no article text found on the page: \(reason)"
        }
    }
}
