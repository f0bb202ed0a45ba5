internal import CXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed HTML page as a flat tree of plain values: libxml2's HTML parser reads the bytes (tag
/// soup included), and the result is copied out of its C tree at once, so that everything after
/// the parse — main-text selection, metadata — is Swift over value types.
///
/// Nodes are stored in document order; a node refers to its parent, first child and next sibling
/// by index (`-1` for none), so walking the tree needs neither recursion nor reference counting.
/// Only elements and text are kept: comments, processing instructions and the document type go.
/// The contents of `<style>` are dropped, and of `<script>` all but JSON-LD
/// (`type="application/ld+json"`), which the metadata reader needs.
struct HTMLDocument: Sendable {
    /// One element or run of text.
    struct Node: Sendable {
        /// The lower-case tag name of an element; empty for text.
        var name: String
        /// The text of a text node (entities decoded, UTF-8); empty for an element.
        var text: String
        /// The element's attributes, names in lower case, in source order.
        var attributes: [(name: String, value: String)]
        /// The parent's index, `-1` for the root element.
        var parent: Int
        /// The first child's index, or `-1`.
        var firstChild: Int = -1
        /// The next sibling's index, or `-1`.
        var nextSibling: Int = -1
        /// The depth below the root element (the root is 0).
        var depth: Int
        /// Whether the element starts and ends a block (``BlockBuilder/blockLevel``).
        var isBlockLevel = false
        /// Whether the element's subtree holds no readable text (``BlockBuilder/invisible``).
        var isInvisible = false

        /// Whether the node is text rather than an element.
        var isText: Bool { name.isEmpty }

        /// The value of the named attribute (lower-case name), if present.
        func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    /// What went wrong in parsing.
    enum ParseFailure: Error, Equatable {
        /// libxml2 returned no document or no root element.
        case noDocument
    }

    /// The nodes in document order; index 0 is the root element (`<html>`).
    private(set) var nodes: [Node]

    /// Parses UTF-8 or `encoding`-encoded HTML bytes with libxml2 (recovering from errors, no
    /// network, no error output).
    ///
    /// - Parameter encoding: an encoding name libxml2 knows (see ``CharsetSniffer``), which
    ///   overrides anything the page declares.
    static func parse(_ bytes: UnsafeRawBufferPointer, encoding: String) throws(ParseFailure) -> HTMLDocument {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NODEFDTD.rawValue
                | XML_PARSE_HUGE.rawValue)
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { throw .noDocument }
        let parsed = encoding.withCString { name in
            htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, name, options)
        }
        guard let document = parsed else { throw .noDocument }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .noDocument }
        return HTMLDocument(copying: root)
    }

    /// Copies the C tree under `root` into value nodes, iteratively (no recursion, whatever the
    /// nesting depth).
    private init(copying root: xmlNodePtr) {
        var nodes: [Node] = []
        nodes.reserveCapacity(4096)
        func element(_ node: xmlNodePtr, parent: Int, depth: Int) -> Node {
            let name = Self.name(of: node)
            var copy = Node(name: name, text: "", attributes: Self.attributes(of: node), parent: parent, depth: depth)
            copy.isBlockLevel = BlockBuilder.blockLevel.contains(name)
            copy.isInvisible = BlockBuilder.invisible.contains(name)
            return copy
        }
        nodes.append(element(root, parent: -1, depth: 0))
        // (C node, its index here, index of its last copied child)
        var stack: [(node: xmlNodePtr, index: Int, lastChild: Int)] = [(root, 0, -1)]
        var cursor: [xmlNodePtr?] = [root.pointee.children]
        while let top = stack.last {
            guard let child = cursor[cursor.count - 1] else {
                stack.removeLast()
                cursor.removeLast()
                continue
            }
            cursor[cursor.count - 1] = child.pointee.next
            let parentIndex = top.index
            let parentName = nodes[parentIndex].name
            var copied: Node?
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                copied = element(child, parent: parentIndex, depth: nodes[parentIndex].depth + 1)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parentName == "style" { break }
                if parentName == "script",
                    !(nodes[parentIndex].attribute("type")?.lowercased().contains("ld+json") ?? false)
                {
                    break
                }
                if let content = child.pointee.content {
                    let text = String(cString: content)
                    if !text.isEmpty {
                        copied = Node(name: "", text: text, attributes: [], parent: parentIndex,
                                      depth: nodes[parentIndex].depth + 1)
                    }
                }
            default:
                break
            }
            guard let node = copied else { continue }
            let index = nodes.count
            nodes.append(node)
            if top.lastChild < 0 {
                nodes[parentIndex].firstChild = index
            } else {
                nodes[top.lastChild].nextSibling = index
            }
            stack[stack.count - 1].lastChild = index
            if !node.isText {
                stack.append((child, index, -1))
                cursor.append(child.pointee.children)
            }
        }
        self.nodes = nodes
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "unknown" }
        let text = String(cString: name)
        return text.isEmpty ? "unknown" : text.lowercased()
    }

    /// The attributes anything here reads; others (`href`, `src`, `srcset`, `data-*`…) are not
    /// copied out of libxml2's tree, which halves the cost of the copy.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "itemprop", "data-component", "data-testid", "hidden", "aria-hidden", "style",
        "content", "property", "name", "http-equiv", "charset", "datetime", "rel", "type", "lang", "for",
        "data-span", "data-statement", "data-paragraph", "data-tip", "data-event", "data-mention", "tabindex",
    ]

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        let isLink = node.pointee.name.map { strcmp($0, "link") == 0 } ?? false
        while let current = attribute {
            if let raw = current.pointee.name {
                let name = String(cString: raw).lowercased()
                guard keptAttributes.contains(name) || (isLink && name == "href") else {
                    attribute = current.pointee.next
                    continue
                }
                var value = ""
                if let only = current.pointee.children, only.pointee.next == nil {
                    if let content = only.pointee.content { value = String(cString: content) }
                } else {
                    var part = current.pointee.children
                    while let piece = part {
                        if let content = piece.pointee.content { value += String(cString: content) }
                        part = piece.pointee.next
                    }
                }
                result.append((name, value))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The children of the node at `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = nodes[index].firstChild
        while child >= 0 {
            result.append(child)
            child = nodes[child].nextSibling
        }
        return result
    }

    /// The index one past the last descendant of `index`: descendants are `index + 1 ..< end`.
    func subtreeEnd(_ index: Int) -> Int {
        var node = index
        while node >= 0 {
            if nodes[node].nextSibling >= 0 { return nodes[node].nextSibling }
            node = nodes[node].parent
        }
        return nodes.count
    }

    /// Every element with the given tag name, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// The concatenated text of every text node under `index`.
    func text(of index: Int) -> String {
        if nodes[index].isText { return nodes[index].text }
        var result = ""
        for i in (index + 1)..<subtreeEnd(index) where nodes[i].isText {
            result += nodes[i].text
        }
        return result
    }
}
