import NewsShell
import Testing

/// How a PostgreSQL URL's password is masked wherever newsq shows or keeps a location or a line
/// holding one (messages, the REPL's welcome, history).
@Suite("Server passwords are masked")
struct ServerPasswordTests {
    @Test func aLocationShowsItsServerWithoutThePassword() {
        #expect(CorpusFile.displayName("postgresql://ana:hunter2@db.example:5432/news") == "postgresql://ana:***@db.example:5432/news")
        #expect(CorpusFile.displayName("POSTGRES://ana:hunter2@db.example/news") == "POSTGRES://ana:***@db.example/news")
        // The password may hold @ and / unencoded: the last @ ends it.
        #expect(CorpusFile.displayName("postgresql://ana:p@ss/w@db.example/news") == "postgresql://ana:***@db.example/news")
        #expect(CorpusFile.displayName("postgresql://db.example/news?user=ana&password=hunter2&sslmode=require")
            == "postgresql://db.example/news?user=ana&password=***&sslmode=require")
        // No password, or a file: shown as given.
        #expect(CorpusFile.displayName("postgresql://ana@db.example/news") == "postgresql://ana@db.example/news")
        #expect(CorpusFile.displayName("corpora/ana:hunter2@x.sqlite") == "corpora/ana:hunter2@x.sqlite")
    }

    @Test func everyURLInALineIsMasked() {
        #expect(CorpusFile.maskingServerPasswords(in: ":open postgresql://ana:hunter2@db/news") == ":open postgresql://ana:***@db/news")
        // A URL ends at a blank, or at the quote that opened it.
        #expect(CorpusFile.maskingServerPasswords(in: "a postgres://u:x@h/d b postgresql://v:y@h/e?password=z")
            == "a postgres://u:***@h/d b postgresql://v:***@h/e?password=***")
        #expect(CorpusFile.maskingServerPasswords(in: #":open "postgresql://ana:two words@db/news" now"#)
            == #":open "postgresql://ana:***@db/news" now"#)
        #expect(CorpusFile.maskingServerPasswords(in: ":open 'PostgreSQL://ana:it s@db/news'") == ":open 'PostgreSQL://ana:***@db/news'")
        // Lines without a server URL are kept as they are, line breaks and all.
        for line in ["quotes by Homan\n  | count", "who said \"postgresql\"", ":open corpus.sqlite", "", "postgresql:/x:y@z"] {
            #expect(CorpusFile.maskingServerPasswords(in: line) == line)
        }
        #expect(CorpusFile.maskingServerPasswords(in: "café postgresql://é:ß@h/d —") == "café postgresql://é:***@h/d —")
    }
}
