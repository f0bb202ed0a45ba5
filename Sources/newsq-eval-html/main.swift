// scripts/eval-html's measuring tool (docs/web-pages.md). Not a test.
//
//   newsq-eval-html main-text PAGES_DIR GROUND_TRUTH.json PREDICTIONS_DIR
//       reads every PAGES_DIR/ID.html, writes PREDICTIONS_DIR/ID.txt (the main text), and
//       prints one JSON line: pages, seconds, pages per second, precision, recall, F1 (the
//       article-extraction benchmark's metric, ShingleScore).
//   newsq-eval-html score GROUND_TRUTH.json PREDICTIONS_DIR
//       scores predictions made by anything (trafilatura) with the same metric.
//   newsq-eval-html metadata PAGES_DIR EVALDATA.json
//       title and date exact-match rates over the trafilatura evaluation pages.
//   newsq-eval-html page FILE.html     prints the page's metadata and main text
//   newsq-eval-html explain FILE.html  prints the main-text decisions, block by block
//   newsq-eval-html report OUT.html [ID…]   writes the bundled article's annotated report
import BundledArticle
import Foundation
import NewsModel
import NewsWeb

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsq-eval-html: \(message)\n".utf8))
    exit(2)
}

func readJSON(_ path: String) -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: path),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { fail("cannot read JSON object from \(path)") }
    return object
}

func printJSON(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("expected a command: main-text, score, metadata or page") }

switch command {
case "main-text":
    guard arguments.count == 4 else { fail("usage: main-text PAGES_DIR GROUND_TRUTH.json PREDICTIONS_DIR") }
    let (pages, goldPath, out) = (arguments[1], arguments[2], arguments[3])
    let gold = readJSON(goldPath)
    try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var inputs: [(String, [UInt8])] = []
    for id in gold.keys.sorted() {
        guard let data = FileManager.default.contents(atPath: "\(pages)/\(id).html") else { fail("missing page \(pages)/\(id).html") }
        inputs.append((id, [UInt8](data)))
    }
    let reader = WebPageReader()
    var predictions: [String: String] = [:]
    var failures: [String] = []
    let start = now()
    for (id, bytes) in inputs {
        do {
            predictions[id] = try reader.read(bytes).text
        } catch {
            predictions[id] = ""
            failures.append("\(id): \(error)")
        }
    }
    let seconds = now() - start
    for (id, text) in predictions {
        try! text.write(toFile: "\(out)/\(id).txt", atomically: true, encoding: .utf8)
    }
    let scores = ShingleScore.score(gold: gold.mapValues { (($0 as? [String: Any])?["articleBody"] as? String) ?? "" },
                                    predictions: predictions)
    for failure in failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
    printJSON(["pages": inputs.count, "seconds": seconds, "pages_per_second": Double(inputs.count) / seconds,
               "precision": scores.precision, "recall": scores.recall, "f1": scores.f1, "errors": failures.count,
               "per_page": scores.perPage])
case "score":
    guard arguments.count == 3 else { fail("usage: score GROUND_TRUTH.json PREDICTIONS_DIR") }
    let gold = readJSON(arguments[1])
    var predictions: [String: String] = [:]
    for id in gold.keys {
        predictions[id] = (try? String(contentsOfFile: "\(arguments[2])/\(id).txt", encoding: .utf8)) ?? ""
    }
    let scores = ShingleScore.score(gold: gold.mapValues { (($0 as? [String: Any])?["articleBody"] as? String) ?? "" },
                                    predictions: predictions)
    printJSON(["precision": scores.precision, "recall": scores.recall, "f1": scores.f1, "per_page": scores.perPage])
case "metadata":
    guard arguments.count == 3 else { fail("usage: metadata PAGES_DIR EVALDATA.json") }
    let eval = readJSON(arguments[2])
    let reader = WebPageReader()
    var titles = 0, dates = 0, total = 0
    var misses: [[String: String]] = []
    var inputs: [(url: String, file: String, title: String, date: String, bytes: [UInt8])] = []
    for (url, value) in eval.sorted(by: { $0.key < $1.key }) {
        guard let entry = value as? [String: Any], let file = entry["file"] as? String else { continue }
        guard let data = FileManager.default.contents(atPath: "\(arguments[1])/\(file)") else { fail("missing page \(file)") }
        inputs.append((url, file, (entry["title"] as? String) ?? "", (entry["date"] as? String) ?? "", [UInt8](data)))
    }
    var results: [(title: String, date: String, error: String)] = []
    let start = now()
    for input in inputs {
        do {
            let page = try reader.read(input.bytes, url: input.url)
            results.append((page.title ?? "", page.date?.iso ?? "", ""))
        } catch let failure {
            results.append(("", "", "\(failure)"))
        }
    }
    let seconds = now() - start
    for (input, result) in zip(inputs, results) {
        total += 1
        let titleOK = MetadataMatch.sameTitle(result.title, input.title)
        let dateOK = result.date == input.date
        if titleOK { titles += 1 }
        if dateOK { dates += 1 }
        if !titleOK || !dateOK {
            misses.append(["file": input.file, "title": titleOK ? "" : "\(result.title) ≠ \(input.title)",
                           "date": dateOK ? "" : "\(result.date) ≠ \(input.date)", "error": result.error])
        }
    }
    printJSON(["pages": total, "title_rate": Double(titles) / Double(total), "date_rate": Double(dates) / Double(total),
               "titles": titles, "dates": dates, "seconds": seconds, "pages_per_second": Double(total) / seconds,
               "misses": misses])
case "page":
    guard arguments.count == 2, let data = FileManager.default.contents(atPath: arguments[1]) else { fail("usage: page FILE.html") }
    do {
        let page = try WebPageReader().read([UInt8](data))
        print(page.articleText)
        FileHandle.standardError.write(Data("authors: \(page.authors) language: \(page.language ?? "-") encoding: \(page.encoding)\n".utf8))
    } catch {
        fail("\(arguments[1]): \(error)")
    }
case "report":
    // The bundled article's annotated report, for scripts/screenshot-report.
    guard arguments.count >= 2 else { fail("usage: report OUT.html [RECORD_ID…]") }
    let records = arguments.count > 2 ? Set(arguments[2...]) : nil
    do {
        let html = try ReportWriter(title: "Annotated statements").render(.bundled, title: "Homan says 700 federal officers will leave Minnesota", records: records)
        try! html.write(toFile: arguments[1], atomically: true, encoding: .utf8)
    } catch {
        fail("\(error)")
    }
case "explain":
    guard arguments.count == 2, let data = FileManager.default.contents(atPath: arguments[1]) else { fail("usage: explain FILE.html") }
    do {
        print(try WebPageReader().explain([UInt8](data)))
    } catch {
        fail("\(arguments[1]): \(error)")
    }
default:
    fail("unknown command \(command)")
}
