import NewsModel

/// The extracted model of the seed article against its hand-made model (issue 13, 4(a)).
///
/// - A gold statement is **found** when an extracted statement's content overlaps its content
///   by at least half of the shorter of the two and the speaker is right: the extracted speaker
///   words overlap a gold mention (or the speaker words) of the gold speaker or a co-speaker, or
///   the extracted speaker is aligned to that actor.
/// - An extracted actor is **aligned** to the gold actor most of whose mentions its own mentions
///   overlap (name and description mentions only).
/// - **Precision** is the share of extracted statements that find some gold statement.
/// - A named person or organisation (a gold actor of that kind whose name starts with a capital)
///   is **found** when an extracted actor of the same kind has a name mention overlapping one of
///   its name mentions.
/// - A gold pronoun mention is **resolved** when the extracted model has a mention at the same
///   offsets whose actor is aligned to the gold actor.
/// - A gold event time (not `unknown`) is **found** when an extracted event whose evidence
///   overlaps the gold event's has the same bounds.
public struct SeedEvaluation: Sendable {
    /// Found over total, for one measure.
    public struct Count: Sendable, Equatable, CustomStringConvertible {
        public var found = 0
        public var total = 0
        /// The share found (1 when there is nothing to find).
        public var share: Double { total == 0 ? 1 : Double(found) / Double(total) }
        /// `12/12 (1.000)`.
        public var description: String { "\(found)/\(total) (\(Score.format(share)))" }
    }

    public var direct = Count()
    public var partial = Count()
    public var reported = Count()
    /// Extracted statements that found a gold one, over all extracted statements.
    public var precision = Count()
    public var persons = Count()
    public var organizations = Count()
    public var pronouns = Count()
    public var eventTimes = Count()
    /// Gold statements not found, by id, with a word on why.
    public var missed: [String] = []
    /// Extracted statements that found nothing.
    public var unmatched: [String] = []
    /// Named persons and organisations not found.
    public var missingActors: [String] = []

    /// Compares `extracted` with `gold` (which must share its article text).
    public init(extracted: ArticleModel, gold: ArticleModel) {
        let alignment = Self.align(extracted, gold)
        let goldMentions = Dictionary(gold.actors.map { ($0.id, $0.mentions.map { $0.span.start..<$0.span.end }) },
                                      uniquingKeysWith: { a, _ in a })
        func content(_ statement: Statement) -> [Range<Int>] { statement.contentSpans.map { $0.start..<$0.end } }
        func speakerRight(_ e: Statement, _ g: Statement) -> Bool {
            let speakers = g.speakers
            if speakers.contains(where: { alignment[e.speaker] == $0 }) { return true }
            guard let span = e.speakerSpan else { return false }
            let range = span.start..<span.end
            if let goldSpan = g.speakerSpan, range.overlaps(goldSpan.start..<goldSpan.end),
                speakers.contains(where: { id in (goldMentions[id] ?? []).contains { $0.overlaps(range) } })
            {
                return true
            }
            return speakers.contains { id in (goldMentions[id] ?? []).contains { $0.overlaps(range) } }
        }
        var extractedMatched = Set<String>()
        for g in gold.statements {
            let matches = extracted.statements.filter { AttributionScorer.contentMatches(content($0), content(g)) }
            let right = matches.filter { speakerRight($0, g) }
            for e in right { extractedMatched.insert(e.id) }
            switch g.kind {
            case .direct: direct.total += 1; if !right.isEmpty { direct.found += 1 }
            case .partial: partial.total += 1; if !right.isEmpty { partial.found += 1 }
            case .reported: reported.total += 1; if !right.isEmpty { reported.found += 1 }
            }
            if right.isEmpty {
                let why = matches.isEmpty ? "no statement with its content"
                    : "content found, speaker " + matches.map { $0.speaker }.joined(separator: ", ")
                missed.append("\(g.id) (\(g.kind.rawValue), \(g.speaker), ¶\(g.sentenceSpan.paragraph) “\(g.cue)”): \(why)")
            }
        }
        precision.total = extracted.statements.count
        precision.found = extractedMatched.count
        for e in extracted.statements where !extractedMatched.contains(e.id) {
            unmatched.append("\(e.id) [\(e.rule ?? "?")] \(e.speaker) \(e.cue): “\(e.content.prefix(70))”")
        }
        // Named persons and organisations.
        for actor in gold.actors where actor.kind == .person || actor.kind == .organization {
            guard let first = actor.name.unicodeScalars.first, first.properties.isUppercase else { continue }
            let names = actor.mentions.filter { $0.form == .name }.map { $0.span.start..<$0.span.end }
            let hit = extracted.actors.contains { candidate in
                candidate.kind == actor.kind && candidate.mentions.contains { mention in
                    mention.form == .name && names.contains { $0.overlaps(mention.span.start..<mention.span.end) }
                }
            }
            if actor.kind == .person {
                persons.total += 1
                if hit { persons.found += 1 }
            } else {
                organizations.total += 1
                if hit { organizations.found += 1 }
            }
            if !hit { missingActors.append("\(actor.name) (\(actor.kind.rawValue))") }
        }
        // Pronouns.
        var extractedAt: [Int: String] = [:]
        for actor in extracted.actors {
            for mention in actor.mentions where mention.form == .pronoun { extractedAt[mention.span.start] = actor.id }
        }
        for actor in gold.actors {
            for mention in actor.mentions where mention.form == .pronoun {
                pronouns.total += 1
                if let id = extractedAt[mention.span.start], alignment[id] == actor.id { pronouns.found += 1 }
            }
        }
        // Event times.
        for event in gold.events where event.time.precision != .unknown {
            eventTimes.total += 1
            let evidence = event.evidence.map { $0.start..<$0.end }
            let hit = extracted.events.contains { candidate in
                candidate.time.earliest == event.time.earliest && candidate.time.latest == event.time.latest
                    && candidate.time.precision != .unknown
                    && candidate.evidence.contains { span in evidence.contains { $0.overlaps(span.start..<span.end) } }
            }
            if hit { eventTimes.found += 1 }
        }
    }

    /// Extracted actor id → the gold actor id most of its name and description mentions overlap.
    static func align(_ extracted: ArticleModel, _ gold: ArticleModel) -> [String: String] {
        var goldAt: [(range: Range<Int>, actor: String)] = []
        for actor in gold.actors {
            for mention in actor.mentions { goldAt.append((mention.span.start..<mention.span.end, actor.id)) }
        }
        var result: [String: String] = [:]
        for actor in extracted.actors {
            var votes: [String: Int] = [:]
            for mention in actor.mentions where mention.form != .pronoun {
                let range = mention.span.start..<mention.span.end
                for entry in goldAt where entry.range.overlaps(range) { votes[entry.actor, default: 0] += 1 }
            }
            if let best = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { result[actor.id] = best.key }
        }
        return result
    }

    /// Whether the goals of issue 13 hold: every direct and partial statement found with the
    /// right speaker, at least 80 % of the reported ones, precision at least 0.95, every named
    /// person and organisation found.
    public var meetsGoals: Bool {
        direct.found == direct.total && partial.found == partial.total && reported.share >= 0.8
            && precision.share >= 0.95 && persons.found == persons.total && organizations.found == organizations.total
    }

    /// The report, one measure a line.
    public var report: String {
        var lines = [
            "direct statements found with the right speaker:   \(direct)   goal: all",
            "partial statements found with the right speaker:  \(partial)   goal: all",
            "reported statements found with the right speaker: \(reported)   goal: ≥ 0.800",
            "precision (extracted statements that are right):  \(precision)   goal: ≥ 0.950",
            "named persons found:                              \(persons)   goal: all",
            "named organisations found:                        \(organizations)   goal: all",
            "pronoun mentions resolved to the right actor:     \(pronouns)",
            "event times found:                                \(eventTimes)",
            "goals met: \(meetsGoals ? "yes" : "no")",
        ]
        if !missed.isEmpty { lines.append("missed:"); lines += missed.map { "  " + $0 } }
        if !unmatched.isEmpty { lines.append("extracted, not in the gold model:"); lines += unmatched.map { "  " + $0 } }
        if !missingActors.isEmpty { lines.append("named actors not found: " + missingActors.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
}
