/// Days and stretches of days written the way people write them (`February 4`, `Feb 4 2026`,
/// `in 2026`), resolved against the article date by the same rules as ``TimeResolver/resolve(_:)``:
/// a month named without a year is in the article's year, or the year before when the month
/// comes after the article's month.
extension TimeResolver {
    /// The forms ``day(_:)`` reads, for messages.
    public static let dayForms = "2026-02-04, Wednesday, today, yesterday, February 4, Feb 4 2026, 4 February 2026"

    /// The forms ``window(_:)`` reads, for messages.
    public static let windowForms = "2026, January, Jan 2026, early January, mid-January, late January, this week, the past week"

    /// The single day `text` names: `YYYY-MM-DD`; a weekday, `today` or `yesterday` (as
    /// ``resolve(_:)`` reads them); `MONTH DAY [YEAR]` or `DAY MONTH [YEAR]` with the month in
    /// full or abbreviated (`Feb`, `Feb.`, `Sept`), commas and a leading `on` ignored. `nil` for
    /// anything else, and for a day that does not exist (`February 30`).
    public func day(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingBlanks
        if let date = CalendarDate(iso: trimmed) { return date }
        var words = Self.words(trimmed)
        if words.first == "on" { words.removeFirst() }
        if words.count == 1, let reference = resolve(words[0]), reference.precision == .day {
            return reference.earliest
        }
        // MONTH DAY [YEAR] or DAY MONTH [YEAR]: the day stands next to the month, the year last.
        guard (2...3).contains(words.count) else { return nil }
        let month: Int, dayWord: String
        if let named = Self.month(named: words[0]) {
            (month, dayWord) = (named, words[1])
        } else if let named = Self.month(named: words[1]) {
            (month, dayWord) = (named, words[0])
        } else {
            return nil
        }
        guard let day = Int(dayWord), (1...31).contains(day) else { return nil }
        var year = month > articleDate.month ? articleDate.year - 1 : articleDate.year
        if words.count == 3 {
            guard let stated = Int(words[2]), (1...9999).contains(stated) else { return nil }
            year = stated
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The first and last day of the stretch `text` names: a year (`2026`), a month with or
    /// without a year (`January`, `Jan 2026`), the period words of ``resolve(_:)`` (`early
    /// January`, `this week`, `the past week`), or any day ``day(_:)`` reads (a window of one
    /// day). `nil` for anything else.
    public func window(_ text: String) -> (first: CalendarDate, last: CalendarDate)? {
        var words = Self.words(text.trimmingBlanks)
        if words.first == "in" { words.removeFirst() }
        if words.count == 1, words[0].count == 4, let year = Int(words[0]),
           let first = CalendarDate(year: year, month: 1, day: 1), let last = CalendarDate(year: year, month: 12, day: 31)
        {
            return (first, last)
        }
        if words.count == 2, let month = Self.month(named: words[0]), let year = Int(words[1]), words[1].count == 4 {
            return monthWindow(month: month, year: year)
        }
        if words.count == 1, let month = Self.month(named: words[0]) { return monthWindow(month: month) }
        let joined = words.map { Self.month(named: $0).map { Self.months[$0 - 1] } ?? $0 }.joined(separator: " ")
        if let reference = resolve(joined), let first = reference.earliest, let last = reference.latest {
            return (first, last)
        }
        if let day = day(text) { return (day, day) }
        return nil
    }

    /// The month (1–12) a word names: the full English name or its first three letters, any
    /// case, with or without a final period (`Sept` too); `nil` for any other word.
    public static func month(named word: String) -> Int? {
        var lowered = word.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        if let index = months.firstIndex(of: lowered) { return index + 1 }
        if lowered == "sept" { return 9 }
        guard lowered.count == 3, let index = months.firstIndex(where: { $0.hasPrefix(lowered) }) else { return nil }
        return index + 1
    }

    /// The words of `text` in lower case, split at blanks, commas and hyphens.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "-" }).map(String.init)
    }
}

extension String {
    /// The string without leading and trailing blanks and line breaks.
    fileprivate var trimmingBlanks: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(Substring(scalars))
    }
}
