import Foundation
import NewsModel
import Synchronization
import Testing

@testable import NewsQuery

/// A flag another thread sets, and when it was set (nanoseconds after the test's start).
private final class CancelFlag: Sendable {
    let isSet = Atomic<Bool>(false)
    let setAt = Atomic<Int64>(0)
}

/// Cancelling a running query: ``Interpreter/isCancelled`` stops it within a few hundred rows,
/// with "query cancelled", and the interpreter runs the next query as usual. Also the bounds a
/// large model must keep: `limit` stops early, and text patterns stay linear.
@Suite("Cancellation and large models", .serialized)
struct CancellationTests {
    /// The 200,000-statement model, built once for the suite.
    static let large = LargeModel.make(statements: 200_000)

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    @Test func theGeneratedModelIsValid() throws {
        let model = LargeModel.make(statements: 60)
        #expect(ModelValidator().validate(model) == [])
        let shell = try Interpreter(model: model)
        #expect(try shell.run("quotes by Ann | count").column("count") == [.integer(60)])
    }

    @Test func aLargeModelValidatesInLinearTime() throws {
        // 20,000 sentences: the validator finds each span's paragraph and sentence by binary
        // search (it scanned every sentence for every span before: hours for 200,000).
        let model = LargeModel.make(statements: 20_000)
        #expect(ModelValidator().validate(model) == [])
        let shell = try Interpreter(model: model)
        #expect(try shell.run("quotes | count").column("count") == [.integer(20_000)])
    }

    @Test func cancellingFromAnotherThreadStopsTheQueryPromptly() throws {
        let shell = Interpreter(validatedModel: Self.large)
        // The tables are built on first use (about a second for this model), before any row is
        // read: build them first, so the cancellation lands in the query's own loops. Uncancelled,
        // the query below takes over 10 s (analyzing 200,000 distinct texts, then sorting them).
        _ = try shell.run("quotes | limit 1")
        let flag = CancelFlag()
        shell.isCancelled = { flag.isSet.load(ordering: .relaxed) }
        let clock = ContinuousClock()
        let start = clock.now
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            flag.setAt.store(Self.nanoseconds(clock.now - start), ordering: .relaxed)
            flag.isSet.store(true, ordering: .relaxed)
        }
        canceller.start()
        var caught: QueryError?
        do {
            _ = try shell.run(#"quotes | where text has "x*" | sort by text"#)
        } catch {
            caught = error
        }
        let stoppedAt = Self.nanoseconds(clock.now - start)
        let error = try #require(caught, "the query should have been cancelled")
        #expect(error.isCancelled)
        #expect(error.message == "query cancelled")
        let latency = Double(stoppedAt - flag.setAt.load(ordering: .relaxed)) / 1e6
        print("cancel latency: \(latency) ms")
        // The requirement is 100 ms; the margin keeps a loaded machine from failing it.
        #expect(latency < 500, "stopped \(latency) ms after the cancellation")

        flag.isSet.store(false, ordering: .relaxed)
        #expect(try shell.run("quotes | limit 2 | show id").column("id") == [.text("s1"), .text("s2")])
    }

    @Test func cancellationDuringASortStops() throws {
        let shell = Interpreter(validatedModel: Self.large)
        let polls = Atomic<Int>(0)
        shell.isCancelled = { polls.add(1, ordering: .relaxed).newValue > 100 }
        #expect(throws: QueryError.self) { try shell.run("quotes | sort by text desc") }
        #expect(shell.isCancelled())
    }

    @Test func limitStopsAFilterEarly() throws {
        let shell = Interpreter(validatedModel: Self.large)
        let polls = Atomic<Int>(0)
        shell.isCancelled = {
            polls.add(1, ordering: .relaxed)
            return false
        }
        let rows = try shell.run(#"quotes | where text has "budget" | limit 3 | show id"#)
        #expect(rows.column("id") == [.text("s1"), .text("s2"), .text("s3")])
        // Polled once every 256 rows: a whole pass over 200,000 rows would poll ~780 times.
        #expect(polls.load(ordering: .relaxed) < 20)
        #expect(try shell.run("quotes | limit 3").rows.count == 3)
    }

    @Test func pathologicalPatternsStayLinear() throws {
        // Every position matches every term: the work is tokens × terms, never exponential.
        let pattern = Array(repeating: "a*", count: 100).joined(separator: " ") + " b"
        let text = TextAnalyzer.analyze(Array(repeating: "aaaa", count: 20_000).joined(separator: " "))
        let search = try TextSearch(pattern)
        let clock = ContinuousClock()
        var found = true
        let elapsed = clock.measure { found = search.matches(text) }
        #expect(!found)
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }
}

/// Every prefix of a valid model file is an error that says where the text stops making sense
/// (`LINE:COLUMN: …`), never a crash and never a model.
@Suite("Model files cut short")
struct ModelFileTruncationTests {
    @Test func everyPrefixOfAValidModelIsAnErrorWithAPosition() throws {
        let text = ModelFile.encode(LargeModel.make(statements: 2))
        #expect(throws: Never.self) { try ModelFile.decode(text) }
        var scalars = Array(text.unicodeScalars)
        // Without its trailing line break the file is still whole.
        while let last = scalars.last, last == "\n" || last == " " { scalars.removeLast() }
        var checked = 0
        for length in 0..<scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[0..<length])
            do {
                _ = try ModelFile.decode(prefix)
                Issue.record("a prefix of \(length) characters decoded")
            } catch {
                let first = error.issues.first?.description ?? ""
                let position = first.prefix { $0 != " " }
                let parts = position.dropLast().split(separator: ":")
                #expect(position.hasSuffix(":") && parts.count == 2 && parts.allSatisfy { Int($0) != nil },
                        "prefix of \(length): \(first)")
            }
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test func numbersOutOfRangeAreErrors() {
        for number in ["1e400", "99999999999999999999", "-1e400"] {
            #expect(throws: ModelFile.LoadError.self) { try ModelFile.decode("{\"format\": \(number)}") }
        }
    }
}
