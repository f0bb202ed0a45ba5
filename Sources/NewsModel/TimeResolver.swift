/// Turns the article's own time words ("Wednesday", "early January", "over the past week") into
/// a ``TimeReference`` resolved against the article date.
///
/// Resolution rules, all relative to the article date `D`:
/// - a weekday name is the latest such day on or before `D` ("Wednesday" in a Wednesday article
///   is that same day); `today` is `D`, `yesterday` is `D − 1`;
/// - `this week` is the Monday-to-Sunday week holding `D`; `over the past week` / `past week` is
///   `D − 7 … D`;
/// - `early MONTH` is days 1–10, `mid-MONTH` 11–20, `late MONTH` 21 to the month's end, `in MONTH`
///   or `MONTH` the whole month; the year is `D`'s, or the year before when the month comes after
///   `D`'s month.
/// Anything else does not resolve (`nil`): the model then records the words with
/// ``TimeReference/Precision/unknown`` bounds rather than guess.
public struct TimeResolver: Sendable {
    /// The date relative words resolve against.
    public var articleDate: CalendarDate

    /// Creates a resolver for an article published on `articleDate`.
    public init(articleDate: CalendarDate) {
        self.articleDate = articleDate
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// The first and last day of a month named without (or with) a year: the article's year, or
    /// the year before when the month comes after the article's month. `nil` for no such month.
    public func monthWindow(month: Int, year: Int? = nil) -> (first: CalendarDate, last: CalendarDate)? {
        let year = year ?? (month > articleDate.month ? articleDate.year - 1 : articleDate.year)
        guard let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else { return nil }
        return (first, last)
    }

    /// Resolves `text`; returns `nil` when the words are not one of the forms above.
    public func resolve(_ text: String) -> TimeReference? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        let date = articleDate
        switch words {
        case ["today"]:
            return .day(text, date, note: "the article date")
        case ["yesterday"]:
            return .day(text, date.adding(days: -1), note: "the day before the article date")
        case ["this", "week"]:
            let monday = date.adding(days: 1 - date.weekday)
            return TimeReference(text: text, precision: .range, earliest: monday, latest: monday.adding(days: 6),
                                 note: "the Monday-to-Sunday week of the article date")
        case ["over", "the", "past", "week"], ["the", "past", "week"], ["past", "week"]:
            return TimeReference(text: text, precision: .range, earliest: date.adding(days: -7), latest: date,
                                 note: "the seven days up to the article date")
        default:
            break
        }
        if words.count == 1, let weekday = Self.weekdays.firstIndex(of: words[0]) {
            let back = (date.weekday - (weekday + 1) + 7) % 7
            return .day(text, date.adding(days: -back), note: "the latest \(words[0].prefix(1).uppercased() + words[0].dropFirst()) on or before the article date")
        }
        var monthWords = words
        var part: (first: Int, last: Int?, name: String)? = nil
        if monthWords.first == "in" { monthWords.removeFirst() }
        if let first = monthWords.first, monthWords.count == 2 {
            switch first {
            case "early": part = (1, 10, "early")
            case "mid": part = (11, 20, "mid")
            case "late": part = (21, nil, "late")
            default: return nil
            }
            monthWords.removeFirst()
        }
        guard monthWords.count == 1, let monthIndex = Self.months.firstIndex(of: monthWords[0]) else { return nil }
        guard let (first, last) = monthWindow(month: monthIndex + 1) else { return nil }
        guard let part else {
            return TimeReference(text: text, precision: .month, earliest: first, latest: last,
                                 note: "the whole month, in the year of the article or the one before")
        }
        let lastDay = last.day
        return TimeReference(
            text: text, precision: .partOfMonth,
            earliest: CalendarDate(year: first.year, month: first.month, day: part.first),
            latest: CalendarDate(year: first.year, month: first.month, day: part.last ?? lastDay),
            note: "\(part.name) month read as days \(part.first)–\(part.last ?? lastDay)")
    }
}
