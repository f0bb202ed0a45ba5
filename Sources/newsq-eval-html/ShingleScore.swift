/// The article-extraction benchmark's metric (its `evaluate.py`): `\w+` tokens, 4-token
/// shingles counted as multisets; per page true positives, false positives and false negatives;
/// precision and recall averaged over pages; F1 the harmonic mean of the two averages.
enum ShingleScore {
    struct Result {
        var precision: Double
        var recall: Double
        var f1: Double
        var perPage: [String: [Double]]
    }

    /// The `\w+` tokens of a text: runs of letters, numbers and `_` — Python's Unicode `\w`,
    /// which is `str.isalnum()` or `_` (so combining marks split words, as they do there).
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: index)
            if isWord(scalar) {
                if start == nil { start = index }
            } else if let s = start {
                result.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { result.append(text[s..<text.endIndex]) }
        return result
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func shingles(_ text: String) -> [String: Int] {
        let t = tokens(text)
        var counts: [String: Int] = [:]
        guard !t.isEmpty else { return counts }
        let n = 4
        for i in 0..<max(1, t.count - n + 1) {
            let key = t[i..<min(t.count, i + n)].joined(separator: "\u{1}")
            counts[key, default: 0] += 1
        }
        return counts
    }

    static func score(gold: [String: String], predictions: [String: String]) -> Result {
        var precisions: [Double] = []
        var recalls: [Double] = []
        var perPage: [String: [Double]] = [:]
        for id in gold.keys.sorted() {
            let a = shingles(gold[id] ?? "")
            let b = shingles(predictions[id] ?? "")
            var tp = 0, fp = 0, fn = 0
            for (key, count) in a {
                let other = b[key] ?? 0
                tp += min(count, other)
                fn += max(0, count - other)
            }
            for (key, count) in b { fp += max(0, count - (a[key] ?? 0)) }
            let p: Double? = tp + fp > 0 ? (fp == 0 && fn == 0 ? 1 : Double(tp) / Double(tp + fp)) : nil
            let r: Double? = tp + fn > 0 ? (fp == 0 && fn == 0 ? 1 : Double(tp) / Double(tp + fn)) : nil
            if let p { precisions.append(p) }
            if let r { recalls.append(r) }
            perPage[id] = [p ?? -1, r ?? -1]
        }
        let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return Result(precision: precision, recall: recall, f1: f1, perPage: perPage)
    }
}

/// How titles are compared: exactly, after white space is collapsed.
enum MetadataMatch {
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        return norm(a) == norm(b)
    }
}
