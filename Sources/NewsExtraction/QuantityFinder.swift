import NewsModel

/// An amount in the text: its value, unit, hedge and words.
struct QuantityExpression: Sendable, Equatable {
    /// The words of the amount, hedge included ("About 700", "roughly a quarter").
    var tokens: Range<Int>
    var value: Double
    /// What is counted: the words after the number, up to four, before a preposition, verb or
    /// punctuation ("federal officers"); for a fraction, what follows "of" ("of the total").
    var unit: String
    var approximate: Bool
}

/// Phase 6b, quantities: numbers in digits (`700`, `2,000`, `3.5`, `20%`, `£1,400`), number words
/// (`two`, `dozen`, `a quarter`, `half`), with their hedges (`about`, `roughly`, `nearly`, `more
/// than`, `at least`, `some`, `an estimated`). Years and the days of dates are times, not
/// quantities (``TimeFinder`` runs first and its tokens are skipped).
struct QuantityFinder {
    let analyzed: AnalyzedText
    /// For each token, whether a time expression holds it.
    var timeTokens: [Bool]

    init(analyzed: AnalyzedText, times: [TimeExpression] = []) {
        self.analyzed = analyzed
        timeTokens = [Bool](repeating: false, count: analyzed.tokens.count)
        for time in times { for t in time.tokens { timeTokens[t] = true } }
    }

    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
        "thousand": 1000, "dozens": 24, "hundreds": 200, "thousands": 2000,
    ]
    static let fractions: [String: Double] = ["half": 0.5, "quarter": 0.25, "third": 1.0 / 3, "fifth": 0.2, "tenth": 0.1]
    static let hedges: [[String]] = [
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["at", "most"], ["up", "to"],
        ["an", "estimated"], ["about"], ["roughly"], ["around"], ["nearly"], ["almost"], ["approximately"], ["some"],
        ["over"], ["under"], ["close", "to"],
    ]
    static let scales: [String: Double] = ["million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3, "hundred": 100]
    static let unitStops: Set<String> = [
        "of", "in", "on", "at", "to", "for", "from", "by", "with", "who", "that", "which", "and", "or", "will", "would",
        "have", "has", "had", "were", "was", "are", "is", "be", "been", "said", "after", "before", "since", "than",
    ]

    func find() -> [QuantityExpression] {
        let tokens = analyzed.tokens
        var result: [QuantityExpression] = []
        var t = 0
        while t < tokens.count {
            defer { t += 1 }
            let token = tokens[t]
            guard token.kind == .number || token.has(.amountStart), !timeTokens[t], analyzed.tokenSentence[t] >= 0
            else { continue }
            var value: Double?
            var numberEnd = t + 1
            var fraction = false
            if token.kind == .number {
                // Digits, commas and a decimal point only: "1e555" is no amount (and no finite number).
                let digits = token.text.filter { $0 != "," }
                value = digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) ? Double(digits) : nil
                // "1990s", "20th": not an amount.
                if value == nil { continue }
                if token.text.count == 4, let v = value, v >= 1900, v <= 2100, !token.text.contains(",") { continue }
            } else if let number = Self.numberWords[token.text], token.text != "one" || (t + 1 < tokens.count && tokens[t + 1].kind == .word && !tokens[t + 1].isCapitalized) {
                value = number
            } else if ["a", "one"].contains(token.text), t + 1 < tokens.count, let part = Self.fractions[tokens[t + 1].text] {
                value = part
                numberEnd = t + 2
                fraction = true
            } else if token.text == "half", t + 1 < tokens.count, ["of", "the"].contains(tokens[t + 1].text) {
                value = 0.5
                fraction = true
            }
            guard var amount = value else { continue }
            // A scale, a percent sign or a fraction's noun belongs to the number only within its sentence.
            func inSentence(_ u: Int) -> Bool { u < tokens.count && analyzed.tokenSentence[u] == analyzed.tokenSentence[t] }
            if fraction, !inSentence(numberEnd - 1) { continue }
            if inSentence(numberEnd), let scale = Self.scales[tokens[numberEnd].text], token.kind == .number {
                amount *= scale
                numberEnd += 1
            }
            var start = t
            var approximate = false
            for hedge in Self.hedges where start - hedge.count >= 0 {
                let first = start - hedge.count
                if (0..<hedge.count).allSatisfy({ tokens[first + $0].text == hedge[$0] }),
                    analyzed.tokenSentence[first] == analyzed.tokenSentence[t]
                {
                    // Every hedge, a bound ("more than") as much as an estimate ("about"), hedges the number.
                    start = first
                    approximate = true
                    break
                }
            }
            // A currency symbol before the number is its unit.
            var unit = ""
            if t > 0, tokens[t - 1].kind == .symbol, tokens[t - 1].end == token.start, start == t, analyzed.tokenSentence[t - 1] == analyzed.tokenSentence[t] {
                unit = analyzed.original(t - 1)
                start = t - 1
            }
            if inSentence(numberEnd), tokens[numberEnd].text == "%" {
                unit = "%"
                numberEnd += 1
            }
            if unit.isEmpty {
                var u = numberEnd
                if fraction, inSentence(u), tokens[u].text == "of" { u += 1 }
                let unitStart = u
                while u < tokens.count, u - unitStart < 4, tokens[u].kind == .word, !tokens[u].has(.unitStop) || (fraction && u == unitStart && tokens[u].text == "the"),
                    analyzed.tokenSentence[u] == analyzed.tokenSentence[t]
                {
                    u += 1
                }
                if u > unitStart {
                    unit = (fraction ? "of " : "") + analyzed.text(tokens: unitStart..<u)
                } else if fraction, unitStart > numberEnd {
                    unit = "of the whole"
                }
            }
            guard !unit.isEmpty, amount.isFinite else { continue }
            result.append(QuantityExpression(tokens: start..<numberEnd, value: amount, unit: unit, approximate: approximate))
            t = numberEnd - 1
        }
        return result
    }
}
