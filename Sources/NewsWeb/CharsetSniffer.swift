internal import CXML

/// Finds the character encoding of an HTML page's bytes, as a browser would: a byte order mark
/// first, then the encoding the caller knows from elsewhere (an HTTP `Content-Type` header), then
/// a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// ``prescanBytes`` bytes; with none of them, UTF-8 when the bytes are valid UTF-8 and
/// windows-1252 otherwise (the web's legacy default).
///
/// Labels are folded the way the WHATWG Encoding standard folds them (`latin1`, `iso-8859-1`
/// and `us-ascii` all mean windows-1252; `utf8` means UTF-8). A label libxml2 cannot convert is
/// an error that names the label and where it was found, never a guess.
struct CharsetSniffer: Sendable {
    /// Where an encoding came from, for messages.
    enum Source: Sendable, Equatable, CustomStringConvertible {
        /// A byte order mark at the start.
        case byteOrderMark
        /// The caller said so (an HTTP header).
        case declared
        /// A `<meta>` tag at this byte offset.
        case meta(offset: Int)
        /// Nothing declared it: the bytes were valid UTF-8.
        case validUTF8
        /// Nothing declared it and the bytes were not UTF-8: the legacy default.
        case legacyDefault

        var description: String {
            switch self {
            case .byteOrderMark: return "its byte order mark"
            case .declared: return "the declared content type"
            case .meta(let offset): return "a <meta> tag at byte \(offset)"
            case .validUTF8: return "its bytes (valid UTF-8, nothing declared)"
            case .legacyDefault: return "the default for undeclared pages (windows-1252)"
            }
        }
    }

    /// The encoding chosen and why.
    struct Result: Sendable, Equatable {
        /// The canonical encoding name (`UTF-8`, `windows-1252`, `Shift_JIS`…).
        var encoding: String
        /// Where it came from.
        var source: Source
        /// Bytes of byte order mark to skip.
        var skip: Int
    }

    /// The failure: a label nobody can convert.
    struct UnknownEncoding: Error, Equatable {
        /// The label as the page wrote it.
        var label: String
        /// Where it was found.
        var source: Source
    }

    /// How far into the page a `<meta>` declaration is looked for (browsers look at 1024 bytes;
    /// real pages put scripts and styles first, so more is read).
    static let prescanBytes = 16_384

    /// Chooses the encoding of `bytes`; `declared` is a charset label known from outside the
    /// page, if any.
    static func sniff(_ bytes: UnsafeRawBufferPointer, declared: String? = nil) throws(UnknownEncoding) -> Result {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Result(encoding: "UTF-8", source: .byteOrderMark, skip: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Result(encoding: "UTF-16LE", source: .byteOrderMark, skip: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Result(encoding: "UTF-16BE", source: .byteOrderMark, skip: 2)
        }
        if let declared, !declared.isEmpty {
            return Result(encoding: try canonical(declared, source: .declared), source: .declared, skip: 0)
        }
        if let (label, offset) = metaCharset(in: bytes) {
            let source = Source.meta(offset: offset)
            var encoding = try canonical(label, source: source)
            // A page in UTF-16 cannot declare itself in ASCII bytes; browsers read such a
            // declaration as UTF-8, and so does this.
            if encoding.hasPrefix("UTF-16") { encoding = "UTF-8" }
            return Result(encoding: encoding, source: source, skip: 0)
        }
        if isValidUTF8(bytes) { return Result(encoding: "UTF-8", source: .validUTF8, skip: 0) }
        return Result(encoding: "windows-1252", source: .legacyDefault, skip: 0)
    }

    /// The canonical name for a label, or the failure when libxml2 cannot convert it.
    static func canonical(_ label: String, source: Source) throws(UnknownEncoding) -> String {
        let folded = String(label.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" })
        switch folded {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252",
            "windows-1252", "x-cp1252", "iso-ir-100", "cp819", "ibm819", "csisolatin1", "ansi_x3.4-1968":
            return "windows-1252"
        case "utf-16", "utf-16le", "unicode", "ucs-2": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80": return "GBK"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": return "SHIFT_JIS"
        case "":
            throw UnknownEncoding(label: label, source: source)
        default:
            break
        }
        guard folded.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 }), folded.count <= 40,
            folded.withCString({ cxml_encoding_supported($0) }) != 0
        else {
            throw UnknownEncoding(label: label, source: source)
        }
        return folded
    }

    /// The first charset label a `<meta>` tag declares within ``prescanBytes``, with its offset.
    static func metaCharset(in bytes: UnsafeRawBufferPointer) -> (String, Int)? {
        let limit = min(bytes.count, prescanBytes)
        var index = 0
        while index + 5 < limit {
            // "<meta" in any case, followed by white space or '/'.
            if bytes[index] == UInt8(ascii: "<"), lower(bytes[index + 1]) == UInt8(ascii: "m"),
                lower(bytes[index + 2]) == UInt8(ascii: "e"), lower(bytes[index + 3]) == UInt8(ascii: "t"),
                lower(bytes[index + 4]) == UInt8(ascii: "a"), index + 5 < limit,
                isSpace(bytes[index + 5]) || bytes[index + 5] == UInt8(ascii: "/")
            {
                var end = index + 5
                while end < bytes.count, end < index + 2048, bytes[end] != UInt8(ascii: ">") { end += 1 }
                let tag = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).lowercased()
                if let label = charset(inMetaTag: tag) { return (label, index) }
                index = end
            } else if bytes[index] == UInt8(ascii: "<"), index + 3 < limit, bytes[index + 1] == UInt8(ascii: "!"),
                bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-")
            {
                // Skip a comment: a commented-out <meta> declares nothing.
                var end = index + 4
                while end + 2 < limit,
                    !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">"))
                {
                    end += 1
                }
                index = end + 3
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The label in one lower-cased `<meta …` tag: its `charset` attribute, or `charset=` inside
    /// a `content` attribute of an `http-equiv="content-type"` tag.
    static func charset(inMetaTag tag: String) -> String? {
        let scalars = Array(tag.unicodeScalars)
        func value(after key: String) -> String? {
            let keyScalars = Array(key.unicodeScalars)
            var i = 0
            while i + keyScalars.count <= scalars.count {
                if Array(scalars[i..<(i + keyScalars.count)]) == keyScalars,
                    i == 0 || !isNameScalar(scalars[i - 1])
                {
                    var j = i + keyScalars.count
                    while j < scalars.count, scalars[j] == " " { j += 1 }
                    guard j < scalars.count, scalars[j] == "=" else { i += 1; continue }
                    j += 1
                    while j < scalars.count, scalars[j] == " " { j += 1 }
                    var quote: Unicode.Scalar?
                    if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" { quote = scalars[j]; j += 1 }
                    var k = j
                    while k < scalars.count {
                        let s = scalars[k]
                        if let quote, s == quote { break }
                        if quote == nil, s == " " || s == ">" || s == "/" || s == ";" || s == "\"" || s == "'" { break }
                        k += 1
                    }
                    return String(String.UnicodeScalarView(scalars[j..<k]))
                }
                i += 1
            }
            return nil
        }
        // `<meta charset="…">`, and `charset=` inside `content="text/html; charset=…"`: the
        // same scan finds both (the key is preceded by a quote, a space or ';').
        guard let label = value(after: "charset")?.trimmingASCIISpaces, !label.isEmpty else { return nil }
        return label
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || scalar == "-" || scalar == "_" || (scalar >= "0" && scalar <= "9")
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Whether the bytes are well-formed UTF-8 (a sequence cut off at the very end counts as
    /// well-formed: the page may have been truncated).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            if byte & 0xE0 == 0xC0, byte >= 0xC2 { length = 2 }
            else if byte & 0xF0 == 0xE0 { length = 3 }
            else if byte & 0xF8 == 0xF0, byte <= 0xF4 { length = 4 }
            else { return false }
            for offset in 1..<length {
                if index + offset >= count { return true }
                if bytes[index + offset] & 0xC0 != 0x80 { return false }
            }
            index += length
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    var trimmingASCIISpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}") }) else { return "" }
        let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}") })!
        return String(scalars[first...last])
    }
}
