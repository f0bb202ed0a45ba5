import NewsModel

/// The words in an element's `class`, `id`, `role`, `itemprop` and test attributes, and its tag,
/// that say whether it holds the article or something around it — navigation, comments,
/// sharing buttons, related links, advertising, footers, bylines.
///
/// Attribute values are cut into words (at anything not a letter or digit, and where a lower-case
/// letter meets an upper-case one: `RelatedTags-tags` → `related`, `tags`, `tags`); a pattern
/// ending in `*` matches a word that starts with it (`comment*`: `comments`, `commentlist`),
/// others match a whole word (`ad` but not `header`), and a pattern of two words matches them
/// in a row (`read more`). The lists are ours, after the kind of evidence readability and
/// trafilatura use.
enum BoilerplateRules {
    /// Words that mark a container of something that is never the article, however long.
    static let alwaysNegative: [String] = [
        "comment*", "disqus*", "respond", "replies", "reply", "related*", "recommend*", "outbrain*", "taboola*",
        "newsletter*", "subscribe*", "subscription*", "share*", "sharing*", "social*", "sidebar*", "footer*",
        "breadcrumb*", "advert*", "ad", "ads", "adslot*", "adunit*", "adwrap*", "adcontainer*", "dfp*", "gpt",
        "sponsor*", "promo*", "popular*", "mostpopular*", "trending*", "navbar*", "navigation*", "nav", "menu*",
        "cookie*", "consent*", "gdpr", "modal*", "popup*", "widget*", "byline*", "caption*", "credit*",
        "masthead*", "toolbar*", "pagination*", "pager", "paywall*", "signup*", "login*", "skip", "rail",
        "teaser*", "tags", "tag", "taglist*", "tagcloud*", "keywords", "read more", "more stories", "more from",
        "sr only", "visually hidden", "screen reader", "offscreen", "print only", "author bio", "authorbio*",
        "about author", "meta", "metadata", "dateline", "timestamp", "published", "topics", "recirc*",
        "carousel*", "slideshow*", "gallery*", "donate*", "affiliate*", "shopping*", "newsletter", "jump*",
        "infobox*", "card", "cards", "headline*", "kicker*", "sharebar*", "follow*", "logo*", "author*",
        "gprd", "print", "date", "photo*", "image", "images", "img", "figure*", "wp caption", "thumbnail*",
        "lightbox*", "byl", "contributor*", "bio", "disclaimer*", "disclosure*", "cta",
    ]

    /// Words that mark embedded posts (a tweet, an Instagram post) whose text belongs to the
    /// article even when other words say "social".
    static let embedded: [String] = ["embed*", "tweet*", "twitter tweet", "instagram*"]

    /// The subset of ``alwaysNegative`` that holds even for an element with most of the page's
    /// prose inside: comment threads can be longer than the article. Other boilerplate words
    /// on such an element (`has-section-nav`, `theiaStickySidebar`, `meta_field`) are taken to
    /// be styling names, not the element's purpose.
    static let strictNegative: [String] = ["comment*", "disqus*", "respond", "replies", "reply", "footer*", "copyright*"]

    /// Names that contain a boilerplate word but are not boilerplate (`above-footer` wraps a
    /// whole page).
    static let notNegative: [String] = ["above footer", "before footer", "pre footer"]

    /// The words of ``positive`` strong enough to outweigh a boilerplate word beside them.
    static let strongPositive: [String] = ["article*", "body*", "content*", "entry*", "main*", "story*", "text*", "prose"]

    /// Words that mark the article's own container.
    static let positive: [String] = [
        "article*", "body*", "content*", "entry*", "main*", "post*", "story*", "text*", "blog*", "prose",
    ]

    /// Tags that hold what surrounds an article.
    static let negativeTags: Set<String> = ["nav", "aside", "footer", "header", "menu", "figure", "figcaption"]

    /// Tags that are boilerplate whatever prose they hold.
    static let strictNegativeTags: Set<String> = ["nav", "aside", "footer"]

    /// The words of an element's naming attributes, lower-cased, in order.
    static func words(of node: HTMLDocument.Node) -> [[UInt8]] {
        var words: [[UInt8]] = []
        for attribute in node.attributes
        where attribute.name == "class" || attribute.name == "id" || attribute.name == "role"
            || attribute.name == "itemprop" || attribute.name == "data-component" || attribute.name == "data-testid"
        {
            var word: [UInt8] = []
            var previousLower = false
            for byte in attribute.value.utf8 {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isDigit = byte >= 0x30 && byte <= 0x39
                let isLower = (byte >= 0x61 && byte <= 0x7A) || isDigit
                if isUpper && previousLower, !word.isEmpty {
                    words.append(word)
                    word.removeAll(keepingCapacity: true)
                }
                if isUpper {
                    word.append(byte + 32)
                } else if isLower {
                    word.append(byte)
                } else if !word.isEmpty {
                    words.append(word)
                    word.removeAll(keepingCapacity: true)
                }
                previousLower = isLower && !isDigit
            }
            if !word.isEmpty { words.append(word) }
        }
        return words
    }

    /// A list of patterns compiled to bytes once: whole words in a set, prefixes and pairs in
    /// lists.
    struct Patterns: Sendable {
        var exact: Set<[UInt8]> = []
        var prefixes: [[UInt8]] = []
        var pairs: [(first: [UInt8], second: [UInt8])] = []

        init(_ patterns: [String]) {
            for pattern in patterns {
                let bytes = Array(pattern.utf8)
                if let space = bytes.firstIndex(of: 0x20) {
                    pairs.append((Array(bytes[..<space]), Array(bytes[(space + 1)...])))
                } else if bytes.last == UInt8(ascii: "*") {
                    prefixes.append(Array(bytes.dropLast()))
                } else {
                    exact.insert(bytes)
                }
            }
        }

        /// Whether any pattern matches the words.
        func matches(_ words: [[UInt8]]) -> Bool {
            for (i, word) in words.enumerated() {
                if exact.contains(word) { return true }
                for prefix in prefixes where word.count >= prefix.count && word.starts(with: prefix) { return true }
                if i + 1 < words.count {
                    for pair in pairs where word == pair.first && words[i + 1].starts(with: pair.second) { return true }
                }
            }
            return false
        }
    }

    static let alwaysNegativePatterns = Patterns(alwaysNegative)
    static let strictNegativePatterns = Patterns(strictNegative)
    static let notNegativePatterns = Patterns(notNegative)
    static let strongPositivePatterns = Patterns(strongPositive)
    static let positivePatterns = Patterns(positive)
    static let embeddedPatterns = Patterns(embedded)

    /// What ``weight(of:)`` depends on, as one string: the tag and the naming attributes.
    static func cacheKey(_ node: HTMLDocument.Node) -> String {
        var key = node.name
        for attribute in node.attributes
        where attribute.name == "class" || attribute.name == "id" || attribute.name == "role"
            || attribute.name == "itemprop" || attribute.name == "data-component" || attribute.name == "data-testid"
        {
            key += "\u{1}" + attribute.name + "\u{2}" + attribute.value
        }
        return key
    }

    /// A weight for an element: below 0 for boilerplate containers, above 0 for article
    /// containers, 0 when its names say nothing. `html`, `body`, `main` and `article` are never
    /// boilerplate: their names describe the page, not a part of it.
    /// `-2` marks a strict boilerplate container (``strictNegative``).
    static func weight(of node: HTMLDocument.Node) -> Int {
        if node.name == "html" || node.name == "body" { return 0 }
        let words = words(of: node)
        if let itemprop = node.attribute("itemprop"), itemprop.lowercased() == "articlebody" { return 2 }
        if strictNegativeTags.contains(node.name) { return -2 }
        guard !words.isEmpty else { return negativeTags.contains(node.name) ? -1 : 0 }
        if notNegativePatterns.matches(words) { return 0 }
        if strictNegativePatterns.matches(words) { return -2 }
        if embeddedPatterns.matches(words) { return 0 }
        if node.name == "main" || node.name == "article" { return 1 }
        // "content_body" beside "TOC_TITLE", "main-content-wrap has-section-nav": a name that says
        // "content" is the content, whatever styling words stand beside it.
        if alwaysNegativePatterns.matches(words) { return strongPositivePatterns.matches(words) ? 0 : -1 }
        if negativeTags.contains(node.name) { return -1 }
        return positivePatterns.matches(words) ? 1 : 0
    }

    /// Lines that are page furniture wherever they stand, lower-cased, compared with a short
    /// block's whole text (trailing punctuation and white space removed).
    static let boilerplateLines: Set<String> = [
        "advert", "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "don't miss",
        "don’t miss", "read more", "read next", "related", "related articles", "related stories", "related content",
        "more", "share", "share this", "share this article", "share on facebook", "share on twitter", "tweet",
        "comments", "comment", "leave a comment", "leave a reply", "tell us what you think", "click here",
        "story continues below", "story continues below advertisement", "continue reading", "continue reading below",
        "also read", "see also", "recommended", "recommended for you", "you may also like", "more from", "trending",
        "most popular", "subscribe", "sign up", "newsletter", "follow us", "print", "email", "top", "back to top",
        "skip to content", "loading", "loading...", "close", "menu", "search", "photo", "video", "watch",
        "getty images", "ap photo", "reuters", "image", "file photo", "listen", "listen to this article",
        "article continues below", "scroll to continue with content", "continue reading the main story",
    ]

    /// Whether a short block is furniture: a line of ``boilerplateLines``, a bare date or
    /// "Updated …" time stamp, or a byline ("By Jane Doe").
    static func isBoilerplateLine(_ text: String) -> Bool {
        guard text.utf8.count <= 320, text.unicodeScalars.count <= 80 else { return false }
        var trimmed = text.lowercased()
        while let last = trimmed.unicodeScalars.last, ".:!…|>»-–— ".unicodeScalars.contains(last) {
            trimmed.unicodeScalars.removeLast()
        }
        if boilerplateLines.contains(trimmed) { return true }
        let words = trimmed.unicodeScalars.split(separator: " ")
        let first = words.first.map { String(String.UnicodeScalarView($0)) } ?? ""
        let hasDot = trimmed.utf8.contains(UInt8(ascii: "."))
        var parsed: CalendarDate??
        func date() -> CalendarDate? {
            if let parsed { return parsed }
            let value = DateText.parse(text)
            parsed = .some(value)
            return value
        }
        if ["by", "von", "par", "por"].contains(first), words.count <= 7, !hasDot || date() != nil {
            return true
        }
        if ["updated", "published", "posted", "last"].contains(first),
            date() != nil || PageMetadataText.contains(trimmed, " ago")
        {
            return true
        }
        // A bare date: nothing but the date's own words.
        if words.count <= 8, date() != nil {
            let letters = trimmed.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            if letters <= 30 { return true }
        }
        return false
    }
}

/// Substring tests on UTF-8 bytes (String's own compares grapheme clusters).
enum PageMetadataText {
    /// Whether `text` contains `part`.
    static func contains(_ text: String, _ part: String) -> Bool {
        WebPageReader.bytesContain(text, part)
    }
}
