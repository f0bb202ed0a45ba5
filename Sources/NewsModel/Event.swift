/// Something that happened, is happening or was done, as the article reports it.
///
/// Times are what the article states (``TimeReference``); quantities keep the article's words
/// and hedges ("about", "roughly"); `relations` hold only orderings the article states.
public struct Event: Sendable, Codable, Equatable, Identifiable {
    /// What sort of event this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case withdrawal, deployment, operation, shooting, takeover, agreement
        case newsConference, interview, post, statement, lawsuit, protest, policyChange
        case order, noResponse, omission, cooperation, arrest
    }

    /// A stable identifier such as `e-drawdown`.
    public var id: String
    /// The kind of event.
    public var kind: Kind
    /// The name the article gives it, if any ("Operation Metro Surge").
    public var name: String?
    /// A one-line summary.
    public var summary: String
    /// When, as stated.
    public var time: TimeReference
    /// Where, by actor id of a place, when the article says.
    public var place: String?
    /// Who took part and how.
    public var participants: [Participant]
    /// Amounts the article gives.
    public var quantities: [Quantity]
    /// Orderings and links to other events that the article states.
    public var relations: [EventRelation]
    /// The actor on whose word alone the event rests, when the article reports it as a claim
    /// ("Trump told NBC News that he ordered the reduction"), by id.
    public var claimedBy: String?
    /// The passages that report the event.
    public var evidence: [Span]
    /// A reviewer's note on how the record was read from the text.
    public var note: String?

    /// Creates an event record.
    public init(
        id: String, kind: Kind, name: String? = nil, summary: String, time: TimeReference = .unknown,
        place: String? = nil, participants: [Participant] = [], quantities: [Quantity] = [],
        relations: [EventRelation] = [], claimedBy: String? = nil, evidence: [Span], note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.summary = summary
        self.time = time
        self.place = place
        self.participants = participants
        self.quantities = quantities
        self.relations = relations
        self.claimedBy = claimedBy
        self.evidence = evidence
        self.note = note
    }
}

/// An actor's part in an event.
public struct Participant: Sendable, Codable, Equatable {
    /// The part an actor plays.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case agent, subject, victim, plaintiff, defendant, announcer, speaker, interviewer
        case addressee, target, orderedBy, location, court, respondent, beneficiary, host
    }

    /// The actor, by id.
    public var actor: String
    /// How the actor takes part.
    public var role: Role

    /// Creates a participant record.
    public init(actor: String, role: Role) {
        self.actor = actor
        self.role = role
    }
}

/// An amount the article gives, with its hedge.
public struct Quantity: Sendable, Codable, Equatable {
    /// The number, e.g. 700 or 0.25 for "a quarter".
    public var value: Double
    /// What is counted or measured ("federal officers", "of the officers deployed").
    public var unit: String
    /// Whether the article hedges the number ("about", "roughly").
    public var approximate: Bool
    /// The article's words for the amount.
    public var span: Span

    /// Creates a quantity record.
    public init(value: Double, unit: String, approximate: Bool, span: Span) {
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.span = span
    }
}

/// A link from one event to another that the article states.
public struct EventRelation: Sendable, Codable, Equatable {
    /// How the events relate.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// This event happened after the other.
        case after
        /// This event happened before the other.
        case before
        /// This event happened while the other was going on.
        case during
        /// This event is part of the other.
        case partOf
        /// This event was made possible or caused by the other, as the article says.
        case causedBy
    }

    /// How this event relates to the other.
    public var kind: Kind
    /// The other event, by id.
    public var event: String
    /// The words that state the relation.
    public var span: Span

    /// Creates a relation record.
    public init(kind: Kind, event: String, span: Span) {
        self.kind = kind
        self.event = event
        self.span = span
    }
}
