import NewsModel

/// Builds the bundled model — the AP article of 2026-02-04 — from its hand-written annotations
/// (``BundledActors``, ``BundledStatements``, ``BundledEvents``), anchoring every quoted passage
/// to offsets and validating the result.
public enum BundledModel {
    /// Why the annotations do not make a valid model; lists every problem found.
    public struct Failure: Error, CustomStringConvertible {
        /// One line per problem.
        public var problems: [String]

        /// The problems, one per line.
        public var description: String { problems.joined(separator: "\n") }
    }

    /// The identifier of the bundled article.
    public static let articleID = "metro-surge-2026-02-04"

    /// The bundled article's text and structure.
    public static func article() throws -> Article {
        do {
            return try ArticleReader(id: articleID).read(BundledArticleText.raw)
        } catch {
            throw Failure(problems: ["\(BundledArticleText.fileName): \(error)"])
        }
    }

    /// Anchors and validates the annotations; throws every problem at once.
    ///
    /// - Parameter validating: whether to run ``ModelValidator`` over the result (anchoring
    ///   problems are reported either way). ``ArticleModel/bundled`` passes `false`: the test
    ///   suite proves that the validating build succeeds and equals it, and skipping the second
    ///   pass saves about 0.4 ms of every `newsq -c`.
    public static func build(validating: Bool = true) throws -> ArticleModel {
        let article = try article()
        var builder = Builder(article: article)
        let actors = BundledActors.all.map { builder.actor($0) }
        let statements = BundledStatements.all.map { builder.statement($0) }
        let events = BundledEvents.all.map { builder.event($0) }
        var model = ArticleModel(article: article, actors: actors, statements: statements, events: events)
        builder.numberMentions(&model)
        let issues = validating ? ModelValidator().validate(model) : []
        let problems = builder.problems + issues.map(\.description)
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return model
    }

    private struct Builder {
        let article: Article
        let anchorer: Anchorer
        let resolver: TimeResolver
        var problems: [String] = []
        private let placeholder: Span

        init(article: Article) {
            self.article = article
            self.anchorer = Anchorer(article: article)
            self.resolver = TimeResolver(articleDate: article.date)
            self.placeholder = Span(start: 0, end: 0, paragraph: 1, sentence: 1, text: "")
        }

        mutating func span(_ quote: TextQuote, _ owner: String) -> Span {
            do {
                return try anchorer.span(quote)
            } catch {
                problems.append("\(owner): \(error)")
                return placeholder
            }
        }

        mutating func time(_ draft: TimeDraft, _ owner: String) -> TimeReference {
            switch draft {
            case .unknown: return .unknown
            case .custom(let time): return time
            case .stated(let words):
                if let time = resolver.resolve(words) { return time }
                problems.append("\(owner): time \"\(words)\" does not resolve; write it as .custom")
                return .unknown
            }
        }

        mutating func actor(_ draft: ActorDraft) -> Actor {
            let owner = "actor \(draft.id)"
            let roles = draft.roles.map {
                Role(title: $0.title, organization: $0.organization, place: $0.place, span: span($0.at, owner))
            }
            let mentions = draft.mentions.map { Mention(id: "", span: span($0.quote, owner), form: $0.form) }
            return Actor(id: draft.id, name: draft.name, kind: draft.kind, aliases: draft.aliases, roles: roles,
                         party: draft.party, description: draft.description,
                         mentions: mentions.sorted { $0.span < $1.span })
        }

        mutating func statement(_ draft: StatementDraft) -> Statement {
            let owner = "statement \(draft.id)"
            let content = draft.content.map { span($0, owner) }
            let quotes = draft.quotes.map { span($0, owner) }
            let cue = span(draft.cue, owner)
            let speaker = draft.speakerAt.map { span($0, owner) }
            let sentence = anchorer.sentences(covering: content + [cue] + (speaker.map { [$0] } ?? [])) ?? placeholder
            return Statement(
                id: draft.id, speaker: draft.speaker, coSpeakers: draft.coSpeakers,
                content: Statement.joinedContent(content), kind: draft.kind, cue: cue.text, venue: draft.venue,
                addressee: draft.addressee, time: time(draft.time, owner), aboutActors: draft.aboutActors,
                aboutEvents: draft.aboutEvents, occasion: draft.occasion, contentSpans: content, quotes: quotes,
                speakerSpan: speaker, cueSpan: cue, sentenceSpan: sentence, note: draft.note)
        }

        mutating func event(_ draft: EventDraft) -> Event {
            let owner = "event \(draft.id)"
            return Event(
                id: draft.id, kind: draft.kind, name: draft.name, summary: draft.summary,
                time: time(draft.time, owner), place: draft.place, participants: draft.participants,
                quantities: draft.quantities.map {
                    Quantity(value: $0.value, unit: $0.unit, approximate: $0.approximate, span: span($0.at, owner))
                },
                relations: draft.relations.map { EventRelation(kind: $0.kind, event: $0.event, span: span($0.at, owner)) },
                claimedBy: draft.claimedBy, coClaimants: draft.coClaimants, evidence: draft.evidence.map { span($0, owner) }, note: draft.note)
        }

        /// Numbers mentions m1, m2, … in text order across all actors.
        func numberMentions(_ model: inout ArticleModel) {
            for (number, entry) in model.mentionOrder.enumerated() {
                model.actors[entry.actor].mentions[entry.mention].id = "m\(number + 1)"
            }
        }
    }
}

extension ArticleModel {
    /// The AP article of 2026-02-04 on the drawdown of federal immigration officers in Minnesota,
    /// with its hand-checked actors, statements and events. Compiled into the executable.
    ///
    /// The value is ``BundledModel/build(validating:)``'s result compiled as Swift values
    /// (`BundledModelCompiled*.swift`, written by `scripts/generate-bundled-model`), so a start
    /// does no reading, anchoring or sorting. The test suite proves that the compiled value equals
    /// a validating build of the annotations (`BundledModelTests`). Only while the generated files
    /// are stubs is the model built here, without a second validator pass; a failure then is a
    /// defect in the shipped annotations, never in user input, so it stops the program with the
    /// list of problems.
    public static let bundled: ArticleModel = {
        if let compiled = BundledModel.compiled { return compiled }
        do {
            return try BundledModel.build(validating: false)
        } catch {
            preconditionFailure("the bundled model is invalid:\n\(error)")
        }
    }()
}
