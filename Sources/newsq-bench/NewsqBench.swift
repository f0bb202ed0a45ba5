#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import BundledArticle
import NewsModel
import NewsQuery

/// Times every query form in-process over the bundled model and prints per-query medians.
///
/// The reference is SQLite: `scripts/bench` runs this with `--json` and
/// `scripts/bench-sqlite.py` times the SQL equivalent of each query over the same model in the
/// same run, then prints one table of medians and ratios (newsq / SQLite). Run alone, the
/// default human table puts each median beside a floor measured in the same run: a plain
/// substring scan of the article text (`String.contains`), the least work any text question can
/// cost. Not a test.
///
///     newsq-bench [--json] [--runs N]
///     newsq-bench --db CORPUS [--runs N] -q QUERY…      (CorpusBench: p50/p95 over a store)
///
/// `--json` prints one object: `runs`, `setup_runs`, `setup_ns` (the interpreter's set-up:
/// validation; the tables, text and name indexes are built on first use), `floor_ns` (the
/// substring scan), and `queries`, each with `query`, `median_ns` and `rows` (rows in its
/// result; `-1` for a message such as `explain`).
@main
struct NewsqBench {
    static let queries = [
        #"who said "surrender""#, #"who said "we're not""#, "what did Homan say", "quotes by Walz",
        "quotes about Trump", #"quotes mentioning "officers""#, "who is Frey", "actors", "people", "organizations",
        "places", "quotes", "events", "events involving Homan", "events on 2026-02-04", "events in Minneapolis",
        "events in January", "events before 2026-02-01", "events after 2026-01-31", "mentions of Homan",
        "source of s25", "quotes by Homan | where kind = direct | count",
        #"quotes where text has "officer*" and not kind = reported sort by paragraph desc limit 3"#,
        "quotes | count by speaker", "actors | show name, kind | sort by name", "explain who said \"surrender\"",
    ]

    struct Measurement {
        var query: String
        var median: Duration
        var rows: Int
    }

    static func main() throws {
        var json = false
        var iterations = 200
        var corpus: String?
        var corpusQueries: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--json":
                json = true
            case "--db":
                guard let path = arguments.popFirst() else { usage("--db needs a corpus file") }
                corpus = path
            case "-q":
                guard let query = arguments.popFirst() else { usage("-q needs a query") }
                corpusQueries.append(query)
            case "--runs":
                guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { usage("--runs needs a positive number") }
                iterations = value
            case "-h", "--help":
                print("usage: newsq-bench [--json] [--runs N]   (N runs per query, default 200)")
                return
            default:
                usage("unknown argument '\(argument)'")
            }
        }
        if let corpus {
            try CorpusBench(path: corpus, queries: corpusQueries, runs: iterations).run()
            return
        }
        let setupRuns = max(1, iterations / 10)

        let clock = ContinuousClock()
        let model = ArticleModel.bundled
        let setup = median(clock, setupRuns) { _ = try? Interpreter(model: model) }
        let floor = median(clock, iterations) { blackHole(model.article.text.contains("surrendering")) }
        let shell = try Interpreter(model: model)

        var measurements: [Measurement] = []
        for query in queries {
            let result = try shell.run(query)
            let time = median(clock, iterations) { _ = try? shell.run(query) }
            measurements.append(Measurement(query: query, median: time, rows: result.message == nil ? result.rows.count : -1))
        }

        if json {
            printJSON(measurements, setup: setup, floor: floor, runs: iterations, setupRuns: setupRuns)
            return
        }
        print("newsq benchmark — bundled model, \(iterations) runs per query, release build")
        print("floor: substring scan of the article text = \(format(floor))  (scripts/bench compares with SQLite)")
        print("interpreter set-up (validation; tables and indexes are built on first use) = \(format(setup))  (×\(ratio(setup, floor)))")
        print("")
        print(pad("query", 70) + pad("median", 12) + "× floor")
        for measurement in measurements {
            print(pad(measurement.query, 70) + pad(format(measurement.median), 12) + ratio(measurement.median, floor))
        }
        print("")
        let worst = measurements.max { $0.median < $1.median }!
        print("slowest query: \(worst.query) — \(format(worst.median)), \(worst.median < .milliseconds(1) ? "under" : "OVER") the 1 ms budget")
    }

    static func printJSON(_ measurements: [Measurement], setup: Duration, floor: Duration, runs: Int, setupRuns: Int) {
        var lines = ["{"]
        lines.append("  \"runs\": \(runs),")
        lines.append("  \"setup_runs\": \(setupRuns),")
        lines.append("  \"setup_ns\": \(nanoseconds(setup)),")
        lines.append("  \"floor_ns\": \(nanoseconds(floor)),")
        lines.append("  \"queries\": [")
        for (index, measurement) in measurements.enumerated() {
            let comma = index == measurements.count - 1 ? "" : ","
            lines.append("    {\"query\": \(jsonString(measurement.query)), \"median_ns\": \(nanoseconds(measurement.median)), \"rows\": \(measurement.rows)}\(comma)")
        }
        lines.append("  ]")
        lines.append("}")
        print(lines.joined(separator: "\n"))
    }

    static func usage(_ message: String) -> Never {
        // Glibc, not Foundation: linked statically, Foundation brings a linker warning and start-up cost.
        let text = Array("newsq-bench: \(message)\nusage: newsq-bench [--json] [--runs N] | newsq-bench --db CORPUS [--runs N] -q QUERY…\n".utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }

    static func median(_ clock: ContinuousClock, _ runs: Int, _ body: () -> Void) -> Duration {
        var times: [Duration] = []
        times.reserveCapacity(runs)
        for _ in 0..<runs { times.append(clock.measure(body)) }
        times.sort()
        return times[times.count / 2]
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    static func jsonString(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, into: &out)
        return out
    }

    static func format(_ duration: Duration) -> String {
        let microseconds = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        if microseconds < 1000 { return "\(rounded(microseconds)) µs" }
        return "\(rounded(microseconds / 1000)) ms"
    }

    static func ratio(_ time: Duration, _ reference: Duration) -> String {
        let r = (Double(time.components.attoseconds) + Double(time.components.seconds) * 1e18)
            / max(1, Double(reference.components.attoseconds) + Double(reference.components.seconds) * 1e18)
        return rounded(r)
    }

    static func rounded(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let shown = text.count > width - 2 ? String(text.prefix(width - 3)) + "…" : text
        return shown + String(repeating: " ", count: max(1, width - shown.count))
    }

    @inline(never) static func blackHole<T>(_ value: T) { _ = value }
}
