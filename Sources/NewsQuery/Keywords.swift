import NewsModel

/// The reserved words of the query language, for the parser, the printer, and tools such as
/// completion and highlighting in a REPL.
///
/// Keywords are ordinary words (``Token/Kind/word``) compared case-insensitively; these lists
/// hold them in lower case. Only the words that start a statement and the stage keywords are
/// reserved everywhere; the others (`by`, `of`, `said`, `and`, `asc`…) are keywords only where
/// the grammar expects them.
public enum Keywords {
    /// The words that start a statement, in the order suggestions list them.
    public static let commands = [
        "who", "what", "when", "how", "quotes", "statements", "actors", "people", "organizations", "organisations",
        "groups", "places", "events", "mentions", "source", "articles", "let", "explain",
    ]

    /// The words that start a stage. Bare actor words stop before them.
    public static let stages: Set<String> = ["where", "sort", "limit", "count", "show"]

    /// The words `let` cannot bind: the commands and the stage keywords.
    public static let reserved = Set(commands).union(stages)

    /// The words that may follow a complete condition: connectives, sort directions and stages.
    public static let conditionFollowers = stages.union(["and", "or", "asc", "desc"])

    /// The English month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The actor kind an actor-table keyword selects: `people` → person, `organizations` and
    /// `organisations` → organization, `groups` → group, `places` → place; `nil` (every kind)
    /// for `actors` or any other word.
    public static func actorKind(_ keyword: String) -> Actor.Kind? {
        switch keyword.lowercased() {
        case "people": return .person
        case "organizations", "organisations": return .organization
        case "groups": return .group
        case "places": return .place
        default: return nil
        }
    }

    /// The month (1–12) that an English month name or its three-letter abbreviation (`Sept` too)
    /// names, in any case, with or without a final period; `nil` for any other word.
    public static func month(named word: String) -> Int? {
        TimeResolver.month(named: word)
    }
}
