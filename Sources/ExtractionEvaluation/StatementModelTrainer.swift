import Foundation
import NewsExtraction
import NewsModel

/// Trains the extractor's statement model (`NewsExtraction`'s `StatementClassifier`) on an
/// annotated corpus: every candidate statement the sieves propose, labelled by
/// ``AttributionScorer``, fitted by a logistic regression; the thresholds chosen on held-out
/// folds so that precision stays at the targets while recall is as high as it goes.
///
/// Everything is deterministic: examples in corpus order, folds by article index, plain
/// gradient steps without random shuffling.
public struct StatementModelTrainer: Sendable {
    /// One candidate statement.
    public struct Example: Sendable {
        /// Its features (indices into ``Dataset/names``).
        public var features: [Int32]
        /// Whether the scorer counts it for precision.
        public var counted: Bool
        /// Whether it finds a gold attribution.
        public var matched: Bool
        /// Whether it is quoted (direct or partial).
        public var quoted: Bool
        /// The gold attributions it finds (corpus-wide indices).
        public var finds: [Int]
        /// The article it comes from (its index in the corpus).
        public var article: Int
        /// Whether its cue is a gold cue.
        public var cueHits = false
    }

    /// The candidates of a corpus and its gold attributions.
    public struct Dataset: Sendable {
        public var names: [String] = []
        public var index: [String: Int32] = [:]
        public var examples: [Example] = []
        /// For each gold attribution with a source, whether it is quoted.
        public var goldQuoted: [Bool] = []

        public init() {}

        /// Adds one article's candidates.
        public mutating func add(article: Int, features: [[String]], outcomes: [AttributionScorer.Outcome],
                                 sourced: [Bool], quoted: [Bool])
        {
            var goldIndex: [Int: Int] = [:]
            for (g, hasSource) in sourced.enumerated() where hasSource {
                goldIndex[g] = goldQuoted.count
                goldQuoted.append(quoted[g])
            }
            for (names, outcome) in zip(features, outcomes) {
                var ids: [Int32] = []
                for name in names {
                    if let id = index[name] {
                        ids.append(id)
                    } else {
                        let id = Int32(self.names.count)
                        self.names.append(name)
                        index[name] = id
                        ids.append(id)
                    }
                }
                examples.append(Example(features: ids, counted: outcome.counted, matched: outcome.matched, quoted: outcome.quoted,
                                        finds: outcome.finds.compactMap { goldIndex[$0] }, article: article,
                                        cueHits: outcome.cueHits))
            }
        }
    }

    /// Precision and recall of keeping the examples whose probability reaches the threshold of
    /// their kind.
    public struct Estimate: Sendable {
        public var quoted = Score()
        public var all = Score()
    }

    /// Gradient steps over the corpus.
    public var epochs = 5
    /// The step size (AdaGrad's).
    public var rate = 0.05
    /// The L2 penalty per example.
    public var l2 = 1e-5
    /// Features seen fewer times than this are left out.
    public var minimumCount = 3

    public init() {}

    /// The weights of a logistic regression fitted to the counted examples `selected` (all when
    /// nil); features below the minimum count get no weight.
    public func fit(_ data: Dataset, where selected: (Example) -> Bool = { _ in true }) -> [Double] {
        var counts = [Int](repeating: 0, count: data.names.count)
        for example in data.examples where example.counted && selected(example) {
            for f in example.features { counts[Int(f)] += 1 }
        }
        var weights = [Double](repeating: 0, count: data.names.count)
        var squares = [Double](repeating: 1e-8, count: data.names.count)
        for _ in 0..<epochs {
            for example in data.examples where example.counted && selected(example) {
                var sum = 0.0
                for f in example.features where counts[Int(f)] >= minimumCount { sum += weights[Int(f)] }
                let p = 1 / (1 + Foundation.exp(-sum))
                let error = p - (example.matched ? 1 : 0)
                for f in example.features where counts[Int(f)] >= minimumCount {
                    let i = Int(f)
                    let gradient = error + l2 * weights[i]
                    squares[i] += gradient * gradient
                    weights[i] -= rate * gradient / squares[i].squareRoot()
                }
            }
        }
        for i in weights.indices where counts[i] < minimumCount { weights[i] = 0 }
        return weights
    }

    /// The probability of each example under `weights`.
    public static func probabilities(_ data: Dataset, _ weights: [Double]) -> [Double] {
        data.examples.map { example in
            var sum = 0.0
            for f in example.features { sum += weights[Int(f)] }
            return 1 / (1 + Foundation.exp(-sum))
        }
    }

    /// Each example's probability under a model fitted without its article's fold.
    public func heldOutProbabilities(_ data: Dataset, folds: Int) -> [Double] {
        var result = [Double](repeating: 0, count: data.examples.count)
        for fold in 0..<folds {
            let weights = fit(data) { $0.article % folds != fold }
            let all = Self.probabilities(data, weights)
            for (i, example) in data.examples.enumerated() where example.article % folds == fold { result[i] = all[i] }
        }
        return result
    }

    /// Precision and recall when keeping what reaches the thresholds.
    public static func estimate(_ data: Dataset, _ probabilities: [Double], quoted: Double, reported: Double) -> Estimate {
        var estimate = Estimate()
        var found = [Bool](repeating: false, count: data.goldQuoted.count)
        for (example, p) in zip(data.examples, probabilities) where p >= (example.quoted ? quoted : reported) {
            for g in example.finds { found[g] = true }
            guard example.counted else { continue }
            estimate.all.predicted += 1
            if example.matched { estimate.all.truePositives += 1 }
            if example.quoted {
                estimate.quoted.predicted += 1
                if example.matched { estimate.quoted.truePositives += 1 }
            }
        }
        for (g, isQuoted) in data.goldQuoted.enumerated() {
            estimate.all.gold += 1
            if found[g] { estimate.all.found += 1 }
            if isQuoted {
                estimate.quoted.gold += 1
                if found[g] { estimate.quoted.found += 1 }
            }
        }
        return estimate
    }

    /// The thresholds that give the highest recall with quoted precision at least
    /// `quotedPrecision` and all precision at least `allPrecision` (the quoted one first, over
    /// quoted statements; then the reported one, over all).
    public static func thresholds(_ data: Dataset, _ probabilities: [Double], quotedPrecision: Double, allPrecision: Double)
        -> (quoted: Double, reported: Double)
    {
        let grid = stride(from: 0.05, through: 0.95, by: 0.01).map { ($0 * 100).rounded() / 100 }
        var quoted = 0.5
        var best = -1
        for q in grid {
            let e = estimate(data, probabilities, quoted: q, reported: 2)
            if e.quoted.precision >= quotedPrecision, e.quoted.found > best {
                best = e.quoted.found
                quoted = q
            }
        }
        var reported = 0.5
        best = -1
        for r in grid {
            let e = estimate(data, probabilities, quoted: quoted, reported: r)
            if e.all.precision >= allPrecision, e.all.found > best {
                best = e.all.found
                reported = r
            }
        }
        return (quoted, reported)
    }

    /// The weights file: its header, the thresholds, and the features with a weight of at
    /// least `0.005` in size, by name.
    public static func weightsFile(header: String, names: [String], weights: [Double], quoted: Double, reported: Double) -> String {
        var lines = [header, "threshold quoted \(format(quoted))", "threshold reported \(format(reported))"]
        var rows: [(String, Double)] = []
        for (name, weight) in zip(names, weights) where abs(weight) >= 0.005 { rows.append((name, weight)) }
        rows.sort { $0.0 < $1.0 }
        for (name, weight) in rows { lines.append("\(name) \(format(weight))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
