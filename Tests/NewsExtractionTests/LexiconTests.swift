import Foundation
import Testing
@testable import NewsExtraction

@Suite("Lexicons")
struct LexiconTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/NewsExtraction/Lexicons")

    static func files() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
    }

    /// The generated arrays hold exactly the files' lines (scripts/generate-lexicons).
    @Test func generatedDataIsCurrent() throws {
        let generated: [String: [String]] = [
            "common-words.txt": LexiconData.commonWords, "cue-nouns.txt": LexiconData.cueNouns,
            "cue-phrases.txt": LexiconData.cuePhrases, "cue-verbs.txt": LexiconData.cueVerbs,
            "first-names.txt": LexiconData.firstNames, "group-nouns.txt": LexiconData.groupNouns,
            "organization-words.txt": LexiconData.organizationWords, "places.txt": LexiconData.places,
            "statement-weights.txt": LexiconData.statementWeights, "learned-cues.txt": LexiconData.learnedCues,
            "titles.txt": LexiconData.titles,
        ]
        let files = try Self.files()
        #expect(Set(files.map(\.name)) == Set(generated.keys), "a lexicon file is not in LexiconData; run scripts/generate-lexicons")
        for (name, text) in files {
            #expect(generated[name] == Self.lines(text), "\(name) differs from LexiconData; run scripts/generate-lexicons")
        }
    }

    /// Every lexicon says where its words come from.
    @Test func everyLexiconNamesItsSource() throws {
        for (name, text) in try Self.files() {
            #expect(text.hasPrefix("# "), "\(name) has no header")
            #expect(text.contains("Where the words come from:"), "\(name) does not say where its words come from")
        }
    }

    @Test func cueVerbsParse() {
        let lexicon = Lexicon.shared
        #expect(lexicon.cueVerbs["said"]?.lemma == "say")
        #expect(lexicon.cueVerbs["told"]?.takesObject == true)
        #expect(lexicon.cueVerbs["thinks"]?.isBelief == true)
        #expect(lexicon.cueVerbs["added"]?.isWeak == true)
        #expect(lexicon.cueVerbs["wants"]?.takesInfinitive == true)
        #expect(lexicon.cuePhrases["according"]?.first == ["according", "to"])
        #expect(lexicon.cueNouns["conference"]?.first?.kind == .newsConference)
        #expect(lexicon.firstNames["Tom"] == .male)
        #expect(lexicon.firstNames["Tricia"] == .female)
        // Every tag is one the parser knows.
        let tags = Set(LexiconData.cueVerbs.flatMap { $0.split(separator: " ").filter { $0.hasPrefix("+") }.map(String.init) })
        #expect(tags.isSubset(of: ["+object", "+belief", "+weak", "+np", "+to"]))
    }

    @Test func tokensCarryTheirWordsFlags() {
        let scalars = Array("Officials said the department".unicodeScalars)
        let tokens = Tokenizer().tokens(scalars, in: 0..<scalars.count)
        #expect(tokens[0].has(.group))
        #expect(tokens[1].has(.cueVerb))
        #expect(tokens[2].has(.common))
        #expect(tokens[3].has(.organization))
        #expect(Lexicon.shared.cueVerb(tokens[1])?.lemma == "say")
    }
}
