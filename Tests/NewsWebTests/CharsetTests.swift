import Testing

@testable import NewsWeb

@Suite("Character sets")
struct CharsetTests {
    /// Latin-1 text as windows-1252 bytes (every scalar below U+0100 is one byte).
    func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }

    @Test func aMetaCharsetIsHonoured() throws {
        var bytes = latin1("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u{E9} cr\u{E8}me, na\u{EF}ve: a sentence long enough to count as an article.</p></body></html>")
        let result = try WebPageReader().read(bytes)
        #expect(result.text == "Café crème, naïve: a sentence long enough to count as an article.")
        #expect(result.encoding == "windows-1252")
        // windows-1252's own characters in 0x80–0x9F: curly quotes and a dash.
        bytes = latin1("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>") + [0x93] + Array("Yes,".utf8) + [0x94] + Array(" she said ".utf8) + [0x96] + Array(" and the sentence goes on for a while.</p></body></html>".utf8)
        #expect(try WebPageReader().read(bytes).text == "“Yes,” she said – and the sentence goes on for a while.")
    }

    @Test func aByteOrderMarkWinsOverTheMeta() throws {
        let html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Ünïcödé text — with a BOM, long enough to be read as prose.</p></body></html>"
        let result = try WebPageReader().read([0xEF, 0xBB, 0xBF] + Array(html.utf8))
        #expect(result.text == "Ünïcödé text — with a BOM, long enough to be read as prose.")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try WebPageReader().read(utf16).text == "Ünïcödé text — with a BOM, long enough to be read as prose.")
    }

    @Test func anHTTPCharsetOverridesTheMeta() throws {
        let bytes = latin1("<html><head><meta charset=\"utf-8\"></head><body><p>Gr\u{FC}\u{DF}e aus K\u{F6}ln, a sentence long enough to be read.</p></body></html>")
        #expect(try WebPageReader().read(bytes, charset: "ISO-8859-1").text == "Grüße aus Köln, a sentence long enough to be read.")
    }

    @Test func undeclaredPagesAreUTF8WhenValidElseWindows1252() throws {
        let valid = Array("<p>Déjà vu: valid UTF-8 without any declaration, long enough.</p>".utf8)
        let sniffed = try valid.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(CharsetSniffer.UnknownEncoding) in try CharsetSniffer.sniff(raw) }
        #expect(sniffed == CharsetSniffer.Result(encoding: "UTF-8", source: .validUTF8, skip: 0))
        let legacy = latin1("<p>D\u{E9}j\u{E0} vu: legacy bytes without any declaration, long enough.</p>")
        let result = try WebPageReader().read(legacy)
        #expect(result.encoding == "windows-1252")
        #expect(result.text == "Déjà vu: legacy bytes without any declaration, long enough.")
    }

    @Test func invalidUTF8InADeclaredUTF8PageBecomesReplacementCharacters() throws {
        let bytes = Array("<html><head><meta charset='utf-8'></head><body><p>Before ".utf8) + [0xC3, 0x28] + Array(" after, and the rest of the page still reads as UTF-8: café.</p></body></html>".utf8)
        #expect(try WebPageReader().read(bytes).text == "Before \u{FFFD}( after, and the rest of the page still reads as UTF-8: café.")
    }

    @Test func legacyEncodingsAreConvertedAndABadByteDoesNotEndThePage() throws {
        // "日本" in Shift_JIS, then 0xFF, which Shift_JIS does not have, then more text.
        let bytes = Array("<html><head><meta charset=\"shift_jis\"></head><body><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B]
            + Array(" first, then a bad byte ".utf8) + [0xFF] + Array(" and the rest of the sentence is read to the end.</p></body></html>".utf8)
        let result = try WebPageReader().read(bytes)
        #expect(result.encoding == "SHIFT_JIS")
        #expect(result.text == "日本 first, then a bad byte \u{FFFD} and the rest of the sentence is read to the end.")
        // KOI8-R: "Привет" and a sentence.
        let koi8 = Array("<meta charset=koi8-r><p>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array(", a greeting in a sentence long enough.</p>".utf8)
        #expect(try WebPageReader().read(koi8).text == "Привет, a greeting in a sentence long enough.")
    }

    @Test func labelsFoldAsBrowsersFoldThem() throws {
        #expect(try CharsetSniffer.canonical("Latin1", source: .declared) == "windows-1252")
        #expect(try CharsetSniffer.canonical(" UTF8 ", source: .declared) == "UTF-8")
        #expect(try CharsetSniffer.canonical("Shift_JIS", source: .declared) == "SHIFT_JIS")
        #expect(try CharsetSniffer.canonical("koi8-r", source: .declared) == "koi8-r")
        #expect(throws: CharsetSniffer.UnknownEncoding(label: "foo", source: .declared)) {
            try CharsetSniffer.canonical("foo", source: .declared)
        }
    }

    @Test func aCommentedOutMetaDeclaresNothing() {
        let bytes = Array("<!-- <meta charset=\"klingon\"> --><meta charset=\"utf-8\">".utf8)
        let found = bytes.withUnsafeBytes { CharsetSniffer.metaCharset(in: $0) }
        #expect(found?.0 == "utf-8")
    }
}
