import NewsModel

/// How values compare in `where` and `sort by`: text without regard to case, diacritics or
/// typographic quotes; enumerations in their natural order (direct < partial < reported);
/// numbers and dates by value. Values of different types are never equal and never ordered.
enum ValueOrder {
    /// Whether two values are equal under the comparison rules.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x == y || TextAnalyzer.fold(x) == TextAnalyzer.fold(y)
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.number(let x), .integer(let y)), (.integer(let y), .number(let x)): return x == Double(y)
        case (.number(let x), .text(let y)), (.text(let y), .number(let x)): return Double(y) == x
        case (.date(let x), .date(let y)): return x == y
        case (.date(let x), .text(let y)), (.text(let y), .date(let x)): return x.iso == y
        case (.integer(let x), .text(let y)), (.text(let y), .integer(let x)): return String(x) == y
        case (.list(let x), .list(let y)): return x.map(TextAnalyzer.fold) == y.map(TextAnalyzer.fold)
        default: return a == b
        }
    }

    /// Whether `a` sorts before `b`; `enumOrder` ranks enumeration values.
    static func less(_ a: Value, _ b: Value, enumOrder: [String]? = nil) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.number(let x), .number(let y)): return x < y
        case (.number(let x), .integer(let y)): return x < Double(y)
        case (.integer(let x), .number(let y)): return Double(x) < y
        case (.date(let x), .date(let y)): return x < y
        case (.text(let x), .text(let y)):
            if let order = enumOrder {
                let fx = TextAnalyzer.fold(x), fy = TextAnalyzer.fold(y)
                if let i = order.firstIndex(of: fx), let j = order.firstIndex(of: fy) { return i < j }
            }
            return TextAnalyzer.fold(x) < TextAnalyzer.fold(y)
        case (.list(let x), .list(let y)):
            return x.map(TextAnalyzer.fold).lexicographicallyPrecedes(y.map(TextAnalyzer.fold))
        case (.span(let x, _), .span(let y, _)): return x < y
        default: return false
        }
    }
}
