import BundledArticle
import Testing
@testable import NewsModel

/// Damaged model files never crash the reader: each is either a valid model or a list of
/// located problems.
@Suite("Model file: damaged input")
struct ModelFileRobustnessTests {
    @Test func randomDamageIsReportedNeverFatal() {
        let valid = Array(ModelFile.encode(ArticleModel.bundled).utf8)
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let replacements = Array("{}[]\",:0-9.e\\ntruefalsenull \u{0}".utf8)
        for _ in 0..<60 {
            var bytes = valid
            for _ in 0..<(next() % 4 + 1) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(replacements[next() % replacements.count], at: at)
                default: bytes[at] = replacements[next() % replacements.count]
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try ModelFile.decode(text)
            } catch {
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { !$0.message.isEmpty })
            }
        }
    }
}
