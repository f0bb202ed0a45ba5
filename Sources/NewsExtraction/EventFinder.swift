import NewsModel

/// An event as the extractor finds it, before it gets an id.
struct EventRecord: Sendable {
    var kind: Event.Kind
    var name: String?
    var summary: String
    var time: TimeReference
    var place: Int?
    var participants: [(entity: Int, role: Participant.Role)]
    var quantities: [QuantityExpression]
    /// Scalar ranges of the passages that report it, each inside one paragraph.
    var evidence: [Range<Int>]
    var claimedBy: Int?
    /// The statements (indices into the attributions) made at this occasion.
    var statements: [Int] = []
}

/// Phase 7, events: the speech occasions statements are made at (a news conference, an
/// interview, a statement, a post, a lawsuit), and every sentence with a time expression or a
/// quantity.
///
/// An occasion is one event per venue noun and speaker in a paragraph; its participants are the
/// speaker (`speaker`) and, for an interview, the outlet named with it (`interviewer`). A
/// sentence's event takes its kind from the first kind word in it (``Lexicon/eventKindWords``:
/// `withdrawn` → withdrawal, `lawsuit` → lawsuit, `shootings` → shooting…), or `other`; its time is the sentence's first
/// time expression, its quantities all of the sentence's, its place a place named after `in` or
/// `at`, its participants the subject's actor (`agent`) and groups named in it (`subject`). When
/// the time or quantity stands inside a statement's content, the event is that speaker's claim
/// (`claimedBy`) and its evidence is the content.
struct EventFinder {
    let analyzed: AnalyzedText
    let attributions: AttributionResult
    let times: [TimeExpression]
    let quantities: [QuantityExpression]

    func find() -> [EventRecord] {
        var events: [EventRecord] = []
        occasions(into: &events)
        clauses(into: &events)
        return events
    }

    /// One event per venue and speaker within a paragraph.
    func occasions(into events: inout [EventRecord]) {
        var byKey: [String: Int] = [:]
        for (index, item) in attributions.items.enumerated() {
            guard let venue = item.venue else { continue }
            let block = analyzed.tokenBlock[venue.tokens.lowerBound]
            let key = "\(venue.text.lowercased())|\(item.entity)|\(block)"
            if let known = byKey[key] {
                events[known].statements.append(index)
                continue
            }
            let speaker = attributions.mentions.entities[item.entity].name
            var participants: [(entity: Int, role: Participant.Role)] = [(item.entity, .speaker)]
            if let actor = item.venueActor, actor != item.entity {
                participants.append((actor, venue.kind == .interview ? .interviewer : .host))
            }
            let sentence = analyzed.sentences[Int(analyzed.tokenSentence[venue.tokens.lowerBound])]
            events.append(EventRecord(
                kind: venue.kind, name: nil, summary: "\(speaker): \(venue.text)", time: item.time, place: nil,
                participants: participants, quantities: [], evidence: [sentence.range],
                claimedBy: nil, statements: [index]))
            byKey[key] = events.count - 1
        }
    }

    /// One event per sentence with a time expression or a quantity.
    func clauses(into events: inout [EventRecord]) {
        let tokens = analyzed.tokens
        var timesBySentence: [Int: [TimeExpression]] = [:]
        for time in times {
            let s = Int(analyzed.tokenSentence[time.tokens.lowerBound])
            if s >= 0 { timesBySentence[s, default: []].append(time) }
        }
        var quantitiesBySentence: [Int: [QuantityExpression]] = [:]
        for quantity in quantities {
            let s = Int(analyzed.tokenSentence[quantity.tokens.lowerBound])
            if s >= 0 { quantitiesBySentence[s, default: []].append(quantity) }
        }
        // The statement whose content holds an offset, by sentence.
        var contentBySentence: [Int: [Int]] = [:]
        for (index, item) in attributions.items.enumerated() {
            for s in item.sentences { contentBySentence[s, default: []].append(index) }
        }
        // A sentence that names an occasion has its time there ("said during a news conference
        // Tuesday"): only a time or a quantity inside a statement's content makes another event.
        var occasionSentences = Set<Int>()
        for event in events {
            for span in event.evidence {
                let s = Int(analyzed.tokenSentence[analyzed.firstToken(atOrAfter: span.lowerBound)])
                if s >= 0 { occasionSentences.insert(s) }
            }
        }
        let sentencesWithEvents = Set(timesBySentence.keys).union(quantitiesBySentence.keys).sorted()
        for s in sentencesWithEvents {
            let sentence = analyzed.sentences[s]
            var sentenceTimes = timesBySentence[s] ?? []
            var sentenceQuantities = quantitiesBySentence[s] ?? []
            if occasionSentences.contains(s) {
                let contents = (contentBySentence[s] ?? []).flatMap { attributions.items[$0].content }
                func inContent(_ t: Int) -> Bool { contents.contains { $0.contains(tokens[t].start) } }
                sentenceTimes = sentenceTimes.filter { inContent($0.tokens.lowerBound) }
                sentenceQuantities = sentenceQuantities.filter { inContent($0.tokens.lowerBound) }
                if sentenceTimes.isEmpty && sentenceQuantities.isEmpty { continue }
            }
            let anchor = sentenceQuantities.first?.tokens.lowerBound ?? sentenceTimes.first!.tokens.lowerBound
            let anchorOffset = tokens[anchor].start
            var evidence = sentence.range
            var claimedBy: Int?
            if let holder = (contentBySentence[s] ?? []).first(where: { attributions.items[$0].content.contains { $0.contains(anchorOffset) } }) {
                let item = attributions.items[holder]
                evidence = item.content.first { $0.contains(anchorOffset) }!
                claimedBy = item.entity
            }
            let first = analyzed.firstToken(atOrAfter: evidence.lowerBound)
            let last = analyzed.firstToken(atOrAfter: evidence.upperBound)
            var kind = Event.Kind.other
            let lexicon = Lexicon.shared
            for t in first..<last where tokens[t].has(.eventKind) {
                if let shown = lexicon.eventKindOfWord[Int(tokens[t].word)] {
                    kind = shown
                    break
                }
            }
            var participants: [(entity: Int, role: Participant.Role)] = []
            var place: Int?
            for t in first..<last {
                guard let mention = attributions.mentions.mention(at: t), mention.tokens.lowerBound == t else { continue }
                let entity = attributions.mentions.entities[mention.entity]
                if entity.kind == .place {
                    if place == nil, t > 0, ["in", "at"].contains(tokens[t - 1].text) { place = mention.entity }
                    continue
                }
                let role: Participant.Role = participants.isEmpty && t - first <= 4 ? .agent : entity.kind == .group ? .subject : .agent
                if participants.isEmpty || entity.kind == .group, !participants.contains(where: { $0.entity == mention.entity }) {
                    participants.append((mention.entity, role))
                }
            }
            if let place { participants.append((place, .location)) }
            let inEvidence = { (range: Range<Int>) in evidence.contains(tokens[range.lowerBound].start) }
            let time = sentenceTimes.first(where: { inEvidence($0.tokens) })?.reference ?? .unknown
            var summary = analyzed.text(evidence)
            if summary.count > 160 { summary = String(summary.prefix(157)) + "…" }
            events.append(EventRecord(
                kind: kind, name: operationName(first..<last), summary: summary, time: time, place: place,
                participants: participants, quantities: sentenceQuantities.filter { inEvidence($0.tokens) },
                evidence: [evidence], claimedBy: claimedBy))
        }
    }

    /// `Operation Metro Surge`: a capitalised name after "Operation".
    func operationName(_ range: Range<Int>) -> String? {
        let tokens = analyzed.tokens
        for t in range where tokens[t].text == "operation" && tokens[t].isCapitalized {
            var end = t + 1
            while end < range.upperBound, tokens[end].isCapitalized, tokens[end].kind == .word { end += 1 }
            if end > t + 1 { return analyzed.text(tokens: t..<end) }
        }
        return nil
    }
}
