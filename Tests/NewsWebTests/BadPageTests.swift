import Testing

@testable import NewsWeb

@Suite("Bad pages")
struct BadPageTests {
    @Test func anEmptyFileIsRefused() {
        #expect(refusal([]) == .empty)
        #expect(WebPageError.empty.description.contains("empty"))
    }

    @Test func aPageOverTheLimitIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: WebPageReader.maximumBytes + 1)
        #expect(refusal(bytes) == .tooLarge(bytes: WebPageReader.maximumBytes + 1, limit: WebPageReader.maximumBytes))
        #expect(WebPageError.tooLarge(bytes: 40 << 20, limit: 32 << 20).description.contains("32 MiB"))
    }

    @Test func compressedBinaryAndPlainTextAreNotHTML() {
        guard case .notHTML(let gzip) = refusal([0x1F, 0x8B, 0x08, 0x00, 0x01]) else { Issue.record("gzip not refused as not HTML"); return }
        #expect(gzip.contains("gunzip"))
        guard case .notHTML(let pdf) = refusal(Array("%PDF-1.7 …".utf8)) else { Issue.record("PDF not refused"); return }
        #expect(pdf.contains("PDF"))
        guard case .notHTML(let binary) = refusal([0x3C, 0x70, 0x3E, 0x00, 0x41]) else { Issue.record("binary not refused"); return }
        #expect(binary.contains("NUL byte at offset 3"))
        guard case .notHTML(let text) = refusal(Array("Just a sentence of plain text, no markup.".utf8)) else { Issue.record("text not refused"); return }
        #expect(text.contains("no HTML markup"))
    }

    @Test func anUnknownEncodingIsAnErrorThatNamesIt() {
        let html = "<html><head><meta charset=\"klingon-8\"></head><body><p>\(paragraphA)</p></body></html>"
        guard case .unknownEncoding(let label, let source) = refusal(Array(html.utf8)) else { Issue.record("not refused for its encoding"); return }
        #expect(label == "klingon-8")
        #expect(source == "a <meta> tag at byte 12")
        #expect(WebPageError.unknownEncoding(label: label, source: source).description.contains("iconv"))
    }

    @Test func aPageOfNavigationOnlyHasNoArticleText() {
        let html = page("<nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer><a href='/c'>Contact us</a></footer>")
        guard case .noArticleText(let reason) = refusal(Array(html.utf8)) else { Issue.record("not refused for lack of text"); return }
        #expect(reason.contains("navigation, links or boilerplate"))
        guard case .noArticleText(let empty) = refusal(Array(page("<script>var x = 1;</script>").utf8)) else { Issue.record("empty page not refused"); return }
        #expect(empty.contains("no visible text"))
    }
}
