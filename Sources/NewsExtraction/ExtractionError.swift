/// Why a text cannot be made into a model. Each case says where, when there is a where.
///
/// The extractor never returns half a model: it throws one of these, or returns a model that
/// passes ``NewsModel/ModelValidator``.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty, or only white space (after any metadata lines).
    case empty
    /// The bytes are not UTF-8: the first bad byte is at this 0-based offset.
    case invalidUTF8(byteOffset: Int)
    /// The bytes hold a NUL at this 0-based offset: a binary file, not text.
    case binary(byteOffset: Int)
    /// The text is longer than the limit (both in UTF-8 bytes).
    case tooLarge(bytes: Int, limit: Int)
    /// The text has no sentence: no letters outside its metadata.
    case noSentences
    /// A `date` metadata line whose value is not a real `YYYY-MM-DD` date, on this 1-based line.
    case badMetadataDate(value: String, line: Int)
    /// No date is known: the text has no `date` line and none was given. Relative times
    /// ("Wednesday") resolve against the article date, so one is required.
    case noDate
    /// The extractor built a model that its own validator refuses: a defect in the extractor,
    /// reported rather than handed on. The first problems, one per line.
    case invalidModel(problems: [String])

    /// A one-line explanation, with the position and the limit where there is one.
    public var description: String {
        switch self {
        case .empty:
            return "the article is empty: there is no text to read"
        case .invalidUTF8(let offset):
            return "the article is not valid UTF-8: the byte at offset \(offset) does not belong to a UTF-8 character"
        case .binary(let offset):
            return "the article looks like a binary file, not text: it has a NUL byte at offset \(offset)"
        case .tooLarge(let bytes, let limit):
            return "the article is \(bytes) bytes long; the limit is \(limit) bytes"
        case .noSentences:
            return "the article has no sentences: no words were found in it"
        case .badMetadataDate(let value, let line):
            return "line \(line): \"\(value)\" is not a real date in the form YYYY-MM-DD"
        case .noDate:
            return "the article states no date; give one (newsq: --date YYYY-MM-DD, or a first line 'date YYYY-MM-DD')"
        case .invalidModel(let problems):
            return "the extractor made an invalid model (a defect in newsq):\n" + problems.joined(separator: "\n")
        }
    }

    /// The offset of the first byte of the first sequence that is not well-formed UTF-8.
    /// (Used by ``Extractor/extract(bytes:fileName:date:)`` for ``invalidUTF8(byteOffset:)``.)
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index - bytes.startIndex
            }
            for k in 1..<length {
                guard index + k < end else { return index - bytes.startIndex }
                let next = bytes[index + k]
                let low = k == 1 ? lowest : 0x80
                let high = k == 1 ? highest : 0xBF
                guard next >= low, next <= high else { return index - bytes.startIndex }
            }
            index += length
        }
        return nil
    }
}
