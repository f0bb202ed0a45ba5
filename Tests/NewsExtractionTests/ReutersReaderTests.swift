import NewsExtraction
import NewsModel
import Testing

/// Reading Reuters-21578 SGML: stories, metadata lines, entities, paragraphs, the signature,
/// bytes that are not UTF-8, and what is skipped. The fixture is written here in the
/// collection's layout; the collection itself is only read by the benchmarks.
@Suite("Reuters-21578 reader")
struct ReutersReaderTests {
    /// Two stories and a brief without a body, in the collection's markup.
    static let file = """
        <!DOCTYPE lewis SYSTEM "lewis.dtd">
        <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
        <DATE>26-FEB-1987 15:01:01.79</DATE>
        <TOPICS><D>cocoa</D></TOPICS>
        <TEXT>&#2;
        <TITLE>HARBOUR BOARD SETS NEW TARIFFS</TITLE>
        <DATELINE>    PORTVILLE, Feb 26 - </DATELINE><BODY>The harbour board said on Thursday it would raise
        tariffs by 5 pct &amp; cut fees for small boats.
            "We cannot keep the old rates," chairman Ada Quill told reporters.
         Reuter
        &#3;</BODY></TEXT>
        </REUTERS>
        <REUTERS TOPICS="NO" NEWID="2">
        <DATE> 2-MAR-1987 08:15:00.00</DATE>
        <TEXT>&#2;
        <TITLE>GRAIN &lt;FARMCO&gt; RESULTS</TITLE>
        <BODY>Farmco said profits rose.
         Reuter
        &#3;</BODY></TEXT>
        </REUTERS>
        <REUTERS NEWID="3">
        <DATE>3-MAR-1987 09:00:00.00</DATE>
        <TEXT TYPE="BRIEF">&#2;
        <TITLE>SHIPPING TALKS END</TITLE>
        &#3;</TEXT>
        </REUTERS>
        <REUTERS NEWID="4">
        <TEXT TYPE="UNPROC">&#2;
        &#3;</TEXT>
        </REUTERS>
        """

    @Test func storiesBecomeArticleTexts() throws {
        let stories = ReutersReader().stories(in: Array(Self.file.utf8))
        #expect(stories.map(\.id) == ["reuters-1", "reuters-2", "reuters-3"])
        #expect(stories.map(\.newID) == ["1", "2", "3"])
        #expect(stories.map(\.date?.iso) == ["1987-02-26", "1987-03-02", "1987-03-03"])
        #expect(stories[0].text == """
            date 1987-02-26
            title HARBOUR BOARD SETS NEW TARIFFS
            source Reuters

            PORTVILLE (Reuters) — The harbour board said on Thursday it would raise tariffs by 5 pct & cut fees for small boats.

            "We cannot keep the old rates," chairman Ada Quill told reporters.

            """)
        #expect(stories[1].text.contains("title GRAIN <FARMCO> RESULTS"))
        #expect(stories[1].text.hasSuffix("\n\nFarmco said profits rose.\n"))
        // A brief is its title; a story with neither title nor body is skipped.
        #expect(stories[2].text.hasSuffix("\n\nSHIPPING TALKS END.\n"))
    }

    @Test func aStoryIsExtractedWithItsDateAndSpeaker() throws {
        let story = try #require(ReutersReader().stories(in: Array(Self.file.utf8)).first)
        let model = try Extractor().extract(bytes: Array(story.text.utf8), fileName: "reut2-000.sgm#1", date: nil)
        #expect(model.article.date.iso == "1987-02-26")
        #expect(model.article.source == "Reuters")
        let speakers = model.statements.compactMap { statement in model.actors.first { $0.id == statement.speaker }?.name }
        #expect(speakers.contains("Ada Quill"))
    }

    @Test func bytesThatAreNotUTF8AreReadAsLatin1() {
        var bytes = Array("<REUTERS NEWID=\"9\"><DATE>1-APR-1987</DATE><TEXT><BODY>The caf".utf8)
        bytes += [0xE9] + Array(" opened.\n Reuter\n</BODY></TEXT></REUTERS>".utf8)
        let stories = ReutersReader().stories(in: bytes)
        #expect(stories.count == 1)
        #expect(stories.first?.text.hasSuffix("\n\nThe café opened.\n") == true)
    }

    @Test func onlySGMFilesAreReutersFiles() {
        #expect(ReutersReader.isReutersFile("data/reut2-000.sgm"))
        #expect(ReutersReader.isReutersFile("REUT2-001.SGM"))
        #expect(!ReutersReader.isReutersFile("story.txt"))
    }
}
