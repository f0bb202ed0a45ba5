import NewsModel

/// Reads an HTML page into a ``WebPage``: the article's main text and the page's metadata.
///
/// ```swift
/// let page = try WebPageReader().read(bytes, url: "https://example.com/story")
/// print(page.title ?? "untitled", page.date?.iso ?? "undated")
/// print(page.text)
/// ```
///
/// The bytes are decoded as their byte order mark, the given `charset` or the page's own
/// `<meta>` declaration say (``CharsetSniffer``), parsed by libxml2's HTML parser (which copes
/// with tag soup), cut into blocks of visible text, and the article's blocks are chosen by
/// ``MainTextExtractor``. Bad input gets a ``WebPageError``: an empty file, one over
/// ``maximumBytes``, one that is not HTML (binary, compressed, no markup), an encoding that
/// cannot be decoded, or a page without article text. Reading never crashes or hangs: the parser
/// is libxml2's, every walk of the tree is iterative, and a fuzz target (`fuzz-web`) keeps it so.
public struct WebPageReader: Sendable {
    /// The largest page read: 32 MiB (the largest pages of the extraction benchmarks are about
    /// 2 MB; a whole saved site is not one page).
    public static let maximumBytes = 32 << 20

    /// The fewest scalars of main text a page must have to count as an article.
    public static let minimumTextLength = 20

    /// Creates a reader.
    public init() {}

    /// Reads a page.
    ///
    /// - Parameters:
    ///   - bytes: the page as saved or downloaded (not compressed).
    ///   - url: where it came from, if known; the page's canonical URL replaces it when it has
    ///     one.
    ///   - charset: the charset of an HTTP `Content-Type` header, if known; it overrides the
    ///     page's own declaration but not a byte order mark.
    public func read(_ bytes: [UInt8], url: String? = nil, charset: String? = nil) throws(WebPageError) -> WebPage {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(WebPageError) -> WebPage in try read(raw, url: url, charset: charset) }
        }
        return try result.get()
    }

    /// Reads a page from raw bytes; see ``read(_:url:charset:)-(_,_,_)``.
    public func read(_ bytes: UnsafeRawBufferPointer, url: String? = nil, charset: String? = nil) throws(WebPageError) -> WebPage {
        let (document, encoding) = try Self.document(bytes, charset: charset)
        return try page(from: document, url: url, encoding: encoding)
    }

    /// Checks, decodes and parses a page's bytes.
    static func document(_ bytes: UnsafeRawBufferPointer, charset: String?) throws(WebPageError) -> (HTMLDocument, String) {
        try checkLooksLikeHTML(bytes)
        let sniffed: CharsetSniffer.Result
        do {
            sniffed = try CharsetSniffer.sniff(bytes, declared: charset)
        } catch {
            throw .unknownEncoding(label: error.label, source: error.source.description)
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[sniffed.skip...])
        // Everything reaches libxml2 as valid UTF-8, thinned by the prefilter.
        let utf8: [UInt8]
        switch sniffed.encoding {
        case "UTF-8":
            if sniffed.source == .validUTF8 || CharsetSniffer.isValidUTF8(body) {
                utf8 = HTMLPrefilter.filter(body)
            } else {
                // Invalid sequences become U+FFFD here: libxml2 would otherwise switch the rest
                // of the page to Latin-1 at the first bad byte.
                let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
                utf8 = repaired.withUnsafeBytes { HTMLPrefilter.filter($0) }
            }
        case "windows-1252":
            utf8 = Self.utf8(fromWindows1252: body).withUnsafeBytes { HTMLPrefilter.filter($0) }
        default:
            guard let converted = Transcoder.utf8(from: sniffed.encoding, body) else {
                throw .unknownEncoding(label: sniffed.encoding, source: sniffed.source.description)
            }
            utf8 = converted.withUnsafeBytes { HTMLPrefilter.filter($0) }
        }
        do {
            return (try parse(utf8), sniffed.encoding)
        } catch {
            throw .notHTML(reason: "libxml2's HTML parser found no document in it")
        }
    }

    /// Parses UTF-8 bytes.
    private static func parse(_ utf8: [UInt8]) throws(HTMLDocument.ParseFailure) -> HTMLDocument {
        let result = utf8.withUnsafeBytes { raw in
            Result { () throws(HTMLDocument.ParseFailure) -> HTMLDocument in try HTMLDocument.parse(raw, encoding: "UTF-8") }
        }
        return try result.get()
    }

    /// A trace of the main-text decisions for a page, one line per block (`+` kept, `-` left
    /// out, with the reason and the element that holds it): for finding out why a paragraph is
    /// missing or present. The trace's form may change; do not parse it.
    public func explain(_ bytes: [UInt8], charset: String? = nil) throws(WebPageError) -> String {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(WebPageError) -> String in
                let (document, _) = try Self.document(raw, charset: charset)
                let metadata = PageMetadata.read(document)
                var builder = BlockBuilder(document: document)
                let blocks = builder.blocks()
                var lines = ["title: \(Self.chooseTitle(metadata) ?? "-")",
                             "  json-ld: \(metadata.jsonLDHeadline ?? "-") | og: \(metadata.openGraphTitle ?? "-") | <title>: \(metadata.titleElement ?? "-")",
                             "  h1: \(metadata.headings) h2: \(metadata.subheadings.prefix(3))", "publisher: \(metadata.publisher ?? "-")"]
                for (source, date, raw) in metadata.dates { lines.append("date: \(date.iso) from \(source) (\(raw))") }
                lines.append(MainTextExtractor(document: document, blocks: blocks, title: Self.chooseTitle(metadata),
                                               articleBody: metadata.articleBody).trace())
                return lines.joined(separator: "\n")
            }
        }
        return try result.get()
    }

    /// The page read from a parsed document.
    func page(from document: HTMLDocument, url: String?, encoding: String) throws(WebPageError) -> WebPage {
        let metadata = PageMetadata.read(document)
        let title = Self.chooseTitle(metadata, url: url)
        var builder = BlockBuilder(document: document)
        let blocks = builder.blocks()
        guard !blocks.isEmpty else {
            throw .noArticleText(reason: "the page has no visible text (only markup, scripts or hidden elements)")
        }
        let chosen = MainTextExtractor(document: document, blocks: blocks, title: title, articleBody: metadata.articleBody).extract()
        var parts: [(kind: WebPage.ParagraphKind, text: String)] = []
        for block in chosen {
            if block.followsLineBreak, let last = parts.last, last.kind == block.kind {
                parts[parts.count - 1].text = last.text + "\n" + block.text
            } else {
                parts.append((block.kind, block.text))
            }
        }
        let (text, paragraphs) = WebPage.assemble(parts)
        guard text.unicodeScalars.count >= Self.minimumTextLength else {
            throw .noArticleText(reason: "its \(blocks.count) block\(blocks.count == 1 ? "" : "s") of visible text are all navigation, links or boilerplate, with no run of prose")
        }
        let date = Self.chooseDate(metadata, blocks: blocks, chosen: chosen, url: url ?? metadata.url)
        return WebPage(
            title: title, date: date, authors: metadata.authors, publisher: metadata.publisher,
            url: metadata.url ?? url, language: metadata.language, text: text, paragraphs: paragraphs,
            encoding: encoding)
    }

    /// The headline: the `<h1>` that agrees with the page's metadata (the headline as a reader
    /// sees it); else the page's only `<h1>` when it reads as a headline (four words or more,
    /// not the site's name, not a metadata title with more around it); else an `<h2>` that
    /// agrees with the metadata when no `<h1>` does; else the JSON-LD `headline`, `og:title` or
    /// `<title>`, without the site's name — or the first `<h2>` when every title names only the
    /// site.
    static func chooseTitle(_ metadata: PageMetadata, url: String? = nil) -> String? {
        let sites = siteNames(metadata, url: url ?? metadata.url)
        var fromMetadata = [metadata.jsonLDHeadline, metadata.openGraphTitle, metadata.titleElement, metadata.metaTitle]
            .compactMap { $0 }.filter { $0.utf8.count <= 2000 }
            .map { stripSiteName(PageMetadata.clean(decodeEntities($0)), sites: sites) }.filter { !$0.isEmpty }
        // An <h1> that repeats the end of a title after a separator ("Story - Wiki name" over
        // <h1>Wiki name</h1>) is the site's name: it is cut from the title and is no headline.
        var siteHeadings: Set<String> = []
        for heading in metadata.headings.prefix(20) where heading.unicodeScalars.count <= 300 {
            let h1 = PageMetadata.clean(decodeEntities(heading))
            guard !h1.isEmpty else { continue }
            for (index, title) in fromMetadata.enumerated() {
                for separator in titleSeparators {
                    let parts = split(title, separator + h1)
                    guard parts.count == 2, parts[1].isEmpty else { continue }
                    // What the title has before the <h1>'s text may be the <h1>'s own label.
                    let rest = PageMetadata.clean(parts[0])
                    if !rest.isEmpty, !metadata.headingLabels.contains(rest) {
                        fromMetadata[index] = rest
                        siteHeadings.insert(h1)
                    }
                    break
                }
            }
        }
        let candidates = fromMetadata.flatMap { titleParts($0) + [$0] }
        let candidateWords = candidates.map(titleWords)
        var best: (title: String, score: Double)?
        for heading in metadata.headings.prefix(20) where heading.utf8.count <= 1200 {
            let h1 = PageMetadata.clean(decodeEntities(heading))
            guard !h1.isEmpty, h1.unicodeScalars.count <= 300, !siteHeadings.contains(h1) else { continue }
            let h1Words = titleWords(h1)
            for words in candidateWords {
                // Both ways: a site's name in an <h1> shares all its words with "Story | Site"
                // but is not the story's headline.
                let score = min(similarity(h1Words, words), similarity(words, h1Words))
                if score >= 0.5, score > (best?.score ?? 0) { best = (h1, score) }
            }
        }
        // An <h1> that holds the headline and a label or a kicker ("Politics | …",
        // "Open ProgressWhy…"): the metadata's headline inside it is the clean one.
        if let h1 = best?.title {
            // Whole metadata titles, or their parts between pipes (a dash is often the
            // headline's own).
            let pipeParts = fromMetadata.flatMap { split($0, " | ").map(PageMetadata.clean) }
            let inside = (fromMetadata + pipeParts).filter {
                $0 != h1 && $0.unicodeScalars.count >= 12 && bytesContain(h1, $0) && $0.unicodeScalars.count * 2 >= h1.unicodeScalars.count
            }
            if let longest = inside.max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count }) { return longest }
        }
        if let best { return best.title }
        let h1s = metadata.headings.prefix(20).map { PageMetadata.clean(decodeEntities($0)) }
            .filter { !$0.isEmpty && !siteHeadings.contains($0) }
        // The page's only <h1> is its headline as a reader sees it, even when the metadata words
        // it otherwise (an SEO title, an older headline) — unless it is the site's name or a few
        // words, or holds a metadata title with a kicker or a subtitle around it.
        if h1s.count == 1, let h1 = h1s.first, h1.unicodeScalars.count <= 300, titleWords(h1).count >= 4,
            !isSiteName(h1, sites), !fromMetadata.contains(where: { bytesContain(h1, $0) })
        {
            return h1
        }
        // Without an <h1> that agrees, an <h2> that agrees with a metadata title, or with one of
        // its parts, is the headline as shown ("Site - Section » Headline" over an <h2>).
        if h1s.isEmpty || h1s.count > 1 {
            var bestH2: (title: String, score: Double)?
            for heading in metadata.subheadings.prefix(10) where heading.unicodeScalars.count <= 300 {
                let h2 = PageMetadata.clean(decodeEntities(heading))
                let h2Words = titleWords(h2)
                // An <h2> holding a metadata title and more (a date before it) leaves the
                // metadata's, clean, to the fall-back below.
                guard h2Words.count >= 2, !isSiteName(h2, sites), !fromMetadata.contains(where: { $0 != h2 && bytesContain(h2, $0) })
                else { continue }
                for words in candidateWords {
                    // Looser than for an <h1>, an <h2> only agrees when one side holds all of
                    // the other's words: sections share a word with the title by chance.
                    let forward = similarity(h2Words, words), backward = similarity(words, h2Words)
                    let score = min(forward, backward)
                    if score >= 0.5, max(forward, backward) == 1, score > (bestH2?.score ?? 0) { bestH2 = (h2, score) }
                }
            }
            if let bestH2 { return bestH2.title }
        }
        // A page whose every title names only the site ("Rail Enquiries -"): its first <h2>.
        let headlines = fromMetadata.filter { !isOnlySiteName($0, sites) }
        if !fromMetadata.isEmpty, headlines.isEmpty, h1s.isEmpty, let h2 = metadata.subheadings.first.map({ PageMetadata.clean(decodeEntities($0)) }),
            !h2.isEmpty
        {
            return h2
        }
        if fromMetadata.isEmpty, let only = h1s.first, h1s.count == 1 { return only }
        return fromMetadata.first
    }

    /// Whether a title is the site's name alone, maybe with a dangling separator
    /// ("Rail Enquiries -").
    static func isOnlySiteName(_ title: String, _ sites: [String]) -> Bool {
        var text = Substring(title)
        while let last = text.unicodeScalars.last, "|-–—:·»/ ".unicodeScalars.contains(last) {
            text = Substring(text.unicodeScalars.dropLast())
        }
        return !text.isEmpty && isSiteName(String(text), sites)
    }

    /// Whether `text` contains `part`, comparing UTF-8 bytes (the same as comparing scalars,
    /// without the grapheme clusters a String search compares).
    static func bytesContain(_ text: String, _ part: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(part.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// What stands between a headline and a site's name in titles.
    static let titleSeparators = [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " // "]

    /// `text` cut at every occurrence of `separator`, comparing Unicode scalars (a String's own
    /// `split` compares grapheme clusters, which costs a Unicode property lookup per character).
    static func split(_ text: String, _ separator: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(separator.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var index = 0
        while index + pattern.count <= scalars.count {
            if scalars[index] == pattern[0], scalars[index..<(index + pattern.count)].elementsEqual(pattern) {
                parts.append(String(String.UnicodeScalarView(scalars[start..<index])))
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(String.UnicodeScalarView(scalars[start...])))
        return parts
    }

    /// The parts of a title between separators (" | ", " - "…), longest first, when it has any.
    static func titleParts(_ title: String) -> [String] {
        for separator in titleSeparators {
            let parts = split(title, separator).map(PageMetadata.clean).filter { !$0.isEmpty }
            if parts.count >= 2 { return parts.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count } }
        }
        return []
    }

    /// The share of the words of `a` that `b` has too (case and punctuation ignored), 0…1.
    static func similarity(_ a: String, _ b: String) -> Double {
        similarity(titleWords(a), titleWords(b))
    }

    /// ``similarity(_:_:)-(String,String)`` over words already split.
    static func similarity(_ left: [String], _ right: [String]) -> Double {
        guard !left.isEmpty else { return 0 }
        return Double(left.filter { right.contains($0) }.count) / Double(left.count)
    }

    /// The lower-cased words (runs of letters and digits) of a title.
    static func titleWords(_ text: String) -> [String] {
        var result: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII ? ((scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9"))
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            {
                word.append(scalar)
            } else if !word.isEmpty {
                result.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { result.append(String(word)) }
        return result
    }

    /// The site's names, folded (lower case, letters and digits only): its publisher,
    /// `og:site_name`, and the main label of its host name (`harpers` for harpers.org).
    static func siteNames(_ metadata: PageMetadata, url: String?) -> [String] {
        var names: [String] = []
        if let publisher = metadata.publisher { names.append(fold(publisher)) }
        if let url {
            var host = url
            let bytes = Array(host.utf8)
            if let scheme = (0..<max(0, bytes.count - 2)).first(where: { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) {
                host = String(decoding: bytes[(scheme + 3)...], as: UTF8.self)
            }
            host = String(host.prefix { $0 != "/" && $0 != ":" && $0 != "?" })
            let labels = host.lowercased().split(separator: ".").map(String.init)
                .filter { !["www", "com", "org", "net", "co", "uk", "de", "fr", "jp", "at", "blog", "m", "amp", "news"].contains($0) }
            if let label = labels.max(by: { $0.count < $1.count }), label.count >= 3 { names.append(fold(label)) }
        }
        return names.filter { $0.count >= 3 }
    }

    private static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// A title without a leading or trailing " | Site" / " - Site" part that names the site.
    static func stripSiteName(_ title: String, sites: [String]) -> String {
        for separator in titleSeparators {
            var parts = split(title, separator)
            guard parts.count >= 2 else { continue }
            var changed = false
            while parts.count >= 2, let last = parts.last, isSiteName(last, sites) {
                parts.removeLast()
                changed = true
            }
            while parts.count >= 2, let first = parts.first, isSiteName(first, sites) {
                parts.removeFirst()
                changed = true
            }
            if changed { return parts.joined(separator: separator) }
        }
        return title
    }

    private static func isSiteName(_ part: String, _ sites: [String]) -> Bool {
        let folded = fold(part)
        guard !folded.isEmpty else { return false }
        return sites.contains {
            (bytesContain(folded, $0) && folded.utf8.count <= $0.utf8.count + 12) || (bytesContain($0, folded) && folded.utf8.count >= 4)
        }
    }

    /// The publication date: a full date in the page's URL or its canonical URL
    /// (`/2019/11/20/`; a site that dates its paths dates them when it publishes, as htmldate
    /// also trusts them first); else the first one the metadata states (JSON-LD
    /// `datePublished`, then `<meta>` tags, microdata, `<time>`), not a last-modified date; else
    /// one in a short line of the page (a "Posted on …" line, a date above the headline).
    ///
    /// Metadata often gives the time in UTC while the page shows the publisher's own day: an
    /// article posted at 23:30 in New York is stamped 04:30 the next day. When the metadata's
    /// time is UTC before noon and the page shows the day before (in a `<time>` element or a
    /// short line), the page's day is the one its readers saw, and the one taken.
    static func chooseDate(_ metadata: PageMetadata, blocks: [TextBlock], chosen: [TextBlock], url: String?) -> CalendarDate? {
        for address in [url, metadata.url] {
            if let fromURL = address.flatMap(DateText.fromURL) { return fromURL }
        }
        let published = metadata.dates.filter { !isModified($0.source) }
        guard let first = published.first else { return dateInText(blocks: blocks, chosen: chosen) }
        if let hour = utcHour(first.raw), hour < 12 {
            let dayBefore = first.date.adding(days: -1)
            // The first date the page shows: its first local <time>, else its first short line
            // with a date.
            let shown = metadata.dates.first { $0.source == "time" && !isUTCStamp($0.raw) }?.date
                ?? blocks.lazy.filter { $0.length < 120 }.prefix(400).compactMap { DateText.parse($0.text) }.first
            if shown == dayBefore { return dayBefore }
        }
        return first.date
    }

    private static func isModified(_ source: String) -> Bool {
        source.contains("modif") || source.contains("updated")
    }

    /// Whether a time stamp says UTC: `…Z`, `…+00:00`, `…+0000`, `… GMT`.
    static func isUTCStamp(_ raw: String) -> Bool {
        let text = raw.trimmingASCIISpaces
        return text.hasSuffix("Z") || text.hasSuffix("+00:00") || text.hasSuffix("+0000") || text.hasSuffix("GMT")
            || text.hasSuffix("UTC")
    }

    /// The hour of a UTC time stamp (`2020-02-25T02:25:54+00:00` → 2), `nil` for a stamp with
    /// another offset or none.
    static func utcHour(_ raw: String) -> Int? {
        guard isUTCStamp(raw) else { return nil }
        let scalars = Array(raw.unicodeScalars)
        guard let t = scalars.firstIndex(where: { $0 == "T" || $0 == " " }), t + 2 < scalars.count,
            let hour = Int(String(String.UnicodeScalarView(scalars[(t + 1)...(t + 2)])))
        else { return nil }
        return hour
    }

    /// Words that say a line gives the publication date ("Published On May 10, 2022",
    /// "Posted on …", "Veröffentlicht am …"), lower-cased.
    static let publicationCues = [
        "published", "posted", "veröffentlicht", "erstellt am", "erschienen", "publié", "publicado", "pubblicato",
    ]

    /// A date in a short line of the page, for pages whose metadata states none: first a short
    /// line that says it is the publication date ("Published on …"), then the lines before
    /// and at the start of the article, then any short line with a date.
    static func dateInText(blocks: [TextBlock], chosen: [TextBlock]) -> CalendarDate? {
        for block in blocks.prefix(2000) where block.length < 120 {
            let line = block.text.lowercased()
            guard publicationCues.contains(where: { line.contains($0) }), let date = DateText.parse(block.text) else { continue }
            return date
        }
        let firstChosen = chosen.first?.firstNode ?? 0
        for block in blocks where block.length < 120 && block.firstNode <= firstChosen {
            if let date = DateText.parse(block.text) { return date }
        }
        for block in chosen.prefix(3) where block.length < 200 {
            if let date = DateText.parse(block.text) { return date }
        }
        for block in blocks where block.length < 120 {
            if let date = DateText.parse(block.text) { return date }
        }
        return nil
    }

    /// Decodes the HTML entities metadata values sometimes carry twice-encoded (`&amp;#8217;`,
    /// `&quot;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let named: [String: Unicode.Scalar] = [
            "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ", "rsquo": "\u{2019}",
            "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "ndash": "\u{2013}", "mdash": "\u{2014}",
            "hellip": "\u{2026}",
        ]
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let semicolon = scalars[(i + 1)..<min(scalars.count, i + 10)].firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
                var decoded: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result.append(decoded)
                    i = semicolon + 1
                    continue
                }
            }
            result.append(scalars[i])
            i += 1
        }
        return String(result)
    }

    /// Refuses input that is plainly not an HTML page, before parsing.
    static func checkLooksLikeHTML(_ bytes: UnsafeRawBufferPointer) throws(WebPageError) {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            throw .notHTML(reason: "it is gzip-compressed data; decompress it first (gunzip FILE)")
        }
        if bytes.count >= 4, bytes[0] == 0x25, bytes[1] == 0x50, bytes[2] == 0x44, bytes[3] == 0x46 {
            throw .notHTML(reason: "it is a PDF document (it starts with %PDF)")
        }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            throw .notHTML(reason: "it is a ZIP archive; unpack it and read the page inside")
        }
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let window = min(bytes.count, 65_536)
        if !utf16 {
            for index in 0..<min(window, 8192) where bytes[index] == 0 {
                throw .notHTML(reason: "it holds binary data (a NUL byte at offset \(index))")
            }
        }
        // Some markup: '<' then a letter, '!' or '/'.
        var index = 0
        let step = utf16 ? 2 : 1
        let start = utf16 ? (bytes[0] == 0xFF ? 2 : 3) : 0
        index = start
        while index + step < window {
            if bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + step]
                if (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") || next == UInt8(ascii: "!") || next == UInt8(ascii: "/") {
                    return
                }
            }
            index += step
        }
        throw .notHTML(reason: "there is no HTML markup (no tag) in its first \(window) bytes; read a plain-text article as text instead")
    }

    /// Windows-1252 bytes as UTF-8 (the five unassigned bytes become U+FFFD).
    static func utf8(fromWindows1252 bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
                continue
            }
            let value = byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(value)!) { result.append($0) }
        }
        return result
    }
}
