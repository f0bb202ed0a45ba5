import Foundation

/// One gold attribution of a brat standoff file (PolNeAR's scheme): its source, cue and
/// content spans, as scalar ranges of the article text.
public struct GoldAttribution: Sendable, Equatable {
    /// The relation's id (`E3`).
    public var id: String
    /// The source's ranges; empty for an `Attribution-no-source` relation.
    public var source: [Range<Int>]
    /// The cue's ranges.
    public var cue: [Range<Int>]
    /// The content's ranges (`Content` and any `Content2`…), in order.
    public var content: [Range<Int>]
    /// Whether the relation is `Attribution-no-source` (or has no source span).
    public var hasSource: Bool { !source.isEmpty }

    /// Creates a gold attribution.
    public init(id: String, source: [Range<Int>], cue: [Range<Int>], content: [Range<Int>]) {
        self.id = id
        self.source = source
        self.cue = cue
        self.content = content
    }
}

/// Reads brat standoff (`.ann`) files with PolNeAR's attribution annotations.
///
/// Text-bound lines `T12\tSource 201 220;225 230\tthe text` give a type and one or more
/// ranges (a text that runs over lines continues on the next line, which is not a record);
/// event lines `E5\tAttribution:T20 Source:T19 Cue:T18 Content:T17` tie them into a relation whose
/// type is `Attribution` or `Attribution-no-source`. Other records (`#` notes, `Discuss`,
/// `Discard`) are ignored. Offsets count Unicode scalars (Python's `str`), as the model's do.
public struct BratReader: Sendable {
    /// A problem with a line of an `.ann` file.
    public struct Failure: Error, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// `line 12: …`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Creates a reader.
    public init() {}

    /// The attributions of one `.ann` file's text, in file order.
    public func attributions(_ text: String) throws(Failure) -> [GoldAttribution] {
        var spans: [String: (type: String, ranges: [Range<Int>])] = [:]
        var events: [(line: Int, id: String, fields: [Substring])] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, let first = columns[0].first else { continue }
            if first == "T", columns[0].dropFirst().allSatisfy(\.isNumber) {
                let header = columns[1].split(separator: " ", maxSplits: 1)
                guard header.count == 2 else { continue }
                var ranges: [Range<Int>] = []
                for part in header[1].split(separator: ";") {
                    let bounds = part.split(separator: " ")
                    guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start <= end else {
                        throw Failure(line: number + 1, message: "bad range \"\(part)\"")
                    }
                    ranges.append(start..<end)
                }
                spans[String(columns[0])] = (String(header[0]), ranges)
            } else if first == "E" {
                events.append((number + 1, String(columns[0]), columns[1].split(separator: " ")))
            }
        }
        var result: [GoldAttribution] = []
        for (line, id, fields) in events {
            guard let head = fields.first, let colon = head.firstIndex(of: ":") else { continue }
            let relation = head[..<colon]
            guard relation == "Attribution" || relation == "Attribution-no-source" else { continue }
            var gold = GoldAttribution(id: id, source: [], cue: [], content: [])
            for argument in fields.dropFirst() {
                let parts = argument.split(separator: ":")
                guard parts.count == 2 else { continue }
                guard let span = spans[String(parts[1])] else {
                    throw Failure(line: line, message: "unknown span \(parts[1])")
                }
                let role = parts[0]
                if role.hasPrefix("Source") {
                    gold.source += span.ranges
                } else if role.hasPrefix("Cue") {
                    gold.cue += span.ranges
                } else if role.hasPrefix("Content") {
                    gold.content += span.ranges
                }
            }
            if relation == "Attribution-no-source" { gold.source = [] }
            gold.content.sort { $0.lowerBound < $1.lowerBound }
            result.append(gold)
        }
        return result
    }
}

/// A corpus folder in PolNeAR's layout: `SPLIT/text/NAME.txt` and
/// `SPLIT/attributions/NAME_ANNOTATOR.ann`.
public struct BratCorpus: Sendable {
    /// One article: its name, text and gold attributions.
    public struct Document: Sendable {
        public var name: String
        public var text: String
        public var attributions: [GoldAttribution]
    }

    /// The folder of the split (`…/polnear/dev`).
    public var folder: URL

    /// Creates a corpus reader for a split folder.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Every article of the split, in name order. When several annotators annotated an article,
    /// the annotation file whose name sorts first is used, so the choice is fixed.
    public func documents() throws -> [Document] {
        let files = FileManager.default
        let texts = try files.contentsOfDirectory(atPath: folder.appendingPathComponent("text").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let annotations = try files.contentsOfDirectory(atPath: folder.appendingPathComponent("attributions").path)
            .filter { $0.hasSuffix(".ann") }.sorted()
        var byArticle: [String: String] = [:]
        for name in annotations {
            guard let underscore = name.lastIndex(of: "_") else { continue }
            let article = String(name[..<underscore])
            if byArticle[article] == nil { byArticle[article] = name }
        }
        var documents: [Document] = []
        for name in texts {
            let article = String(name.dropLast(4))
            guard let annotation = byArticle[article] else { continue }
            let text = try String(contentsOf: folder.appendingPathComponent("text").appendingPathComponent(name), encoding: .utf8)
            let ann = try String(contentsOf: folder.appendingPathComponent("attributions").appendingPathComponent(annotation),
                                 encoding: .utf8)
            documents.append(Document(name: article, text: text, attributions: try BratReader().attributions(ann)))
        }
        return documents
    }
}
