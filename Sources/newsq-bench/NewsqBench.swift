import Foundation
import NewsModel
import NewsQuery

/// Times every query form in-process over the bundled model and prints per-query medians,
/// side by side with a reference measured in the same run: a plain substring scan of the
/// article text (`String.contains`), the least work any text question can cost. Run through
/// `scripts/bench` (release build); not a test.
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

    static func main() throws {
        let clock = ContinuousClock()
        let model = ArticleModel.bundled
        let iterations = 200

        let setup = median(clock, 20) { _ = try? Interpreter(model: model) }
        let reference = median(clock, iterations) { blackHole(model.article.text.contains("surrendering")) }
        let shell = try Interpreter(model: model)

        print("newsq benchmark — bundled model, \(iterations) runs per query, release build")
        print("reference: substring scan of the article text = \(format(reference))")
        print("interpreter set-up (validate, tables, text and name indexes) = \(format(setup))  (×\(ratio(setup, reference)))")
        print("")
        print(pad("query", 70) + pad("median", 12) + "× reference")
        var worst: Duration = .zero
        for query in queries {
            _ = try shell.run(query)
            let time = median(clock, iterations) { _ = try? shell.run(query) }
            worst = max(worst, time)
            print(pad(query, 70) + pad(format(time), 12) + ratio(time, reference))
        }
        print("")
        print("slowest query: \(format(worst)) — \(worst < .milliseconds(1) ? "under" : "OVER") the 1 ms budget")
    }

    static func median(_ clock: ContinuousClock, _ runs: Int, _ body: () -> Void) -> Duration {
        var times: [Duration] = []
        times.reserveCapacity(runs)
        for _ in 0..<runs { times.append(clock.measure(body)) }
        times.sort()
        return times[times.count / 2]
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
