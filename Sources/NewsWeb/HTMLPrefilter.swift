#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thins UTF-8 HTML before libxml2 parses it: the contents of `<script>`, `<style>` and `<svg>`
/// go, and so do the attributes nothing in NewsWeb reads (`href`, `src`, `srcset`, `data-*`,
/// inline event handlers…).
///
/// libxml2's HTML parser reads every byte through its character decoder; on the benchmark pages
/// half of its time went to scanning inline scripts and long attribute values that are then
/// thrown away. This pass copies everything else byte for byte — text, comments, end tags, the
/// start tags with the attributes kept (``HTMLDocument/keptAttributes``, and `href` of `<link>`)
/// — so the tree libxml2 builds is the same but for what was cut. JSON-LD scripts
/// (`type="application/ld+json"`) keep their contents: the metadata reader needs them.
///
/// The cuts follow the HTML rules: a raw-text element ends at the first `</script` (`</style`,
/// `</svg`) in any case; a start tag ends at the first `>` outside a quoted value. Anything it
/// cannot tokenize (a tag that never ends) is copied as it is from there on, for libxml2 to
/// recover from as it would have.
enum HTMLPrefilter {
    static let script = Array("script".utf8)
    static let style = Array("style".utf8)
    static let svg = Array("svg".utf8)
    static let ldJSON = Array("ld+json".utf8)
    static let kept: Set<[UInt8]> = Set(HTMLDocument.keptAttributes.map { Array($0.utf8) })
    static let href = Array("href".utf8)
    static let link = Array("link".utf8)
    static let type = Array("type".utf8)

    /// The thinned bytes.
    static func filter(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count > 0 else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var i = 0
        func copy(_ from: Int, _ to: Int) {
            if to > from { out.append(contentsOf: UnsafeBufferPointer(start: base + from, count: to - from)) }
        }
        func find(_ byte: UInt8, from: Int) -> Int? {
            guard from < count, let found = memchr(base + from, Int32(byte), count - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func matches(_ at: Int, _ word: [UInt8]) -> Bool {
            guard at + word.count <= count else { return false }
            for (offset, letter) in word.enumerated() where lower(base[at + offset]) != letter { return false }
            return true
        }

        // Buffers reused from tag to tag.
        var name: [UInt8] = []
        name.reserveCapacity(16)
        var tag: [UInt8] = []
        tag.reserveCapacity(256)
        var attrName: [UInt8] = []
        attrName.reserveCapacity(32)
        while i < count {
            guard let lt = find(UInt8(ascii: "<"), from: i) else {
                copy(i, count)
                break
            }
            copy(i, lt)
            i = lt
            // A comment: copied whole.
            if i + 3 < count, base[i + 1] == UInt8(ascii: "!"), base[i + 2] == UInt8(ascii: "-"), base[i + 3] == UInt8(ascii: "-") {
                var end = i + 4
                var closed = false
                while let dash = find(UInt8(ascii: "-"), from: end) {
                    if dash + 2 < count, base[dash + 1] == UInt8(ascii: "-"), base[dash + 2] == UInt8(ascii: ">") {
                        end = dash + 3
                        closed = true
                        break
                    }
                    end = dash + 1
                }
                if !closed { copy(i, count); return out }
                copy(i, end)
                i = end
                continue
            }
            guard i + 1 < count, isLetter(base[i + 1]) else {
                out.append(base[i])
                i += 1
                continue
            }
            // A start tag: its name, then its attributes.
            var j = i + 1
            while j < count, !isSpace(base[j]), base[j] != UInt8(ascii: ">"), base[j] != UInt8(ascii: "/") { j += 1 }
            let nameStart = i + 1
            let nameEnd = j
            name.removeAll(keepingCapacity: true)
            for k in nameStart..<nameEnd { name.append(lower(base[k])) }
            tag.removeAll(keepingCapacity: true)
            tag.append(UInt8(ascii: "<"))
            tag.append(contentsOf: UnsafeBufferPointer(start: base + nameStart, count: nameEnd - nameStart))
            var isJSONLD = false
            var ended = false
            while j < count {
                while j < count, isSpace(base[j]) { j += 1 }
                guard j < count else { break }
                if base[j] == UInt8(ascii: ">") { ended = true; j += 1; break }
                if base[j] == UInt8(ascii: "/") {
                    if j + 1 < count, base[j + 1] == UInt8(ascii: ">") { tag.append(UInt8(ascii: "/")) }
                    j += 1
                    continue
                }
                // An attribute: name [= value].
                let attrStart = j
                while j < count, !isSpace(base[j]), base[j] != UInt8(ascii: "="), base[j] != UInt8(ascii: ">"),
                    !(base[j] == UInt8(ascii: "/") && j + 1 < count && base[j + 1] == UInt8(ascii: ">"))
                {
                    j += 1
                }
                let attrNameEnd = j
                var k = j
                while k < count, isSpace(base[k]) { k += 1 }
                var valueStart = -1
                var valueEnd = -1
                if k < count, base[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < count, isSpace(base[k]) { k += 1 }
                    if k < count, base[k] == UInt8(ascii: "\"") || base[k] == UInt8(ascii: "'") {
                        guard let close = find(base[k], from: k + 1) else { break }
                        valueStart = k
                        valueEnd = close + 1
                        j = close + 1
                    } else {
                        valueStart = k
                        while k < count, !isSpace(base[k]), base[k] != UInt8(ascii: ">") { k += 1 }
                        valueEnd = k
                        j = k
                    }
                }
                attrName.removeAll(keepingCapacity: true)
                for m in attrStart..<attrNameEnd { attrName.append(lower(base[m])) }
                if kept.contains(attrName) || (attrName == href && name == link) {
                    tag.append(0x20)
                    tag.append(contentsOf: UnsafeBufferPointer(start: base + attrStart, count: attrNameEnd - attrStart))
                    if valueStart >= 0 {
                        tag.append(UInt8(ascii: "="))
                        tag.append(contentsOf: UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart))
                    }
                    if attrName == type, valueStart >= 0 {
                        for m in valueStart..<valueEnd where matches(m, ldJSON) { isJSONLD = true; break }
                    }
                }
                if attrNameEnd == attrStart { j += 1 }  // a stray character: never loop on it
            }
            guard ended else {
                // A start tag that never ends: the rest as it is.
                copy(i, count)
                return out
            }
            tag.append(UInt8(ascii: ">"))
            out.append(contentsOf: tag)
            i = j
            // Raw-text elements: their contents go (JSON-LD scripts excepted).
            if name == script || name == style || name == svg {
                if name == script && isJSONLD { continue }
                var end = i
                var found = -1
                while let next = find(UInt8(ascii: "<"), from: end) {
                    if next + 1 < count, base[next + 1] == UInt8(ascii: "/"), matches(next + 2, name) {
                        found = next
                        break
                    }
                    end = next + 1
                }
                if found < 0 { copy(i, count); return out }
                i = found
            }
        }
        return out
    }
}
