import NewsModel
import NewsQuery
import NewsStore

/// In-process times of queries over a corpus in a SQLite store, as `scripts/bench-corpus`
/// reports them beside the one-shot command line: for each query, the 50th and 95th
/// percentile of `runs` runs through ``Interpreter/stream(_:source:sourceName:chunkSize:chunk:)``
/// (the rows read and dropped, as a session writing them would), and the row count. Prints one
/// JSON object per line: `{"query": …, "p50_ns": …, "p95_ns": …, "rows": …}`.
struct CorpusBench {
    let path: String
    let queries: [String]
    let runs: Int

    func run() throws {
        let store = try CorpusDatabase(connection: try SQLiteConnection(path: path, create: false), name: path, create: false)
        let shell = Interpreter(store: store)
        let clock = ContinuousClock()
        for query in queries {
            let statements = try Parser.parse(query, sourceName: "<bench>")
            guard let statement = statements.first, statements.count == 1 else {
                throw StoreError("one statement per query: \(query)")
            }
            var rows = 0
            func once() throws {
                rows = 0
                if let whole = try shell.stream(statement, source: query, chunk: { chunk in
                    rows += chunk.rows.count
                    return true
                }) {
                    rows = whole.rows.count
                }
            }
            try once()
            var times: [Duration] = []
            times.reserveCapacity(runs)
            for _ in 0..<runs { times.append(try clock.measure { try once() }) }
            times.sort()
            let p50 = times[times.count / 2], p95 = times[min(times.count - 1, times.count * 95 / 100)]
            print("{\"query\": \(NewsqBench.jsonString(query)), \"p50_ns\": \(NewsqBench.nanoseconds(p50)), "
                + "\"p95_ns\": \(NewsqBench.nanoseconds(p95)), \"rows\": \(rows)}")
        }
    }
}
