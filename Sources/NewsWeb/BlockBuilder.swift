/// One run of text as a reader sees it on the page: the inline content of one block-level
/// element between two block boundaries (a child block, a `<br>`, the element's end).
///
/// `<td>` and `<th>` cells that hold only inline content join their row's block, separated by a
/// space, so a table row reads as one line; a cell used for layout (holding paragraphs or
/// `<div>`s) is a block element like any other.
struct TextBlock: Sendable, Equatable {
    /// What kind of paragraph the block makes in the output.
    var kind: WebPage.ParagraphKind
    /// The text, white space collapsed (line breaks kept only in `<pre>`), trimmed.
    var text: String
    /// The number of Unicode scalars of `text` that lie inside links.
    var linkLength: Int
    /// The number of Unicode scalars of `text`.
    var length: Int
    /// The document index of the block-level element that holds the text.
    var owner: Int
    /// The document index of the block's first text node.
    var firstNode: Int
    /// Whether a single `<br>` (not a new block element) separates this block from the previous
    /// one in the same owner: the two are lines of one paragraph.
    var followsLineBreak: Bool

    /// How much reading the text holds, in Latin-letter equivalents: a Chinese or Japanese
    /// character or a Hangul syllable says as much as a short word, so it counts three.
    var weight: Int
    /// ``weight`` of the part inside links.
    var linkWeight: Int

    /// The share of the text inside links, 0…1.
    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }

    /// ``weight`` of one scalar: 3 for a CJK ideograph, kana or Hangul syllable, 1 for anything else.
    @inline(__always)
    static func weight(of value: UInt32) -> Int {
        guard value >= 0x3040 else { return 1 }
        if (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
        {
            return 3
        }
        return 1
    }
}

/// Cuts a document into ``TextBlock``s in reading order, leaving out what a reader never sees:
/// `<head>`, scripts, styles, forms' controls, embedded media and elements hidden with the
/// `hidden` attribute, `aria-hidden="true"` or an inline `display: none`.
struct BlockBuilder: Sendable {
    /// Tags whose whole subtree holds no readable text.
    static let invisible: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "video", "audio", "select", "option", "textarea", "button", "input", "map", "picture",
        "title", "meta", "link", "base", "source", "track", "dialog", "menu",
    ]

    /// Tags that start and end a block.
    static let blockLevel: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "frameset", "frame", "listing",
        "plaintext", "xmp",
    ]

    let document: HTMLDocument

    /// Per node: the nearest block-level element at or above it.
    private(set) var owner: [Int] = []
    /// Per node: whether it lies inside a link.
    private(set) var inLink: [Bool] = []
    /// Per node: whether it is hidden or invisible.
    private(set) var hidden: [Bool] = []

    init(document: HTMLDocument) {
        self.document = document
    }

    /// The blocks of the document in reading order.
    mutating func blocks() -> [TextBlock] {
        let nodes = document.nodes
        let count = nodes.count
        owner = Array(repeating: 0, count: count)
        inLink = Array(repeating: false, count: count)
        hidden = Array(repeating: false, count: count)
        let layoutCell = layoutCells()
        var kindOf = Array(repeating: WebPage.ParagraphKind.paragraph, count: count)
        var preformatted = Array(repeating: false, count: count)

        for index in 0..<count {
            let node = nodes[index]
            let parent = node.parent
            if parent >= 0 {
                inLink[index] = inLink[parent] || nodes[parent].name == "a"
                hidden[index] = hidden[parent]
                preformatted[index] = preformatted[parent]
                kindOf[index] = kindOf[parent]
            }
            guard !node.isText else {
                owner[index] = parent >= 0 ? owner[parent] : 0
                continue
            }
            if !hidden[index], Self.isHidden(node) { hidden[index] = true }
            let isBlock = node.isBlockLevel || layoutCell[index]
            owner[index] = isBlock || parent < 0 ? index : owner[parent]
            switch node.name {
            case "h1", "h2", "h3", "h4", "h5", "h6": kindOf[index] = .heading
            case "li", "dd", "dt": if kindOf[index] != .heading { kindOf[index] = .listItem }
            case "blockquote": if kindOf[index] == .paragraph { kindOf[index] = .quote }
            case "tr": if kindOf[index] == .paragraph { kindOf[index] = .tableRow }
            case "pre", "listing", "xmp", "plaintext":
                preformatted[index] = true
                if kindOf[index] == .paragraph { kindOf[index] = .preformatted }
            case "p", "div", "section", "article":
                // A paragraph inside a list item or a quotation keeps that kind.
                break
            default: break
            }
        }

        var result: [TextBlock] = []
        // The block's text as UTF-8 bytes (appending scalar by scalar to a String was a third of
        // the time spent outside libxml2), its length in scalars and its weight.
        var text: [UInt8] = []
        text.reserveCapacity(1024)
        var linkLength = 0
        var length = 0
        var weight = 0
        var linkWeight = 0
        var currentOwner = -1
        var firstNode = -1
        var pendingSpace = false
        var lineBreakBefore = false
        var sawLineBreak = false

        func flush(lineBreak: Bool) {
            if length > 0 {
                // Drop the trailing space, if any.
                while let last = text.last, last == 0x20 || last == 0x0A {
                    text.removeLast()
                    length -= 1
                    weight -= 1
                }
                if length > 0 {
                    result.append(TextBlock(kind: kindOf[firstNode], text: String(decoding: text, as: UTF8.self),
                                            linkLength: min(linkLength, length), length: length, owner: currentOwner,
                                            firstNode: firstNode, followsLineBreak: lineBreakBefore, weight: weight,
                                            linkWeight: min(linkWeight, weight)))
                }
            }
            text.removeAll(keepingCapacity: true)
            linkLength = 0
            length = 0
            weight = 0
            linkWeight = 0
            firstNode = -1
            pendingSpace = false
            lineBreakBefore = lineBreak
        }

        var index = 0
        while index < count {
            let node = nodes[index]
            if !node.isText {
                if hidden[index] || node.isInvisible {
                    index = document.subtreeEnd(index)
                    continue
                }
                if node.name == "br" {
                    if currentOwner >= 0 && length > 0 {
                        flush(lineBreak: !sawLineBreak)
                        sawLineBreak = true
                    } else {
                        lineBreakBefore = false
                    }
                } else if node.name == "td" || node.name == "th" {
                    pendingSpace = length > 0
                } else if owner[index] == index {
                    // A block element starts: whatever came before is a block of its own.
                    flush(lineBreak: false)
                    currentOwner = -1
                } else if node.name == "img", length > 0 {
                    pendingSpace = true
                }
                index += 1
                continue
            }
            let textOwner = owner[index]
            if textOwner != currentOwner {
                flush(lineBreak: false)
                currentOwner = textOwner
                sawLineBreak = false
            }
            let keepLines = preformatted[index]
            let linked = inLink[index]
            var utf8 = node.text.utf8.makeIterator()
            var lead = utf8.next()
            while let byte = lead {
                // One scalar: its bytes and its value.
                var bytes: (UInt8, UInt8, UInt8, UInt8) = (byte, 0, 0, 0)
                var size = 1
                var value = UInt32(byte)
                if byte >= 0xC0 {
                    size = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    value = UInt32(byte) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
                    for i in 1..<size {
                        let next = utf8.next() ?? 0x80
                        value = value << 6 | UInt32(next & 0x3F)
                        switch i {
                        case 1: bytes.1 = next
                        case 2: bytes.2 = next
                        default: bytes.3 = next
                        }
                    }
                }
                lead = utf8.next()
                if keepLines && value == 0x0A {
                    if length > 0, text.last != 0x0A {
                        if text.last == 0x20 { text.removeLast(); length -= 1; weight -= 1 }
                        text.append(0x0A)
                        length += 1
                        weight += 1
                    }
                    pendingSpace = false
                    continue
                }
                if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C || value == 0xA0
                    || value == 0x200B || value == 0xFEFF
                {
                    if length > 0 { pendingSpace = true }
                    continue
                }
                if value < 0x20 || (value >= 0x7F && value < 0xA0) { continue }
                if pendingSpace, let last = text.last, last != 0x0A {
                    text.append(0x20)
                    length += 1
                    weight += 1
                    if linked { linkLength += 1; linkWeight += 1 }
                }
                pendingSpace = false
                if firstNode < 0 { firstNode = index }
                text.append(bytes.0)
                if size > 1 { text.append(bytes.1) }
                if size > 2 { text.append(bytes.2) }
                if size > 3 { text.append(bytes.3) }
                let scalarWeight = TextBlock.weight(of: value)
                length += 1
                weight += scalarWeight
                if linked { linkLength += 1; linkWeight += scalarWeight }
            }
            sawLineBreak = false
            index += 1
        }
        flush(lineBreak: false)
        return result
    }

    /// Per node: whether it is a `<td>`/`<th>` that holds block-level content (a layout cell).
    private func layoutCells() -> [Bool] {
        let nodes = document.nodes
        var result = Array(repeating: false, count: nodes.count)
        var hasBlock = Array(repeating: false, count: nodes.count)
        for index in stride(from: nodes.count - 1, through: 0, by: -1) {
            let node = nodes[index]
            if node.name == "td" || node.name == "th" {
                result[index] = hasBlock[index]
            }
            let parent = node.parent
            guard parent >= 0 else { continue }
            if hasBlock[index] || node.isBlockLevel || node.name == "br" {
                hasBlock[parent] = true
            }
        }
        return result
    }

    /// Whether an element is hidden from readers by its attributes.
    static func isHidden(_ node: HTMLDocument.Node) -> Bool {
        for attribute in node.attributes {
            switch attribute.name {
            case "hidden": return true
            case "aria-hidden": if attribute.value.lowercased() == "true" { return true }
            case "style":
                let style = String(attribute.value.lowercased().unicodeScalars.filter { $0 != " " })
                if WebPageReader.bytesContain(style, "display:none") || WebPageReader.bytesContain(style, "visibility:hidden") {
                    return true
                }
            case "class":
                // Cards that pop up over a name on hover sit inside the paragraph, hidden by the
                // site's style sheet: their text is not the sentence's.
                let names = attribute.value.lowercased()
                for word in ["rollover", "tooltip", "popover", "hovercard"] where WebPageReader.bytesContain(names, word) {
                    return true
                }
            default: break
            }
        }
        return false
    }
}
