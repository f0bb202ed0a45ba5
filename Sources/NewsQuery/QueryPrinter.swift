import NewsModel

/// Prints a parsed query back as text in canonical form, the inverse of ``Parser``.
///
/// Sources use their canonical keywords (`what did Homan say` prints as `quotes by Homan`,
/// `statements` as `quotes`, `organisations` as `organizations`), stages are joined with
/// ` | `, strings use straight quotes with `\"` and `\\` escapes, bare words stay bare where
/// they would parse back the same, and conditions carry parentheses only where the tree needs
/// them. Parsing the printed text gives the same tree, ranges aside.
public enum QueryPrinter {
    /// A statement in canonical form: `let NAME = QUERY`, `explain QUERY` or the query.
    public static func print(_ statement: QueryStatement) -> String {
        switch statement {
        case .bind(let name, let query): return "let \(name.text) = \(print(query))"
        case .explain(let query, _): return "explain \(print(query))"
        case .query(let query): return print(query)
        }
    }

    /// A query in canonical form: its source, then each stage after ` | `.
    public static func print(_ query: Query) -> String {
        switch query {
        case .source(let source, _): return print(source)
        case .stage(let input, let stage, _): return print(input) + " | " + print(stage)
        case .inArticles(let condition, let query, _):
            return "in articles" + (condition.map { " where " + print($0) } ?? "") + " | " + print(query)
        }
    }

    /// A source in canonical form (`quotes by Homan`, `events in January 2026`).
    public static func print(_ source: Source) -> String {
        switch source {
        case .whoSaid(let pattern): return "who said \(text(pattern.text))"
        case .quotes: return "quotes"
        case .quotesBy(let actors): return "quotes by " + actors.map { self.actor($0.text) }.joined(separator: " or ")
        case .quotesAbout(let actor): return "quotes about \(self.actor(actor.text))"
        case .quotesMentioning(let pattern): return "quotes mentioning \(text(pattern.text))"
        case .whoIs(let actor): return "who is \(self.actor(actor.text))"
        case .actors(let kind):
            switch kind {
            case nil: return "actors"
            case .person: return "people"
            case .organization: return "organizations"
            case .group: return "groups"
            case .place: return "places"
            }
        case .events(nil): return "events"
        case .events(let filter?):
            switch filter {
            case .involving(let actor): return "events involving \(self.actor(actor.text))"
            case .on(let date): return "events on \(date.text)"
            case .inPlace(let actor):
                let startsWithMonth = actor.text.split(separator: " ").first.map { Keywords.month(named: String($0)) != nil }
                return "events in " + (startsWithMonth == true ? quote(actor.text) : self.actor(actor.text))
            case .inMonth(let month, let year, _):
                let name = (1...12).contains(month) ? Keywords.monthNames[month - 1] : String(month)
                return "events in \(name)" + (year.map { " \($0)" } ?? "")
            case .inPeriod(let period): return "events in \(period.text)"
            case .between(let first, let last): return "events between \(first.text) and \(last.text)"
            case .before(let date): return "events before \(date.text)"
            case .after(let date): return "events after \(date.text)"
            }
        case .mentions: return "mentions"
        case .mentionsOf(let actor): return "mentions of \(self.actor(actor.text))"
        case .whenDid(let words): return "when did " + words.map(\.text).joined(separator: " ")
        case .howMany(let pattern): return "how many \(text(pattern.text))"
        case .sourceOf(let id, let article): return "source of \(id.text)" + (article.map { " in \($0.text)" } ?? "")
        case .articles: return "articles"
        case .variable(let name): return name.text
        }
    }

    /// A stage in canonical form (`where kind = direct`, `sort by paragraph desc`).
    public static func print(_ stage: Stage) -> String {
        switch stage {
        case .filter(let condition): return "where " + print(condition)
        case .sort(let keys):
            return "sort by " + keys.map { $0.field.text + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .limit(let count, _): return "limit \(count)"
        case .count: return "count"
        case .countBy(let field): return "count by \(field.text)"
        case .show(let fields): return "show " + fields.map(\.text).joined(separator: ", ")
        }
    }

    /// A condition with the parentheses its tree needs: `or` binds loosest, then `and`, then
    /// `not`; both are left-associative, so a right operand of the same operator is bracketed.
    public static func print(_ condition: Condition) -> String {
        switch condition {
        case .or(let left, let right):
            return operand(left, above: 1, right: false) + " or " + operand(right, above: 1, right: true)
        case .and(let left, let right):
            return operand(left, above: 2, right: false) + " and " + operand(right, above: 2, right: true)
        case .not(let inner, _):
            return "not " + operand(inner, above: 3, right: false)
        case .compare(let field, let op, let value):
            return "\(field.text) \(op.rawValue) \(print(value))"
        case .has(let field, let pattern):
            return (field.map { "\($0.text) " } ?? "") + "has " + text(pattern.text)
        case .isNull(let field, let negated, _):
            return "\(field.text) is " + (negated ? "not null" : "null")
        }
    }

    /// A literal value: a bare word when it parses back as one, otherwise quoted.
    public static func print(_ literal: Literal) -> String {
        switch literal {
        case .text(let value, _):
            if isVariable(value) { return value }
            guard isSingleWord(value), !Keywords.conditionFollowers.contains(value.lowercased()),
                !["not", "has", "null", "is"].contains(value.lowercased())
            else { return quote(value) }
            return value
        case .integer(let value, _): return String(value)
        case .decimal(let value, _): return Value.number(value).displayText
        case .date(let value, _): return value.iso
        }
    }

    /// `text` in straight double quotes, with `"` and `\` escaped.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    // MARK: - Helpers

    /// The binding strength of a condition's operator: or 1, and 2, not and primaries 3.
    private static func precedence(_ condition: Condition) -> Int {
        switch condition {
        case .or: return 1
        case .and: return 2
        default: return 3
        }
    }

    /// An operand of an operator of strength `above`, bracketed when it binds more loosely (or
    /// equally, on the right of a left-associative operator).
    private static func operand(_ condition: Condition, above: Int, right: Bool) -> String {
        let inner = precedence(condition)
        let needsParentheses = inner < above || (right && inner == above && above < 3)
        return needsParentheses ? "(" + print(condition) + ")" : print(condition)
    }

    /// Search text: a `$NAME` placeholder bare, anything else quoted.
    private static func text(_ value: String) -> String {
        isVariable(value) ? value : quote(value)
    }

    /// An actor as bare words when they parse back the same, otherwise quoted.
    private static func actor(_ value: String) -> String {
        if isVariable(value) { return value }
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let bare = !words.isEmpty && words.allSatisfy { word in
            isSingleWord(String(word)) && !Keywords.stages.contains(word.lowercased())
                && !["or", "about", "say", "says", "said"].contains(word.lowercased())
        }
        return bare ? value : quote(value)
    }

    /// Whether `value` lexes as exactly one word token.
    private static func isSingleWord(_ value: String) -> Bool {
        let tokens = Lexer.tokenize(value)
        return tokens.count == 2 && tokens[0].kind == .word && tokens[0].lexeme == value
    }

    /// Whether `value` lexes as exactly one `$NAME` token.
    private static func isVariable(_ value: String) -> Bool {
        let tokens = Lexer.tokenize(value)
        return tokens.count == 2 && tokens[0].kind == .variable && tokens[0].lexeme == value
    }
}
