import NewsModel

/// Splits text into ``Token``s in one pass over its scalars.
///
/// Rules, in the order they are tried at each scalar:
/// - white space separates tokens and is not one;
/// - a word runs over letters, digits and combining marks, an apostrophe or hyphen between two
///   letters (`O’Malley`, `state-led`, `didn’t`), and the periods of an abbreviation: a single
///   letter with its period (`J.`, and `U.S.`, `D.C.`, `a.m.` letter by letter), a word of
///   ``abbreviations`` (`Gov.`, `Jan.`, `Mr.`), or `No.` before a number;
/// - the clitics `’s`, `’re`, `’ve`, `’ll`, `’d` and `’m` are tokens of their own (`He’s` is `he`
///   and `'s`), so a possessive or a contracted pronoun is seen as such; `n’t` stays in its word;
/// - a number runs over digits with inner `,` or `.` before a digit (`2,000`, `3.5`) and any
///   letters that follow (`20th`, `1990s`);
/// - `—`, `–`, `―`, `--` and a hyphen with space on either side are dashes; `...` is one token;
/// - two apostrophes `''` are one quotation mark, a straight double one (`"`), and two backticks
///   an opening one, as plain-text newspaper archives write them;
/// - every other scalar is a token of its own: punctuation, a quotation mark or a symbol.
public struct Tokenizer: Sendable {
    /// Abbreviations whose period belongs to the word, as written (case matters: `No.` is an
    /// abbreviation, `no.` ends a sentence).
    public static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Gen", "Lt", "Col",
        "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Pres", "Supt", "Det", "Insp", "Atty", "Rev",
        "Fr", "Hon", "Jr", "Sr", "St", "Mt", "Ft", "Ave", "Blvd", "Rd", "Inc", "Co", "Corp", "Ltd", "Bros",
        "Dept", "Univ", "Assn", "vs", "etc", "approx", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif",
        "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich",
        "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va",
        "Vt", "Wash", "Wis", "Wyo",
    ]


    let lexicon = Lexicon.shared

    /// Abbreviations that stand before a number, and only there: `No. 1`, `Vol. 2`.
    static let numberAbbreviations: Set<String> = ["No", "Nos", "Vol", "Fig"]

    /// Creates a tokenizer.
    public init() {}

    /// The tokens of `scalars[range]`, in order.
    public func tokens(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let scalar = scalars[index]
            if Scalars.isSpace(scalar) {
                index += 1
            } else if Scalars.isLetter(scalar) {
                index = word(scalars, from: index, to: end, into: &tokens)
            } else if Scalars.isDigit(scalar) {
                index = number(scalars, from: index, to: end, into: &tokens)
            } else if Scalars.isApostrophe(scalar), index + 1 < end, Scalars.isLetter(scalars[index + 1]),
                let clitic = clitic(scalars, at: index, end: end), !tokens.isEmpty,
                tokens[tokens.count - 1].end == index, tokens[tokens.count - 1].kind == .word
            {
                tokens.append(make(scalars, index, index + 1 + clitic, .word))
                index += 1 + clitic
            } else if Scalars.isDash(scalar) {
                tokens.append(make(scalars, index, index + 1, .dash))
                index += 1
            } else if scalar == "-" {
                if index + 1 < end, scalars[index + 1] == "-" {
                    tokens.append(make(scalars, index, index + 2, .dash))
                    index += 2
                } else {
                    let spaced = index == range.lowerBound || Scalars.isSpace(scalars[index - 1])
                        || index + 1 == end || Scalars.isSpace(scalars[index + 1])
                    tokens.append(make(scalars, index, index + 1, spaced ? .dash : .symbol))
                    index += 1
                }
            } else if scalar == ".", index + 2 < end, scalars[index + 1] == ".", scalars[index + 2] == "." {
                tokens.append(make(scalars, index, index + 3, .punctuation))
                index += 3
            } else if (scalar == "'" || scalar == "`"), index + 1 < end, scalars[index + 1] == scalar {
                // '' and `` stand for a double quotation mark in some newspapers' plain text.
                var token = make(scalars, index, index + 2, .quote)
                token.text = scalar == "`" ? "“" : "\""
                tokens.append(token)
                index += 2
            } else if Scalars.isQuoteMark(scalar) {
                tokens.append(make(scalars, index, index + 1, .quote))
                index += 1
            } else {
                tokens.append(make(scalars, index, index + 1, Self.isPunctuation(scalar) ? .punctuation : .symbol))
                index += 1
            }
        }
        return tokens
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "…": return true
        default: return false
        }
    }

    /// The length of a clitic (`s`, `re`…) after the apostrophe at `index`, if one stands there
    /// and ends the word.
    private func clitic(_ scalars: [Unicode.Scalar], at index: Int, end: Int) -> Int? {
        var length = 0
        while index + 1 + length < end, Scalars.isLetter(scalars[index + 1 + length]), length < 3 {
            length += 1
        }
        if index + 1 + length < end, Scalars.isLetter(scalars[index + 1 + length]) { return nil }
        // s, re, ve, ll, d, m — in either case.
        func lower(_ k: Int) -> UInt32 { scalars[index + 1 + k].value | 0x20 }
        switch length {
        case 1: return [0x73, 0x64, 0x6D].contains(lower(0)) ? 1 : nil
        case 2:
            let pair = (lower(0), lower(1))
            return pair == (0x72, 0x65) || pair == (0x76, 0x65) || pair == (0x6C, 0x6C) ? 2 : nil
        default: return nil
        }
    }

    private func word(_ scalars: [Unicode.Scalar], from start: Int, to end: Int, into tokens: inout [Token]) -> Int {
        var index = start + 1
        while index < end {
            let scalar = scalars[index]
            if Scalars.isLetter(scalar) || Scalars.isDigit(scalar) || Scalars.isMark(scalar) {
                index += 1
            } else if (Scalars.isApostrophe(scalar) || scalar == "-" || scalar == "‑"), index + 1 < end,
                Scalars.isLetter(scalars[index + 1]) || (scalar == "-" && Scalars.isDigit(scalars[index + 1]))
            {
                if Scalars.isApostrophe(scalar), clitic(scalars, at: index, end: end) != nil { break }
                index += 2
            } else {
                break
            }
        }
        // Abbreviation periods.
        if index < end, scalars[index] == "." {
            let length = index - start
            if length == 1 {
                index += 1
                // U.S., D.C., a.m.: letter-period pairs.
                while index + 1 < end, Scalars.isLetter(scalars[index]), scalars[index + 1] == ".",
                    index + 2 == end || !Scalars.isLetter(scalars[index + 2])
                {
                    index += 2
                }
            } else if length <= 5 {
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                if Self.numberAbbreviations.contains(word) {
                    // "No. 1" is an abbreviation; "No." alone is the word and a full stop.
                    var next = index + 1
                    while next < end, scalars[next] == " " { next += 1 }
                    if next < end, Scalars.isDigit(scalars[next]) { index += 1 }
                } else if Self.abbreviations.contains(word) {
                    index += 1
                }
            }
        }
        tokens.append(make(scalars, start, index, .word))
        return index
    }

    private func number(_ scalars: [Unicode.Scalar], from start: Int, to end: Int, into tokens: inout [Token]) -> Int {
        var index = start + 1
        while index < end {
            let scalar = scalars[index]
            if Scalars.isDigit(scalar) || Scalars.isLetter(scalar) {
                index += 1
            } else if scalar == "," || scalar == ".", index + 1 < end, Scalars.isDigit(scalars[index + 1]),
                Scalars.isDigit(scalars[index - 1])
            {
                index += 2
            } else {
                break
            }
        }
        tokens.append(make(scalars, start, index, .number))
        return index
    }

    private func make(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ kind: Token.Kind) -> Token {
        var ascii = true
        var letters = 0
        var upper = 0
        for index in start..<end {
            let value = scalars[index].value
            if value >= 0x80 {
                ascii = false
                if scalars[index].properties.isAlphabetic {
                    letters += 1
                    if scalars[index].properties.isUppercase { upper += 1 }
                }
            } else if (0x41...0x5A).contains(value) {
                letters += 1
                upper += 1
            } else if (0x61...0x7A).contains(value) {
                letters += 1
            }
        }
        let text: String
        var word: Int32?
        if kind == .quote {
            text = String(Character(scalars[start]))
            word = lexicon.vocabulary[text]
        } else if ascii {
            // Lowered into a scratch buffer, looked up by its bytes, then written straight into
            // the string's storage (a small string, for most words: no allocation at all).
            (text, word) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buffer in
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for index in start..<end {
                    let value = UInt8(truncatingIfNeeded: scalars[index].value)
                    let lowered = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                    buffer[index - start] = lowered
                    hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01b3
                }
                let lowered = UnsafeBufferPointer(buffer)
                let found = kind == .number ? nil : lexicon.wordTable.index(of: lowered, hash: hash)
                return (String(decoding: lowered, as: UTF8.self), found)
            }
        } else {
            var folded = String.UnicodeScalarView()
            for scalar in scalars[start..<end] { folded.append(Scalars.isApostrophe(scalar) ? "'" : scalar) }
            text = String(folded).lowercased()
            word = kind == .number ? nil : lexicon.vocabulary[text]
        }
        var token = Token(start: start, end: end, kind: kind, text: text,
                          isCapitalized: Scalars.isUpper(scalars[start]), isAllCaps: letters >= 2 && upper == letters)
        if let word {
            token.word = word
            token.flags = lexicon.wordFlags[Int(word)]
        }
        return token
    }
}
