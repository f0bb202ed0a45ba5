/// The model file format: an ``ArticleModel`` as a JSON document (see `docs/model-format.md`).
///
/// A model file is one JSON object with the keys `format` (1 or 2), `provenance` (format 2, for an
/// extracted model), `article`, `actors`, `statements` and `events`, in that order. The writer
/// uses the oldest format that holds the model (``ArticleModel/minimumFormat``), so a hand-made
/// model is still written as format 1. ``encode(_:)`` writes it pretty-printed
/// with two-space indentation, keys in a fixed order and non-ASCII characters as UTF-8, so two
/// versions of a model diff line by line. ``decode(_:)`` reads it back, reporting every problem
/// at once; `decode(encode(model)) == model` for every valid model.
///
/// This type does no file I/O; the command-line tool reads and writes the files.
public enum ModelFile {
    /// Why a model file cannot be loaded: every problem found, in document order.
    public struct LoadError: Error, Equatable, CustomStringConvertible {
        /// The problems. JSON syntax errors carry a line and column; all others a JSON path.
        public var issues: [ModelIssue]

        /// Creates an error from its problems.
        public init(issues: [ModelIssue]) {
            self.issues = issues
        }

        /// One problem per line: `$.statements[3].speaker: unknown actor id "x"` or
        /// `12:5: expected ',' or '}' after an object member, found '"'`.
        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// The model as the text of a model file, ending in a newline.
    public static func encode(_ model: ArticleModel) -> String {
        jsonValue(model).rendered() + "\n"
    }

    /// The model as compact JSON (no whitespace between tokens): the same document as
    /// ``encode(_:)``, smaller and faster to write — what a corpus store keeps.
    public static func encodeCompact(_ model: ArticleModel) -> String {
        jsonValue(model).renderedCompact()
    }

    /// The model described by `text`, a model file; throws every problem when it is not one.
    public static func decode(_ text: String) throws(LoadError) -> ArticleModel {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw LoadError(issues: error.issues)
        }
        return try ModelReader().read(document)
    }

    /// The model as the JSON tree ``encode(_:)`` renders.
    ///
    /// Every non-optional field is written, empty arrays included; an optional field is written
    /// only when it has a value.
    public static func jsonValue(_ model: ArticleModel) -> JSONValue {
        object([
            ("format", .int(model.minimumFormat)),
            ("provenance", model.provenance.map(json)),
            ("article", json(model.article)),
            ("actors", .array(model.actors.map(json))),
            ("statements", .array(model.statements.map(json))),
            ("events", .array(model.events.map(json))),
        ])
    }

    // MARK: Records, fields in declaration order

    private static func json(_ article: Article) -> JSONValue {
        object([
            ("id", .string(article.id)),
            ("source", .string(article.source)),
            ("dateline", .string(article.dateline)),
            ("date", .string(article.date.iso)),
            ("title", article.title.map(JSONValue.string)),
            ("url", article.url.map(JSONValue.string)),
            ("text", .string(article.text)),
            ("paragraphs", .array(article.paragraphs.map(json))),
            ("sentences", .array(article.sentences.map(json))),
            ("sections", .array(article.sections.map(json))),
        ])
    }

    private static func json(_ paragraph: Paragraph) -> JSONValue {
        .object([
            ("number", .int(paragraph.number)),
            ("kind", .string(paragraph.kind.rawValue)),
            ("start", .int(paragraph.start)),
            ("end", .int(paragraph.end)),
            ("text", .string(paragraph.text)),
        ])
    }

    private static func json(_ sentence: Sentence) -> JSONValue {
        .object([
            ("number", .int(sentence.number)),
            ("paragraph", .int(sentence.paragraph)),
            ("start", .int(sentence.start)),
            ("end", .int(sentence.end)),
            ("text", .string(sentence.text)),
        ])
    }

    private static func json(_ section: Section) -> JSONValue {
        object([
            ("number", .int(section.number)),
            ("heading", section.heading.map(JSONValue.string)),
            ("headingParagraph", section.headingParagraph.map(JSONValue.int)),
            ("firstParagraph", .int(section.firstParagraph)),
            ("lastParagraph", .int(section.lastParagraph)),
        ])
    }

    private static func json(_ actor: Actor) -> JSONValue {
        object([
            ("id", .string(actor.id)),
            ("name", .string(actor.name)),
            ("kind", .string(actor.kind.rawValue)),
            ("aliases", strings(actor.aliases)),
            ("roles", .array(actor.roles.map(json))),
            ("party", actor.party.map(JSONValue.string)),
            ("description", .string(actor.description)),
            ("mentions", .array(actor.mentions.map(json))),
        ])
    }

    private static func json(_ role: Role) -> JSONValue {
        object([
            ("title", .string(role.title)),
            ("organization", role.organization.map(JSONValue.string)),
            ("place", role.place.map(JSONValue.string)),
            ("span", json(role.span)),
        ])
    }

    private static func json(_ mention: Mention) -> JSONValue {
        .object([
            ("id", .string(mention.id)),
            ("span", json(mention.span)),
            ("form", .string(mention.form.rawValue)),
        ])
    }

    private static func json(_ statement: Statement) -> JSONValue {
        object([
            ("id", .string(statement.id)),
            ("speaker", .string(statement.speaker)),
            ("coSpeakers", strings(statement.coSpeakers)),
            ("content", .string(statement.content)),
            ("kind", .string(statement.kind.rawValue)),
            ("cue", .string(statement.cue)),
            ("venue", statement.venue.map(JSONValue.string)),
            ("addressee", statement.addressee.map(JSONValue.string)),
            ("time", json(statement.time)),
            ("aboutActors", strings(statement.aboutActors)),
            ("aboutEvents", strings(statement.aboutEvents)),
            ("occasion", statement.occasion.map(JSONValue.string)),
            ("contentSpans", .array(statement.contentSpans.map(json))),
            ("quotes", .array(statement.quotes.map(json))),
            ("speakerSpan", statement.speakerSpan.map(json)),
            ("cueSpan", statement.cueSpan.map(json)),
            ("sentenceSpan", json(statement.sentenceSpan)),
            ("note", statement.note.map(JSONValue.string)),
            ("confidence", statement.confidence.map(JSONValue.double)),
            ("rule", statement.rule.map(JSONValue.string)),
        ])
    }

    private static func json(_ provenance: Provenance) -> JSONValue {
        object([
            ("extracted", .bool(provenance.extracted)),
            ("extractor", .string(provenance.extractor)),
            ("sourceFile", provenance.sourceFile.map(JSONValue.string)),
        ])
    }

    private static func json(_ time: TimeReference) -> JSONValue {
        object([
            ("text", time.text.map(JSONValue.string)),
            ("precision", .string(time.precision.rawValue)),
            ("earliest", time.earliest.map { .string($0.iso) }),
            ("latest", time.latest.map { .string($0.iso) }),
            ("note", time.note.map(JSONValue.string)),
        ])
    }

    private static func json(_ event: Event) -> JSONValue {
        object([
            ("id", .string(event.id)),
            ("kind", .string(event.kind.rawValue)),
            ("name", event.name.map(JSONValue.string)),
            ("summary", .string(event.summary)),
            ("time", json(event.time)),
            ("place", event.place.map(JSONValue.string)),
            ("participants", .array(event.participants.map(json))),
            ("quantities", .array(event.quantities.map(json))),
            ("relations", .array(event.relations.map(json))),
            ("claimedBy", event.claimedBy.map(JSONValue.string)),
            ("coClaimants", event.coClaimants.isEmpty ? nil : .array(event.coClaimants.map(JSONValue.string))),
            ("evidence", .array(event.evidence.map(json))),
            ("note", event.note.map(JSONValue.string)),
        ])
    }

    private static func json(_ participant: Participant) -> JSONValue {
        .object([
            ("actor", .string(participant.actor)),
            ("role", .string(participant.role.rawValue)),
        ])
    }

    private static func json(_ quantity: Quantity) -> JSONValue {
        .object([
            ("value", .double(quantity.value)),
            ("unit", .string(quantity.unit)),
            ("approximate", .bool(quantity.approximate)),
            ("span", json(quantity.span)),
        ])
    }

    private static func json(_ relation: EventRelation) -> JSONValue {
        .object([
            ("kind", .string(relation.kind.rawValue)),
            ("event", .string(relation.event)),
            ("span", json(relation.span)),
        ])
    }

    private static func json(_ span: Span) -> JSONValue {
        .object([
            ("start", .int(span.start)),
            ("end", .int(span.end)),
            ("paragraph", .int(span.paragraph)),
            ("sentence", .int(span.sentence)),
            ("text", .string(span.text)),
        ])
    }

    private static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// An object of the fields that have values; `nil` fields are left out.
    private static func object(_ fields: [(String, JSONValue?)]) -> JSONValue {
        .object(fields.compactMap { key, value in value.map { (key, $0) } })
    }
}
