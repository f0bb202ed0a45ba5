import ExtractionEvaluation
import Foundation
import NewsExtraction
import NewsModel

/// `newsq-eval train DIR [--out FILE] [--folds N]`: fits the statement model on PolNeAR's train
/// split (only that split: dev is for evaluation, test is never read) and writes its weights file.
func train(_ arguments: [String]) {
    guard let root = arguments.first else { fail("train needs the corpus folder") }
    let out = option("--out", in: arguments) ?? "Sources/NewsExtraction/Lexicons/statement-weights.txt"
    let folds = Int(option("--folds", in: arguments) ?? "4") ?? 4
    let folder = URL(fileURLWithPath: root).appendingPathComponent("train")
    let documents: [BratCorpus.Document]
    do {
        documents = try BratCorpus(folder: folder).documents()
    } catch {
        fail("cannot read \(folder.path): \(error)")
    }
    var data = StatementModelTrainer.Dataset()
    let extractor = Extractor()
    for (index, document) in documents.enumerated() {
        guard let candidates = try? extractor.candidates(text: document.text, fileName: document.name + ".txt") else { continue }
        let outcomes = AttributionScorer().outcomes(model: candidates.model, gold: document.attributions)
        data.add(article: index, features: candidates.features, outcomes: outcomes.statements, sourced: outcomes.sourced,
                 quoted: outcomes.quoted)
    }
    var trainer = StatementModelTrainer()
    if let value = option("--epochs", in: arguments).flatMap(Int.init) { trainer.epochs = value }
    if let value = option("--rate", in: arguments).flatMap(Double.init) { trainer.rate = value }
    if let value = option("--l2", in: arguments).flatMap(Double.init) { trainer.l2 = value }
    if let value = option("--min-count", in: arguments).flatMap(Int.init) { trainer.minimumCount = value }
    let counted = data.examples.filter(\.counted)
    print("train: \(documents.count) articles, \(data.examples.count) candidates (\(counted.count) counted, \(counted.filter(\.matched).count) right), \(data.names.count) features")
    let everything = [Double](repeating: 1, count: data.examples.count)
    let ceiling = StatementModelTrainer.estimate(data, everything, quoted: 0, reported: 0)
    print("  every candidate kept:  quoted \(ceiling.quoted)  all \(ceiling.all)")
    let heldOut = trainer.heldOutProbabilities(data, folds: folds)
    if let template = option("--by", in: arguments) { breakdown(data, template: template, probabilities: heldOut) }
    let (quoted, reported) = StatementModelTrainer.thresholds(data, heldOut, quotedPrecision: Double(option("--quoted-precision", in: arguments) ?? "0.955") ?? 0.955, allPrecision: Double(option("--all-precision", in: arguments) ?? "0.905") ?? 0.905)
    let estimate = StatementModelTrainer.estimate(data, heldOut, quoted: quoted, reported: reported)
    print("  held out (\(folds) folds), thresholds quoted \(quoted) reported \(reported):")
    print("    quoted \(estimate.quoted)")
    print("    all    \(estimate.all)")
    let weights = trainer.fit(data)
    let inSample = StatementModelTrainer.estimate(data, StatementModelTrainer.probabilities(data, weights), quoted: quoted, reported: reported)
    print("  in sample, same thresholds: quoted \(inSample.quoted)  all \(inSample.all)")
    let header = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false)
        .prefix { $0.hasPrefix("#") }.joined(separator: "\n") ?? "# The statement model's weights."
    let file = StatementModelTrainer.weightsFile(header: header, names: data.names, weights: weights, quoted: quoted, reported: reported)
    do {
        try file.write(toFile: out, atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(out): \(error)")
    }
    print("  wrote \(out): \(file.split(separator: "\n").count) lines")
}

/// Counts of candidates and right ones by the value of one template (`--by TEMPLATE`).
func breakdown(_ data: StatementModelTrainer.Dataset, template: String, probabilities: [Double]? = nil) {
    var counts: [String: (total: Int, right: Int, kept: Int, keptRight: Int, cueHits: Int)] = [:]
    let only = data.index[option("--only", in: CommandLine.arguments)?.replacingOccurrences(of: "=", with: " ") ?? ""]
    for (i, example) in data.examples.enumerated() where example.counted && (only == nil || example.features.contains(only!)) {
        for f in example.features {
            let name = data.names[Int(f)]
            guard name.hasPrefix(template + " ") else { continue }
            var c = counts[name] ?? (0, 0, 0, 0, 0)
            c.total += 1
            if example.cueHits { c.cueHits += 1 }
            if example.matched { c.right += 1 }
            if let p = probabilities?[i], p >= 0.6 {
                c.kept += 1
                if example.matched { c.keptRight += 1 }
            }
            counts[name] = c
        }
    }
    for (name, c) in counts.sorted(by: { $0.value.total > $1.value.total }).prefix(60) {
        print("  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(c.total) \(c.right) cue-right \(c.cueHits)  kept \(c.kept) \(c.keptRight)")
    }
}

/// `newsq-eval mine-cues DIR [--out FILE] [--min N] [--rate R]`: the words PolNeAR's train split
/// annotates as cues (outside the cue lexicon and the common words), with how often each is a
/// cue and how often it occurs; what the learned cues are proposed from. Counts only.
func mineCues(_ arguments: [String]) {
    guard let root = arguments.first else { fail("mine-cues needs the corpus folder") }
    let out = option("--out", in: arguments) ?? "Sources/NewsExtraction/Lexicons/learned-cues.txt"
    let minimum = Int(option("--min", in: arguments) ?? "4") ?? 4
    let rate = Double(option("--rate", in: arguments) ?? "0.08") ?? 0.08
    let folder = URL(fileURLWithPath: root).appendingPathComponent("train")
    guard let documents = try? BratCorpus(folder: folder).documents() else { fail("cannot read \(folder.path)") }
    func words(_ scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.properties.isAlphabetic || (scalar == "-" && !current.isEmpty) {
                current.append(scalar)
            } else {
                if !current.isEmpty { result.append(String(current).lowercased()) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current).lowercased()) }
        return result
    }
    var asCue: [String: Int] = [:]
    var total: [String: Int] = [:]
    for document in documents {
        let text = ScalarText(document.text)
        for word in words(text.scalars[...]) { total[word, default: 0] += 1 }
        for gold in document.attributions where gold.hasSource {
            var seen = Set<String>()
            for range in gold.cue {
                for word in words(text.scalars[range.clamped(to: 0..<text.count)]) where seen.insert(word).inserted {
                    asCue[word, default: 0] += 1
                }
            }
        }
    }
    let excluded = Extractor.lexiconWords()
    var rows: [(String, Int, Int)] = []
    for (word, count) in asCue where count >= minimum && !excluded.contains(word) && word.count >= 3 {
        let all = max(total[word] ?? count, count)
        if Double(count) / Double(all) >= rate { rows.append((word, count, all)) }
    }
    rows.sort { $0.0 < $1.0 }
    let header = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false)
        .prefix { $0.hasPrefix("#") }.joined(separator: "\n") ?? "# Learned cues."
    let file = ([header] + rows.map { "\($0.0) \($0.1) \($0.2)" }).joined(separator: "\n") + "\n"
    do { try file.write(toFile: out, atomically: true, encoding: .utf8) } catch { fail("cannot write \(out): \(error)") }
    print("mine-cues: \(rows.count) words (at least \(minimum) times a cue, in at least \(Int(rate * 100)) % of their uses) → \(out)")
}

/// `newsq-eval digest DIR…`: one line per folder, a checksum of the model files of every `.txt`
/// article in it (FNV-1a over `ModelFile.encode`), to check that a change meant to be faster
/// leaves every model as it was.
func digest(_ arguments: [String]) {
    for root in arguments {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { fail("cannot read \(root)") }
        var paths: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".txt") && !path.hasSuffix("README.TXT") { paths.append(path) }
        paths.sort()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var models = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: root + "/" + path),
                let model = try? Extractor().extract(bytes: [UInt8](data), fileName: path, date: CalendarDate(year: 2005, month: 1, day: 1))
            else { continue }
            models += 1
            for byte in ModelFile.encode(model).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        print("\(root): \(models) models, digest \(String(hash, radix: 16))")
    }
}
