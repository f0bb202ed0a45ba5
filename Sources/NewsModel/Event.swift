/// Something that happened, is happening or was done, as the article reports it.
///
/// Times are what the article states (``TimeReference``); quantities keep the article's words
/// and hedges ("about", "roughly"); `relations` hold only orderings the article states.
public struct Event: Sendable, Codable, Equatable, Identifiable {
    /// What sort of event this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Forces or people pulled out (the 700-officer drawdown).
        case withdrawal
        /// Forces sent or kept somewhere (the ~2,000 who remain).
        case deployment
        /// A named or ongoing campaign (Operation Metro Surge).
        case operation
        /// A shooting, fatal or not.
        case shooting
        /// Someone taking charge of an operation or body.
        case takeover
        /// Parties agreeing to do something (to cooperate).
        case agreement
        /// A news conference.
        case newsConference
        /// An interview given to a news outlet or show.
        case interview
        /// A post on social media.
        case post
        /// A written or spoken statement issued by someone.
        case statement
        /// A lawsuit filed in a court.
        case lawsuit
        /// Protests, resistance or demonstrations.
        case protest
        /// A change of policy or rules.
        case policyChange
        /// An order given (Trump: he ordered the reduction).
        case order
        /// Someone asked for comment who did not respond.
        case noResponse
        /// Something a speaker did not say or provide (no timeline).
        case omission
        /// A standing practice of cooperation between authorities.
        case cooperation
        /// Arrests or detentions.
        case arrest
        /// An event whose kind none of the others names: an extracted clause with a time or a
        /// quantity whose words show no kind. Format 2.
        case other
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
    /// Actors who make the claim together with ``claimedBy`` (the school districts and the
    /// teachers union argue it in one lawsuit), by id.
    public var coClaimants: [String]
    /// The passages that report the event.
    public var evidence: [Span]

    /// Everyone the event rests on the word of: ``claimedBy``, then ``coClaimants``.
    public var claimants: [String] { (claimedBy.map { [$0] } ?? []) + coClaimants }
    /// A reviewer's note on how the record was read from the text.
    public var note: String?

    /// Creates an event record.
    public init(
        id: String, kind: Kind, name: String? = nil, summary: String, time: TimeReference = .unknown,
        place: String? = nil, participants: [Participant] = [], quantities: [Quantity] = [],
        relations: [EventRelation] = [], claimedBy: String? = nil, coClaimants: [String] = [], evidence: [Span],
        note: String? = nil
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
        self.coClaimants = coClaimants
        self.evidence = evidence
        self.note = note
    }
}

/// An actor's part in an event.
public struct Participant: Sendable, Codable, Equatable {
    /// The part an actor plays.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Does or causes the event.
        case agent
        /// Is moved, changed or acted on (the officers withdrawn).
        case subject
        /// Is harmed or killed.
        case victim
        /// Brings a lawsuit.
        case plaintiff
        /// Is sued.
        case defendant
        /// Makes the event public.
        case announcer
        /// Speaks at a news conference, interview, post or statement.
        case speaker
        /// Conducts an interview (a news outlet).
        case interviewer
        /// Is spoken or written to.
        case addressee
        /// Is the object of an operation or protest.
        case target
        /// Ordered the event, by the article's account.
        case orderedBy
        /// Is where the event takes place (an actor that is a place).
        case location
        /// Is the court that hears a lawsuit.
        case court
        /// Was asked to respond or comment.
        case respondent
        /// Gains from the event (receives inmates, cooperation).
        case beneficiary
        /// Hosts an interview or programme (a show).
        case host
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
