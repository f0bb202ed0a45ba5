/// One word of an analyzed text: its folded form, its stem and where it stands in the original.
public struct TextToken: Sendable, Equatable {
    /// The word as written, folded (see ``TextAnalyzer/fold(_:)``): lowercase, without
    /// diacritics, typographic apostrophes made straight (`we're`, `president's`), and the
    /// separators of a number removed (`2,000` → `2000`).
    public var folded: String
    /// The word's stem (``PorterStemmer``), computed after dropping a trailing possessive `'s` or
    /// `'`: "surrendering" → `surrend`, "president’s" → `presid`.
    public var stem: String
    /// The Unicode-scalar offsets of the word in the original text (start inclusive, end
    /// exclusive), possessive ending included.
    public var range: Range<Int>

    /// Creates a token.
    public init(folded: String, stem: String, range: Range<Int>) {
        self.folded = folded
        self.stem = stem
        self.range = range
    }
}

/// A text broken into words for searching (see ``TextAnalyzer/analyze(_:stemmer:)``).
public struct AnalyzedText: Sendable, Equatable {
    /// The words of the text, in order.
    public var tokens: [TextToken]

    /// Creates an analyzed text from its tokens.
    public init(tokens: [TextToken]) {
        self.tokens = tokens
    }

    /// The tokens that lie entirely inside `range` (scalar offsets), e.g. one sentence of an
    /// analyzed article.
    public func restricted(to range: Range<Int>) -> AnalyzedText {
        AnalyzedText(tokens: tokens.filter { range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= range.upperBound })
    }

    /// The same tokens with every range moved `offset` scalars along.
    public func shifted(by offset: Int) -> AnalyzedText {
        AnalyzedText(tokens: tokens.map { token in
            var token = token
            token.range = (token.range.lowerBound + offset)..<(token.range.upperBound + offset)
            return token
        })
    }
}

/// Folding and tokenizing of text for search: the same rules apply to the article and to the
/// words a user searches for, so that case, diacritics and the style of quotes never matter.
public enum TextAnalyzer {
    /// The text lowercased, with typographic apostrophes and primes (`’ ‘ ‛ ʼ ′`) made `'`,
    /// typographic double quotes (`“ ” „ ‟ ″`) made `"`, dashes and hyphens (`‐ ‑ ‒ – — ―`)
    /// made `-`, combining diacritics (U+0300–U+036F) removed and precomposed Latin letters
    /// (U+00C0–U+024F) replaced by their base letters (`é` → `e`, `ß` → `ss`, `æ` → `ae`,
    /// `ø` → `o`, `ł` → `l`, `þ` → `th`). Other scripts are only lowercased.
    public static func fold(_ text: String) -> String {
        // ASCII (nearly every name and query) maps byte to byte: no scalar-by-scalar appends.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                }
                return bytes.count
            }
        }
        if let ascii, let ascii { return ascii }
        var result: [UInt8] = []
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &result)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Breaks a text into words.
    ///
    /// A word is a maximal run of letters and digits (combining marks continue it). An
    /// apostrophe between two letters stays inside the word (`we're`, `president's`), as does
    /// one right after a word ending in `s` (`officers'`); a `,` or `.` between two digits is
    /// dropped and the number kept whole (`2,000` → `2000`). Anything else separates words, so
    /// `state-led` is two. Ranges count Unicode scalars of `text`.
    public static func analyze(_ text: String, stemmer: PorterStemmer = PorterStemmer()) -> AnalyzedText {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TextToken] = []
        // The folded word as UTF-8, one buffer reused for every word.
        var folded: [UInt8] = []
        var index = 0
        while index < scalars.count {
            guard classify(scalars[index]) == .word else {
                index += 1
                continue
            }
            let start = index
            folded.removeAll(keepingCapacity: true)
            var lastWordScalar = scalars[index]
            var end = index
            scan: while index < scalars.count {
                let scalar = scalars[index]
                switch classify(scalar) {
                case .word:
                    appendFolded(scalar, to: &folded)
                    lastWordScalar = scalar
                    index += 1
                    end = index
                case .mark:
                    appendFolded(scalar, to: &folded)
                    index += 1
                    end = index
                case .apostrophe:
                    let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                    if isLetter(lastWordScalar), let next, isLetter(next) {
                        folded.append(UInt8(ascii: "'"))
                        index += 1
                    } else if folded.last == UInt8(ascii: "s"), next.map({ classify($0) != .word }) ?? true {
                        folded.append(UInt8(ascii: "'"))
                        index += 1
                        end = index
                        break scan
                    } else {
                        break scan
                    }
                case .numberSeparator:
                    guard isDigit(lastWordScalar), index + 1 < scalars.count, isDigit(scalars[index + 1])
                    else { break scan }
                    index += 1
                case .other:
                    break scan
                }
            }
            let word = String(decoding: folded, as: UTF8.self)
            // The stem is of the word without a trailing possessive.
            let stemmed = folded.count - possessiveLength(folded[...])
            let base = stemmed == folded.count ? word : String(decoding: folded[..<stemmed], as: UTF8.self)
            tokens.append(TextToken(folded: word, stem: stemmer.stem(base), range: start..<end))
            index = end
        }
        return AnalyzedText(tokens: tokens)
    }

    /// How many bytes at the end of a folded word's UTF-8 are a possessive: 2 for `'s`, 1 for
    /// `'`, else 0. (Both are ASCII, so cutting them leaves valid UTF-8.)
    static func possessiveLength(_ utf8: ArraySlice<UInt8>) -> Int {
        if utf8.count >= 2, utf8[utf8.endIndex - 2] == UInt8(ascii: "'"), utf8.last == UInt8(ascii: "s") { return 2 }
        return utf8.last == UInt8(ascii: "'") ? 1 : 0
    }

    // MARK: Scalar classes

    /// What part a scalar plays in breaking text into words.
    private enum ScalarClass {
        case word, mark, apostrophe, numberSeparator, other
    }

    @inline(__always)
    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x27: return .apostrophe
            case 0x2C, 0x2E: return .numberSeparator
            default: return .other
            }
        }
        if isApostrophe(value) { return .apostrophe }
        // General Punctuation (dashes, typographic quotes, ellipsis, invisible format
        // characters) holds no letter, digit or mark: news text is full of it, and the
        // property lookups below cost more than the rest of the analysis.
        if (0x2000...0x206F).contains(value) { return .other }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .word }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .other
        }
    }

    private static func isApostrophe(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032: true
        default: false
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }
        return !isApostrophe(scalar.value) && scalar.properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x30...0x39).contains(scalar.value) }
        return scalar.properties.numericType == .decimal
    }

    // MARK: Folding

    /// Appends the folded form of one scalar, as UTF-8: nothing, one scalar or a few.
    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(truncatingIfNeeded: value)
            output.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            return
        }
        switch value {
        case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032:
            output.append(UInt8(ascii: "'"))
            return
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
            output.append(UInt8(ascii: "\""))
            return
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015:
            output.append(UInt8(ascii: "-"))
            return
        default:
            break
        }
        let properties = scalar.properties
        if properties.changesWhenLowercased {
            for lower in properties.lowercaseMapping.unicodeScalars {
                appendBaseLetter(lower, to: &output)
            }
        } else {
            appendBaseLetter(scalar, to: &output)
        }
    }

    /// Appends a lowercase scalar without its diacritics.
    private static func appendBaseLetter(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if (0x300...0x36F).contains(value) { return }
        if (0xC0...0x24F).contains(value) {
            let base = latinBaseLetters[Int(value - 0xC0)]
            if !base.isEmpty {
                output.append(contentsOf: base.utf8)
                return
            }
        }
        UTF8.encode(scalar) { output.append($0) }
    }

    /// The base letters of U+00C0–U+024F, one entry per code point; an empty entry leaves the
    /// letter as it is (`×`, `÷`, schwa, ezh, clicks…).
    private static let latinBaseLetters: [String] = [
        "a a a a a a ae c e e e e i i i i",  // U+00C0
        "d n o o o o o . o u u u u y th ss",  // U+00D0
        "a a a a a a ae c e e e e i i i i",  // U+00E0
        "d n o o o o o . o u u u u y th y",  // U+00F0
        "a a a a a a c c c c c c c c d d",  // U+0100
        "d d e e e e e e e e e e g g g g",  // U+0110
        "g g g g h h h h i i i i i i i i",  // U+0120
        "i i ij ij j j k k k l l l l l l l",  // U+0130
        "l l l n n n n n n n n n o o o o",  // U+0140
        "o o oe oe r r r r r r s s s s s s",  // U+0150
        "s s t t t t t t u u u u u u u u",  // U+0160
        "u u u u w w y y y z z z z z z s",  // U+0170
        "b b b b . . . c c . d d d . . .",  // U+0180
        ". f f g . hv . i k k l . . n n o",  // U+0190
        "o o oi oi p p . . . . . t t t t u",  // U+01A0
        "u . v y y z z . . . . . . . . .",  // U+01B0
        ". . . . dz dz dz lj lj lj nj nj nj a a i",  // U+01C0
        "i o o u u u u u u u u u u . a a",  // U+01D0
        "a a ae ae g g g g k k o o o o . .",  // U+01E0
        "j dz dz dz g g hv . n n a a ae ae o o",  // U+01F0
        "a a a a e e e e i i i i o o o o",  // U+0200
        "r r r r u u u u s s t t . . h h",  // U+0210
        "n d ou ou z z a a e e o o o o o o",  // U+0220
        "o o y y l n t j db qp a c c l t s",  // U+0230
        "z . . b u . e e j j . q r r y y",  // U+0240
    ].flatMap { row in
        row.split(separator: " ").map { $0 == "." ? "" : String($0) }
    }
}
