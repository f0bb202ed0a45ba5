/// Checks a model's meaning: unique ids, references that resolve, spans that lie in the text and
/// quote it exactly, statement content that equals its spans, and article structure that agrees
/// with its text.
///
/// It never stops at the first problem: ``validate(_:)`` returns every issue, each with the JSON
/// path of the offending value as it appears in a model file, so a maintainer can fix them all
/// in one pass.
public struct ModelValidator: Sendable {
    /// Creates a validator.
    public init() {}

    /// Every problem in `model`, in document order; empty when the model is valid.
    public func validate(_ model: ArticleModel) -> [ModelIssue] {
        var run = Run(model: model)
        run.checkProvenance()
        run.checkArticle()
        run.checkActors()
        run.checkStatements()
        run.checkEvents()
        return run.issues
    }

    private struct Run {
        let model: ArticleModel
        /// The article text's UTF-8 bytes, and for each scalar offset (and the end) the byte
        /// offset where it starts: spans are compared byte by byte.
        let bytes: [UInt8]
        let byteOffsets: [Int]
        /// The number of scalars in the article text.
        var scalarCount: Int { byteOffsets.count - 1 }
        let actorIDs: Set<String>
        let eventIDs: Set<String>
        /// Which paragraph and which sentence hold an offset, in O(log n) per span.
        let paragraphs: RangeLookup
        let sentences: RangeLookup
        /// Where sentences start and end, for sentence spans.
        let sentenceStarts: Set<Int>
        let sentenceEnds: Set<Int>
        var issues: [ModelIssue] = []

        init(model: ArticleModel) {
            self.model = model
            let bytes = Array(model.article.text.utf8)
            var offsets: [Int] = []
            offsets.reserveCapacity(bytes.count + 1)
            // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(offset) }
            offsets.append(bytes.count)
            self.bytes = bytes
            self.byteOffsets = offsets
            self.actorIDs = Set(model.actors.map(\.id))
            self.eventIDs = Set(model.events.map(\.id))
            self.paragraphs = RangeLookup(model.article.paragraphs.map { ($0.start, $0.end) })
            self.sentences = RangeLookup(model.article.sentences.map { ($0.start, $0.end) })
            self.sentenceStarts = Set(model.article.sentences.map(\.start))
            self.sentenceEnds = Set(model.article.sentences.map(\.end))
        }

        mutating func report(_ path: String, _ message: String) {
            issues.append(ModelIssue(path: path, message: message))
        }

        mutating func checkProvenance() {
            if let provenance = model.provenance, provenance.extractor.isEmpty {
                report("$.provenance.extractor", "the extractor is empty; name the program and its version")
            }
        }

        mutating func checkArticle() {
            let article = model.article
            if article.text.isEmpty { report("$.article.text", "the article text is empty") }
            if article.id.isEmpty { report("$.article.id", "the article id is empty") }
            for (index, paragraph) in article.paragraphs.enumerated() {
                let path = "$.article.paragraphs[\(index)]"
                if paragraph.number != index + 1 {
                    report("\(path).number", "paragraph numbered \(paragraph.number) stands at position \(index + 1); number paragraphs 1, 2, 3… in order")
                }
                checkRange(path, paragraph.start, paragraph.end, paragraph.text)
            }
            var previousEnd = 0
            for (index, sentence) in article.sentences.enumerated() {
                let path = "$.article.sentences[\(index)]"
                if sentence.number != index + 1 {
                    report("\(path).number", "sentence numbered \(sentence.number) stands at position \(index + 1); number sentences 1, 2, 3… in order")
                }
                checkRange(path, sentence.start, sentence.end, sentence.text)
                if sentence.start < previousEnd {
                    report("\(path).start", "sentence \(sentence.number) starts at \(sentence.start), inside the sentence before it (which ends at \(previousEnd))")
                }
                previousEnd = max(previousEnd, sentence.end)
                if let paragraph = article.paragraph(sentence.paragraph) {
                    if sentence.start < paragraph.start || sentence.end > paragraph.end {
                        report(path, "sentence \(sentence.number) (\(sentence.start)..<\(sentence.end)) is not inside paragraph \(sentence.paragraph) (\(paragraph.start)..<\(paragraph.end))")
                    }
                } else {
                    report("\(path).paragraph", "no paragraph \(sentence.paragraph); the article has \(article.paragraphs.count)")
                }
            }
            for (index, section) in article.sections.enumerated() {
                let path = "$.article.sections[\(index)]"
                for (field, number) in [("firstParagraph", section.firstParagraph), ("lastParagraph", section.lastParagraph)]
                where article.paragraph(number) == nil {
                    report("\(path).\(field)", "no paragraph \(number); the article has \(article.paragraphs.count)")
                }
                if let heading = section.headingParagraph {
                    if let paragraph = article.paragraph(heading) {
                        if paragraph.kind != .heading || paragraph.text != section.heading {
                            report("\(path).heading", "paragraph \(heading) is not the heading \"\(section.heading ?? "")\"")
                        }
                    } else {
                        report("\(path).headingParagraph", "no paragraph \(heading); the article has \(article.paragraphs.count)")
                    }
                }
            }
        }

        // Paths are autoclosures: built only for a problem, so a valid model of 100,000 spans
        // does not format 100,000 paths.

        /// The article text from scalar `start` to scalar `end` (both within the text).
        func slice(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[byteOffsets[start]..<byteOffsets[end]], as: UTF8.self)
        }

        /// Whether `quoted` reads exactly the text at `start..<end` (the same scalars, so the
        /// same UTF-8 bytes), compared byte by byte.
        func reads(_ quoted: String, _ start: Int, _ end: Int) -> Bool {
            let low = byteOffsets[start]
            let high = byteOffsets[end]
            var quoted = quoted
            return quoted.withUTF8 { utf8 in
                guard utf8.count == high - low else { return false }
                return bytes.withUnsafeBufferPointer { all in
                    var index = 0
                    while index < utf8.count {
                        if utf8[index] != all[low + index] { return false }
                        index += 1
                    }
                    return true
                }
            }
        }

        mutating func checkRange(_ path: @autoclosure () -> String, _ start: Int, _ end: Int, _ quoted: String) {
            guard start >= 0, start <= end, end <= scalarCount else {
                report(path(), "range \(start)..<\(end) lies outside the article text (0..<\(scalarCount) Unicode scalars)")
                return
            }
            if !reads(quoted, start, end) {
                let actual = slice(start, end)
                report("\(path()).text", "text \"\(Self.clip(quoted))\" differs from the article at \(start)..<\(end), which reads \"\(Self.clip(actual))\"")
            }
        }

        mutating func checkSpan(_ path: @autoclosure () -> String, _ span: Span) {
            guard span.start >= 0, span.start < span.end, span.end <= scalarCount else {
                report(path(), "span \(span.start)..<\(span.end) lies outside the article text (0..<\(scalarCount) Unicode scalars) or is empty")
                return
            }
            if !reads(span.text, span.start, span.end) {
                let actual = slice(span.start, span.end)
                report("\(path()).text", "text \"\(Self.clip(span.text))\" differs from the article at \(span.start)..<\(span.end), which reads \"\(Self.clip(actual))\"")
            }
            if let index = paragraphs.firstIndex(containing: span.start) {
                let paragraph = model.article.paragraphs[index]
                if paragraph.number != span.paragraph {
                    report("\(path()).paragraph", "span starts in paragraph \(paragraph.number), not \(span.paragraph)")
                }
                if span.end > paragraph.end {
                    report("\(path()).end", "span runs past the end of paragraph \(paragraph.number); a span stays inside one paragraph")
                }
            } else if !model.article.paragraphs.isEmpty {
                report("\(path()).start", "span starts at \(span.start), between paragraphs")
            }
            if let index = sentences.firstIndex(containing: span.start),
                model.article.sentences[index].number != span.sentence
            {
                let sentence = model.article.sentences[index]
                report("\(path()).sentence", "span starts in sentence \(sentence.number), not \(span.sentence)")
            }
        }

        mutating func checkActorReference(_ path: @autoclosure () -> String, _ id: String?) {
            guard let id, !actorIDs.contains(id) else { return }
            report(path(), "unknown actor id \"\(id)\"" + Self.suggestion(id, actorIDs))
        }

        mutating func checkEventReference(_ path: @autoclosure () -> String, _ id: String?) {
            guard let id, !eventIDs.contains(id) else { return }
            report(path(), "unknown event id \"\(id)\"" + Self.suggestion(id, eventIDs))
        }

        /// Reports empty and repeated ids; `path(i)` is the path of the i-th id, made only for a problem.
        mutating func checkUnique(_ ids: [String], _ what: String, path: (Int) -> String) {
            var seen: [String: Int] = [:]
            for (index, id) in ids.enumerated() {
                if id.isEmpty {
                    report(path(index), "\(what) id is empty")
                } else if let first = seen[id] {
                    report(path(index), "duplicate \(what) id \"\(id)\" (first used at \(path(first)))")
                } else {
                    seen[id] = index
                }
            }
        }

        mutating func checkTime(_ path: @autoclosure () -> String, _ time: TimeReference) {
            if let earliest = time.earliest, let latest = time.latest, latest < earliest {
                report(path(), "latest \(latest) is before earliest \(earliest)")
            }
        }

        mutating func checkActors() {
            checkUnique(model.actors.map(\.id), "actor") { "$.actors[\($0)].id" }
            var mentionIDs: [String] = []
            var mentionAt: [(actor: Int, mention: Int)] = []
            for (a, actor) in model.actors.enumerated() {
                for (m, mention) in actor.mentions.enumerated() {
                    mentionIDs.append(mention.id)
                    mentionAt.append((a, m))
                }
            }
            checkUnique(mentionIDs, "mention") { "$.actors[\(mentionAt[$0].actor)].mentions[\(mentionAt[$0].mention)].id" }
            for (a, actor) in model.actors.enumerated() {
                let path = "$.actors[\(a)]"
                if actor.name.isEmpty { report("\(path).name", "actor \(actor.id) has an empty name") }
                for (r, role) in actor.roles.enumerated() {
                    checkActorReference("\(path).roles[\(r)].organization", role.organization)
                    checkActorReference("\(path).roles[\(r)].place", role.place)
                    checkSpan("\(path).roles[\(r)].span", role.span)
                }
                for (m, mention) in actor.mentions.enumerated() {
                    checkSpan("\(path).mentions[\(m)].span", mention.span)
                }
            }
        }

        mutating func checkStatements() {
            checkUnique(model.statements.map(\.id), "statement") { "$.statements[\($0)].id" }
            for (s, statement) in model.statements.enumerated() {
                let path = "$.statements[\(s)]"
                checkActorReference("\(path).speaker", statement.speaker)
                for (c, id) in statement.coSpeakers.enumerated() { checkActorReference("\(path).coSpeakers[\(c)]", id) }
                checkActorReference("\(path).addressee", statement.addressee)
                for (i, id) in statement.aboutActors.enumerated() { checkActorReference("\(path).aboutActors[\(i)]", id) }
                for (i, id) in statement.aboutEvents.enumerated() { checkEventReference("\(path).aboutEvents[\(i)]", id) }
                checkEventReference("\(path).occasion", statement.occasion)
                checkTime("\(path).time", statement.time)
                if statement.contentSpans.isEmpty {
                    report("\(path).contentSpans", "statement \(statement.id) has no content span; give the span of what was said")
                }
                for (i, span) in statement.contentSpans.enumerated() { checkSpan("\(path).contentSpans[\(i)]", span) }
                for (i, span) in statement.quotes.enumerated() {
                    checkSpan("\(path).quotes[\(i)]", span)
                    if !statement.contentSpans.contains(where: { $0.contains(span) }) {
                        report("\(path).quotes[\(i)]", "quoted fragment \"\(Self.clip(span.text))\" is not inside the statement's content")
                    }
                }
                let joined = Statement.joinedContent(statement.contentSpans)
                if !statement.contentSpans.isEmpty, joined != statement.content {
                    report("\(path).content", "content \"\(Self.clip(statement.content))\" differs from its spans, which read \"\(Self.clip(joined))\"")
                }
                switch statement.kind {
                case .partial where statement.quotes.isEmpty:
                    report("\(path).quotes", "partial statement \(statement.id) has no quoted fragment; give one or make it reported")
                case .direct, .reported:
                    if !statement.quotes.isEmpty {
                        report("\(path).quotes", "only partial statements have quoted fragments; \(statement.id) is \(statement.kind.rawValue)")
                    }
                default:
                    break
                }
                if let cueSpan = statement.cueSpan {
                    checkSpan("\(path).cueSpan", cueSpan)
                    if cueSpan.text != statement.cue {
                        report("\(path).cue", "cue \"\(statement.cue)\" differs from its span, which reads \"\(cueSpan.text)\"")
                    }
                }
                if let speakerSpan = statement.speakerSpan { checkSpan("\(path).speakerSpan", speakerSpan) }
                if let confidence = statement.confidence, !(confidence >= 0 && confidence <= 1) {
                    report("\(path).confidence", "confidence \(confidence) is not between 0 and 1")
                }
                if let rule = statement.rule, rule.isEmpty {
                    report("\(path).rule", "statement \(statement.id) has an empty rule; name the rule or leave it out")
                }
                checkSentenceSpan("\(path).sentenceSpan", statement.sentenceSpan)
            }
        }

        mutating func checkSentenceSpan(_ path: @autoclosure () -> String, _ span: Span) {
            checkSpan(path(), span)
            let starts = sentenceStarts.contains(span.start)
            let ends = sentenceEnds.contains(span.end)
            if !starts || !ends {
                report(path(), "span \(span.start)..<\(span.end) does not start and end on sentence boundaries")
            }
        }

        mutating func checkEvents() {
            checkUnique(model.events.map(\.id), "event") { "$.events[\($0)].id" }
            for (e, event) in model.events.enumerated() {
                let path = "$.events[\(e)]"
                checkActorReference("\(path).place", event.place)
                checkActorReference("\(path).claimedBy", event.claimedBy)
                for (c, claimant) in event.coClaimants.enumerated() {
                    checkActorReference("\(path).coClaimants[\(c)]", claimant)
                }
                checkTime("\(path).time", event.time)
                for (p, participant) in event.participants.enumerated() {
                    checkActorReference("\(path).participants[\(p)].actor", participant.actor)
                }
                for (q, quantity) in event.quantities.enumerated() {
                    if !quantity.value.isFinite {
                        report("\(path).quantities[\(q)].value", "value \(quantity.value) is not a finite number; a model file cannot hold it")
                    }
                    checkSpan("\(path).quantities[\(q)].span", quantity.span)
                }
                for (r, relation) in event.relations.enumerated() {
                    checkEventReference("\(path).relations[\(r)].event", relation.event)
                    checkSpan("\(path).relations[\(r)].span", relation.span)
                }
                if event.evidence.isEmpty {
                    report("\(path).evidence", "event \(event.id) has no evidence span; give the passage that reports it")
                }
                for (i, span) in event.evidence.enumerated() { checkSpan("\(path).evidence[\(i)]", span) }
            }
        }

        static func clip(_ text: String) -> String {
            text.count <= 60 ? text : String(text.prefix(57)) + "…"
        }

        static func suggestion(_ id: String, _ candidates: Set<String>) -> String {
            guard let near = nearestName(to: id, in: candidates.sorted()) else { return "" }
            return " — did you mean \"\(near)\"?"
        }
    }
}
