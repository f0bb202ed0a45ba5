import NewsModel
import Testing

@testable import NewsWeb

@Suite("Metadata")
struct MetadataTests {
    let body = "<article><p>\(paragraphA)</p></article>"

    @Test func jsonLDGivesHeadlineDateAuthorsPublisherAndLanguage() throws {
        let head = """
            <meta charset="utf-8"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Courier"},{"@type":"NewsArticle","headline":"Bridge approved &amp; funded",
            "datePublished":"2024-03-05T10:00:00-05:00","dateModified":"2024-03-07T09:00:00Z","inLanguage":"en-US",
            "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"By Tom Lee"}],
            "publisher":{"@type":"Organization","name":"The Courier"},}]}</script>
            """
        let result = try readPage(page(body, head: head))
        #expect(result.title == "Bridge approved & funded")
        #expect(result.date == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(result.authors == ["Ana Ruiz", "Tom Lee"])
        #expect(result.publisher == "The Courier")
        #expect(result.language == "en")
    }

    @Test func openGraphAndMetaTagsWhenThereIsNoJSONLD() throws {
        let head = """
            <meta property="og:title" content="Bridge approved - The Courier"><meta property="og:site_name" content="The Courier">
            <meta name="author" content="Ana Ruiz and Tom Lee"><meta name="pubdate" content="20240305">
            <link rel="canonical" href="https://courier.example/news/bridge">
            """
        let result = try readPage(page(body, head: head))
        #expect(result.title == "Bridge approved")
        #expect(result.date == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(result.authors == ["Ana Ruiz", "Tom Lee"])
        #expect(result.url == "https://courier.example/news/bridge")
    }

    @Test func theHeadlineAsTheReaderSeesItWinsWhenItAgreesWithTheMetadata() throws {
        // The <h1> carries a label; the metadata the clean headline.
        var result = try readPage(page("<h1><span>Politics</span> | Bridge approved after ten years</h1>" + body,
                                       head: "<title>Bridge approved after ten years | Courier</title>"))
        #expect(result.title == "Bridge approved after ten years")
        // The <h1> is the headline, the metadata a teaser.
        result = try readPage(page("<h1>Council approves the new river bridge</h1>" + body,
                                   head: "<meta property='og:title' content='The council approves new river bridge plan'>"))
        #expect(result.title == "Council approves the new river bridge")
        // The <h1> is the site's name: not the headline.
        result = try readPage(page("<h1>The Courier</h1>" + body, head: "<title>Bridge approved | The Courier</title>"),
                              url: "https://www.courier.example/a")
        #expect(result.title == "Bridge approved")
    }

    @Test func thePagesOnlyH1IsTheHeadlineThoughTheMetadataWordsItOtherwise() throws {
        var result = try readPage(page("<h1>Twenty small nursery ideas for when space is tight</h1>" + body,
                                       head: "<meta property='og:title' content='Clever ways to set up a baby room'>"
                                           + "<title>Clever ways to set up a baby room - Parent Post</title>"))
        #expect(result.title == "Twenty small nursery ideas for when space is tight")
        // An <h1> holding the metadata's headline and a subtitle: the metadata's is the clean one.
        result = try readPage(page("<h1>Fish cakes, hot and fresh Welcome to the capital of flavour, a harbour town</h1>" + body,
                                   head: "<meta property='og:title' content='Fish cakes, hot and fresh'>"))
        #expect(result.title == "Fish cakes, hot and fresh")
        // A short <h1> is a section's or a site's name, not a headline.
        result = try readPage(page("<h1>What we do</h1>" + body, head: "<title>Our work for open culture</title>"))
        #expect(result.title == "Our work for open culture")
    }

    @Test func anH1RepeatingTheEndOfTheTitleIsTheSitesName() throws {
        // A wiki's name in its <h1> and at the end of every <title>: the rest is the headline.
        let result = try readPage(page("<h1>Dance Steps - Club in Town</h1><h2>Open turn partners</h2>" + body,
                                       head: "<title>Open turn steps - Dance Steps - Club in Town</title>"),
                                  url: "https://clubsite.example/open-turn")
        #expect(result.title == "Open turn steps")
    }

    @Test func aLabelInsideTheH1IsNotPartOfTheHeadline() throws {
        let result = try readPage(page("<h1><a href='#'><span class='label label--blue'>Patch Notes</span>"
                                       + "<span class='label-append'>&nbsp;</span>Version 4.2 fixes the login bug</a></h1>" + body,
                                       head: "<meta property='og:title' content='Patch Notes - Version 4.2 fixes the login bug'>"))
        #expect(result.title == "Version 4.2 fixes the login bug")
    }

    @Test func withoutAnAgreeingH1AnAgreeingH2IsTheHeadline() throws {
        // No <h1>: the <h2> that agrees with a part of the title, as the page shows it.
        var result = try readPage(page("<h2>Boat training</h2>" + body, head: "<title>Riverside Fire Brigade - Training</title>"))
        #expect(result.title == "Boat training")
        // A list's <h1>s, and a breadcrumb title whose last part is the page's <h2>.
        result = try readPage(page("<h1>Win a headset!</h1><h1>Our team reports</h1><h2>The events of the last weeks</h2>" + body,
                                   head: "<title>Gamers club - News » The events of the last weeks</title>"))
        #expect(result.title == "The events of the last weeks")
        // Every title names only the site: the first <h2>.
        result = try readPage(page("<h1></h1><h2>Replacement buses this weekend</h2>" + body,
                                   head: "<title>Rail Enquiries -</title><meta property='og:site_name' content='Rail Enquiries'>"))
        #expect(result.title == "Replacement buses this weekend")
    }

    @Test func aUTCStampYieldsToTheDayThePageShows() throws {
        let head = "<meta property='article:published_time' content='2020-02-25T02:25:54+00:00'>"
        var result = try readPage(page("<time datetime='2020-02-24T21:25:54-05:00'>February 24, 2020</time>" + body, head: head))
        #expect(result.date == CalendarDate(year: 2020, month: 2, day: 24))
        result = try readPage(page(body, head: head))
        #expect(result.date == CalendarDate(year: 2020, month: 2, day: 25))
    }

    @Test func withoutMetadataTheDateComesFromTheURLThenTheText() throws {
        var result = try readPage(page(body), url: "https://example.com/2019/11/20/story.html")
        #expect(result.date == CalendarDate(year: 2019, month: 11, day: 20))
        result = try readPage(page("<p class='when'>Posted on 3 May 2021</p>" + body))
        #expect(result.date == CalendarDate(year: 2021, month: 5, day: 3))
        result = try readPage(page(body))
        #expect(result.date == nil)
    }

    @Test func aDateInTheURLOrTheCanonicalURLWinsOverTheMetadata() throws {
        // The metadata's date is a later republication; the path dates the story.
        var result = try readPage(page(body, head: "<meta property='article:published_time' content='2019-06-17T18:28:00+0200'>"),
                                  url: "https://blog.example/home/2017/7/12/lighthouse")
        #expect(result.date == CalendarDate(year: 2017, month: 7, day: 12))
        // An aggregator's copy: its own URL has no date, the canonical one names the month, and
        // the page shows the day in a form that could be read either way round.
        result = try readPage(page("<span class='time'>02/10/2020</span>" + body,
                                   head: "<link rel='canonical' href='https://paper.example/education/2020/oct/02/halls-too-full'>"),
                              url: "https://aggregator.example/news/ar-BB19DU")
        #expect(result.date == CalendarDate(year: 2020, month: 10, day: 2))
    }

    @Test func aPublishedLineWinsOverOtherDatesInTheText() throws {
        // Today's date in the site's header comes first; the article says when it was published.
        let result = try readPage(page("<ul><li><a href='#'>May 11, 2022</a></li></ul><h1>Vessel stopped at sea</h1>"
                                       + "<span>Published On May 10, 2022 01:52 PM</span>" + body))
        #expect(result.date == CalendarDate(year: 2022, month: 5, day: 10))
    }

    @Test func brokenJSONLDIsReadAsFarAsItGoes() {
        let values = LenientJSON.parse("<!--\n{\"headline\": \"Line\nbreak\", 'name': 'single', key: 1, \"a\": [1, 2,], \"b\": {\"c\": tru")
        #expect(values.count == 1)
        #expect(values.first?["headline"]?.string == "Line\nbreak")
        #expect(values.first?["name"]?.string == "single")
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(LenientJSON.parse(deep).count == 1)
        // At the depth limit a stray "}" or ":" is stepped over, never looped on (fuzz finding 1).
        let stray = String(repeating: "[", count: LenientJSON.maximumDepth + 2) + "}:}" + String(repeating: "]", count: 70)
        #expect(LenientJSON.parse(stray).count >= 1)
        let strayInObject = String(repeating: "{\"a\":", count: LenientJSON.maximumDepth + 2) + "}}"
        #expect(LenientJSON.parse(strayInObject).count >= 1)
    }
}

@Suite("Dates in text")
struct DateTextTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: y, month: m, day: d) }

    @Test func formsPagesWrite() {
        #expect(DateText.parse("2019-11-20T06:35:39Z") == day(2019, 11, 20))
        #expect(DateText.parse("November 20, 2019 at 6:35 am") == day(2019, 11, 20))
        #expect(DateText.parse("Wed 20 Nov 2019") == day(2019, 11, 20))
        #expect(DateText.parse("20. November 2019") == day(2019, 11, 20))
        #expect(DateText.parse("le 20 novembre 2019") == day(2019, 11, 20))
        #expect(DateText.parse("20.11.2019") == day(2019, 11, 20))
        #expect(DateText.parse("11/20/2019") == day(2019, 11, 20))
        #expect(DateText.parse("20/11/2019") == day(2019, 11, 20))
        #expect(DateText.parse("Sept. 3rd, 2021") == day(2021, 9, 3))
        #expect(DateText.parse("20191120") == day(2019, 11, 20))
    }

    @Test func notDates() {
        #expect(DateText.parse("2019-02-30") == nil)
        #expect(DateText.parse("May the force be with you") == nil)
        #expect(DateText.parse("© 2019 The Courier") == nil)
        #expect(DateText.parse("12345678") == nil)
        #expect(DateText.fromURL("https://example.com/story/12345") == nil)
        #expect(DateText.fromURL("https://example.com/2021-07-04-fireworks") == day(2021, 7, 4))
        #expect(DateText.fromURL("https://example.com/news/2018/12/4/yellow-vests") == day(2018, 12, 4))
        #expect(DateText.fromURL("https://paper.example/world/2020/oct/02/story") == day(2020, 10, 2))
        #expect(DateText.fromURL("https://example.com/2020/may-day/12") == nil)
    }
}
