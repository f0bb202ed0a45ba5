import BundledArticle
import NewsModel
import Testing
@testable import NewsQuery

/// Arbitrary input never crashes or hangs the engine: every statement either runs or fails
/// with diagnostics whose ranges lie inside the source.
@Suite("Robustness: arbitrary input")
struct RobustnessTests {
    /// Pieces users type, put together in random orders.
    static let pieces = [
        "who", "said", "is", "what", "did", "say", "quotes", "by", "about", "mentioning", "actors", "people",
        "events", "on", "in", "before", "after", "involving", "mentions", "of", "source", "let", "explain",
        "where", "sort", "limit", "count", "show", "and", "or", "not", "has", "asc", "desc", "|", "(", ")",
        ",", ";", "=", "!=", "<", ">=", "\"surrender\"", "\"", "“", "”", "2026-02-04", "2026-13-01", "42", "-1",
        "Homan", "Gov.", "Walz", "kind", "paragraph", "text", "direct", "$x", "#", "\n", "é", "習", "’", "\\",
        "January", "s25", "m1", "e-lawsuit", "*", "@", "\t",
    ]

    @Test func randomStatementsRunOrFailCleanly() {
        var generator = SplitMix(seed: 20_260_204)
        let shell = try! Interpreter(model: .bundled)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 8) + 1
            var source = ""
            for _ in 0..<count {
                source += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
                source += generator.next() % 4 == 0 ? "" : " "
            }
            let length = source.unicodeScalars.count
            do {
                _ = try shell.runAll(source)
            } catch {
                #expect(!error.diagnostics.isEmpty, "\(source)")
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.range.start.offset <= diagnostic.range.end.offset, "\(source)")
                    #expect(diagnostic.range.end.offset <= length, "\(source)")
                    #expect(!diagnostic.message.isEmpty)
                }
                // Rendering never traps either.
                _ = DiagnosticRenderer(color: true).render(error)
            }
        }
    }

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
