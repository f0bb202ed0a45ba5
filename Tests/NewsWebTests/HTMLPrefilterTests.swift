import Testing

@testable import NewsWeb

@Suite("Prefilter")
struct HTMLPrefilterTests {
    func filter(_ html: String) -> String {
        String(decoding: Array(html.utf8).withUnsafeBytes { HTMLPrefilter.filter($0) }, as: UTF8.self)
    }

    @Test func unreadAttributesAndRawTextContentsGo() {
        #expect(filter("<p class='a' data-x=\"1 > 2\" onclick=go()>Hi <a href=/x title=t>there</a></p>")
                == "<p class='a'>Hi <a>there</a></p>")
        #expect(filter("<script src=x.js>if (a < b) { document.write('</p>') }</script><p>after</p>")
                == "<script></script><p>after</p>")
        #expect(filter("<STYLE>p { color: red }</style ><svg viewBox='0 0 1 1'><path d='M0 0'/></SVG>")
                == "<STYLE></style ><svg></SVG>")
    }

    @Test func whatTheReaderNeedsStays() {
        let jsonLD = "<script type=\"application/ld+json\">{\"headline\": \"</p> x\"}</script>"
        #expect(filter(jsonLD) == jsonLD)
        #expect(filter("<link rel=canonical href='https://e.x/a'><a href='/b'>b</a>") == "<link rel=canonical href='https://e.x/a'><a>b</a>")
        #expect(filter("<meta property=\"og:title\" content=\"A > B\"><time datetime=2024-01-02>Jan 2</time>")
                == "<meta property=\"og:title\" content=\"A > B\"><time datetime=2024-01-02>Jan 2</time>")
        // An unquoted value takes the slash: `src=x.png/` is "x.png/", as browsers read it.
        #expect(filter("<br/><img src=x.png/><p hidden>h</p>") == "<br/><img><p hidden>h</p>")
        #expect(filter("<img src=\"x.png\"/>") == "<img/>")
    }

    @Test func commentsTextAndBrokenTagsAreCopiedAsTheyAre() {
        #expect(filter("a < b <!-- <p class=x> --> c &amp; d") == "a < b <!-- <p class=x> --> c &amp; d")
        #expect(filter("<p>ok</p><div class=\"never closed") == "<p>ok</p><div class=\"never closed")
        #expect(filter("<script>unterminated") == "<script>unterminated")
        #expect(filter("") == "")
    }
}
