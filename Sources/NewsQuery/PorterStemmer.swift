/// The Snowball English stemmer ("Porter2"), which reduces an English word to its stem so that
/// inflected forms compare equal: "surrender", "surrendering" and "surrendered" all stem to
/// "surrend".
///
/// This is an implementation of the algorithm described at
/// <https://snowballstem.org/algorithms/english/stemmer.html>: the exceptional forms, initial
/// apostrophe and `y` handling, the R1 and R2 regions (with the special prefixes `gener`,
/// `commun` and `arsen`), steps 0 to 5 and the post-processing of `Y`. It agrees with the
/// Snowball project's published sample vocabulary word for word.
///
/// The input should be one lowercase word (see ``TextAnalyzer/fold(_:)``). Letters outside
/// `a`–`z` and the apostrophe are treated as consonants and pass through unchanged.
public struct PorterStemmer: Sendable {
    /// Creates a stemmer. The stemmer holds no state; one value can be shared freely.
    public init() {}

    /// The stem of a lowercase word. Words of one or two characters are returned unchanged.
    public func stem(_ word: String) -> String {
        // The exceptions are ASCII words of 3 to 6 letters: no lookup for any other word.
        if (3...6).contains(word.utf8.count), let exception = Self.exceptionalForms[word] { return exception }
        var buffer = StemBuffer(word)
        guard buffer.chars.count > 2 else { return word }
        buffer.prelude()
        buffer.markRegions()
        buffer.step0()
        buffer.step1a()
        // The exception words are 6 or 7 letters long: only those need the string.
        if !((6...7).contains(buffer.chars.count) && Self.invariantAfterStep1a.contains(buffer.string)) {
            buffer.step1b()
            buffer.step1c()
            buffer.step2()
            buffer.step3()
            buffer.step4()
            buffer.step5()
        }
        return buffer.postlude()
    }

    /// Words the algorithm does not apply to, with their stems (the "exception1" list).
    private static let exceptionalForms: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe",
        "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    /// Words left as they are once step 1a has run (the "exception2" list).
    private static let invariantAfterStep1a: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]
}

/// A word being stemmed: its characters as Unicode scalar values and its two regions.
private struct StemBuffer {
    /// The characters of the word.
    var chars: [UInt32]
    /// The start of region R1 (the word's length when R1 is empty).
    var p1 = 0
    /// The start of region R2 (the word's length when R2 is empty).
    var p2 = 0

    init(_ word: String) {
        let utf8 = word.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            chars = utf8.map { UInt32($0) }  // ASCII: each byte is a character
        } else {
            chars = word.unicodeScalars.map(\.value)
        }
    }

    var string: String {
        // Nearly every stem is ASCII: its bytes are its characters.
        if chars.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: chars.count) { buffer in
                for (offset, value) in chars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: value) }
                return chars.count
            }
        }
        var view = String.UnicodeScalarView()
        for value in chars {
            if let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        return String(view)
    }

    // MARK: Character classes

    private static let apostrophe = UInt32(UInt8(ascii: "'"))
    private static let lowerY = UInt32(UInt8(ascii: "y"))
    private static let upperY = UInt32(UInt8(ascii: "Y"))

    private static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }

    /// Whether a character is one of the vowels `a e i o u y` (a `Y` that stands for a
    /// consonantal `y` is not).
    private static func isVowel(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
        default: false
        }
    }

    /// Whether the character can precede a deleted `li` in step 2: `c d e g h k m n r t`.
    private static func isValidLiEnding(_ value: UInt32) -> Bool {
        switch value {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: true
        default: false
        }
    }

    /// Whether the two characters are one of the doubles `bb dd ff gg mm nn pp rr tt`.
    private static func isDouble(_ first: UInt32, _ second: UInt32) -> Bool {
        guard first == second else { return false }
        switch first {
        case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: return true
        default: return false
        }
    }

    private func isVowel(at index: Int) -> Bool { Self.isVowel(chars[index]) }

    /// Whether the word cut off at `end` ends in a short syllable: a non-vowel other than `w`,
    /// `x` or `Y` after a vowel after a non-vowel, or a non-vowel after a vowel that begins the
    /// word.
    private func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            let last = chars[end - 1]
            return !Self.isVowel(last) && last != 0x77 && last != 0x78 && last != Self.upperY
                && isVowel(at: end - 2) && !isVowel(at: end - 3)
        }
        return end == 2 && isVowel(at: 0) && !isVowel(at: 1)
    }

    /// Whether any of the first `end` characters is a vowel.
    private func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(at: index) { return true }
            index += 1
        }
        return false
    }

    // MARK: Suffixes

    private func hasSuffix(_ suffix: [UInt32]) -> Bool {
        guard suffix.count <= chars.count else { return false }
        let offset = chars.count - suffix.count
        for index in suffix.indices where chars[offset + index] != suffix[index] {
            return false
        }
        return true
    }

    /// Whether the word ends with the two ASCII letters.
    private func hasSuffix(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        chars.count >= 2 && chars[chars.count - 2] == first.value && chars[chars.count - 1] == second.value
    }

    /// The longest suffix in `table` that the word ends with, as an index into `table`.
    private func longestSuffix(_ table: SuffixTable) -> Int? {
        // Only the suffixes that end in the word's last letter can match.
        guard let last = chars.last, last < 0x80 else { return nil }
        return table.endingIn[Int(last)].first { hasSuffix(table.suffixes[$0]) }
    }

    /// The offset at which a suffix of `length` characters starts.
    private func suffixStart(_ length: Int) -> Int { chars.count - length }

    private mutating func replaceSuffix(length: Int, with replacement: String) {
        chars.removeLast(length)
        for value in replacement.unicodeScalars { chars.append(value.value) }
    }

    // MARK: Prelude and regions

    /// Removes an initial apostrophe and marks consonantal `y` (initial, or after a vowel) as `Y`.
    mutating func prelude() {
        if chars.first == Self.apostrophe { chars.removeFirst() }
        guard !chars.isEmpty else { return }
        if chars[0] == Self.lowerY { chars[0] = Self.upperY }
        var index = 1
        while index < chars.count {
            if chars[index] == Self.lowerY && isVowel(at: index - 1) { chars[index] = Self.upperY }
            index += 1
        }
    }

    /// Sets R1 and R2: each starts after the first non-vowel that follows a vowel (R2 within R1);
    /// words starting with `gener`, `commun` or `arsen` have R1 start right after that prefix.
    mutating func markRegions() {
        let count = chars.count
        p1 = count
        p2 = count
        if let prefix = Self.regionPrefixes.first(where: { hasPrefix($0) }) {
            p1 = prefix.count
        } else if let end = regionStart(from: 0) {
            p1 = end
        } else {
            return
        }
        p2 = regionStart(from: p1) ?? count
    }

    private static let regionPrefixes: [[UInt32]] = ["gener", "commun", "arsen"].map {
        $0.unicodeScalars.map(\.value)
    }

    private func hasPrefix(_ prefix: [UInt32]) -> Bool {
        prefix.count <= chars.count && chars[..<prefix.count].elementsEqual(prefix)
    }

    /// The offset just past the first non-vowel that follows a vowel, searching from `start`.
    private func regionStart(from start: Int) -> Int? {
        var index = start
        while index < chars.count && !isVowel(at: index) { index += 1 }
        while index < chars.count && isVowel(at: index) { index += 1 }
        return index < chars.count ? index + 1 : nil
    }

    /// Turns every `Y` back into `y` and returns the stem.
    func postlude() -> String {
        var result = self
        for index in result.chars.indices where result.chars[index] == Self.upperY {
            result.chars[index] = Self.lowerY
        }
        return result.string
    }

    // MARK: Steps

    private static let step0Table = SuffixTable(["'s'", "'s", "'"])

    /// Step 0: removes the longest of the suffixes `'s'`, `'s` and `'`.
    mutating func step0() {
        if let found = longestSuffix(Self.step0Table) {
            chars.removeLast(Self.step0Table.suffixes[found].count)
        }
    }

    private static let step1aTable = SuffixTable(["sses", "ied", "ies", "us", "ss", "s"])

    /// Step 1a: plural endings (`sses`, `ied`, `ies`, `s`; `us` and `ss` stay).
    mutating func step1a() {
        guard let found = longestSuffix(Self.step1aTable) else { return }
        switch Self.step1aTable.names[found] {
        case "sses":
            replaceSuffix(length: 4, with: "ss")
        case "ied", "ies":
            replaceSuffix(length: 3, with: suffixStart(3) > 1 ? "i" : "ie")
        case "s":
            // Delete if the part before the s has a vowel other than the letter just before it.
            if chars.count >= 2 && containsVowel(before: chars.count - 2) { chars.removeLast() }
        default:
            break
        }
    }

    private static let step1bTable = SuffixTable(["eedly", "ingly", "edly", "eed", "ing", "ed"])

    /// Step 1b: `eed`, `eedly` become `ee` in R1; `ed`, `edly`, `ing`, `ingly` go when a vowel
    /// precedes them, after which `at`, `bl`, `iz` and short words gain an `e` and a final
    /// double loses a letter.
    mutating func step1b() {
        guard let found = longestSuffix(Self.step1bTable) else { return }
        let name = Self.step1bTable.names[found]
        let length = Self.step1bTable.suffixes[found].count
        if name == "eed" || name == "eedly" {
            if suffixStart(length) >= p1 { replaceSuffix(length: length, with: "ee") }
            return
        }
        guard containsVowel(before: suffixStart(length)) else { return }
        chars.removeLast(length)
        let count = chars.count
        if hasSuffix("a", "t") || hasSuffix("b", "l") || hasSuffix("i", "z") {
            chars.append(Self.ascii("e"))
        } else if count >= 2 && Self.isDouble(chars[count - 2], chars[count - 1]) {
            chars.removeLast()
        } else if p1 >= count && endsInShortSyllable(count) {
            chars.append(Self.ascii("e"))
        }
    }

    /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter becomes `i`.
    mutating func step1c() {
        let count = chars.count
        guard count >= 3, let last = chars.last, last == Self.lowerY || last == Self.upperY,
            !isVowel(at: count - 2)
        else { return }
        chars[count - 1] = Self.ascii("i")
    }

    private static let step2Table = SuffixTable([
        "ization", "ational", "fulness", "ousness", "iveness",
        "tional", "biliti", "lessli",
        "entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli",
        "enci", "anci", "abli", "izer", "ator", "alli",
        "bli", "ogi",
        "li",
    ])

    /// Step 2: derivational suffixes in R1 (`ational` → `ate`, `iveness` → `ive`, …).
    mutating func step2() {
        guard let found = longestSuffix(Self.step2Table) else { return }
        let name = Self.step2Table.names[found]
        let length = Self.step2Table.suffixes[found].count
        let start = suffixStart(length)
        guard start >= p1 else { return }
        switch name {
        case "tional": replaceSuffix(length: length, with: "tion")
        case "enci": replaceSuffix(length: length, with: "ence")
        case "anci": replaceSuffix(length: length, with: "ance")
        case "abli": replaceSuffix(length: length, with: "able")
        case "entli": replaceSuffix(length: length, with: "ent")
        case "izer", "ization": replaceSuffix(length: length, with: "ize")
        case "ational", "ation", "ator": replaceSuffix(length: length, with: "ate")
        case "alism", "aliti", "alli": replaceSuffix(length: length, with: "al")
        case "fulness": replaceSuffix(length: length, with: "ful")
        case "ousli", "ousness": replaceSuffix(length: length, with: "ous")
        case "iveness", "iviti": replaceSuffix(length: length, with: "ive")
        case "biliti", "bli": replaceSuffix(length: length, with: "ble")
        case "ogi":
            if start > 0 && chars[start - 1] == Self.ascii("l") {
                replaceSuffix(length: length, with: "og")
            }
        case "fulli": replaceSuffix(length: length, with: "ful")
        case "lessli": replaceSuffix(length: length, with: "less")
        case "li":
            if start > 0 && Self.isValidLiEnding(chars[start - 1]) { chars.removeLast(length) }
        default: break
        }
    }

    private static let step3Table = SuffixTable([
        "ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful",
    ])

    /// Step 3: further suffixes in R1 (`alize` → `al`, `ness` and `ful` go; `ative` only in R2).
    mutating func step3() {
        guard let found = longestSuffix(Self.step3Table) else { return }
        let name = Self.step3Table.names[found]
        let length = Self.step3Table.suffixes[found].count
        let start = suffixStart(length)
        guard start >= p1 else { return }
        switch name {
        case "tional": replaceSuffix(length: length, with: "tion")
        case "ational": replaceSuffix(length: length, with: "ate")
        case "alize": replaceSuffix(length: length, with: "al")
        case "icate", "iciti", "ical": replaceSuffix(length: length, with: "ic")
        case "ful", "ness": chars.removeLast(length)
        case "ative": if start >= p2 { chars.removeLast(length) }
        default: break
        }
    }

    private static let step4Table = SuffixTable([
        "ement", "ance", "ence", "able", "ible", "ment",
        "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ])

    /// Step 4: suffixes deleted in R2 (`ion` only after `s` or `t`).
    mutating func step4() {
        guard let found = longestSuffix(Self.step4Table) else { return }
        let name = Self.step4Table.names[found]
        let length = Self.step4Table.suffixes[found].count
        let start = suffixStart(length)
        guard start >= p2 else { return }
        if name == "ion" {
            guard start > 0, chars[start - 1] == Self.ascii("s") || chars[start - 1] == Self.ascii("t")
            else { return }
        }
        chars.removeLast(length)
    }

    /// Step 5: a final `e` goes in R2, or in R1 when not after a short syllable; a final `l`
    /// goes in R2 after another `l`.
    mutating func step5() {
        guard let last = chars.last else { return }
        let start = chars.count - 1
        if last == Self.ascii("e") {
            if start >= p2 || (start >= p1 && !endsInShortSyllable(start)) { chars.removeLast() }
        } else if last == Self.ascii("l") {
            if start >= p2 && start > 0 && chars[start - 1] == Self.ascii("l") { chars.removeLast() }
        }
    }
}

/// A list of suffixes for one step, longest first, as scalar values and as strings.
private struct SuffixTable {
    /// The suffixes as Unicode scalar values, longest first.
    let suffixes: [[UInt32]]
    /// The same suffixes as strings, in the same order, for matching on them.
    let names: [String]
    /// For each ASCII value, the indices of the suffixes that end in it, longest first.
    let endingIn: [[Int]]

    /// Creates a table; the suffixes are put in order of decreasing length so that the first
    /// match is the longest.
    init(_ names: [String]) {
        let sorted = names.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.unicodeScalars.count, rhs.element.unicodeScalars.count)
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        self.names = sorted
        let suffixes = sorted.map { $0.unicodeScalars.map(\.value) }
        var endingIn = [[Int]](repeating: [], count: 128)
        for (index, suffix) in suffixes.enumerated() {
            if let last = suffix.last, last < 0x80 { endingIn[Int(last)].append(index) }
        }
        self.suffixes = suffixes
        self.endingIn = endingIn
    }
}
