import Foundation
import NewsQuery
import Testing

/// The Snowball English stemmer against the Snowball project's sample vocabulary.
@Suite("PorterStemmer")
struct PorterStemmerTests {
    /// The fixture's (word, expected stem) pairs, comment lines skipped.
    static func vocabulary() throws -> [(word: String, stem: String)] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/porter2-vocabulary.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 else { return nil }
            return (String(fields[0]), String(fields[1]))
        }
    }

    @Test("every word of the Snowball sample vocabulary stems as published")
    func vocabularyStemsAsPublished() throws {
        let pairs = try Self.vocabulary()
        #expect(pairs.count == 29_417)
        let stemmer = PorterStemmer()
        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in pairs {
            let actual = stemmer.stem(word)
            if actual != expected {
                mismatchCount += 1
                if mismatches.count < 20 {
                    mismatches.append("\(word) → \(actual) (expected \(expected))")
                }
            }
        }
        #expect(
            mismatchCount == 0,
            "\(mismatchCount) of \(pairs.count) words stem wrongly; first: \(mismatches.joined(separator: "; "))"
        )
    }

    @Test(
        "named cases",
        arguments: [
            ("surrender", "surrend"), ("surrendering", "surrend"), ("surrendered", "surrend"),
            ("generously", "generous"), ("news", "news"), ("skis", "ski"), ("dying", "die"),
            ("president", "presid"), ("presidents", "presid"), ("hopping", "hop"),
            ("hoped", "hope"), ("yelling", "yell"), ("ties", "tie"), ("cries", "cri"),
            ("communism", "communism"), ("innings", "inning"), ("be", "be"), ("'s", "'s"),
        ])
    func namedCases(word: String, stem: String) {
        #expect(PorterStemmer().stem(word) == stem)
    }
}
