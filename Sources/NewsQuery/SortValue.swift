import NewsModel

/// A value prepared for sorting: text folded once, enumeration values replaced by their rank,
/// so that comparisons during a sort are cheap. Values of different kinds order by kind.
enum SortValue: Equatable, Comparable {
    /// No value; sorts last whatever the direction (the evaluator handles that).
    case null
    /// An enumeration value's position in its natural order.
    case rank(Int)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// A date.
    case date(CalendarDate)
    /// Folded text (lists joined).
    case text(String)

    /// Prepares `value`; `enumOrder` ranks enumeration values.
    init(_ value: Value, enumOrder: [String]?) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .date(let date): self = .date(date)
        case .span(let start, _): self = .integer(start)
        case .list(let items): self = .text(items.map(TextAnalyzer.fold).joined(separator: "\u{1}"))
        case .text(let text):
            let folded = TextAnalyzer.fold(text)
            if let order = enumOrder, let rank = order.firstIndex(of: folded) {
                self = .rank(rank)
            } else {
                self = .text(folded)
            }
        }
    }

    private var kindOrder: Int {
        switch self {
        case .null: return 4
        case .rank: return 0
        case .integer, .number: return 1
        case .date: return 2
        case .text: return 3
        }
    }

    /// Orders values of one kind by value, different kinds by kind.
    static func < (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case (.rank(let a), .rank(let b)): return a < b
        case (.integer(let a), .integer(let b)): return a < b
        case (.number(let a), .number(let b)): return a < b
        case (.integer(let a), .number(let b)): return Double(a) < b
        case (.number(let a), .integer(let b)): return a < Double(b)
        case (.date(let a), .date(let b)): return a < b
        // Folded text in UTF-8 byte order, as a database's binary collation orders it.
        case (.text(let a), .text(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return lhs.kindOrder < rhs.kindOrder
        }
    }
}
