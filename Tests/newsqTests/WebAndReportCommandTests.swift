import Foundation
import Testing

/// Web pages in (`--article page.html`, `--add` of a folder with pages, HTML on standard input)
/// and annotated pages out (`--report FILE.html`, alone or after queries, over an article or a
/// corpus).
@Suite("newsq with web pages and reports")
struct WebAndReportCommandTests {
    let cli = CommandLineTests()

    /// A saved news page written for these tests: navigation, the article, related links, a footer.
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Harbour fees rise | The Coast Herald</title>
        <meta property="og:title" content="Harbour fees rise for the first time in a decade">
        <meta property="og:site_name" content="The Coast Herald">
        <meta property="article:published_time" content="2026-03-12T09:30:00Z">
        <link rel="canonical" href="https://herald.example/harbour-fees">
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article><h1>Harbour fees rise for the first time in a decade</h1>
        <p>The harbour board voted on Tuesday to raise mooring fees by 8 percent from May, the first rise since 2016.</p>
        <p>"We cannot keep the old rates and keep the piers safe," board chair Ada Quill told reporters after the vote.</p>
        <p>Tom Reyes, who fishes from the east pier, said the rise would push small boats out of the harbour.</p>
        </article>
        <aside><h2>Related</h2><ul><li><a href="/a">Ferry times change</a></li><li><a href="/b">Storm closes pier</a></li></ul></aside>
        <footer>© The Coast Herald. All rights reserved. Privacy. Terms.</footer>
        </body></html>
        """

    func pageFile() throws -> URL {
        let folder = try cli.temporaryDirectory()
        let url = folder.appendingPathComponent("harbour.html")
        try Data(Self.page.utf8).write(to: url)
        return url
    }

    @Test func aWebPageIsReadThenExtracted() throws {
        let page = try pageFile()
        let quotes = try cli.run(["--article", page.path, "-c", "quotes | show speaker, kind, cue", "--format", "csv"])
        #expect(quotes.status == 0, "\(quotes.stderr)")
        // The board's vote is an attribution as PolNeAR annotates them (a position taken by an
        // act, "voted … to raise"), found through the learned cues.
        #expect(quotes.stdout == "speaker,kind,cue\r\nharbour board,reported,voted\r\nAda Quill,direct,told\r\nTom Reyes,reported,said\r\n")
        let summary = try cli.run(["--article", page.path, "-c", ":article"])
        #expect(summary.stdout.contains("title: Harbour fees rise for the first time in a decade"))
        #expect(summary.stdout.contains("url: https://herald.example/harbour-fees"))
        #expect(summary.stdout.contains("The Coast Herald, 2026-03-12"))
        // The navigation, the related links and the footer are not the article's text.
        let text = try cli.run(["--article", page.path, "-c", ":article all"])
        #expect(!text.stdout.contains("Storm closes pier") && !text.stdout.contains("All rights reserved"))
        // Its report is headed by the article's title, not its id (the file's name).
        let report = page.deletingLastPathComponent().appendingPathComponent("harbour-report.html")
        let written = try cli.run(["--article", page.path, "--report", report.path])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: report.path, encoding: .utf8)
        #expect(html.contains("<title>newsq report — Harbour fees rise for the first time in a decade</title>"))
        #expect(html.contains("-title\">Harbour fees rise for the first time in a decade</h2>"))
        // A page that is no article is refused with the reason, status 3.
        let empty = page.deletingLastPathComponent().appendingPathComponent("empty.html")
        try Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8).write(to: empty)
        let refused = try cli.run(["--article", empty.path, "-c", "quotes"])
        #expect(refused.status == 3)
        #expect(refused.stderr.hasPrefix("\(empty.path): error: no article text found on the page"))
    }

    @Test func pagesAreAddedToACorpusAndReported() throws {
        let page = try pageFile()
        let folder = page.deletingLastPathComponent()
        let db = folder.appendingPathComponent("c.sqlite").path
        let added = try cli.run(["--db", db, "--add", folder.path])
        #expect(added.stderr == "added 1 article (0 unchanged, 0 replaced, 0 failed)\n")
        let report = folder.appendingPathComponent("report.html").path
        let written = try cli.run(["--db", db, "--report", report, "-c", "quotes by Quill | show id, article"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr == "wrote \(report): 1 article, 1 statement marked\n")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Ada Quill"))
        #expect(!html.contains("<script src") && !html.contains("http://") && !html.contains("<link rel=\"stylesheet\""))
        // A corpus report needs a query; a result without records says which queries have them.
        let whole = try cli.run(["--db", db, "--report", report])
        #expect(whole.status == 1)
        #expect(whole.stderr.hasPrefix("newsq: no report written: a report of a corpus marks the rows of a query"))
        let counted = try cli.run(["--db", db, "--report", report, "-c", "quotes | count"])
        #expect(counted.status == 1)
        #expect(counted.stderr.contains("no report written: the last result's rows are not statements, mentions, actors or events"))
    }

    @Test func theBundledArticlesReport() throws {
        let folder = try cli.temporaryDirectory()
        let report = folder.appendingPathComponent("homan.html").path
        let all = try cli.run(["--report", report])
        #expect(all.status == 0)
        #expect(all.stdout == "")
        #expect(all.stderr == "wrote \(report): 1 article, 31 statements marked\n")
        let homan = try cli.run(["--report", report, "-c", "quotes by Homan | show id", "--format", "plain"])
        #expect(homan.stderr == "wrote \(report): 1 article, 16 statements marked\n")
        #expect(homan.stdout.split(separator: "\n").count == 16)
        let usage = try cli.run(["--report", report, "--export-model"])
        #expect(usage.status == 2)
    }
}
