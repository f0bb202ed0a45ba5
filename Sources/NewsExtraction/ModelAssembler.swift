import NewsModel

/// Phase 8, the model: numbers paragraphs and sentences, gives actors, mentions, statements and
/// events their ids, and turns every scalar range into a ``NewsModel/Span`` that names its
/// paragraph and sentence and quotes its text.
///
/// Actor ids are the name in lower case with every run of other characters as one `-`
/// (`tom-homan`), made unique with `-2`, `-3`…; mentions are `m1`, `m2`… and statements `s1`,
/// `s2`… in text order; events `e1`, `e2`… . An actor's description says what it is and where
/// the article first names it, and the roles it gives it: no words are invented.
struct ModelAssembler {
    let analyzed: AnalyzedText
    let date: CalendarDate
    let id: String
    let article: Article
    private let paragraphStarts: [Int]
    private let sentenceLookup: RangeLookup

    init(analyzed: AnalyzedText, date: CalendarDate, id: String) {
        self.analyzed = analyzed
        self.date = date
        self.id = id
        let read = analyzed.read
        var paragraphs: [Paragraph] = []
        for (index, block) in read.blocks.enumerated() {
            paragraphs.append(Paragraph(number: index + 1, kind: block.kind, start: block.range.lowerBound,
                                        end: block.range.upperBound, text: analyzed.text(block.range)))
        }
        let sentences = analyzed.sentences.enumerated().map { index, record in
            Sentence(number: index + 1, paragraph: record.block + 1, start: record.range.lowerBound, end: record.range.upperBound,
                     text: analyzed.text(record.range))
        }
        article = Article(
            id: id, source: read.source ?? read.dateline?.source ?? "", dateline: read.dateline?.place ?? "", date: date,
            text: read.text, paragraphs: paragraphs, sentences: sentences, sections: ArticleReader.sections(paragraphs),
            title: read.title, url: read.url)
        paragraphStarts = read.blocks.map(\.range.lowerBound)
        sentenceLookup = RangeLookup(analyzed.sentences.map { ($0.range.lowerBound, $0.range.upperBound) })
    }

    /// The span of a scalar range (which must lie inside one paragraph).
    func span(_ range: Range<Int>) -> Span {
        let block = max(0, paragraphStarts.partitionIndex { $0 <= range.lowerBound } - 1)
        var sentence = sentenceLookup.firstIndex(containing: range.lowerBound)
        if sentence == nil {
            let before = analyzed.sentences.partitionIndex { $0.range.lowerBound <= range.lowerBound } - 1
            sentence = before >= 0 ? before : 0
        }
        return Span(start: range.lowerBound, end: range.upperBound, paragraph: block + 1, sentence: (sentence ?? 0) + 1,
                    text: analyzed.text(range))
    }

    /// The span of sentences `range` (0-based, half-open), kept inside the first one's paragraph.
    func sentenceSpan(_ range: Range<Int>) -> Span {
        let first = analyzed.sentences[range.lowerBound]
        var last = range.lowerBound
        for s in range where analyzed.sentences[s].block == first.block { last = s }
        return span(first.range.lowerBound..<analyzed.sentences[last].range.upperBound)
    }

    /// A slug of a name for an id.
    static func slug(_ name: String) -> String {
        // Over the UTF-8 bytes of the lower-cased name: ASCII letters and digits are kept, every
        // run of anything else is one dash (a non-ASCII letter is such a run, as before).
        var out: [UInt8] = []
        out.reserveCapacity(min(48, name.utf8.count))
        var dash = false
        let lowered = name.utf8.contains(where: { $0 >= 0x80 }) ? name.lowercased() : name
        var previousWasASCII = true
        for byte in lowered.utf8 {
            if byte >= 0x80 {
                // A multi-byte scalar, never a letter or digit kept in an id.
                if byte & 0xC0 != 0x80 || previousWasASCII { dash = true }
                previousWasASCII = false
                continue
            }
            previousWasASCII = true
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if dash, !out.isEmpty { out.append(0x2D) }
                out.append(lower)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "actor" : String(decoding: out.prefix(48), as: UTF8.self)
    }

    func model(mentions set: MentionSet, attributions: [Attribution], events records: [EventRecord]) -> ArticleModel {
        // Actors: every entity with a mention or a statement.
        // The first mention of each entity (by offset), and which entities are included.
        var firstMention = [Int](repeating: .max, count: set.entities.count)
        var isIncluded = [Bool](repeating: false, count: set.entities.count)
        for mention in set.mentions where !set.entities[mention.entity].name.isEmpty {
            firstMention[mention.entity] = min(firstMention[mention.entity], mention.range.lowerBound)
            isIncluded[mention.entity] = true
        }
        var included = Set(isIncluded.indices.filter { isIncluded[$0] })
        for item in attributions {
            included.insert(item.entity)
            included.formUnion(item.coSpeakers)
            if let addressee = item.addressee { included.insert(addressee) }
        }
        for record in records {
            included.formUnion(record.participants.map(\.entity))
            if let place = record.place { included.insert(place) }
            if let claimant = record.claimedBy { included.insert(claimant) }
        }
        for entity in Array(included) {
            for role in set.entities[entity].roles {
                if let organization = role.organization { included.insert(organization) }
                if let place = role.place { included.insert(place) }
            }
        }
        let order = included.sorted { a, b in (firstMention[a], a) < (firstMention[b], b) }
        var ids: [Int: String] = [:]
        var used = Set<String>()
        for entity in order {
            let base = Self.slug(set.entities[entity].name)
            var candidate = base
            var n = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            used.insert(candidate)
            ids[entity] = candidate
        }
        // Mentions numbered in text order across actors.
        let allMentions = set.mentions.filter { ids[$0.entity] != nil }.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var mentionRecords: [Int: [Mention]] = [:]
        for (number, mention) in allMentions.enumerated() {
            mentionRecords[mention.entity, default: []].append(
                Mention(id: "m\(number + 1)", span: span(mention.range), form: mention.form))
        }
        var speaking: [Int: Int] = [:]
        for item in attributions { speaking[item.entity, default: 0] += 1 }
        let actors = order.map { entity -> Actor in
            let record = set.entities[entity]
            let roles = record.roles.map { role in
                Role(title: role.title, organization: role.organization.flatMap { ids[$0] }, place: role.place.flatMap { ids[$0] },
                     span: span(role.range))
            }
            return Actor(id: ids[entity]!, name: record.name, kind: record.kind, aliases: record.aliases, roles: roles,
                         description: description(record, mentions: mentionRecords[entity] ?? [], statements: speaking[entity] ?? 0),
                         mentions: mentionRecords[entity] ?? [])
        }
        // Events first, so statements can name their occasion.
        var events: [Event] = []
        var occasionOf: [Int: String] = [:]
        for (index, record) in records.enumerated() {
            let eventID = "e\(index + 1)"
            for statement in record.statements { occasionOf[statement] = eventID }
            var participants: [Participant] = []
            for (entity, role) in record.participants {
                guard let actor = ids[entity], !participants.contains(where: { $0.actor == actor && $0.role == role }) else { continue }
                participants.append(Participant(actor: actor, role: role))
            }
            events.append(Event(
                id: eventID, kind: record.kind, name: record.name, summary: record.summary, time: record.time,
                place: record.place.flatMap { ids[$0] }, participants: participants,
                quantities: record.quantities.map { quantity in
                    Quantity(value: quantity.value, unit: quantity.unit, approximate: quantity.approximate,
                             span: span(analyzed.scalarRange(tokens: quantity.tokens)))
                },
                claimedBy: record.claimedBy.flatMap { ids[$0] }, evidence: record.evidence.map(span),
                note: "extracted"))
        }
        var statements: [Statement] = []
        for (index, item) in attributions.enumerated() {
            let contentSpans = item.content.map(span)
            let cueSpan = item.cue.map { span(analyzed.scalarRange(tokens: $0)) }
            statements.append(Statement(
                id: "s\(index + 1)", speaker: ids[item.entity]!, coSpeakers: item.coSpeakers.compactMap { ids[$0] },
                content: Statement.joinedContent(contentSpans), kind: item.kind, cue: cueSpan?.text ?? item.cueText,
                venue: item.venue?.text, addressee: item.addressee.flatMap { ids[$0] }, time: item.time,
                occasion: occasionOf[index], contentSpans: contentSpans,
                quotes: item.kind == .partial ? item.quotes.map(span) : [],
                speakerSpan: item.speaker.map { span(analyzed.scalarRange(tokens: $0)) }, cueSpan: cueSpan,
                sentenceSpan: sentenceSpan(item.sentences), confidence: (item.confidence * 100).rounded() / 100,
                rule: item.rule))
        }
        return ArticleModel(article: article, actors: actors, statements: statements, events: events)
    }

    /// "Person named in ¶3 (border czar); 7 statements." — from what the article states.
    func description(_ entity: Entity, mentions: [Mention], statements: Int) -> String {
        let kind: String
        switch entity.kind {
        case .person: kind = "A person"
        case .organization: kind = "An organisation"
        case .group: kind = "A group"
        case .place: kind = "A place"
        }
        var text = kind
        if let first = mentions.first { text += " first mentioned in ¶\(first.span.paragraph)" }
        if !entity.roles.isEmpty { text += " (" + entity.roles.map(\.title).joined(separator: ", ") + ")" }
        if statements > 0 { text += "; speaks in \(statements) statement" + (statements == 1 ? "" : "s") }
        return text + "."
    }
}
