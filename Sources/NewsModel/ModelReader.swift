/// Reads a parsed model file (a ``JSONValue``) into an ``ArticleModel``, or explains every
/// reason it cannot.
///
/// Reading happens in two passes. The structural pass walks the document against the format
/// (`docs/model-format.md`): it reports each missing required field, value of the wrong type,
/// unknown enum value (with the allowed values and the nearest one), malformed date and unknown
/// field, and it keeps going after each, so one run lists them all. Only when the structure is
/// sound does the semantic pass run ``ModelValidator`` over the finished model (ids, references,
/// spans, content). The result is a complete, valid model or the full list of issues — never a
/// partly loaded model.
public struct ModelReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The model `document` describes, or every problem with it.
    public func read(_ document: JSONValue) throws(ModelFile.LoadError) -> ArticleModel {
        let run = Run()
        let model = run.document(document)
        guard let model, run.issues.isEmpty else { throw ModelFile.LoadError(issues: run.issues) }
        let issues = ModelValidator().validate(model)
        guard issues.isEmpty else { throw ModelFile.LoadError(issues: issues) }
        return model
    }

    /// The fields that only format 2 has, by record type; in a format 1 file they are unknown.
    static let format2Fields: [String: Set<String>] = [
        "document": ["provenance"],
        "statement": ["confidence", "rule"],
        "event": ["coClaimants"],
        "article": ["title", "url"],
    ]

    /// Every field each record type has, in the order a model file lists them.
    static let fields: [String: [String]] = [
        "document": ["format", "provenance", "article", "actors", "statements", "events"],
        "provenance": ["extracted", "extractor", "sourceFile"],
        "article": ["id", "source", "dateline", "date", "title", "url", "text", "paragraphs", "sentences", "sections"],
        "paragraph": ["number", "kind", "start", "end", "text"],
        "sentence": ["number", "paragraph", "start", "end", "text"],
        "section": ["number", "heading", "headingParagraph", "firstParagraph", "lastParagraph"],
        "actor": ["id", "name", "kind", "aliases", "roles", "party", "description", "mentions"],
        "role": ["title", "organization", "place", "span"],
        "mention": ["id", "span", "form"],
        "statement": [
            "id", "speaker", "coSpeakers", "content", "kind", "cue", "venue", "addressee", "time",
            "aboutActors", "aboutEvents", "occasion", "contentSpans", "quotes", "speakerSpan", "cueSpan",
            "sentenceSpan", "note", "confidence", "rule",
        ],
        "time reference": ["text", "precision", "earliest", "latest", "note"],
        "event": [
            "id", "kind", "name", "summary", "time", "place", "participants", "quantities", "relations",
            "claimedBy", "coClaimants", "evidence", "note",
        ],
        "participant": ["actor", "role"],
        "quantity": ["value", "unit", "approximate", "span"],
        "event relation": ["kind", "event", "span"],
        "span": ["start", "end", "paragraph", "sentence", "text"],
    ]
}

/// One reading pass; collects issues as it goes.
private final class Run {
    var issues: [ModelIssue] = []
    /// The format the file declares; format 2 fields are read only when it is 2.
    var format = ArticleModel.formatVersion

    func report(_ path: String, _ message: String) {
        issues.append(ModelIssue(path: path, message: message))
    }

    // MARK: Records

    func document(_ value: JSONValue) -> ArticleModel? {
        guard var fields = object(value, JSONPath.root, "document") else { return nil }
        guard checkFormat(&fields) else { return nil }
        let provenance = format >= 2 ? fields.optional("provenance", self.provenance) : .some(nil)
        let article = fields.required("article", self.article)
        let actors = fields.required("actors") { self.array($0, $1, self.actor) }
        let statements = fields.required("statements") { self.array($0, $1, self.statement) }
        let events = fields.required("events") { self.array($0, $1, self.event) }
        fields.finish()
        guard let provenance, let article, let actors, let statements, let events else { return nil }
        return ArticleModel(article: article, actors: actors, statements: statements, events: events,
                            provenance: provenance)
    }

    func provenance(_ value: JSONValue, _ path: String) -> Provenance? {
        guard var fields = object(value, path, "provenance") else { return nil }
        let extracted = fields.required("extracted", bool)
        let extractor = fields.required("extractor", string)
        let sourceFile = fields.optional("sourceFile", string)
        fields.finish()
        guard let extracted, let extractor, let sourceFile else { return nil }
        return Provenance(extracted: extracted, extractor: extractor, sourceFile: sourceFile)
    }

    /// Checks `format`; returns false when the file is of another format, so nothing else in it
    /// should be read.
    func checkFormat(_ fields: inout Fields) -> Bool {
        let supported = ArticleModel.supportedFormats
        let formats = "formats \(supported.lowerBound) and \(supported.upperBound)"
        fields.known.append("format")
        guard let value = fields.member("format") else {
            report(JSONPath.root, "missing required field \"format\"; this newsq reads \(formats)")
            return true
        }
        guard case .number(let literal) = value.content else {
            report("$.format", "expected the format number \(supported.lowerBound) or \(supported.upperBound), found \(value.kindDescription)")
            return true
        }
        guard let number = Self.integer(literal), supported.contains(number) else {
            report("$.format", "unsupported format \(literal); this newsq reads \(formats)")
            return false
        }
        format = number
        return true
    }

    func article(_ value: JSONValue, _ path: String) -> Article? {
        guard var fields = object(value, path, "article") else { return nil }
        let id = fields.required("id", string)
        let source = fields.required("source", string)
        let dateline = fields.required("dateline", string)
        let date = fields.required("date", self.date)
        let title = fields.optional("title", string)
        let url = fields.optional("url", string)
        let text = fields.required("text", string)
        let paragraphs = fields.required("paragraphs") { self.array($0, $1, self.paragraph) }
        let sentences = fields.required("sentences") { self.array($0, $1, self.sentence) }
        let sections = fields.required("sections") { self.array($0, $1, self.section) }
        fields.finish()
        guard let id, let source, let dateline, let date, let title, let url, let text, let paragraphs, let sentences,
              let sections
        else { return nil }
        return Article(id: id, source: source, dateline: dateline, date: date, text: text,
                       paragraphs: paragraphs, sentences: sentences, sections: sections, title: title, url: url)
    }

    func paragraph(_ value: JSONValue, _ path: String) -> Paragraph? {
        guard var fields = object(value, path, "paragraph") else { return nil }
        let number = fields.required("number", int)
        let kind: Paragraph.Kind? = fields.required("kind") { self.enumeration($0, $1, "paragraph kind") }
        let start = fields.required("start", int)
        let end = fields.required("end", int)
        let text = fields.required("text", string)
        fields.finish()
        guard let number, let kind, let start, let end, let text else { return nil }
        return Paragraph(number: number, kind: kind, start: start, end: end, text: text)
    }

    func sentence(_ value: JSONValue, _ path: String) -> Sentence? {
        guard var fields = object(value, path, "sentence") else { return nil }
        let number = fields.required("number", int)
        let paragraph = fields.required("paragraph", int)
        let start = fields.required("start", int)
        let end = fields.required("end", int)
        let text = fields.required("text", string)
        fields.finish()
        guard let number, let paragraph, let start, let end, let text else { return nil }
        return Sentence(number: number, paragraph: paragraph, start: start, end: end, text: text)
    }

    func section(_ value: JSONValue, _ path: String) -> Section? {
        guard var fields = object(value, path, "section") else { return nil }
        let number = fields.required("number", int)
        let heading = fields.optional("heading", string)
        let headingParagraph = fields.optional("headingParagraph", int)
        let firstParagraph = fields.required("firstParagraph", int)
        let lastParagraph = fields.required("lastParagraph", int)
        fields.finish()
        guard let number, let heading, let headingParagraph, let firstParagraph, let lastParagraph
        else { return nil }
        return Section(number: number, heading: heading, headingParagraph: headingParagraph,
                       firstParagraph: firstParagraph, lastParagraph: lastParagraph)
    }

    func actor(_ value: JSONValue, _ path: String) -> Actor? {
        guard var fields = object(value, path, "actor") else { return nil }
        let id = fields.required("id", string)
        let name = fields.required("name", string)
        let kind: Actor.Kind? = fields.required("kind") { self.enumeration($0, $1, "actor kind") }
        let aliases = fields.defaulted("aliases", strings)
        let roles = fields.defaulted("roles") { self.array($0, $1, self.role) }
        let party = fields.optional("party", string)
        let description = fields.required("description", string)
        let mentions = fields.defaulted("mentions") { self.array($0, $1, self.mention) }
        fields.finish()
        guard let id, let name, let kind, let aliases, let roles, let party, let description,
            let mentions
        else { return nil }
        return Actor(id: id, name: name, kind: kind, aliases: aliases, roles: roles, party: party,
                     description: description, mentions: mentions)
    }

    func role(_ value: JSONValue, _ path: String) -> Role? {
        guard var fields = object(value, path, "role") else { return nil }
        let title = fields.required("title", string)
        let organization = fields.optional("organization", string)
        let place = fields.optional("place", string)
        let span = fields.required("span", self.span)
        fields.finish()
        guard let title, let organization, let place, let span else { return nil }
        return Role(title: title, organization: organization, place: place, span: span)
    }

    func mention(_ value: JSONValue, _ path: String) -> Mention? {
        guard var fields = object(value, path, "mention") else { return nil }
        let id = fields.required("id", string)
        let span = fields.required("span", self.span)
        let form: Mention.Form? = fields.required("form") { self.enumeration($0, $1, "mention form") }
        fields.finish()
        guard let id, let span, let form else { return nil }
        return Mention(id: id, span: span, form: form)
    }

    func statement(_ value: JSONValue, _ path: String) -> Statement? {
        guard var fields = object(value, path, "statement") else { return nil }
        let id = fields.required("id", string)
        let speaker = fields.required("speaker", string)
        let coSpeakers = fields.defaulted("coSpeakers", strings)
        let content = fields.required("content", string)
        let kind: Statement.Kind? = fields.required("kind") { self.enumeration($0, $1, "statement kind") }
        let cue = fields.required("cue", string)
        let venue = fields.optional("venue", string)
        let addressee = fields.optional("addressee", string)
        let time = fields.required("time", self.time)
        let aboutActors = fields.defaulted("aboutActors", strings)
        let aboutEvents = fields.defaulted("aboutEvents", strings)
        let occasion = fields.optional("occasion", string)
        let contentSpans = fields.required("contentSpans", spans)
        let quotes = fields.defaulted("quotes", spans)
        let speakerSpan = fields.optional("speakerSpan", self.span)
        let cueSpan = fields.optional("cueSpan", self.span)
        let sentenceSpan = fields.required("sentenceSpan", self.span)
        let note = fields.optional("note", string)
        let confidence = format >= 2 ? fields.optional("confidence", double) : .some(nil)
        let rule = format >= 2 ? fields.optional("rule", string) : .some(nil)
        fields.finish()
        guard let id, let speaker, let coSpeakers, let content, let kind, let cue, let venue,
            let addressee, let time, let aboutActors, let aboutEvents, let occasion, let contentSpans,
            let quotes, let speakerSpan, let cueSpan, let sentenceSpan, let note, let confidence, let rule
        else { return nil }
        return Statement(
            id: id, speaker: speaker, coSpeakers: coSpeakers, content: content, kind: kind, cue: cue,
            venue: venue, addressee: addressee, time: time, aboutActors: aboutActors, aboutEvents: aboutEvents,
            occasion: occasion, contentSpans: contentSpans, quotes: quotes, speakerSpan: speakerSpan,
            cueSpan: cueSpan, sentenceSpan: sentenceSpan, note: note, confidence: confidence, rule: rule)
    }

    func time(_ value: JSONValue, _ path: String) -> TimeReference? {
        guard var fields = object(value, path, "time reference") else { return nil }
        let text = fields.optional("text", string)
        let precision: TimeReference.Precision? = fields.required("precision") {
            self.enumeration($0, $1, "time precision")
        }
        let earliest = fields.optional("earliest", self.date)
        let latest = fields.optional("latest", self.date)
        let note = fields.optional("note", string)
        fields.finish()
        guard let text, let precision, let earliest, let latest, let note else { return nil }
        return TimeReference(text: text, precision: precision, earliest: earliest, latest: latest, note: note)
    }

    func event(_ value: JSONValue, _ path: String) -> Event? {
        guard var fields = object(value, path, "event") else { return nil }
        let id = fields.required("id", string)
        let kind: Event.Kind? = fields.required("kind") { self.enumeration($0, $1, "event kind") }
        if kind == .other, format < 2 {
            report(JSONPath.member(path, "kind"), "event kind \"other\" needs format 2; this file declares format \(format)")
        }
        let name = fields.optional("name", string)
        let summary = fields.required("summary", string)
        let time = fields.required("time", self.time)
        let place = fields.optional("place", string)
        let participants = fields.defaulted("participants") { self.array($0, $1, self.participant) }
        let quantities = fields.defaulted("quantities") { self.array($0, $1, self.quantity) }
        let relations = fields.defaulted("relations") { self.array($0, $1, self.relation) }
        let claimedBy = fields.optional("claimedBy", string)
        let coClaimants = fields.defaulted("coClaimants", strings)
        let evidence = fields.required("evidence", spans)
        let note = fields.optional("note", string)
        fields.finish()
        guard let id, let kind, let name, let summary, let time, let place, let participants,
            let quantities, let relations, let claimedBy, let coClaimants, let evidence, let note
        else { return nil }
        return Event(id: id, kind: kind, name: name, summary: summary, time: time, place: place,
                     participants: participants, quantities: quantities, relations: relations,
                     claimedBy: claimedBy, coClaimants: coClaimants, evidence: evidence, note: note)
    }

    func participant(_ value: JSONValue, _ path: String) -> Participant? {
        guard var fields = object(value, path, "participant") else { return nil }
        let actor = fields.required("actor", string)
        let role: Participant.Role? = fields.required("role") { self.enumeration($0, $1, "participant role") }
        fields.finish()
        guard let actor, let role else { return nil }
        return Participant(actor: actor, role: role)
    }

    func quantity(_ value: JSONValue, _ path: String) -> Quantity? {
        guard var fields = object(value, path, "quantity") else { return nil }
        let number = fields.required("value", double)
        let unit = fields.required("unit", string)
        let approximate = fields.required("approximate", bool)
        let span = fields.required("span", self.span)
        fields.finish()
        guard let number, let unit, let approximate, let span else { return nil }
        return Quantity(value: number, unit: unit, approximate: approximate, span: span)
    }

    func relation(_ value: JSONValue, _ path: String) -> EventRelation? {
        guard var fields = object(value, path, "event relation") else { return nil }
        let kind: EventRelation.Kind? = fields.required("kind") { self.enumeration($0, $1, "relation kind") }
        let event = fields.required("event", string)
        let span = fields.required("span", self.span)
        fields.finish()
        guard let kind, let event, let span else { return nil }
        return EventRelation(kind: kind, event: event, span: span)
    }

    func span(_ value: JSONValue, _ path: String) -> Span? {
        guard var fields = object(value, path, "span") else { return nil }
        let start = fields.required("start", int)
        let end = fields.required("end", int)
        let paragraph = fields.required("paragraph", int)
        let sentence = fields.required("sentence", int)
        let text = fields.required("text", string)
        fields.finish()
        guard let start, let end, let paragraph, let sentence, let text else { return nil }
        return Span(start: start, end: end, paragraph: paragraph, sentence: sentence, text: text)
    }

    func spans(_ value: JSONValue, _ path: String) -> [Span]? { array(value, path, self.span) }

    func strings(_ value: JSONValue, _ path: String) -> [String]? { array(value, path, string) }

    // MARK: Values

    /// The fields of an object, or nil (reported) when `value` is not one.
    func object(_ value: JSONValue, _ path: String, _ type: String) -> Fields? {
        guard let members = value.objectValue else {
            if type == "document" {
                report(path, "a model file is a JSON object with the fields format, article, actors, statements and events; found \(value.kindDescription)")
                return nil
            }
            report(path, "expected \(Self.withArticle(type)) object, found \(value.kindDescription)")
            return nil
        }
        return Fields(run: self, path: path, type: type, members: members)
    }

    /// Every element read by `element`, or nil when any failed (each failure reported).
    func array<T>(_ value: JSONValue, _ path: String, _ element: (JSONValue, String) -> T?) -> [T]? {
        guard let elements = value.arrayValue else {
            report(path, "expected an array, found \(value.kindDescription)")
            return nil
        }
        var result: [T] = []
        var complete = true
        for (index, item) in elements.enumerated() {
            if let read = element(item, JSONPath.element(path, index)) {
                result.append(read)
            } else {
                complete = false
            }
        }
        return complete ? result : nil
    }

    func string(_ value: JSONValue, _ path: String) -> String? {
        if let text = value.stringValue { return text }
        report(path, "expected a string, found \(value.kindDescription)")
        return nil
    }

    func bool(_ value: JSONValue, _ path: String) -> Bool? {
        if case .bool(let flag) = value.content { return flag }
        report(path, "expected true or false, found \(value.kindDescription)")
        return nil
    }

    func int(_ value: JSONValue, _ path: String) -> Int? {
        guard case .number(let literal) = value.content else {
            report(path, "expected an integer, found \(value.kindDescription)")
            return nil
        }
        if let number = Self.integer(literal) { return number }
        if let number = Double(literal), abs(number) < 9_007_199_254_740_992 {
            report(path, "expected an integer, found \(literal)")
        } else {
            report(path, "integer \(literal) is out of range")
        }
        return nil
    }

    func double(_ value: JSONValue, _ path: String) -> Double? {
        guard case .number(let literal) = value.content else {
            report(path, "expected a number, found \(value.kindDescription)")
            return nil
        }
        guard let number = Double(literal), number.isFinite else {
            report(path, "number \(literal) is out of range")
            return nil
        }
        return number
    }

    /// The integer a JSON number literal denotes exactly (`3`, `3.0`, `3e0`), if any.
    static func integer(_ literal: String) -> Int? {
        if let number = Int(literal) { return number }
        guard let number = Double(literal) else { return nil }
        return JSONValue.exactInteger(number)
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ value: JSONValue, _ path: String, _ what: String) -> E?
    where E.RawValue == String {
        guard let text = value.stringValue else {
            report(path, "expected \(Self.withArticle(what)) (a string), found \(value.kindDescription)")
            return nil
        }
        if let result = E(rawValue: text) { return result }
        let allowed = E.allCases.map(\.rawValue)
        var message = "unknown \(what) \"\(ModelIssueText.clip(text))\""
        if let near = nearestName(to: text, in: allowed) { message += " — did you mean \"\(near)\"?" }
        report(path, message + " (allowed: \(allowed.joined(separator: ", ")))")
        return nil
    }

    func date(_ value: JSONValue, _ path: String) -> CalendarDate? {
        guard let text = value.stringValue else {
            report(path, "expected a date string \"YYYY-MM-DD\", found \(value.kindDescription)")
            return nil
        }
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        {
            if !(1...12).contains(month) {
                report(path, "invalid date \"\(text)\": there is no month \(month)")
            } else {
                let days = CalendarDate.daysIn(month: month, year: year)
                let name = Self.monthNames[month - 1]
                report(path, "invalid date \"\(text)\": \(name) \(year) has days 1–\(days), not \(day)")
            }
        } else {
            report(path, "invalid date \"\(ModelIssueText.clip(text))\": write dates as YYYY-MM-DD, e.g. \"2026-02-04\"")
        }
        return nil
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// `a span`, `an actor`, `an event relation`.
    static func withArticle(_ noun: String) -> String {
        if noun == "document" { return "the document" }
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }
}

/// The members of one object being read, and which of them the reader has asked for.
private struct Fields {
    let run: Run
    let path: String
    /// The record type, a key of ``ModelReader/fields``.
    let type: String
    let members: [JSONValue.Member]
    /// The keys asked for so far.
    var known: [String] = []

    init(run: Run, path: String, type: String, members: [JSONValue.Member]) {
        self.run = run
        self.path = path
        self.type = type
        self.members = members
    }

    func member(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// A field that must be present (and not null).
    mutating func required<T>(_ key: String, _ read: (JSONValue, String) -> T?) -> T? {
        known.append(key)
        guard let value = member(key) else {
            run.report(path, "missing required field \"\(key)\"")
            return nil
        }
        return read(value, JSONPath.member(path, key))
    }

    /// A field that may be absent or null: `.some(nil)` then, `.some(value)` when read, and
    /// `nil` when present but unreadable.
    mutating func optional<T>(_ key: String, _ read: (JSONValue, String) -> T?) -> T?? {
        known.append(key)
        guard let value = member(key) else { return .some(nil) }
        if case .null = value.content { return .some(nil) }
        guard let result = read(value, JSONPath.member(path, key)) else { return nil }
        return .some(result)
    }

    /// An array field that may be absent (then empty); `null` is not accepted.
    mutating func defaulted<T>(_ key: String, _ read: (JSONValue, String) -> [T]?) -> [T]? {
        known.append(key)
        guard let value = member(key) else { return [] }
        return read(value, JSONPath.member(path, key))
    }

    /// Reports every member the reader did not ask for.
    func finish() {
        let newer = run.format < 2 ? ModelReader.format2Fields[type] ?? [] : []
        let names = (ModelReader.fields[type] ?? known).filter { !newer.contains($0) }
        let absent = names.filter { name in !members.contains { $0.key == name } }
        for member in members where !known.contains(member.key) {
            if newer.contains(member.key) {
                run.report(JSONPath.member(path, member.key),
                           "field \"\(member.key)\" in \(Run.withArticle(type)) needs format 2; this file declares format \(run.format)")
                continue
            }
            var message = "unknown field \"\(ModelIssueText.clip(member.key))\" in \(Run.withArticle(type))"
            if let near = nearestName(to: member.key, in: absent) {
                message += " — did you mean \"\(near)\"?"
            } else {
                message += " (fields: \(names.joined(separator: ", ")))"
            }
            run.report(JSONPath.member(path, member.key), message)
        }
    }
}
