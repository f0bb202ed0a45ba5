import Foundation
import NewsModel
import Testing

/// `newsq --article FILE`: any article in — extracted, queried by `-c`, scripts and `--test`,
/// exported for review; bad input refused with exit status 3 and nothing half-loaded.
@Suite("newsq --article")
struct ArticleCommandTests {
    let cli = CommandLineTests()

    /// The tour's fixture article (examples/lib/council.txt, written for newsq).
    static let council = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/lib/council.txt").path

    /// A file with these bytes in a fresh folder.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try cli.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func anArticleIsExtractedAndQueried() throws {
        let outcome = try cli.run(["--article", Self.council, "-c", "quotes | show id, speaker, kind, cue", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == """
            id,speaker,kind,cue\r
            s1,Dana Ruiz,reported,said\r
            s2,Dana Ruiz,direct,told\r
            s3,Dana Ruiz,direct,told\r
            s4,Omar Haddad,reported,said\r
            s5,Omar Haddad,reported,warned\r
            s6,city clerk,reported,According to\r

            """)
        let quoted = try cli.run(["--article", Self.council, "-c", #"who said "waited" | show speaker, verbatim"#, "--format", "plain"])
        #expect(quoted.stdout == "Dana Ruiz\tyes\n")
    }

    @Test func theExtractedModelIsExportedForReviewAndLoadsBack() throws {
        let export = try cli.run(["--article", Self.council, "--export-model"])
        #expect(export.status == 0)
        let model = try ModelFile.decode(export.stdout)
        #expect(model.provenance?.extracted == true)
        #expect(model.provenance?.sourceFile == Self.council)
        #expect(model.article.title == "Council votes to reopen the old library")
        #expect(model.statements.allSatisfy { $0.confidence != nil && $0.rule != nil })
        #expect(export.stdout.hasPrefix("{\n  \"format\": 2,\n"))
        let path = try file("council.json", Array(export.stdout.utf8))
        let loaded = try cli.run(["--model", path, "-c", "quotes | count", "--format", "plain"])
        #expect(loaded.stdout == "6\n")
    }

    @Test func standardInputAndAStatedDate() throws {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["--article", "-", "--date", "2026-05-04", "-c", "quotes | show speaker, date", "--format", "plain"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("Officials said the bridge would open on Monday, Mayor Ana Lee said.\n".utf8))
        input.fileHandleForWriting.closeFile()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("Ana Lee\t"))
    }

    /// Each bad input: exit status 3, one clear line naming the file, nothing on stdout.
    @Test func badInputIsRefusedWithExitStatusThree() throws {
        let cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "the article is empty: there is no text to read"),
            ("binary.txt", Array("date 2026-01-01\n\nAbc".utf8) + [0, 1, 2], "the article looks like a binary file, not text: it has a NUL byte at offset 20"),
            ("latin1.txt", Array("date 2026-01-01\n\nCaf".utf8) + [0xE9, 0x20] + Array("au lait.".utf8),
             "the article is not valid UTF-8: the byte at offset 20 does not belong to a UTF-8 character"),
            ("marks.txt", Array("date 2026-01-01\n\n— — … !!! ***\n".utf8), "the article has no sentences: no words were found in it"),
            ("undated.txt", Array("The mayor said the road would reopen.\n".utf8),
             "the article states no date; give one (newsq: --date YYYY-MM-DD, or a first line 'date YYYY-MM-DD')"),
        ]
        for (name, bytes, message) in cases {
            let path = try file(name, bytes)
            let outcome = try cli.run(["--article", path, "-c", "quotes"])
            #expect(outcome.status == 3, "\(name)")
            #expect(outcome.stdout == "", "\(name)")
            #expect(outcome.stderr == "\(path): error: \(message)\n", "\(name)")
        }
        let missing = try cli.run(["--article", "/nonexistent/article.txt", "-c", "quotes"])
        #expect(missing.status == 3)
        #expect(missing.stderr == "/nonexistent/article.txt: error: cannot read: No such file or directory\n")
        let folder = try cli.run(["--article", "/tmp", "-c", "quotes"])
        #expect(folder.stderr == "/tmp: error: cannot read: is a directory\n")
        let huge = try file("huge.txt", Array("date 2026-01-01\n\n".utf8) + Array(repeating: 0x61, count: 4_000_001))
        let tooLarge = try cli.run(["--article", huge, "-c", "quotes"])
        #expect(tooLarge.status == 3)
        #expect(tooLarge.stderr == "\(huge): error: the article is 4000018 bytes long; the limit is 4000000 bytes\n")
    }

    @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
        let both = try cli.run(["--article", Self.council, "--model", "x.json", "-c", "quotes"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("Error: --article and --model cannot be used together: query one article\n"))
        let date = try cli.run(["--date", "2026-01-01", "-c", "quotes"])
        #expect(date.status == 2)
        #expect(date.stderr.hasPrefix("Error: --date goes with --article or --add: it dates articles that state no date\n"))
        let badDate = try cli.run(["--article", Self.council, "--date", "2026-02-30", "-c", "quotes"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.hasPrefix("Error: invalid --date '2026-02-30': expected a real date written YYYY-MM-DD\n"))
    }

    @Test func scriptsAndTestsRunOnTheExtractedArticle() throws {
        let folder = try cli.temporaryDirectory()
        let script = folder.appendingPathComponent("t.nq")
        try "quotes by Ruiz | count\n# expect:  count\n# expect: ------\n# expect:      3\n# expect: (1 row)\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let tested = try cli.run(["--article", Self.council, "--test", script.path])
        #expect(tested.status == 0)
        #expect(tested.stdout.hasSuffix("1 passed, 0 failed\n"))
    }
}
