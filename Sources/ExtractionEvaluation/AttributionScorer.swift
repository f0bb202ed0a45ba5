import NewsModel

/// Precision, recall and F1 over counts.
public struct Score: Sendable, Equatable, CustomStringConvertible {
    /// Statements that match a gold attribution.
    public var truePositives = 0
    /// Statements counted for precision.
    public var predicted = 0
    /// Gold attributions found.
    public var found = 0
    /// Gold attributions counted for recall.
    public var gold = 0

    /// Creates an empty score.
    public init() {}

    /// Matched statements over counted statements (1 when there are none).
    public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    /// Found attributions over counted attributions (1 when there are none).
    public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Adds another score's counts.
    public static func + (lhs: Score, rhs: Score) -> Score {
        var total = lhs
        total.truePositives += rhs.truePositives
        total.predicted += rhs.predicted
        total.found += rhs.found
        total.gold += rhs.gold
        return total
    }

    /// `P 0.953 (143/150)  R 0.912 (52/57)  F1 0.932`.
    public var description: String {
        "P \(Self.format(precision)) (\(truePositives)/\(predicted))  R \(Self.format(recall)) (\(found)/\(gold))  F1 \(Self.format(f1))"
    }

    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let digits = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - digits.count))\(digits)"
    }
}

/// The scorer of issue 13, 4(b): extracted statements against gold attributions.
///
/// A gold attribution is found when a statement's content overlaps its content by at least half
/// of the shorter of the two (in scalars) and the speaker is right: the statement's speaker
/// words overlap the gold source span, or the resolved speaker's name contains the gold source's
/// head word. Attributions without a source are left out of recall, and a statement whose
/// content matches only such attributions is left out of precision. Quoted attributions are those
/// whose content holds a quotation mark (``hasQuotationMark(_:)``); quoted statements are direct
/// and partial ones (whose content is, or holds, quoted words).
public struct AttributionScorer: Sendable {
    /// The result for one article or a corpus.
    public struct Result: Sendable {
        /// Over quoted attributions and quoted statements.
        public var quoted = Score()
        /// Over all attributions and statements.
        public var all = Score()
        /// Per rule: statements made and how many matched.
        public var byRule: [String: (made: Int, matched: Int)] = [:]
        /// Gold attributions not found, with whether some statement's content matched them.
        public var missed: [(gold: GoldAttribution, contentMatched: Bool)] = []
        /// Statements counted for precision that matched nothing.
        public var falsePositives: [Statement] = []

        /// Creates an empty result.
        public init() {}

        /// Adds another result.
        public mutating func add(_ other: Result) {
            quoted = quoted + other.quoted
            all = all + other.all
            for (rule, counts) in other.byRule {
                let current = byRule[rule] ?? (0, 0)
                byRule[rule] = (current.made + counts.made, current.matched + counts.matched)
            }
            missed += other.missed
            falsePositives += other.falsePositives
        }
    }

    /// Creates a scorer.
    public init() {}

    /// The number of scalars two sets of ranges share (ranges within each set do not overlap).
    public static func overlap(_ a: [Range<Int>], _ b: [Range<Int>]) -> Int {
        var total = 0
        for x in a {
            for y in b {
                let low = max(x.lowerBound, y.lowerBound)
                let high = min(x.upperBound, y.upperBound)
                if high > low { total += high - low }
            }
        }
        return total
    }

    static func length(_ ranges: [Range<Int>]) -> Int { ranges.reduce(0) { $0 + $1.count } }

    /// Whether the contents overlap by at least half of the shorter.
    public static func contentMatches(_ a: [Range<Int>], _ b: [Range<Int>]) -> Bool {
        let shorter = min(length(a), length(b))
        guard shorter > 0 else { return false }
        return 2 * overlap(a, b) >= shorter
    }

    /// Whether the words hold a quotation mark: `“`, `”`, `"`, or `''` (two apostrophes, as some
    /// newspapers' plain text writes a double mark).
    public static func hasQuotationMark(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if scalar == "“" || scalar == "”" || scalar == "\"" || (scalar == "'" && previous == "'") { return true }
            previous = scalar
        }
        return false
    }

    /// The head word of a source span: its last word before a preposition, relative pronoun,
    /// comma or bracket, lower case, a possessive `’s` taken off.
    public static func headWord(_ text: String) -> String? {
        let stops: Set<String> = ["of", "who", "which", "that", "from", "at", "for", "in", "on", "with", "and", "whose"]
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        outer: for character in text {
            if character.isLetter || character.isNumber || character == "-" {
                current.append(contentsOf: character.lowercased())
            } else if character == "’" || character == "'" {
                current.append("'")
            } else {
                flush()
                if character == "," || character == "(" || character == ";" { break outer }
            }
            if let last = words.last, stops.contains(last), words.count > 1 {
                words.removeLast()
                break outer
            }
        }
        flush()
        if let last = words.last, stops.contains(last), words.count > 1 { words.removeLast() }
        guard var head = words.last else { return nil }
        if head.hasSuffix("'s") { head.removeLast(2) }
        if head.hasSuffix("'") { head.removeLast() }
        return head.isEmpty ? nil : head
    }

    /// What the scorer makes of one statement.
    public struct Outcome: Sendable, Equatable {
        /// Whether the statement counts for precision (not when it only matches attributions
        /// without a source).
        public var counted: Bool
        /// Whether it finds a gold attribution (content and speaker right).
        public var matched: Bool
        /// Whether it is quoted (direct or partial).
        public var quoted: Bool
        /// The indices of the gold attributions (with a source) it finds.
        public var finds: [Int]
        /// Whether its cue overlaps the cue of a gold attribution with a source.
        public var cueHits = false

        /// Creates an outcome.
        public init(counted: Bool, matched: Bool, quoted: Bool, finds: [Int], cueHits: Bool = false) {
            self.counted = counted
            self.matched = matched
            self.quoted = quoted
            self.finds = finds
            self.cueHits = cueHits
        }
    }

    /// Each statement's outcome, and for each gold attribution whether it has a source and
    /// whether it is quoted: enough to score any subset of the statements.
    public func outcomes(model: ArticleModel, gold: [GoldAttribution]) -> (statements: [Outcome], sourced: [Bool], quoted: [Bool]) {
        let text = ScalarText(model.article.text)
        let actorNames = Dictionary(model.actors.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
        let heads = gold.map { attribution -> String? in
            guard let first = attribution.source.first else { return nil }
            let last = attribution.source.last!
            return Self.headWord(text.text(from: first.lowerBound, to: last.upperBound))
        }
        let quotedGold = gold.map { attribution in
            attribution.content.contains { range in Self.hasQuotationMark(text.scalars[range.clamped(to: 0..<text.count)]) }
        }
        func speakerRight(_ statement: Statement, _ index: Int) -> Bool {
            let attribution = gold[index]
            if let span = statement.speakerSpan {
                let range = span.start..<span.end
                if attribution.source.contains(where: { $0.overlaps(range) }) { return true }
            }
            guard let head = heads[index] else { return false }
            for id in statement.speakers {
                guard let name = actorNames[id] else { continue }
                let words = name.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" && $0 != "-" }
                    .map { $0.replacingOccurrences(of: "’", with: "'") }
                if words.contains(head) || words.contains(where: { $0.hasPrefix(head + "'") }) { return true }
            }
            return false
        }
        var outcomes: [Outcome] = []
        for statement in model.statements {
            let content = statement.contentSpans.map { $0.start..<$0.end }
            var finds: [Int] = []
            var matchesSourced = false
            var matchesUnsourced = false
            for index in gold.indices where Self.contentMatches(content, gold[index].content) {
                if gold[index].hasSource {
                    matchesSourced = true
                    if speakerRight(statement, index) { finds.append(index) }
                } else {
                    matchesUnsourced = true
                }
            }
            let counted = !finds.isEmpty || !matchesUnsourced || matchesSourced
            var outcome = Outcome(counted: counted, matched: !finds.isEmpty, quoted: statement.kind != .reported, finds: finds)
            if let cue = statement.cueSpan {
                let range = cue.start..<cue.end
                outcome.cueHits = gold.contains { $0.hasSource && $0.cue.contains { $0.overlaps(range) } }
            }
            outcomes.append(outcome)
        }
        return (outcomes, gold.map(\.hasSource), quotedGold)
    }

    /// Scores one article's model against its gold attributions.
    public func score(model: ArticleModel, gold: [GoldAttribution]) -> Result {
        var result = Result()
        let (outcomes, _, quotedGold) = outcomes(model: model, gold: gold)
        var found = [Bool](repeating: false, count: gold.count)
        var contentFound = [Bool](repeating: false, count: gold.count)
        for (statement, outcome) in zip(model.statements, outcomes) {
            let content = statement.contentSpans.map { $0.start..<$0.end }
            for index in gold.indices where Self.contentMatches(content, gold[index].content) { contentFound[index] = true }
            for index in outcome.finds { found[index] = true }
            let matched = outcome.matched
            let rule = statement.rule ?? "hand-made"
            guard outcome.counted else { continue }
            let counts = result.byRule[rule] ?? (0, 0)
            result.byRule[rule] = (counts.made + 1, counts.matched + (matched ? 1 : 0))
            result.all.predicted += 1
            if matched { result.all.truePositives += 1 } else { result.falsePositives.append(statement) }
            if statement.kind != .reported {
                result.quoted.predicted += 1
                if matched { result.quoted.truePositives += 1 }
            }
        }
        for index in gold.indices where gold[index].hasSource {
            result.all.gold += 1
            if found[index] { result.all.found += 1 } else { result.missed.append((gold[index], contentFound[index])) }
            if quotedGold[index] {
                result.quoted.gold += 1
                if found[index] { result.quoted.found += 1 }
            }
        }
        return result
    }
}
