import NewsModel

/// Reads the publication dates pages write: ISO 8601 (`2019-11-20T06:35:39Z`, `2019-11-20`,
/// `20191120`), month names in English, German, French and Spanish (`November 20, 2019`,
/// `20 Nov 2019`, `20. November 2019`, `le 20 novembre 2019`), numeric dates with the year last
/// (`20.11.2019`, `11/20/2019` — day first unless the first number cannot be a day), and dates
/// in URLs (`/2019/11/20/`, `/2020/oct/02/`).
///
/// Only the calendar day is kept: the time of day and zone are dropped, as the model records
/// dates only (``CalendarDate``).
enum DateText {
    /// Month names and abbreviations, lower-cased, to their number.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "janvier", "enero", "jänner", "gennaio"],
            ["february", "feb", "februar", "février", "fevrier", "febrero", "febbraio"],
            ["march", "mar", "märz", "maerz", "mars", "marzo"],
            ["april", "apr", "avril", "abril", "aprile"],
            ["may", "mai", "mayo", "maggio"],
            ["june", "jun", "juni", "juin", "junio", "giugno"],
            ["july", "jul", "juli", "juillet", "julio", "luglio"],
            ["august", "aug", "août", "aout", "agosto"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre"],
        ]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    /// The first date in `text`, or `nil`.
    static func parse(_ text: String) -> CalendarDate? {
        let tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        // ISO forms first: YYYY-MM-DD at the start wins over anything later.
        for (i, token) in tokens.enumerated() {
            guard case .number(let value, let digits) = token else { continue }
            if digits == 4, (1900...2100).contains(value), i + 4 < tokens.count,
                case .separator(let s1) = tokens[i + 1], s1 == "-" || s1 == "/" || s1 == ".",
                case .number(let month, _) = tokens[i + 2],
                case .separator(let s2) = tokens[i + 3], s2 == s1,
                case .number(let day, _) = tokens[i + 4]
            {
                if let date = CalendarDate(year: value, month: month, day: day) { return date }
            }
            if digits == 8, let date = CalendarDate(year: value / 10000, month: value / 100 % 100, day: value % 100),
                (1900...2100).contains(date.year)
            {
                return date
            }
        }
        for (i, token) in tokens.enumerated() {
            switch token {
            case .word(let word):
                guard let month = months[word] else { continue }
                // Month Day, Year
                if let (day, next) = number(tokens, after: i, within: 1...31),
                    let (year, _) = number(tokens, after: next, within: 1900...2100),
                    let date = CalendarDate(year: year, month: month, day: day)
                {
                    return date
                }
                // Day Month Year
                if let (day, _) = number(tokens, before: i, within: 1...31),
                    let (year, _) = number(tokens, after: i, within: 1900...2100),
                    let date = CalendarDate(year: year, month: month, day: day)
                {
                    return date
                }
            case .number(let first, let digits) where digits <= 2:
                // D.M.YYYY, D/M/YYYY, M/D/YYYY
                guard i + 4 < tokens.count, case .separator(let s1) = tokens[i + 1], s1 == "." || s1 == "/" || s1 == "-",
                    case .number(let second, let d2) = tokens[i + 2], d2 <= 2,
                    case .separator(let s2) = tokens[i + 3], s2 == s1,
                    case .number(let year, 4) = tokens[i + 4], (1900...2100).contains(year)
                else { continue }
                if s1 == "/", second > 12 || first <= 12, let date = CalendarDate(year: year, month: first, day: second) {
                    return date
                }
                if let date = CalendarDate(year: year, month: second, day: first) { return date }
            default:
                continue
            }
        }
        return nil
    }

    /// A date in a URL path: `/2019/11/20/`, `/2018/12/4/`, `/2019-11-20-`, `/2020/oct/02/`;
    /// `nil` without one. The month may have one digit or be an English or other month name
    /// (``months``); the day one or two digits.
    static func fromURL(_ url: String) -> CalendarDate? {
        let tokens = tokenize(url)
        for i in tokens.indices {
            guard case .number(let year, 4) = tokens[i], (1990...2100).contains(year), i + 4 < tokens.count,
                case .separator(let s1) = tokens[i + 1], s1 == "/" || s1 == "-" || s1 == "_",
                case .separator(let s2) = tokens[i + 3], s2 == s1,
                case .number(let day, let digits) = tokens[i + 4], digits <= 2
            else { continue }
            let month: Int
            switch tokens[i + 2] {
            case .number(let value, let digits) where digits <= 2: month = value
            case .word(let word) where months[word] != nil: month = months[word]!
            default: continue
            }
            if let date = CalendarDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case separator(Unicode.Scalar)
    }

    private static func number(_ tokens: [Token], after index: Int, within range: ClosedRange<Int>) -> (Int, Int)? {
        var i = index + 1
        while i < tokens.count {
            switch tokens[i] {
            case .number(let value, _): return range.contains(value) ? (value, i) : nil
            case .separator(let s) where s == "," || s == "." || s == " " || s == "-": i += 1
            case .word(let w) where ["st", "nd", "rd", "th", "de", "of", "du"].contains(w): i += 1
            default: return nil
            }
        }
        return nil
    }

    private static func number(_ tokens: [Token], before index: Int, within range: ClosedRange<Int>) -> (Int, Int)? {
        var i = index - 1
        while i >= 0 {
            switch tokens[i] {
            case .number(let value, _): return range.contains(value) ? (value, i) : nil
            case .separator(let s) where s == "," || s == "." || s == " " || s == "-": i -= 1
            case .word(let w) where ["st", "nd", "rd", "th", "de", "of", "du"].contains(w): i -= 1
            default: return nil
            }
        }
        return nil
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = 0
        var value = 0
        var word = String.UnicodeScalarView()
        func finish() {
            if digits > 0 { tokens.append(.number(digits > 9 ? Int.max : value, digits: digits)) }
            if !word.isEmpty { tokens.append(.word(String(word).lowercased())) }
            digits = 0
            value = 0
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars.prefix(400) {
            if scalar >= "0" && scalar <= "9" {
                if !word.isEmpty { finish() }
                if digits < 10 { value = value * 10 + Int(scalar.value - 48) }
                digits += 1
            } else if scalar.properties.isAlphabetic {
                if digits > 0 { finish() }
                word.append(scalar)
            } else {
                finish()
                if scalar != " " || tokens.last != .separator(" ") {
                    tokens.append(.separator(scalar == "\u{A0}" || scalar == "\t" || scalar == "\n" ? " " : scalar))
                }
            }
        }
        finish()
        return tokens
    }
}
