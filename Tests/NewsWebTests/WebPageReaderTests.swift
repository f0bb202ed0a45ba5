import NewsModel
import Testing

@testable import NewsWeb

/// Reads a page from its UTF-8 text (or bytes), failing the test with the reader's message.
func readPage(
    _ html: String, url: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws -> WebPage {
    do {
        return try WebPageReader().read(Array(html.utf8), url: url)
    } catch {
        Issue.record("the page was refused: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The error a page gets, failing the test when it is read.
func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> WebPageError? {
    do {
        let page = try WebPageReader().read(bytes)
        Issue.record("the page was read, with text \(page.text.prefix(80).debugDescription)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// A page: `body` inside a minimal document with a `<head>` of `head`.
func page(_ body: String, head: String = "<meta charset=\"utf-8\">") -> String {
    "<!DOCTYPE html><html lang=\"en\"><head>\(head)</head><body>\(body)</body></html>"
}

let paragraphA = "The city council voted on Tuesday to build a new bridge over the river, ending a debate that lasted almost a decade."
let paragraphB = "“This bridge will connect neighborhoods that were cut off for too long,” the mayor said after the vote on Tuesday night."
let paragraphC = "Construction could begin next spring, officials said, and the bridge is expected to open to traffic within three years."

@Suite("Main text")
struct MainTextTests {
    @Test func keepsTheArticleAndDropsNavigationFooterCommentsAndSharing() throws {
        let html = page("""
            <header><nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
            <div class="layout">
              <article><h1>Bridge approved</h1><p class="byline">By Ana Ruiz</p>
                <div class="story-body"><p>\(paragraphA)</p><p>\(paragraphB)</p>
                  <div class="share-buttons"><a href="#">Share on Facebook</a></div><p>\(paragraphC)</p></div>
              </article>
              <aside class="sidebar"><h3>Most read</h3><p>Another story that people read a lot today, with enough words to look like prose.</p></aside>
            </div>
            <section class="comments"><p>What a waste of money, the old bridge was perfectly fine and everyone in town knows it.</p></section>
            <footer><p>© 2024 The Courier. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer>
            """, head: "<meta charset=\"utf-8\"><title>Bridge approved | The Courier</title>")
        let result = try readPage(html)
        #expect(result.text == [paragraphA, paragraphB, paragraphC].joined(separator: "\n\n"))
        #expect(result.title == "Bridge approved")
    }

    @Test func headingsListsAndQuotesAreParagraphsOfTheirKind() throws {
        let html = page("""
            <div class="article-content"><p>\(paragraphA)</p><h2>What it costs</h2>
            <ul><li>About $42 million in all</li><li>Most of it from a state grant</li></ul>
            <blockquote><p>We have waited long enough for this day to come.</p></blockquote><p>\(paragraphC)</p></div>
            """)
        let result = try readPage(html)
        #expect(result.paragraphs.map(\.kind) == [.paragraph, .heading, .listItem, .listItem, .quote, .paragraph])
        #expect(result.paragraphs.map { result.text(of: $0) } == [
            paragraphA, "What it costs", "About $42 million in all", "Most of it from a state grant",
            "We have waited long enough for this day to come.", paragraphC,
        ])
    }

    @Test func paragraphRangesCountUnicodeScalarsAndCoverTheText() throws {
        let result = try readPage(page("<main><p>\(paragraphB)</p><p>Émile’s café — “naïve” 👋🏽 text, long enough to be prose here.</p></main>"))
        let scalars = Array(result.text.unicodeScalars)
        #expect(result.paragraphs.count == 2)
        #expect(result.paragraphs[0].range == 0..<paragraphB.unicodeScalars.count)
        #expect(result.paragraphs[1].range.lowerBound == paragraphB.unicodeScalars.count + 2)
        #expect(result.paragraphs[1].range.upperBound == scalars.count)
        #expect(result.text(of: result.paragraphs[1]) == "Émile’s café — “naïve” 👋🏽 text, long enough to be prose here.")
    }

    @Test func inlineMarkupJoinsWithoutSpacesAndWhiteSpaceCollapses() throws {
        let result = try readPage(page("<article><p>Tw<b>o</b>   words\n  and <a href='/x'>a link</a>&nbsp;inside a paragraph of text that reads as a whole sentence.</p></article>"))
        #expect(result.text == "Two words and a link inside a paragraph of text that reads as a whole sentence.")
    }

    @Test func spacesBetweenInlineElementsStay() throws {
        let result = try readPage(page("<article><p><b>Bold</b> <i>italic</i>\n<a href='/x'>linked</a> words in a sentence long enough to count as prose.</p></article>"))
        #expect(result.text == "Bold italic linked words in a sentence long enough to count as prose.")
    }

    @Test func lineBreaksSplitLinesAndDoubleBreaksSplitParagraphs() throws {
        let result = try readPage(page("<div id='story'>\(paragraphA)<br>Second line of the same paragraph here.<br><br>\(paragraphC)</div>"))
        #expect(result.paragraphs.count == 2)
        #expect(result.text(of: result.paragraphs[0]) == paragraphA + "\nSecond line of the same paragraph here.")
        #expect(result.text(of: result.paragraphs[1]) == paragraphC)
    }

    @Test func hiddenElementsScriptsAndCaptionsAreNotText() throws {
        let html = page("""
            <article><p>\(paragraphA)</p><p hidden>Hidden paragraph that no reader sees on the page at all.</p>
            <div style="display: none">Also hidden from every reader of this page, whatever it says.</div>
            <script>document.write("scripted text that is not part of the article")</script>
            <figure><img src="x.jpg"><figcaption>The river at dawn. (Photo: City)</figcaption></figure>
            <p>\(paragraphC)</p></article>
            """)
        #expect(try readPage(html).text == paragraphA + "\n\n" + paragraphC)
    }

    @Test func boilerplateLinesInsideTheBodyAreLeftOut() throws {
        let html = page("<div class='entry-content'><p>\(paragraphA)</p><p>Advertisement</p><p>By Ana Ruiz</p><p>\(paragraphB)</p><p>Read more</p></div>")
        #expect(try readPage(html).text == paragraphA + "\n\n" + paragraphB)
    }

    @Test func tablesReadRowByRow() throws {
        let html = page("<article><p>\(paragraphA)</p><table><tr><th>Team</th><th>Points</th></tr><tr><td>Red</td><td>12</td></tr><tr><td>Blue</td><td>9</td></tr></table></article>")
        let result = try readPage(html)
        #expect(result.paragraphs.map(\.kind) == [.paragraph, .tableRow, .tableRow, .tableRow])
        #expect(result.paragraphs.dropFirst().map { result.text(of: $0) } == ["Team Points", "Red 12", "Blue 9"])
    }

    @Test func deepNestingIsReadWithoutRecursion() throws {
        let depth = 20_000
        let html = page(String(repeating: "<div>", count: depth) + "<p>\(paragraphA)</p>" + String(repeating: "</div>", count: depth))
        #expect(try readPage(html).text == paragraphA)
    }

    @Test func theExtractionInputHasMetadataLinesThenTheText() throws {
        let html = page("<article><p>\(paragraphA)</p></article>",
                        head: "<meta charset='utf-8'><meta property='og:title' content='Bridge approved'><meta property='og:site_name' content='The Courier'><meta property='article:published_time' content='2024-03-05T10:00:00-05:00'>")
        let result = try readPage(html, url: "https://courier.example/bridge")
        #expect(result.articleText == "date 2024-03-05\ntitle Bridge approved\nsource The Courier\nurl https://courier.example/bridge\n\n" + paragraphA)
    }

    @Test func theTraceSaysWhyEachBlockWasKeptOrDropped() throws {
        let html = page("<nav><a href='/'>Home</a></nav><article><p>\(paragraphA)</p></article>")
        let trace = try WebPageReader().explain(Array(html.utf8))
        #expect(trace.contains("+ ["))
        #expect(trace.contains("- [") && trace.contains("Home"))
    }
}
