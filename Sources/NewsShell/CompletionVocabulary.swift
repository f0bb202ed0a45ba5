import NewsModel
import NewsQuery

/// The table a query's rows come from, for completing field names.
public enum CompletionTable: String, Sendable, CaseIterable {
    /// `quotes`, `quotes by/about`, `what did … say`.
    case statements
    /// `who said`, `quotes mentioning`: statements with a `match` column.
    case statementMatches
    /// `actors`, `people`, `organizations`, `groups`, `places`.
    case actors
    /// `events`, `events involving`, `events in PLACE`.
    case events
    /// `events on/before/after DATE`, `events in MONTH`: events with a `match` column.
    case eventMatches
    /// `mentions of`.
    case mentions
    /// `who is`.
    case profile
    /// `source of`.
    case sources
}

/// Everything ``CompletionEngine`` completes from: names, fields, commands and words.
///
/// A plain value, so the engine is pure and testable; ``init(model:interpreter:metaCommands:)``
/// builds it for a session, and ``variables`` is refreshed as `let` binds names.
public struct CompletionVocabulary: Sendable {
    /// Every way to name an actor, one word or several: canonical names, aliases, and a person's
    /// surname and given name.
    public var actorNames: [String] = []
    /// One short name per actor (a person's surname, else the name), offered before anything
    /// is typed.
    public var preferredActorNames: [String] = []
    /// The names of places, for `events in`.
    public var placeNames: [String] = []
    /// The fields of each table, in column order.
    public var fields: [CompletionTable: [String]] = [:]
    /// Values a field can be compared with (`kind` → `direct`, `partial`…).
    public var fieldValues: [String: [String]] = [:]
    /// The fields that name actors (`speaker`, `about`…): compared values complete as actors.
    public var actorFields: Set<String> = ["speaker", "speakers", "co_speakers", "about", "addressee", "actor", "involves", "place"]
    /// Names bound with `let`, with the columns of their rows.
    public var variables: [String: [String]] = [:]
    /// Meta-command names with their colon (`:run`), aliases included.
    public var metaCommands: [String] = []
    /// The meta-commands whose argument is a file path.
    public var fileCommands: Set<String> = [":run", ":load", ":open", ":export"]
    /// Other meta-commands' argument values (`:format` → `table`, `json`…).
    public var metaArguments: [String: [String]] = [:]
    /// The article's words, for patterns in quotes.
    public var articleWords: [String] = []
    /// Record ids (statements, events, actors), for `source of`.
    public var recordIDs: [String] = []

    /// An empty vocabulary.
    public init() {}

    /// The vocabulary of a model: its actors, words and ids, with the fields read from
    /// `interpreter`'s tables (by running each source with `limit 0`).
    ///
    /// - Parameter metaCommands: The meta-command names, colon included.
    public init(model: ArticleModel, interpreter: Interpreter?, metaCommands: [String]) {
        var names: [String] = []
        var preferred: [String] = []
        for actor in model.actors {
            names.append(actor.name)
            names.append(contentsOf: actor.aliases)
            let words = actor.name.split(separator: " ").map(String.init)
            if actor.kind == .person, words.count > 1 {
                names.append(contentsOf: words)
                preferred.append(words.last!)
            } else {
                preferred.append(actor.name)
            }
            names.append(actor.id)
        }
        actorNames = Self.unique(names)
        preferredActorNames = Self.unique(preferred)
        placeNames = Self.unique(model.actors.filter { $0.kind == .place }.flatMap { [$0.name] + $0.aliases })
        recordIDs = model.statements.map(\.id) + model.events.map(\.id) + model.actors.map(\.id)
        articleWords = Self.words(of: model.article.text)
        fieldValues = [
            "kind": Self.unique(Statement.Kind.allCases.map(\.rawValue) + Actor.Kind.allCases.map(\.rawValue)
                + Event.Kind.allCases.map(\.rawValue)),
            "form": ["name", "description", "pronoun"],
            "match": ["exact", "possible"],
        ]
        self.metaCommands = metaCommands
        metaArguments = [":format": OutputFormat.allCases.map(\.rawValue), ":timing": ["on", "off"]]
        if let interpreter {
            let someActor = model.actors.first?.id ?? "x"
            let someRecord = model.statements.first?.id ?? model.events.first?.id ?? someActor
            let probes: [(CompletionTable, String)] = [
                (.statements, "quotes"), (.statementMatches, #"who said "the""#), (.actors, "actors"),
                (.events, "events"), (.eventMatches, "events after 1900-01-01"),
                (.mentions, "mentions of \(someActor)"), (.profile, "who is \(someActor)"),
                (.sources, "source of \(someRecord)"),
            ]
            for (table, query) in probes {
                if let result = try? interpreter.run(query + " | limit 0") {
                    fields[table] = result.columns.map(\.name)
                }
            }
            refreshVariables(from: interpreter)
        }
    }

    /// Reads the names bound with `let` so far, with their columns.
    public mutating func refreshVariables(from interpreter: Interpreter) {
        variables = interpreter.bindings.mapValues { $0.columns.map(\.name) }
    }

    /// The distinct words of `text` (letters and digits, with inner apostrophes and hyphens, and
    /// `,` or `.` between digits: `2,000`),
    /// lower-cased unless the word is only ever written capitalised, sorted.
    public static func words(of text: String) -> [String] {
        var forms: [String: String] = [:]
        var current = ""
        func flush() {
            var word = Substring(current)
            while let last = word.last, !(last.isLetter || last.isNumber) { word = word.dropLast() }
            while let first = word.first, !(first.isLetter || first.isNumber) { word = word.dropFirst() }
            current = ""
            guard word.count > 1 else { return }
            let key = word.lowercased()
            if !word.first!.isUppercase {
                forms[key] = key
            } else if forms[key] == nil {
                forms[key] = String(word)
            }
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let betweenDigits = (character == "," || character == ".") && index > 0 && index + 1 < characters.count
                && characters[index - 1].isNumber && characters[index + 1].isNumber
            if character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-"
                || betweenDigits
            {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return forms.values.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// `names` without repeats, compared case-insensitively, in their first order.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
