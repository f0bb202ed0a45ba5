import NewsModel

/// A time expression in the text and what it resolves to.
struct TimeExpression: Sendable, Equatable {
    var tokens: Range<Int>
    var reference: TimeReference
}

/// Phase 6a, times: weekdays, `today`, `yesterday`, `this week`, `last week`, `over the past
/// week`, `early January`, `in March`, explicit dates (`Jan. 5`, `January 5, 2026`, `5 January
/// 2026`, `2026-02-04`) and years (`in 2016`).
///
/// Everything the model's ``NewsModel/TimeResolver`` reads is resolved by it, against the article
/// date; the other forms by the same rules (a month or a date without a year is in the article's
/// year, or the year before when it comes after the article's month; `last week` is the Monday to
/// Sunday week before the article's). Nothing is guessed: a date that does not exist (`February
/// 30`) is not a time, and no expression gets bounds its words do not imply.
struct TimeFinder {
    let analyzed: AnalyzedText
    let date: CalendarDate
    let resolver: TimeResolver

    init(analyzed: AnalyzedText, date: CalendarDate) {
        self.analyzed = analyzed
        self.date = date
        self.resolver = TimeResolver(articleDate: date)
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    static let monthAbbreviations: [String: Int] = [
        "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
        "oct.": 10, "nov.": 11, "dec.": 12,
    ]

    /// The month a word names, 1–12.
    static func month(_ word: String) -> Int? {
        if let index = months.firstIndex(of: word) { return index + 1 }
        return monthAbbreviations[word]
    }

    func find() -> [TimeExpression] {
        var result: [TimeExpression] = []
        var t = 0
        let tokens = analyzed.tokens
        while t < tokens.count {
            if mayStartExpression(t), let found = expression(at: t) {
                result.append(found)
                t = max(found.tokens.upperBound, t + 1)
            } else {
                t += 1
            }
        }
        return result
    }

    func words(_ range: Range<Int>) -> String { analyzed.text(tokens: range) }

    /// Whether a time expression can start at token `t`, by the flags alone: a number, a weekday
    /// or month, `today` or `yesterday`, or a time word before another time word, a number or
    /// a hyphen (`the past week`, `in 2016`, `mid-January`).
    func mayStartExpression(_ t: Int) -> Bool {
        let tokens = analyzed.tokens
        let token = tokens[t]
        if token.kind == .number || token.has(.weekdayOrMonth) { return true }
        guard token.has(.timeStart) else { return false }
        if token.text == "today" || token.text == "yesterday" { return true }
        guard t + 1 < tokens.count else { return false }
        let next = tokens[t + 1]
        return next.has(.timeStart) || next.kind == .number || next.text == "-"
    }

    /// The expression that starts at token `t`, longest form first.
    func expression(at t: Int) -> TimeExpression? {
        let tokens = analyzed.tokens
        let word = tokens[t].text
        func next(_ k: Int) -> String? { t + k < tokens.count ? tokens[t + k].text : nil }
        // ISO dates as one run: 2026 - 02 - 04 are three tokens; accept "2026-02-04" written together.
        if tokens[t].kind == .number, word.count == 4, next(1) == "-", let d = isoDate(at: t) { return d }
        // "over the past week", "the past week", "past week".
        if word == "over", next(1) == "the", next(2) == "past", next(3) == "week" { return resolved(t..<(t + 4)) }
        if word == "the", next(1) == "past", next(2) == "week" { return resolved(t..<(t + 3)) }
        if word == "past", next(1) == "week" { return resolved(t..<(t + 2)) }
        if word == "this", next(1) == "week" { return resolved(t..<(t + 2)) }
        if word == "last", next(1) == "week" { return lastWeek(t..<(t + 2)) }
        if word == "last", next(1) == "month" { return lastMonth(t..<(t + 2)) }
        if word == "this", next(1) == "month" || next(1) == "year" { return thisPeriod(t..<(t + 2), month: next(1) == "month") }
        if word == "today" || word == "yesterday" { return resolved(t..<(t + 1)) }
        if ["early", "mid", "late"].contains(word), let m = next(1).flatMap(Self.month), tokens[t + 1].isCapitalized {
            return partOfMonth(t..<(t + 2), part: word, month: m)
        }
        if word == "mid", next(1) == "-", let m = next(2).flatMap(Self.month) { return partOfMonth(t..<(t + 3), part: "mid", month: m) }
        if Self.weekdays.contains(word) {
            if t > 0, tokens[t - 1].text == "last" || tokens[t - 1].text == "next" { return unresolved((t - 1)..<(t + 1)) }
            return resolved(t..<(t + 1))
        }
        if let m = Self.month(word), tokens[t].isCapitalized, word != "may" || next(1).map({ Int($0) != nil }) == true {
            return monthExpression(at: t, month: m)
        }
        // "5 January 2005", the British order.
        if tokens[t].kind == .number, let day = Int(word), (1...31).contains(day), let m = next(1).flatMap(Self.month),
            tokens[t + 1].isCapitalized
        {
            var end = t + 2
            var year: Int?
            if let y = next(2).flatMap(Int.init), (1900...2100).contains(y) {
                year = y
                end = t + 3
            }
            return self.day(t..<end, month: m, day: day, year: year)
        }
        if word == "in", let y = next(1).flatMap(Int.init), tokens[t + 1].kind == .number, next(1)?.count == 4,
            (1900...2100).contains(y)
        {
            let first = CalendarDate(year: y, month: 1, day: 1)!
            let last = CalendarDate(year: y, month: 12, day: 31)!
            return TimeExpression(tokens: (t + 1)..<(t + 2), reference: TimeReference(
                text: words((t + 1)..<(t + 2)), precision: .range, earliest: first, latest: last, note: "the whole year"))
        }
        return nil
    }

    /// A month name: `January 5, 2026`, `Jan. 5`, `January 2026`, or the month alone.
    func monthExpression(at t: Int, month: Int) -> TimeExpression? {
        let tokens = analyzed.tokens
        if t + 1 < tokens.count, tokens[t + 1].kind == .number, let day = Int(tokens[t + 1].text) {
            if (1...31).contains(day) {
                var end = t + 2
                var year: Int?
                if end + 1 < tokens.count, tokens[end].text == ",", let y = Int(tokens[end + 1].text), (1900...2100).contains(y) {
                    year = y
                    end += 2
                }
                return self.day(t..<end, month: month, day: day, year: year)
            }
            if (1900...2100).contains(day), let first = CalendarDate(year: day, month: month, day: 1) {
                let last = CalendarDate(year: day, month: month, day: CalendarDate.daysIn(month: month, year: day))!
                return TimeExpression(tokens: t..<(t + 2), reference: TimeReference(
                    text: words(t..<(t + 2)), precision: .month, earliest: first, latest: last, note: "the whole month"))
            }
        }
        let inMonth = t > 0 && tokens[t - 1].text == "in"
        let range = inMonth ? (t - 1)..<(t + 1) : t..<(t + 1)
        guard tokens[t].text.hasSuffix(".") == false || inMonth else { return nil }
        return resolved(range)
    }

    /// A day of a month, in the given year or the article's reading of a year-less date.
    func day(_ range: Range<Int>, month: Int, day: Int, year: Int?) -> TimeExpression? {
        let y = year ?? resolver.monthWindow(month: month)?.first.year ?? date.year
        guard let value = CalendarDate(year: y, month: month, day: day) else { return nil }
        let note = year == nil ? "a date without a year: in the article's year, or the year before when its month comes later" : nil
        return TimeExpression(tokens: range, reference: .day(words(range), value, note: note))
    }

    func isoDate(at t: Int) -> TimeExpression? {
        let tokens = analyzed.tokens
        guard t + 4 < tokens.count, tokens[t + 2].kind == .number, tokens[t + 3].text == "-", tokens[t + 4].kind == .number,
            tokens[t + 4].end == tokens[t + 4].start + 2, tokens[t + 1].start == tokens[t].end
        else { return nil }
        let text = words(t..<(t + 5))
        guard let value = CalendarDate(iso: text) else { return nil }
        return TimeExpression(tokens: t..<(t + 5), reference: .day(text, value))
    }

    /// A form ``NewsModel/TimeResolver`` reads.
    func resolved(_ range: Range<Int>) -> TimeExpression? {
        let text = words(range)
        guard let reference = resolver.resolve(text) else { return nil }
        return TimeExpression(tokens: range, reference: reference)
    }

    /// Words that name a time the article does not let us place (`last Friday`, `next Monday`).
    func unresolved(_ range: Range<Int>) -> TimeExpression {
        let text = words(range)
        let tokens = analyzed.tokens
        if tokens[range.lowerBound].text == "last", let weekday = Self.weekdays.firstIndex(of: tokens[range.upperBound - 1].text) {
            // The latest such day strictly before the article date.
            var back = (date.weekday - (weekday + 1) + 7) % 7
            if back == 0 { back = 7 }
            return TimeExpression(tokens: range, reference: .day(text, date.adding(days: -back),
                                                               note: "the latest such weekday before the article date"))
        }
        return TimeExpression(tokens: range, reference: TimeReference(text: text, precision: .unknown))
    }

    func partOfMonth(_ range: Range<Int>, part: String, month: Int) -> TimeExpression? {
        let name = Self.months[month - 1]
        guard let reference = resolver.resolve("\(part) \(name)") else { return nil }
        var stated = reference
        stated.text = words(range)
        return TimeExpression(tokens: range, reference: stated)
    }

    func lastWeek(_ range: Range<Int>) -> TimeExpression {
        let monday = date.adding(days: 1 - date.weekday - 7)
        return TimeExpression(tokens: range, reference: TimeReference(
            text: words(range), precision: .range, earliest: monday, latest: monday.adding(days: 6),
            note: "the Monday-to-Sunday week before the article date's"))
    }

    func lastMonth(_ range: Range<Int>) -> TimeExpression {
        let month = date.month == 1 ? 12 : date.month - 1
        let year = date.month == 1 ? date.year - 1 : date.year
        let first = CalendarDate(year: year, month: month, day: 1)!
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        return TimeExpression(tokens: range, reference: TimeReference(
            text: words(range), precision: .month, earliest: first, latest: last, note: "the month before the article date's"))
    }

    func thisPeriod(_ range: Range<Int>, month: Bool) -> TimeExpression {
        let first = month ? CalendarDate(year: date.year, month: date.month, day: 1)! : CalendarDate(year: date.year, month: 1, day: 1)!
        let last = month
            ? CalendarDate(year: date.year, month: date.month, day: CalendarDate.daysIn(month: date.month, year: date.year))!
            : CalendarDate(year: date.year, month: 12, day: 31)!
        return TimeExpression(tokens: range, reference: TimeReference(
            text: words(range), precision: month ? .month : .range, earliest: first, latest: last,
            note: month ? "the month of the article date" : "the year of the article date"))
    }
}
