// newsq-eval: the extraction benchmark behind scripts/eval-extraction (issue 13, 4). Not a test.
//
//   newsq-eval seed                               (a) the seed article against its hand-made model
//   newsq-eval polnear DIR [--split dev] [--errors N] [--list-misses]
//                                                 (b) PolNeAR's brat attributions, P/R/F1
//   newsq-eval speed DIR [--sqlite PATH] [--runs N] [--no-validate]
//                                                 (c) throughput over a folder of .txt articles
//                                                     beside sqlite3 building an FTS5 index
import BundledArticle
import ExtractionEvaluation
import Foundation
import NewsExtraction
import NewsModel

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(("newsq-eval: " + message + "\n").data(using: .utf8)!)
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Peak resident memory of this process (or of its finished children), in MiB.
func peakMiB(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fixed(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

// MARK: (a) the seed article

func seed() {
    let gold = ArticleModel.bundled
    let extracted: ArticleModel
    do {
        extracted = try Extractor().extract(text: gold.article.text, fileName: "metro-surge-2026-02-04.txt", date: gold.article.date)
    } catch {
        fail("the seed article does not extract: \(error)")
    }
    print("(a) seed article: \(gold.article.id) — \(gold.statements.count) gold statements, \(extracted.statements.count) extracted")
    print(SeedEvaluation(extracted: extracted, gold: gold).report)
}

// MARK: (b) PolNeAR

func polnear(_ arguments: [String]) {
    guard arguments.count >= 1 else { fail("polnear needs the corpus folder") }
    let split = option("--split", in: arguments) ?? "dev"
    guard split == "dev" || split == "train" else { fail("--split is dev or train (the test split is never read)") }
    let errors = Int(option("--errors", in: arguments) ?? "0") ?? 0
    let folder = URL(fileURLWithPath: arguments[0]).appendingPathComponent(split)
    let documents: [BratCorpus.Document]
    do {
        documents = try BratCorpus(folder: folder).documents()
    } catch {
        fail("cannot read \(folder.path): \(error)")
    }
    var total = AttributionScorer.Result()
    var failures: [String] = []
    var examples: [(String, String)] = []
    var missedCues: [String: (none: Int, speaker: Int)] = [:]
    let show = option("--show", in: arguments)
    var shown = 0
    let categorize = arguments.contains("--categories")
    var categories: [String: Int] = [:]
    let extractor = Extractor()
    for document in documents {
        let model: ArticleModel
        do {
            model = try extractor.extract(text: document.text, fileName: document.name + ".txt")
        } catch {
            failures.append("\(document.name): \(error)")
            continue
        }
        let result = AttributionScorer().score(model: model, gold: document.attributions)
        total.add(result)
        if let show, show.hasPrefix("rule:"), shown < errors {
            let text = ScalarText(document.text)
            for statement in result.falsePositives where statement.rule == String(show.dropFirst(5)) && shown < errors {
                shown += 1
                print("FP \(document.name) \(statement.id) speaker «\(statement.speakerSpan?.text ?? "-")» cue «\(statement.cue)» content «\(statement.content.prefix(140))»")
                let content = statement.contentSpans.map { $0.start..<$0.end }
                for gold in document.attributions where AttributionScorer.overlap(gold.content, content) > 0 {
                    let source = gold.source.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " ")
                    let cue = gold.cue.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " ")
                    let words = gold.content.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " … ")
                    print("   gold \(gold.id) source «\(source)» cue «\(cue)» content «\(words.prefix(100))»")
                }
            }
        }
        if errors > 0 {
            let text = ScalarText(document.text)
            for (gold, contentMatched) in result.missed {
                let cue = gold.cue.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " ").lowercased()
                let goldWords = gold.content.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined()
                let isQuoted = AttributionScorer.hasQuotationMark(Array(goldWords.unicodeScalars)[...])
                if let show, cue == show || (show == "quoted" && isQuoted) || (show == "unquoted" && !isQuoted), shown < errors {
                    shown += 1
                    func quote(_ ranges: [Range<Int>]) -> String {
                        ranges.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " … ")
                            .replacingOccurrences(of: "\n", with: "⏎")
                    }
                    let start = gold.content.first?.lowerBound ?? 0
                    let near = model.statements.filter { st in st.sentenceSpan.start <= start + 400 && st.sentenceSpan.end >= start - 400 }
                    print("MISS \(document.name) \(gold.id) [\(contentMatched ? "speaker" : "content")] source «\(quote(gold.source))» cue «\(quote(gold.cue))» content «\(quote(gold.content).prefix(160))»")
                    for st in near where AttributionScorer.overlap(st.contentSpans.map { $0.start..<$0.end }, gold.content) > 0 || st.cueSpan.map({ sp in gold.cue.contains { $0.overlaps(sp.start..<sp.end) } }) == true {
                        print("   got \(st.id) [\(st.rule ?? "")] speaker «\(st.speakerSpan?.text ?? "-")»=\(st.speaker) cue «\(st.cue)» content «\(st.content.prefix(120))»")
                    }
                }
                let counts = missedCues[cue] ?? (0, 0)
                missedCues[cue] = contentMatched ? (counts.none, counts.speaker + 1) : (counts.none + 1, counts.speaker)
            }
        }
        if categorize {
            for (gold, _) in result.missed {
                let content = gold.content
                let atCue = model.statements.filter { st in
                    st.cueSpan.map { sp in gold.cue.contains { $0.overlaps(sp.start..<sp.end) } } == true
                }
                let overlapping = model.statements.filter {
                    AttributionScorer.overlap($0.contentSpans.map { $0.start..<$0.end }, content) > 0
                }
                let kind: String
                if let st = atCue.first {
                    let spans = st.contentSpans.map { $0.start..<$0.end }
                    if AttributionScorer.contentMatches(spans, content) {
                        kind = "cue found, content right, speaker wrong"
                    } else if AttributionScorer.overlap(spans, content) > 0 {
                        kind = "cue found, content boundary"
                    } else {
                        kind = "cue found, other content"
                    }
                } else if overlapping.contains(where: { AttributionScorer.contentMatches($0.contentSpans.map { $0.start..<$0.end }, content) }) {
                    kind = "other cue, content right, speaker wrong"
                } else if !overlapping.isEmpty {
                    kind = "other cue, content overlaps"
                } else {
                    kind = "nothing"
                }
                categories[kind, default: 0] += 1
                if let wanted = option("--category", in: arguments), kind.hasPrefix(wanted), shown < errors {
                    shown += 1
                    let text = ScalarText(document.text)
                    func words(_ ranges: [Range<Int>]) -> String {
                        ranges.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " … ")
                            .replacingOccurrences(of: "\n", with: "⏎")
                    }
                    print("[\(kind)] src «\(words(gold.source))» cue «\(words(gold.cue))» content «\(words(gold.content).prefix(150))»")
                    if arguments.contains("--context"), let first = (gold.source + gold.cue + gold.content).map(\.lowerBound).min(),
                        let last = (gold.source + gold.cue + gold.content).map(\.upperBound).max()
                    {
                        print("    ctx: \(text.text(from: max(0, first - 60), to: min(text.count, last + 40)).replacingOccurrences(of: "\n", with: "⏎").prefix(400))")
                    }
                }
            }
        }
        if errors > 0, examples.count < errors {
            let text = ScalarText(document.text)
            for (gold, contentMatched) in result.missed.prefix(3) {
                let cue = gold.cue.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " ")
                let source = gold.source.map { text.text(from: $0.lowerBound, to: $0.upperBound) }.joined(separator: " ")
                examples.append(("miss", "\(document.name) \(gold.id) cue “\(cue)” source “\(source.prefix(40))” content \(contentMatched ? "matched" : "not matched")"))
            }
            for statement in result.falsePositives.prefix(2) {
                examples.append(("false", "\(document.name) \(statement.id) [\(statement.rule ?? "")] \(statement.cue) speaker “\(statement.speakerSpan?.text.prefix(30) ?? "")” content “\(statement.content.prefix(50))”"))
            }
        }
    }
    print("(b) PolNeAR \(split): \(documents.count) articles, \(total.all.gold) attributions with a source, \(total.quoted.gold) of them quoted")
    print("  quoted attributions: \(total.quoted)   goal: P ≥ 0.950, R ≥ 0.900")
    print("  all attributions:    \(total.all)   goal: P ≥ 0.900, R ≥ 0.750")
    print("  by rule (statements made, matched, precision):")
    for (rule, counts) in total.byRule.sorted(by: { $0.value.made > $1.value.made }) {
        let share = counts.made == 0 ? 0 : Double(counts.matched) / Double(counts.made)
        print("    \(rule.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(counts.made).leftPad(5)) \(String(counts.matched).leftPad(5))  \(fixed(share))")
    }
    let contentFound = total.missed.filter(\.contentMatched).count
    print("  missed: \(total.missed.count) (content found but wrong speaker: \(contentFound); no statement with the content: \(total.missed.count - contentFound))")
    if !failures.isEmpty {
        print("  articles that did not extract: \(failures.count)")
        for failure in failures.prefix(5) { print("    \(failure)") }
    }
    for (kind, line) in examples { print("  \(kind): \(line)") }
    for (kind, count) in categories.sorted(by: { $0.value > $1.value }) { print("  miss: \(kind): \(count)") }
    if errors > 0 {
        print("  missed cues (no content match / wrong speaker):")
        for (cue, counts) in missedCues.sorted(by: { $0.value.none + $0.value.speaker > $1.value.none + $1.value.speaker }).prefix(errors) {
            print("    \(cue.prefix(30).padding(toLength: 30, withPad: " ", startingAt: 0)) \(String(counts.none).leftPad(5)) \(String(counts.speaker).leftPad(5))")
        }
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

// MARK: (c) speed

func speed(_ arguments: [String]) {
    guard arguments.count >= 1 else { fail("speed needs a folder of .txt articles") }
    let root = URL(fileURLWithPath: arguments[0])
    let sqlite = option("--sqlite", in: arguments) ?? "sqlite3"
    let runs = Int(option("--runs", in: arguments) ?? "3") ?? 3
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { fail("cannot read \(root.path)") }
    var paths: [String] = []
    for case let path as String in enumerator where path.hasSuffix(".txt") && !path.hasSuffix("README.TXT") {
        paths.append(path)
    }
    paths.sort()
    let clock = ContinuousClock()
    let validates = !arguments.contains("--no-validate")
    let extractor = Extractor(options: Extractor.Options(validates: validates))
    // The seed article in-process: the median of many runs.
    let gold = ArticleModel.bundled
    var seedTimes: [Double] = []
    for _ in 0..<200 {
        let start = clock.now
        _ = try? extractor.extract(text: gold.article.text, date: gold.article.date)
        seedTimes.append(seconds(clock.now - start))
    }
    seedTimes.sort()
    // Extraction over the corpus, reading each file from disk, one core.
    var best = Double.infinity
    var bytes = 0
    var refused: [String] = []
    var statements = 0
    let fallbackDate = CalendarDate(year: 2005, month: 1, day: 1)!
    for run in 0..<runs {
        var total = 0
        var count = 0
        var failed: [String] = []
        let start = clock.now
        for path in paths {
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            total += data.count
            do {
                let model = try extractor.extract(bytes: [UInt8](data), fileName: path, date: fallbackDate)
                count += model.statements.count
            } catch {
                failed.append("\(path): \(error)")
            }
        }
        let elapsed = seconds(clock.now - start)
        best = min(best, elapsed)
        if run == 0 {
            bytes = total
            refused = failed
            statements = count
        }
    }
    let extractPeak = peakMiB()
    // sqlite3 building an FTS5 index over the same files, in the same run.
    var sqliteBest = Double.infinity
    let script = """
        CREATE VIRTUAL TABLE articles USING fts5(name, body);
        INSERT INTO articles(name, body) SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('.') WHERE name LIKE '%.txt' AND name NOT LIKE '%README%';
        SELECT count(*) FROM articles;
        """
    var indexed = ""
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [sqlite, ":memory:"]
        process.currentDirectoryURL = root
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let start = clock.now
        do { try process.run() } catch { fail("cannot run \(sqlite): \(error)") }
        input.fileHandleForWriting.write(script.data(using: .utf8)!)
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = seconds(clock.now - start)
        guard process.terminationStatus == 0 else { fail("\(sqlite) failed with status \(process.terminationStatus)") }
        indexed = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        sqliteBest = min(sqliteBest, elapsed)
    }
    let mb = Double(bytes) / 1_000_000
    print("(c) speed: \(paths.count) articles, \(fixed(mb, 1)) MB, one core, best of \(runs) runs\(validates ? "" : ", models not validated")")
    print("  extraction:          \(fixed(sqliteBest.isFinite ? best : 0)) s  (\(fixed(mb / best, 2)) MB/s, \(statements) statements; \(refused.count) file(s) refused)")
    for line in refused.prefix(3) { print("    refused: \(line)") }
    print("  sqlite3 FTS5 index:  \(fixed(sqliteBest)) s  (\(indexed) rows, in memory)")
    print("  ratio extraction/FTS5: \(fixed(best / sqliteBest, 2))   goal: ≤ 1.00")
    print("  seed article in-process: median \(fixed(seedTimes[seedTimes.count / 2] * 1000, 2)) ms, p90 \(fixed(seedTimes[seedTimes.count * 9 / 10] * 1000, 2)) ms   goal: < 2 ms")
    print("  peak memory: newsq-eval \(fixed(extractPeak, 1)) MiB, sqlite3 \(fixed(peakMiB(children: true), 1)) MiB")
}

// MARK: A file's statements, for a look

func show(_ arguments: [String]) {
    guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else { fail("show needs a file") }
    do {
        if arguments.contains("--candidates") {
            let all = try Extractor().candidates(text: String(decoding: data, as: UTF8.self), fileName: path,
                                                 date: CalendarDate(year: 2026, month: 2, day: 4))
            for (statement, p) in zip(all.model.statements, all.probabilities) {
                print("\(fixed(p, 2)) \(statement.id) [\(statement.rule ?? "")] \(statement.kind.rawValue) \(statement.speaker) «\(statement.speakerSpan?.text ?? "-")» \(statement.cue): «\(statement.content.prefix(100))»")
            }
            if arguments.contains("--features") { for f in all.features { print(f.joined(separator: "; ")) } }
            return
        }
        let model = try Extractor().extract(bytes: [UInt8](data), fileName: path, date: CalendarDate(year: 2026, month: 2, day: 4))
        for statement in model.statements {
            print("\(statement.id) [\(statement.rule ?? "")] \(statement.kind.rawValue) \(statement.speaker) «\(statement.speakerSpan?.text ?? "-")» \(statement.cue): «\(statement.content)» \(statement.confidence ?? 0)")
        }
        if arguments.contains("--sentences") {
            for sentence in model.article.sentences { print("[\(sentence.number)] \(sentence.text)") }
        }
        if arguments.contains("--actors") {
            for actor in model.actors {
                print("\(actor.id) \(actor.kind.rawValue) \(actor.name) aliases \(actor.aliases) mentions \(actor.mentions.map { "\($0.span.text)/\($0.form.rawValue.prefix(1))" })")
            }
        }
    } catch {
        fail("\(error)")
    }
}

// MARK: Main

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "seed": seed()
case "polnear": polnear(Array(arguments.dropFirst()))
case "speed": speed(Array(arguments.dropFirst()))
case "show": show(Array(arguments.dropFirst()))
case "train": train(Array(arguments.dropFirst()))
case "mine-cues": mineCues(Array(arguments.dropFirst()))
case "digest": digest(Array(arguments.dropFirst()))
default:
    fail("usage: newsq-eval seed | polnear DIR [--split dev|train] [--errors N] [--show CUE|quoted|unquoted|rule:NAME] | speed DIR [--sqlite PATH] [--runs N] [--no-validate] | show FILE [--actors] [--sentences]")
}
