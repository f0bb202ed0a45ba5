/// Someone or something the article names or refers to: a person, an organisation, a group of
/// people, or a place.
///
/// Aliases list every other name the article uses or a reader would type ("Homan", "border czar",
/// "DHS"). Mentions list every place the text refers to the actor, pronouns resolved.
public struct Actor: Sendable, Codable, Equatable, Identifiable {
    /// What sort of actor this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A named or described individual.
        case person
        /// A government body, company, union, news outlet, programme or similar institution.
        case organization
        /// A collective of people or institutions that the article treats as one party
        /// ("Minnesota officials", "protesters", "two Minnesota school districts").
        case group
        /// A country, state, city or other location.
        case place
    }

    /// A stable identifier such as `tom-homan`.
    public var id: String
    /// The canonical name, e.g. `Tom Homan`.
    public var name: String
    /// Person, organisation, group or place.
    public var kind: Kind
    /// Other names and short forms, including titles used as names ("border czar").
    public var aliases: [String]
    /// Roles and titles the article gives the actor.
    public var roles: [Role]
    /// The political party, only where the article states it (e.g. `Democratic`).
    public var party: String?
    /// A one-line description drawn from the article.
    public var description: String
    /// Every reference to the actor in the text, in text order.
    public var mentions: [Mention]

    /// Creates an actor record.
    public init(
        id: String, name: String, kind: Kind, aliases: [String] = [], roles: [Role] = [],
        party: String? = nil, description: String, mentions: [Mention] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.roles = roles
        self.party = party
        self.description = description
        self.mentions = mentions
    }
}

/// A role or title an actor holds, as the article states it.
public struct Role: Sendable, Codable, Equatable {
    /// The title, e.g. `border czar`, `Governor`, `press secretary`.
    public var title: String
    /// The organisation the role belongs to, by actor id, when the article says.
    public var organization: String?
    /// The place the role belongs to, by actor id, when the article says.
    public var place: String?
    /// Where the article states the role.
    public var span: Span

    /// Creates a role record.
    public init(title: String, organization: String? = nil, place: String? = nil, span: Span) {
        self.title = title
        self.organization = organization
        self.place = place
        self.span = span
    }
}

/// One place where the text refers to an actor.
public struct Mention: Sendable, Codable, Equatable, Identifiable {
    /// How the text refers to the actor.
    public enum Form: String, Sendable, Codable, CaseIterable {
        /// The actor's name or part of it ("Tom Homan", "Homan", "DHS").
        case name
        /// A title or description standing for the actor ("border czar", "the department").
        case description
        /// A pronoun or possessive ("he", "his", "its", "we").
        case pronoun
    }

    /// A stable identifier such as `m12`, unique within the model.
    public var id: String
    /// The words that refer to the actor.
    public var span: Span
    /// Name, description or pronoun.
    public var form: Form

    /// Creates a mention record.
    public init(id: String, span: Span, form: Form) {
        self.id = id
        self.span = span
        self.form = form
    }
}
