/// Chooses the article's own text among a page's blocks.
///
/// 1. Every block gets a score: its text outside links, less a fixed cost, so long prose counts
///    for it and short or link-heavy blocks (menus, share buttons, related headlines) against
///    it; a block inside a boilerplate container (by tag, class or id: ``BoilerplateRules``)
///    counts against by its whole length.
/// 2. Every element's score is the sum of its blocks'; the element with the highest sum holds
///    the article (a maximum-sum subtree: a wrapper that adds a header, a byline or comments to
///    the body scores lower than the body alone; two halves of a body split by an advertisement
///    score higher together).
/// 3. Inside that element, blocks in boilerplate containers, link lists and known boilerplate
///    lines ("Advertisement", "Read more") are left out; headings and list items stay.
struct MainTextExtractor: Sendable {
    /// Why a block was kept or left out.
    enum Reason: String, Sendable {
        case kept
        case outsideArticle = "outside the article's container"
        case boilerplateContainer = "inside a boilerplate container"
        case linkList = "mostly links"
        case headline = "the headline"
        case boilerplateLine = "a boilerplate line"
    }

    /// One block's fate.
    struct Decision: Sendable {
        var block: TextBlock
        var score: Int
        var reason: Reason
        /// The boilerplate container, when that is the reason.
        var container: Int?
    }

    let document: HTMLDocument
    let blocks: [TextBlock]
    /// The page's title, when known: a heading equal to it is the headline, not body text.
    var title: String?
    /// The JSON-LD `articleBody`, when the page has one: evidence of which blocks are the article.
    var articleBody: String?

    /// The cost each block pays before its text counts (in scalars).
    static let blockCost = 40

    /// The chosen blocks, in order.
    func extract() -> [TextBlock] {
        decide().decisions.filter { $0.reason == .kept }.map(\.block)
    }

    /// Every block's decision, and the element chosen as the article's container.
    func decide() -> (decisions: [Decision], container: Int) {
        let (decisions, container, _) = decideWithSums()
        return (decisions, container)
    }

    /// ``decide()``, with every element's summed score.
    func decideWithSums() -> (decisions: [Decision], container: Int, sums: [Int]) {
        guard !blocks.isEmpty else { return ([], 0, []) }
        let nodes = document.nodes
        let count = nodes.count
        // Per element, the prose inside: text outside links of blocks that read as sentences.
        var prose = Array(repeating: 0, count: count)
        for block in blocks where Self.isProse(block) {
            prose[block.owner] += block.weight - block.linkWeight
        }
        for index in stride(from: count - 1, through: 1, by: -1) where nodes[index].parent >= 0 {
            prose[nodes[index].parent] += prose[index]
        }
        let totalProse = max(prose[0], 1)
        // Per node, the nearest boilerplate container: an element whose names or tag say so,
        // unless it holds half the page's prose or more (then the names are styling) and is not
        // a comment thread or footer.
        var negativeAncestor = Array(repeating: -1, count: count)
        // Pages repeat their class names (`menu-item` a hundred times): each distinct set of
        // names is weighed once.
        var weights: [String: Int] = [:]
        for index in 0..<count where !nodes[index].isText {
            let node = nodes[index]
            let key = BoilerplateRules.cacheKey(node)
            let weight: Int
            if let known = weights[key] {
                weight = known
            } else {
                weight = BoilerplateRules.weight(of: node)
                weights[key] = weight
            }
            let parent = node.parent
            negativeAncestor[index] = parent >= 0 ? negativeAncestor[parent] : -1
            if weight == -2 || (weight == -1 && prose[index] * 2 < totalProse) { negativeAncestor[index] = index }
        }

        var scores: [Int] = []
        var sum = Array(repeating: 0, count: count)
        for block in blocks {
            let nonLink = block.weight - block.linkWeight
            // Rows of a table and items of a list are short by nature: they pay less.
            let cost = block.kind == .tableRow || block.kind == .listItem ? Self.blockCost / 4 : Self.blockCost
            var score = nonLink - cost
            // A table's rows are data the article gives: they never count against it.
            if block.kind == .tableRow { score = max(score, 0) }
            if block.linkDensity > 0.5 { score = Self.isLinkedProse(block) ? 0 : -block.weight - Self.blockCost }
            // Boilerplate containers are left out wherever they are, so they neither count for
            // nor against the element that holds them.
            if negativeAncestor[block.owner] >= 0 { score = 0 }
            scores.append(score)
            sum[block.owner] += score
        }
        for index in stride(from: count - 1, through: 1, by: -1) where nodes[index].parent >= 0 {
            sum[nodes[index].parent] += sum[index]
        }
        var best = 0
        // Ties go to the outermost element: what a wrapper adds at no cost (boilerplate
        // containers, tables) is pruned or kept below.
        for index in 0..<count where !nodes[index].isText && sum[index] > sum[best] {
            best = index
        }
        // No element scores above zero (a page of short blocks): the one with the most prose.
        if sum[best] <= 0 {
            for index in 0..<count where !nodes[index].isText && prose[index] >= prose[best] && prose[index] > 0 {
                best = index
            }
        }
        // A container of a few paragraphs inside a larger run of prose grows to its parent
        // while the parent holds clearly more prose at little cost: a body whose paragraphs sit
        // in several wrappers, or one interrupted by a block of boilerplate without a name.
        while best > 0 {
            let parent = nodes[best].parent
            guard parent >= 0, prose[parent] * 20 >= prose[best] * 23, sum[parent] * 5 >= sum[best] * 4 else { break }
            best = parent
        }
        let end = document.subtreeEnd(best)
        let depth = nodes[best].depth
        var decisions: [Decision] = []
        for (block, score) in zip(blocks, scores) {
            var reason = Reason.kept
            let negative = negativeAncestor[block.owner]
            let container: Int? = negative >= 0 ? negative : nil
            if block.owner < best || block.owner >= end {
                reason = .outsideArticle
            } else if negative >= 0, nodes[negative].depth > depth {
                reason = .boilerplateContainer
            } else if block.linkDensity > 0.5, !Self.isLinkedProse(block) {
                reason = .linkList
            } else if let title, block.kind == .heading, block.text == title {
                reason = .headline
            } else if BoilerplateRules.isBoilerplateLine(block.text) || Self.isMarkup(block.text) {
                reason = .boilerplateLine
            }
            decisions.append(Decision(block: block, score: score, reason: reason, container: container))
        }
        return (decisions, best, sum)
    }

    /// Whether a block reads as running prose: long enough, few links, ends like a sentence or
    /// holds several words.
    static func isProse(_ block: TextBlock) -> Bool {
        guard block.weight >= 60, block.linkDensity < 0.3 else { return false }
        return true
    }

    /// Whether a mostly linked block is still prose: a long sentence or more, such as a
    /// paragraph whose words are one long link, or a list of summaries each linked to its story.
    static func isLinkedProse(_ block: TextBlock) -> Bool {
        guard block.weight >= 100 else { return false }
        var words = 1
        for byte in block.text.utf8 where byte == 0x20 { words += 1 }
        let last = block.text.unicodeScalars.last
        return words >= 15 || (block.kind != .heading && words >= 8 && (last.map { ".!?”\"".unicodeScalars.contains($0) } ?? false))
    }

    /// Whether a block's text is markup shown as text (`<img src=…>` inside a `<noscript>` that
    /// the parser read as text).
    static func isMarkup(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "<", scalars[1].properties.isAlphabetic || scalars[1] == "/" || scalars[1] == "!" else {
            return false
        }
        return text.hasSuffix(">")
    }

    /// A readable trace of the decisions: the container, then one line per block.
    func trace() -> String {
        let (decisions, container, sums) = decideWithSums()
        var lines = ["container: \(path(container))"]
        var ancestor = container
        while ancestor >= 0 {
            lines.append("  \(sums.isEmpty ? 0 : sums[ancestor]) \(path(ancestor, levels: 1))")
            if ancestor != container, let first = Optional(document.nodes[ancestor].firstChild) {
                var child = first
                var parts: [String] = []
                while child >= 0 { if sums[child] != 0 { parts.append("\(document.nodes[child].name)=\(sums[child])") }; child = document.nodes[child].nextSibling }
                lines.append("     children: " + parts.prefix(12).joined(separator: " "))
            }
            ancestor = document.nodes[ancestor].parent
        }
        for decision in decisions {
            let preview = String(decision.block.text.prefix(70))
            var line = "\(decision.reason == .kept ? "+" : "-") [\(decision.score)] \(decision.block.kind.rawValue) \(preview)"
            if decision.reason != .kept { line += "  (\(decision.reason.rawValue))" }
            if let container = decision.container { line += "  [boilerplate: \(path(container, levels: 1))]" }
            line += "  @" + path(decision.block.owner)
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// An element as `tag#id.class` with its ancestors, for traces.
    func path(_ index: Int, levels: Int = 6) -> String {
        var parts: [String] = []
        var node = index
        while node >= 0, parts.count < levels {
            let element = document.nodes[node]
            var part = element.name
            if let id = element.attribute("id"), !id.isEmpty { part += "#" + id }
            if let cls = element.attribute("class"), !cls.isEmpty {
                part += "." + cls.split(separator: " ").prefix(3).joined(separator: ".")
            }
            parts.append(part)
            node = element.parent
        }
        return parts.reversed().joined(separator: " > ")
    }
}
