import NewsModel

/// What a page says about itself: from schema.org JSON-LD (`NewsArticle`, `Article`,
/// `BlogPosting`… and `@graph`s of them), Open Graph and other `<meta>` tags, microdata
/// (`itemprop`), `<time>` elements, `<link rel="canonical">`, `<html lang>`, `<title>` and
/// `<h1>`.
///
/// Each field keeps the first value found in a fixed order of sources (the order is in
/// ``read(_:)``); the choice between them, and the fall-backs to the text, are made by
/// ``WebPageReader``.
struct PageMetadata: Sendable, Equatable {
    var jsonLDHeadline: String?
    var openGraphTitle: String?
    var metaTitle: String?
    var titleElement: String?
    /// The page's `<h1>` texts, in order, without labels inside them (``headingText(_:_:)``).
    var headings: [String] = []
    /// The page's first `<h2>` texts (at most 10), for pages whose headline is not an `<h1>`.
    var subheadings: [String] = []
    /// The labels cut from the page's `<h1>`s ("Patch Notes"), which titles often keep.
    var headingLabels: [String] = []
    /// Dates the page states, in order of trust, with where each came from and its raw text.
    var dates: [(source: String, date: CalendarDate, raw: String)] = []
    var authors: [String] = []
    var publisher: String?
    var url: String?
    var language: String?
    /// The JSON-LD `articleBody`, when the page gives one.
    var articleBody: String?

    static func == (lhs: PageMetadata, rhs: PageMetadata) -> Bool {
        lhs.jsonLDHeadline == rhs.jsonLDHeadline && lhs.openGraphTitle == rhs.openGraphTitle
            && lhs.titleElement == rhs.titleElement && lhs.headings == rhs.headings
            && lhs.subheadings == rhs.subheadings && lhs.headingLabels == rhs.headingLabels
            && lhs.dates.map(\.date) == rhs.dates.map(\.date) && lhs.authors == rhs.authors
            && lhs.publisher == rhs.publisher && lhs.url == rhs.url && lhs.language == rhs.language
    }

    /// The schema.org types that describe an article.
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
        "liveblogposting", "techarticle", "scholarlyarticle", "report", "posting", "webpage", "review",
    ]

    /// Reads the metadata of a parsed page.
    static func read(_ document: HTMLDocument) -> PageMetadata {
        var metadata = PageMetadata()
        let nodes = document.nodes
        var metaValues: [String: String] = [:]
        var itemprops: [(String, String)] = []
        var timeElements: [String] = []
        var canonical: String?
        for index in nodes.indices where !nodes[index].isText {
            let node = nodes[index]
            switch node.name {
            case "html":
                if metadata.language == nil, let lang = node.attribute("lang"), !lang.isEmpty { metadata.language = lang }
            case "meta":
                let content = clean(node.attribute("content") ?? "")
                guard !content.isEmpty else { continue }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let name = node.attribute(key)?.lowercased(), !name.isEmpty, metaValues[name] == nil {
                        metaValues[name] = content
                    }
                }
                if let prop = node.attribute("itemprop") { itemprops.append((prop.lowercased(), content)) }
                if let name = (node.attribute("property") ?? node.attribute("name"))?.lowercased(),
                    name == "article:author" || name == "author" || name == "byl" || name == "sailthru.author"
                        || name == "parsely-author" || name == "dc.creator" || name == "twitter:creator"
                {
                    metaValues["author#" + String(metaValues.count)] = name + "\u{1F}" + content
                }
            case "link":
                if canonical == nil, node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href"),
                    href.hasPrefix("http")
                {
                    canonical = href
                }
            case "title":
                if metadata.titleElement == nil { metadata.titleElement = clean(document.text(of: index)) }
            case "h1", "h2":
                // A headline is a few inline elements; an <h1> around a whole page is not one.
                guard document.subtreeEnd(index) - index < 100 else { continue }
                if node.name == "h2", metadata.subheadings.count >= 10 { continue }
                let (text, labels) = headingText(document, index)
                guard !text.isEmpty else { continue }
                if node.name == "h1" {
                    metadata.headings.append(text)
                    metadata.headingLabels += labels
                } else {
                    metadata.subheadings.append(text)
                }
            case "time":
                if let value = node.attribute("datetime") ?? node.attribute("content") {
                    timeElements.append(value)
                } else {
                    timeElements.append(document.text(of: index))
                }
            case "script":
                readJSONLD(document.text(of: index), into: &metadata)
            default:
                // Only the properties read below, and their text only when no attribute gives
                // the value (an itemprop="articleBody" element's text is the whole article).
                if let prop = node.attribute("itemprop")?.lowercased(),
                    ["author", "creator", "datepublished", "datecreated"].contains(prop)
                {
                    var value = node.attribute("content") ?? node.attribute("datetime")
                    if value == nil {
                        let end = document.subtreeEnd(index)
                        value = end - index < 200 ? clean(document.text(of: index)) : ""
                    }
                    itemprops.append((prop, value ?? ""))
                }
            }
        }

        metadata.openGraphTitle = metaValues["og:title"] ?? metaValues["twitter:title"]
        metadata.metaTitle = metaValues["title"] ?? metaValues["dc.title"] ?? metaValues["sailthru.title"] ?? metaValues["parsely-title"]
        if metadata.publisher == nil {
            metadata.publisher = metaValues["og:site_name"] ?? metaValues["application-name"] ?? metaValues["publisher"]
                ?? metaValues["dc.publisher"]
        }
        metadata.url = canonical ?? metaValues["og:url"].flatMap { $0.hasPrefix("http") ? $0 : nil } ?? metadata.url
        if metadata.language == nil { metadata.language = metaValues["og:locale"] ?? metaValues["content-language"] ?? metaValues["dc.language"] }

        for key in [
            "article:published_time", "og:article:published_time", "article.published", "published_time", "datepublished",
            "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.date",
            "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date", "citation_publication_date",
            "article:published", "originalpublicationdate", "og:published_time", "cxenseparse:recs:publishtime",
            "date_published", "created", "article.created", "datecreated", "og:updated_time", "article:modified_time",
        ] {
            if let value = metaValues[key], let date = DateText.parse(value) { metadata.dates.append(("meta " + key, date, value)) }
        }
        for (prop, value) in itemprops where prop == "datepublished" || prop == "datecreated" {
            if let date = DateText.parse(value) { metadata.dates.append(("itemprop " + prop, date, value)) }
        }
        for value in timeElements {
            if let date = DateText.parse(value) { metadata.dates.append(("time", date, value)) }
        }
        if metadata.authors.isEmpty {
            var authors: [String] = []
            for (prop, value) in itemprops where prop == "author" || prop == "creator" {
                let name = clean(value)
                if !name.isEmpty, !name.hasPrefix("http"), name.count < 80 { authors.append(name) }
            }
            if authors.isEmpty {
                for (key, value) in metaValues.sorted(by: { $0.key < $1.key }) where key.hasPrefix("author#") {
                    let parts = value.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[1].hasPrefix("http"), !parts[1].hasPrefix("@") else { continue }
                    authors.append(parts[1])
                }
            }
            metadata.authors = uniqueAuthors(authors)
        }
        return metadata
    }

    /// The text of a heading without the labels a forum or a site sets before it
    /// (`<span class="label">Patch Notes</span>`, a `badge`): they are not part of the headline.
    /// A heading that is all label keeps its text. Returns the text and the labels cut.
    static func headingText(_ document: HTMLDocument, _ index: Int) -> (text: String, labels: [String]) {
        let nodes = document.nodes
        let end = document.subtreeEnd(index)
        var text = ""
        var labels: [String] = []
        var i = index + 1
        while i < end {
            let node = nodes[i]
            if node.isText {
                text += node.text
            } else if let classes = node.attribute("class")?.lowercased().split(separator: " "),
                classes.contains(where: { $0 == "label" || $0 == "badge" })
            {
                labels.append(clean(document.text(of: i)))
                i = document.subtreeEnd(i)
                continue
            }
            i += 1
        }
        let cleaned = clean(text)
        return cleaned.isEmpty ? (clean(document.text(of: index)), []) : (cleaned, labels.filter { !$0.isEmpty })
    }

    /// Reads one JSON-LD script: the first article-like object fills what is still empty.
    static func readJSONLD(_ text: String, into metadata: inout PageMetadata) {
        var queue = LenientJSON.parse(text)
        var seen = 0
        while !queue.isEmpty, seen < 500 {
            let value = queue.removeFirst()
            seen += 1
            switch value {
            case .array(let elements):
                queue.append(contentsOf: elements)
                continue
            case .object:
                break
            default:
                continue
            }
            if let graph = value["@graph"] { queue.append(contentsOf: graph.list) }
            let types = (value["@type"]?.list ?? []).compactMap { $0.string?.lowercased() }
            if metadata.publisher == nil, types.contains("organization") || types.contains("newsmediaorganization"),
                value["@id"]?.string?.contains("publisher") == true || value["@id"]?.string?.hasSuffix("#organization") == true,
                let name = value["name"]?.string
            {
                metadata.publisher = clean(name)
            }
            guard types.contains(where: { articleTypes.contains($0) }) else { continue }
            let isWebPage = types.allSatisfy { $0 == "webpage" }
            if !isWebPage, metadata.jsonLDHeadline == nil, let headline = value["headline"]?.string ?? value["name"]?.string {
                let cleaned = clean(headline)
                if !cleaned.isEmpty { metadata.jsonLDHeadline = cleaned }
            }
            for key in ["datePublished", "dateCreated", "uploadDate"] {
                if let raw = value[key]?.string, let date = DateText.parse(raw) {
                    metadata.dates.insert(("json-ld " + key, date, raw), at: 0)
                    break
                }
            }
            if let raw = value["dateModified"]?.string, let date = DateText.parse(raw) {
                metadata.dates.append(("json-ld dateModified", date, raw))
            }
            if !isWebPage, metadata.authors.isEmpty, let author = value["author"] ?? value["creator"] {
                var names: [String] = []
                for person in author.list {
                    if let name = person.string ?? person["name"]?.string { names.append(clean(name)) }
                }
                metadata.authors = uniqueAuthors(names.filter { !$0.isEmpty && !$0.hasPrefix("http") })
            }
            if metadata.publisher == nil, let publisher = value["publisher"] {
                if let name = publisher.list.first?["name"]?.string ?? publisher.string { metadata.publisher = clean(name) }
            }
            if metadata.language == nil, let language = value["inLanguage"]?.string { metadata.language = language }
            if metadata.url == nil, let url = value["url"]?.string ?? value["mainEntityOfPage"]?["@id"]?.string, url.hasPrefix("http") {
                metadata.url = url
            }
            if !isWebPage, metadata.articleBody == nil, let body = value["articleBody"]?.string ?? value["text"]?.string {
                if body.unicodeScalars.count >= 200 { metadata.articleBody = body }
            }
        }
    }

    /// Authors without repeats, "By" prefixes and trailing roles split off.
    static func uniqueAuthors(_ names: [String]) -> [String] {
        var result: [String] = []
        for raw in names {
            var name = clean(raw)
            for prefix in ["By ", "by ", "BY ", "Von ", "von ", "Par ", "par "] where name.hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count))
            }
            for piece in name.split(separator: ",").map({ clean(String($0)) }) where !piece.isEmpty {
                for part in splitAnd(piece) where !result.contains(part) && part.count <= 80 {
                    result.append(part)
                }
            }
        }
        return result
    }

    private static func splitAnd(_ text: String) -> [String] {
        let words = text.split(separator: " ")
        guard let index = words.firstIndex(where: { $0 == "and" || $0 == "&" || $0 == "und" || $0 == "et" }) else { return [text] }
        let first = words[..<index].joined(separator: " ")
        let rest = words[(index + 1)...].joined(separator: " ")
        return [first, rest].filter { !$0.isEmpty }
    }

    /// White space collapsed and trimmed (ASCII white space, no-break and zero-width spaces).
    static func clean(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var space = false
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            var skip = 0
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                skip = 1
            } else if byte == 0xC2, utf8.count >= 2, utf8[utf8.startIndex + 1] == 0xA0 {
                skip = 2
            } else if byte == 0xE2, utf8.count >= 3, utf8[utf8.startIndex + 1] == 0x80, utf8[utf8.startIndex + 2] == 0x8B {
                skip = 3
            }
            if skip > 0 {
                space = !result.isEmpty
                utf8 = utf8.dropFirst(skip)
                continue
            }
            if space { result.append(0x20) }
            space = false
            result.append(byte)
            utf8 = utf8.dropFirst()
        }
        return String(decoding: result, as: UTF8.self)
    }
}
