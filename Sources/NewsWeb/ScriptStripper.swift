#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Empties `<script>`, `<style>` and `<svg>` elements in UTF-8 HTML before libxml2 parses it.
///
/// Their contents are never text a reader sees, and scanning them character by character was
/// a third of libxml2's time on the benchmark pages (inline scripts of 100 KB and more). The
/// start tag stays, so the element and its attributes are still in the document; only what lies
/// between it and its end tag goes. JSON-LD scripts (`type="application/ld+json"`) are kept
/// whole: the metadata reader needs them.
///
/// The cut follows the HTML rule for such raw-text elements: the content ends at the first
/// `</script` (`</style`, `</svg`), in any case, whatever comes before it. An element without an
/// end tag is kept as it is (libxml2 then decides, as it would have).
enum ScriptStripper {
    static let script = Array("script".utf8)
    static let style = Array("style".utf8)
    static let svg = Array("svg".utf8)
    static let ldJSON = Array("ld+json".utf8)

    /// The bytes with script, style and svg contents removed; the input itself when it has none.
    static func strip(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let count = bytes.count
        var output: [UInt8] = []
        var copied = 0  // bytes[..<copied] are in `output` (or nothing was cut yet)
        var cut = false
        var index = 0
        guard let base = bytes.baseAddress else { return nil }
        while index + 6 < count {
            // The next '<', by memchr.
            guard let lessThan = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = base.distance(to: UnsafeRawPointer(lessThan))
            guard index + 6 < count else { break }
            let name: [UInt8]
            let next = bytes[index + 1] | 0x20
            if next == UInt8(ascii: "s"), matches(bytes, index + 1, script) {
                name = script
            } else if next == UInt8(ascii: "s"), matches(bytes, index + 1, style) {
                name = style
            } else if next == UInt8(ascii: "s"), matches(bytes, index + 1, svg) {
                name = svg
            } else {
                index += 1
                continue
            }
            let afterName = index + 1 + name.count
            guard afterName < count, isTagEnd(bytes[afterName]) else {
                index += 1
                continue
            }
            // The end of the start tag (a '>' outside quotes).
            var tagEnd = afterName
            var quote: UInt8 = 0
            while tagEnd < count {
                let byte = bytes[tagEnd]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                tagEnd += 1
            }
            guard tagEnd < count else { break }
            let contentStart = tagEnd + 1
            if name.count == 6, isJSONLD(bytes, from: afterName, to: tagEnd) {
                index = contentStart
                continue
            }
            // The end tag: "</" + name, in any case.
            var end = contentStart
            var found = -1
            while end + 2 + name.count <= count {
                guard let lt = memchr(base + end, Int32(UInt8(ascii: "<")), count - end) else { break }
                end = base.distance(to: UnsafeRawPointer(lt))
                guard end + 2 + name.count <= count else { break }
                if bytes[end + 1] == UInt8(ascii: "/"), matches(bytes, end + 2, name) {
                    found = end
                    break
                }
                end += 1
            }
            guard found >= 0 else { break }
            if found > contentStart {
                if !cut {
                    output.reserveCapacity(count)
                    cut = true
                }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copied..<contentStart]))
                copied = found
            }
            index = found + 2
        }
        guard cut else { return nil }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copied..<count]))
        return output
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= bytes.count else { return false }
        for (offset, letter) in word.enumerated() where bytes[at + offset] | 0x20 != letter {
            return false
        }
        return true
    }

    private static func isTagEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "/")
    }

    /// Whether a script start tag's attributes say JSON-LD.
    private static func isJSONLD(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Bool {
        let needle = ldJSON
        var i = from
        while i + needle.count <= to {
            if matches(bytes, i, needle) { return true }
            i += 1
        }
        return false
    }
}
