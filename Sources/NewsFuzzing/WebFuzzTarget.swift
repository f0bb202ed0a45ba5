import NewsModel
import NewsWeb

/// The web-page fuzz target: one input is the bytes of an HTML page, read by
/// ``NewsWeb/WebPageReader`` — charset sniffing, libxml2's HTML parser, block cutting, main-text
/// selection, metadata.
///
/// The libFuzzer executable `fuzz-web` calls ``run(_:)`` once per input; the regression test
/// replays every saved input through the same function. A finding is a trap: a crash, a
/// sanitizer report, or one of the checks below failing through `precondition`.
///
/// Checks, beyond "does not crash":
/// - a rejected page is rejected with a message;
/// - an accepted page has text, and its paragraphs are in order, inside the text, not empty,
///   separated by exactly one blank line, and cover the whole text;
/// - the extraction input (``NewsWeb/WebPage/articleText``) ends with the text;
/// - the trace of decisions (`explain`) is written for every page the reader accepts.
public enum WebFuzzTarget {
    /// Runs one input.
    public static func run(_ bytes: UnsafeRawBufferPointer) {
        let reader = WebPageReader()
        let page: WebPage
        do {
            page = try reader.read(bytes, url: "https://example.com/2024/05/06/story")
        } catch {
            precondition(!error.description.isEmpty, "a rejected page without a message")
            return
        }
        check(page)
        do {
            _ = try reader.explain(Array(bytes))
        } catch {
            preconditionFailure("a page that was read cannot be explained: \(error)")
        }
    }

    /// The invariants of a page the reader accepted.
    public static func check(_ page: WebPage) {
        let scalars = Array(page.text.unicodeScalars)
        precondition(!scalars.isEmpty, "an accepted page with no text")
        precondition(!page.paragraphs.isEmpty, "an accepted page with no paragraphs")
        var expected = 0
        for (index, paragraph) in page.paragraphs.enumerated() {
            precondition(paragraph.range.lowerBound == expected,
                         "paragraph \(index + 1) starts at \(paragraph.range.lowerBound), expected \(expected)")
            precondition(!paragraph.range.isEmpty, "paragraph \(index + 1) is empty")
            precondition(paragraph.range.upperBound <= scalars.count, "paragraph \(index + 1) ends past the text")
            let body = scalars[paragraph.range]
            precondition(!zip(body, body.dropFirst()).contains { $0 == "\n" && $1 == "\n" },
                         "paragraph \(index + 1) holds a blank line")
            precondition(body.first != " " && body.last != " " && body.first != "\n" && body.last != "\n",
                         "paragraph \(index + 1) is not trimmed")
            expected = paragraph.range.upperBound + 2
            if index + 1 < page.paragraphs.count {
                precondition(paragraph.range.upperBound + 2 <= scalars.count
                             && scalars[paragraph.range.upperBound] == "\n" && scalars[paragraph.range.upperBound + 1] == "\n",
                             "paragraphs \(index + 1) and \(index + 2) are not separated by one blank line")
            }
        }
        precondition(page.paragraphs.last!.range.upperBound == scalars.count, "the text goes on past its last paragraph")
        precondition(page.articleText.hasSuffix(page.text), "the extraction input does not end with the text")
        if let title = page.title { precondition(!title.contains("\n"), "a title with a line break") }
    }
}
