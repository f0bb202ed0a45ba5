/// One attribution of speech or writing: who said what, how, where, when and to whom.
///
/// Content rules (also in `docs/model-format.md`):
/// - `direct`: words inside quotation marks presented as the speaker's own. `content` is the text
///   between the marks, without the marks and without a trailing comma that joins the quotation
///   to its attribution. Each quotation-marked passage is its own statement, even when two
///   passages by one speaker stand in one sentence or in consecutive sentences; a passage that
///   an attribution interrupts ("A widespread pullout, Homan said, will occur…") is one statement
///   with two content spans.
/// - `partial`: reported speech that contains a quoted fragment. `content` is the whole reported
///   clause, quotation marks included; `quotes` holds the spans of the quoted words themselves.
/// - `reported`: paraphrase without quotation marks; `content` is the reported clause.
/// `content` always equals the texts of `contentSpans` joined by one space.
public struct Statement: Sendable, Codable, Equatable, Identifiable {
    /// How close the content is to the speaker's own words.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The speaker's words, inside quotation marks.
        case direct
        /// Reported speech that quotes a fragment of the speaker's words.
        case partial
        /// Paraphrase.
        case reported
    }

    /// A stable identifier such as `s7`.
    public var id: String
    /// The actor who said or wrote it, by id.
    public var speaker: String
    /// Actors who said it together with the speaker ("Walz and Frey … said"), by id.
    public var coSpeakers: [String]
    /// What was said, verbatim from the article.
    public var content: String
    /// Direct, partial or reported.
    public var kind: Kind
    /// The attributing verb as the article has it: `said`, `told`, `posted`, `argues`…
    public var cue: String
    /// The medium or venue the article names: `news conference`, `NBC News`, `social media`…
    public var venue: String?
    /// The actor addressed, by id, where the article names one.
    public var addressee: String?
    /// When it was said, as stated.
    public var time: TimeReference
    /// Actors the statement is about, by id.
    public var aboutActors: [String]
    /// Events the statement is about, by id.
    public var aboutEvents: [String]
    /// The event at which it was said (a news conference, an interview, a post), by id.
    public var occasion: String?
    /// The spans whose texts, joined by one space, make `content`.
    public var contentSpans: [Span]
    /// For `partial` statements, the quoted fragments inside the content.
    public var quotes: [Span]
    /// The words naming the speaker in the attribution ("border czar Tom Homan", "he").
    public var speakerSpan: Span?
    /// The cue verb in the text.
    public var cueSpan: Span?
    /// The whole sentence (or sentences) that make the attribution.
    public var sentenceSpan: Span
    /// A reviewer's note on how the record was read from the text.
    public var note: String?
    /// How sure the extractor is of the attribution, from 0 (a guess) to 1 (certain); `nil` for
    /// a hand-made statement. Format 2.
    public var confidence: Double?
    /// The name of the extraction rule (sieve) that attributed the statement, e.g.
    /// `quote-cue-name`; `nil` for a hand-made statement. Format 2.
    public var rule: String?

    /// Creates a statement record.
    public init(
        id: String, speaker: String, coSpeakers: [String] = [], content: String, kind: Kind,
        cue: String, venue: String? = nil, addressee: String? = nil, time: TimeReference = .unknown,
        aboutActors: [String] = [], aboutEvents: [String] = [], occasion: String? = nil,
        contentSpans: [Span], quotes: [Span] = [], speakerSpan: Span? = nil, cueSpan: Span? = nil,
        sentenceSpan: Span, note: String? = nil, confidence: Double? = nil, rule: String? = nil
    ) {
        self.id = id
        self.speaker = speaker
        self.coSpeakers = coSpeakers
        self.content = content
        self.kind = kind
        self.cue = cue
        self.venue = venue
        self.addressee = addressee
        self.time = time
        self.aboutActors = aboutActors
        self.aboutEvents = aboutEvents
        self.occasion = occasion
        self.contentSpans = contentSpans
        self.quotes = quotes
        self.speakerSpan = speakerSpan
        self.cueSpan = cueSpan
        self.sentenceSpan = sentenceSpan
        self.note = note
        self.confidence = confidence
        self.rule = rule
    }

    /// Every actor credited with the statement: the speaker, then any co-speakers.
    public var speakers: [String] { [speaker] + coSpeakers }

    /// The content as the joined texts of `contentSpans`, the form `content` must take.
    public static func joinedContent(_ spans: [Span]) -> String {
        spans.map(\.text).joined(separator: " ")
    }
}
