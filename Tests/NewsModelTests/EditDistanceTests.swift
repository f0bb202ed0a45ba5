import Testing

@testable import NewsModel

/// `editDistance` (optimal string alignment) and `nearestName`, which every "did you mean"
/// uses — with and without a limit, and on input far too long to be a name.
@Suite("Edit distance and nearest names")
struct EditDistanceTests {
    @Test func knownDistances() {
        #expect(editDistance("", "") == 0)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kind", "kind") == 0)
        #expect(editDistance("kidn", "kind") == 1)  // one transposition
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("ca", "abc") == 3)  // OSA, not Damerau: no edit inside a transposition
        #expect(editDistance("Homan", "Holman") == 1)
        #expect(editDistance("北京", "北亰") == 1)  // characters, not bytes
    }

    /// A small deterministic generator, so the comparison below is the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func word() -> String {
            String((0..<next(9)).map { _ in Character(Unicode.Scalar(UInt8(97 + next(4)))) })
        }
    }

    @Test func aLimitNeverChangesADistanceWithinIt() {
        var generator = Generator(state: 42)
        for _ in 0..<3_000 {
            let a = generator.word(), b = generator.word()
            let exact = editDistance(a, b)
            for limit in 0...4 {
                #expect(editDistance(a, b, limit: limit) == min(exact, limit + 1), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func nearestNameSuggestsOnlyLikelyTypos() {
        let names = ["statements", "actors", "events", "mentions"]
        #expect(nearestName(to: "actros", in: names) == "actors")
        #expect(nearestName(to: "EVENST", in: names) == "events")
        #expect(nearestName(to: "zzz", in: names) == nil)
        #expect(nearestName(to: "", in: names) == nil)
    }

    @Test func aHugeWordIsAnsweredWithoutComparingItsLength() {
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(nearestName(to: huge, in: ["actors", "events"]) == nil)
        #expect(editDistance(huge, "actors", limit: 3) == 4)
    }
}
