import NewsModel

/// The hand-written form of the bundled model: records that quote their text with
/// ``TextQuote`` selectors. ``BundledModel`` anchors them into the value types.

/// An actor as written in the annotations.
struct ActorDraft: Sendable {
    var id: String
    var name: String
    var kind: Actor.Kind
    var aliases: [String] = []
    var roles: [RoleDraft] = []
    var party: String? = nil
    var description: String
    var mentions: [MentionDraft] = []
}

/// A role as written in the annotations.
struct RoleDraft: Sendable {
    var title: String
    var organization: String? = nil
    var place: String? = nil
    var at: TextQuote
}

/// A mention as written in the annotations.
struct MentionDraft: Sendable {
    var quote: TextQuote
    var form: Mention.Form

    /// The actor's name or part of it.
    static func name(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) -> MentionDraft {
        MentionDraft(quote: q(paragraph, exact, occurrence), form: .name)
    }

    /// A description or title standing for the actor.
    static func description(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) -> MentionDraft {
        MentionDraft(quote: q(paragraph, exact, occurrence), form: .description)
    }

    /// A pronoun or possessive resolved to the actor.
    static func pronoun(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) -> MentionDraft {
        MentionDraft(quote: q(paragraph, exact, occurrence), form: .pronoun)
    }
}

/// When, as written in the annotations: the article's words, resolved by ``TimeResolver``.
enum TimeDraft: Sendable {
    /// The article states no time.
    case unknown
    /// Words that ``TimeResolver`` resolves ("Wednesday", "late January").
    case stated(String)
    /// Words that do not resolve by rule, with the interval and a note written out.
    case custom(TimeReference)
}

/// A statement as written in the annotations.
struct StatementDraft: Sendable {
    var id: String
    var speaker: String
    var coSpeakers: [String] = []
    var kind: Statement.Kind
    /// The quotation-free content pieces; their texts joined by one space are the content.
    var content: [TextQuote]
    /// For partial statements, the quoted fragments.
    var quotes: [TextQuote] = []
    var cue: TextQuote
    var speakerAt: TextQuote? = nil
    var venue: String? = nil
    var addressee: String? = nil
    var time: TimeDraft = .unknown
    var aboutActors: [String] = []
    var aboutEvents: [String] = []
    var occasion: String? = nil
    var note: String? = nil
}

/// An event as written in the annotations.
struct EventDraft: Sendable {
    var id: String
    var kind: Event.Kind
    var name: String? = nil
    var summary: String
    var time: TimeDraft = .unknown
    var place: String? = nil
    var participants: [Participant] = []
    var quantities: [QuantityDraft] = []
    var relations: [RelationDraft] = []
    var claimedBy: String? = nil
    var coClaimants: [String] = []
    var evidence: [TextQuote]
    var note: String? = nil
}

/// A quantity as written in the annotations.
struct QuantityDraft: Sendable {
    var value: Double
    var unit: String
    var approximate: Bool
    var at: TextQuote
}

/// An event relation as written in the annotations.
struct RelationDraft: Sendable {
    var kind: EventRelation.Kind
    var event: String
    var at: TextQuote
}

/// Shorthand for a participant.
func role(_ actor: String, _ role: Participant.Role) -> Participant {
    Participant(actor: actor, role: role)
}
