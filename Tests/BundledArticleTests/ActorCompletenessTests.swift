import Testing
import NewsModel
@testable import BundledArticle

/// The bundled actors, checked on their own: they anchor and validate in a model that holds only
/// actors (so these tests do not depend on the statements and events), every named person and
/// organisation is present, every occurrence of every name and alias is a mention of the right
/// actor, and every personal pronoun is resolved.
@Suite("Bundled actors are complete")
struct ActorCompletenessTests {
    /// The actors anchored into a model without statements or events.
    struct ActorsOnly {
        let article: Article
        let text: ScalarText
        let anchorer: Anchorer
        let model: ArticleModel
        let failures: [String]

        init() throws {
            article = try BundledModel.article()
            text = ScalarText(article.text)
            anchorer = Anchorer(article: article)
            var failures: [String] = []
            let anchorer = self.anchorer
            func span(_ quote: TextQuote, _ owner: String) -> Span? {
                do {
                    return try anchorer.span(quote)
                } catch {
                    failures.append("\(owner): \(error)")
                    return nil
                }
            }
            var actors: [Actor] = []
            for draft in BundledActors.all {
                let owner = "actor \(draft.id)"
                let roles = draft.roles.compactMap { role in
                    span(role.at, owner).map {
                        Role(title: role.title, organization: role.organization, place: role.place, span: $0)
                    }
                }
                let mentions = draft.mentions.compactMap { mention in
                    span(mention.quote, owner).map { Mention(id: "", span: $0, form: mention.form) }
                }
                actors.append(Actor(
                    id: draft.id, name: draft.name, kind: draft.kind, aliases: draft.aliases, roles: roles,
                    party: draft.party, description: draft.description,
                    mentions: mentions.sorted { $0.span < $1.span }))
            }
            var number = 0
            for a in actors.indices {
                for m in actors[a].mentions.indices {
                    number += 1
                    actors[a].mentions[m].id = "m\(number)"
                }
            }
            model = ArticleModel(article: article, actors: actors, statements: [], events: [])
            self.failures = failures
        }

        /// Every whole-word occurrence of `words` in the article, as scalar ranges.
        func occurrences(_ words: String) -> [Range<Int>] {
            let length = words.unicodeScalars.count
            return text.occurrences(of: words, in: 0..<text.count).map { $0..<($0 + length) }
        }

        /// The span a selector picks out (the test fails if it does not anchor).
        func span(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) throws -> Span {
            try anchorer.span(TextQuote(paragraph: paragraph, exact: exact, occurrence: occurrence))
        }

        /// The ids of the actors with a mention of exactly this span.
        func actors(mentionedAt span: Span) -> [String] {
            model.actors.filter { $0.mentions.contains { $0.span == span } }.map(\.id)
        }

        /// The ids of the actors with a mention of exactly these words.
        func resolve(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) throws -> [String] {
            actors(mentionedAt: try span(paragraph, exact, occurrence))
        }

        /// The form of the mention of `actor` at these words, if any.
        func form(of actor: String, _ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) throws -> Mention.Form? {
            let span = try span(paragraph, exact, occurrence)
            return model.actor(actor)?.mentions.first { $0.span == span }?.form
        }
    }

    let fixture: ActorsOnly

    init() throws {
        fixture = try ActorsOnly()
    }

    // MARK: - Anchoring and validation

    @Test func everyActorSelectorAnchors() {
        #expect(fixture.failures == [])
    }

    @Test func actorsAloneValidate() {
        let issues = ModelValidator().validate(fixture.model).map(\.description)
        #expect(issues == [])
    }

    /// The full build may still fail for statements or events under construction; no problem it
    /// reports may concern the actors.
    @Test func fullBuildHasNoActorProblems() {
        do {
            let model = try BundledModel.build()
            #expect(model.actors.map(\.id) == BundledActors.all.map(\.id))
            #expect(Self.withoutMentionIDs(model.actors) == Self.withoutMentionIDs(fixture.model.actors))
        } catch let failure as BundledModel.Failure {
            let actorProblems = failure.problems.filter { $0.hasPrefix("actor ") || $0.hasPrefix("$.actors") }
            #expect(actorProblems == [])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    static func withoutMentionIDs(_ actors: [Actor]) -> [Actor] {
        actors.map { actor in
            var actor = actor
            for m in actor.mentions.indices { actor.mentions[m].id = "" }
            return actor
        }
    }

    // MARK: - The actor list

    /// Every actor, with the kind and canonical name other annotations rely on.
    static let expected: [(id: String, kind: Actor.Kind, name: String)] = [
        ("tom-homan", .person, "Tom Homan"),
        ("donald-trump", .person, "Donald Trump"),
        ("renee-good", .person, "Renee Good"),
        ("alex-pretti", .person, "Alex Pretti"),
        ("tim-walz", .person, "Tim Walz"),
        ("jacob-frey", .person, "Jacob Frey"),
        ("jd-vance", .person, "JD Vance"),
        ("megyn-kelly", .person, "Megyn Kelly"),
        ("karoline-leavitt", .person, "Karoline Leavitt"),
        ("tricia-mclaughlin", .person, "Tricia McLaughlin"),
        ("trump-administration", .organization, "Trump administration"),
        ("dhs", .organization, "Department of Homeland Security"),
        ("ice", .organization, "Immigration and Customs Enforcement"),
        ("border-patrol", .organization, "Border Patrol"),
        ("white-house", .organization, "White House"),
        ("nbc-news", .organization, "NBC News"),
        ("megyn-kelly-show", .organization, "The Megyn Kelly Show"),
        ("hennepin-sheriff", .organization, "Hennepin County Sheriff’s Office"),
        ("ramsey-sheriff", .organization, "Ramsey County Sheriff’s Office"),
        ("teachers-union", .organization, "teachers union"),
        ("court", .organization, "court"),
        ("federal-officers", .group, "federal immigration officers"),
        ("federal-authorities", .group, "federal authorities"),
        ("minnesota-officials", .group, "Minnesota state and local officials"),
        ("school-districts", .group, "two Minnesota school districts"),
        ("protesters", .group, "protesters"),
        ("residents", .group, "residents"),
        ("county-jails", .group, "two county jails serving Minneapolis and St. Paul"),
        ("county-sheriffs", .group, "county sheriffs"),
        ("state-prisons", .group, "Minnesota state prisons"),
        ("sanctuary-jurisdictions", .group, "sanctuary jurisdictions"),
        ("immigrants", .group, "immigrants subject to arrest and deportation"),
        ("students", .group, "students and children"),
        ("minnesota", .place, "Minnesota"),
        ("minneapolis", .place, "Minneapolis"),
        ("st-paul", .place, "St. Paul"),
        ("united-states", .place, "United States"),
    ]

    @Test func exactlyTheAgreedActors() {
        let actors = fixture.model.actors
        #expect(actors.count == Self.expected.count)
        #expect(Set(actors.map(\.id)) == Set(Self.expected.map(\.id)))
        #expect(Set(actors.map(\.id)).count == actors.count, "actor ids are unique")
        for (id, kind, name) in Self.expected {
            let actor = fixture.model.actor(id)
            #expect(actor?.kind == kind, "\(id)")
            #expect(actor?.name == name, "\(id)")
        }
        let byKind = Dictionary(grouping: actors, by: \.kind).mapValues(\.count)
        #expect(byKind == [.person: 10, .organization: 11, .group: 12, .place: 4])
    }

    /// Every person and organisation the article names, found by the words the article uses.
    @Test(arguments: [
        ("Tom Homan", "tom-homan", Actor.Kind.person),
        ("Donald Trump", "donald-trump", .person),
        ("Renee Good", "renee-good", .person),
        ("Alex Pretti", "alex-pretti", .person),
        ("Tim Walz", "tim-walz", .person),
        ("Jacob Frey", "jacob-frey", .person),
        ("JD Vance", "jd-vance", .person),
        ("Megyn Kelly", "megyn-kelly", .person),
        ("Karoline Leavitt", "karoline-leavitt", .person),
        ("Tricia McLaughlin", "tricia-mclaughlin", .person),
        ("Trump administration", "trump-administration", .organization),
        ("Department of Homeland Security", "dhs", .organization),
        ("DHS", "dhs", .organization),
        ("Homeland Security", "dhs", .organization),
        ("Immigration and Customs Enforcement", "ice", .organization),
        ("ICE", "ice", .organization),
        ("Border Patrol", "border-patrol", .organization),
        ("White House", "white-house", .organization),
        ("NBC News", "nbc-news", .organization),
        ("The Megyn Kelly Show", "megyn-kelly-show", .organization),
        ("Hennepin County Sheriff’s Office", "hennepin-sheriff", .organization),
        ("Ramsey County Sheriff’s Office", "ramsey-sheriff", .organization),
        ("a teachers union", "teachers-union", .organization),
        ("court", "court", .organization),
        ("Two Minnesota school districts", "school-districts", .group),
        ("sanctuary jurisdictions", "sanctuary-jurisdictions", .group),
        ("Minnesota", "minnesota", .place),
        ("Minneapolis", "minneapolis", .place),
        ("St. Paul", "st-paul", .place),
        ("U.S.", "united-states", .place),
    ])
    func namedInTheText(words: String, id: String, kind: Actor.Kind) throws {
        let hits = fixture.occurrences(words)
        #expect(!hits.isEmpty, "\"\(words)\" is in the article")
        let actor = try #require(fixture.model.actor(id))
        #expect(actor.kind == kind)
        #expect(actor.name == words || actor.aliases.contains(words) || actor.mentions.contains { $0.span.text == words })
        for hit in hits {
            // The words are a mention or part of one ("Homeland Security" in "Department of
            // Homeland Security").
            #expect(actor.mentions.contains { $0.span.start <= hit.lowerBound && hit.upperBound <= $0.span.end },
                    "\"\(words)\" at \(hit) is a mention of \(id)")
        }
    }

    // MARK: - Coverage of names and aliases

    /// Words that are also part of a longer name of another actor: an occurrence inside a mention
    /// of that actor is that actor's name, not a mention of this one.
    static let partOfAnotherName: [String: Set<String>] = [
        // "The Trump administration" names the administration, not Trump himself.
        "Trump": ["trump-administration"],
    ]

    /// Whether an occurrence of one of `actor`'s names is accounted for: it lies inside a mention
    /// or a role of the actor, or holds a mention of it (a title and name: "Gov. Tim Walz").
    func covered(_ hit: Range<Int>, by actor: Actor, words: String) -> Bool {
        let spans = actor.mentions.map(\.span) + actor.roles.map(\.span)
        if spans.contains(where: { $0.start <= hit.lowerBound && hit.upperBound <= $0.end }) { return true }
        if actor.mentions.contains(where: { hit.lowerBound <= $0.span.start && $0.span.end <= hit.upperBound }) {
            return true
        }
        let others = Self.partOfAnotherName[words] ?? []
        return fixture.model.actors.contains { other in
            others.contains(other.id)
                && other.mentions.contains { $0.span.start <= hit.lowerBound && hit.upperBound <= $0.span.end }
        }
    }

    @Test func everyOccurrenceOfANameOrAliasIsAMention() {
        var checked = 0
        for actor in fixture.model.actors {
            for words in [actor.name] + actor.aliases {
                for hit in fixture.occurrences(words) {
                    checked += 1
                    let isCovered = covered(hit, by: actor, words: words)
                    #expect(isCovered,
                            "\"\(words)\" at \(hit) (¶\(fixture.article.paragraph(containing: hit.lowerBound)?.number ?? 0)) is not a mention of \(actor.id)")
                }
            }
        }
        #expect(checked > 100)
    }

    /// The counts pin the text, so that a changed article cannot silently empty the coverage check.
    @Test(arguments: [
        ("Homan", "tom-homan", 9),
        ("Trump", "donald-trump", 6),
        ("ICE", "ice", 5),
        ("Minnesota", "minnesota", 13),
        ("Minneapolis", "minneapolis", 5),
        ("St. Paul", "st-paul", 2),
        ("officers", "federal-officers", 11),
        ("agents", "federal-officers", 2),
        ("Homeland Security", "dhs", 2),
        ("administration", "trump-administration", 6),
        ("border czar", "tom-homan", 2),
        ("Vance", "jd-vance", 2),
        ("Walz", "tim-walz", 2),
        ("Good", "renee-good", 2),
        ("Pretti", "alex-pretti", 2),
        ("children", "students", 2),
        ("local officials", "minnesota-officials", 3),
        ("federal authorities", "federal-authorities", 2),
    ])
    func countedNames(words: String, id: String, count: Int) throws {
        let actor = try #require(fixture.model.actor(id))
        let hits = fixture.occurrences(words)
        #expect(hits.count == count)
        for hit in hits {
            let isCovered = covered(hit, by: actor, words: words)
            #expect(isCovered, "\"\(words)\" at \(hit) is not a mention of \(id)")
        }
    }

    @Test func trumpIsEitherTheManOrTheAdministration() throws {
        let trump = try #require(fixture.model.actor("donald-trump"))
        let administration = try #require(fixture.model.actor("trump-administration"))
        var ofTheMan = 0
        for hit in fixture.occurrences("Trump") {
            let inMan = trump.mentions.contains { $0.span.start <= hit.lowerBound && hit.upperBound <= $0.span.end }
            let inAdministration = administration.mentions.contains {
                $0.span.start <= hit.lowerBound && hit.upperBound <= $0.span.end
            }
            #expect(inMan != inAdministration, "\"Trump\" at \(hit) is exactly one of the two")
            if inMan { ofTheMan += 1 }
        }
        #expect(ofTheMan == 3)  // ¶3 "Donald Trump", ¶7 "Trump told", ¶12 "Trump’s border czar"
    }

    // MARK: - Descriptions and nested references

    @Test func descriptionsResolve() throws {
        #expect(try fixture.resolve(1, "border czar") == ["tom-homan"])
        #expect(try fixture.resolve(12, "Trump’s border czar") == ["tom-homan"])
        #expect(try fixture.resolve(12, "Trump") == ["donald-trump"])
        #expect(try fixture.resolve(20, "Border czar") == ["tom-homan"])
        #expect(try fixture.resolve(23, "the president") == ["donald-trump"])
        #expect(try fixture.resolve(3, "the administration") == ["trump-administration"])
        #expect(try fixture.resolve(16, "the department") == ["dhs"])
        #expect(try fixture.resolve(28, "Homeland Security") == ["dhs"])
        #expect(try fixture.resolve(4, "the state") == ["minnesota"])
        #expect(try fixture.resolve(13, "the country") == ["united-states"])
        #expect(try fixture.resolve(10, "Megyn Kelly") == ["megyn-kelly"])
        #expect(try fixture.resolve(10, "The Megyn Kelly Show") == ["megyn-kelly-show"])
        #expect(try fixture.resolve(25, "Schools") == ["school-districts"])
        #expect(try fixture.resolve(25, "court") == ["court"])
        #expect(try fixture.resolve(13, "federal officials") == ["federal-authorities"])
        #expect(try fixture.resolve(17, "immigration authorities") == ["federal-authorities"])
        #expect(try fixture.resolve(17, "Minnesota officials") == ["minnesota-officials"])
        #expect(try fixture.resolve(17, "Minnesota") == ["minnesota"])
        #expect(try fixture.resolve(9, "forces") == ["federal-officers"])
        #expect(try fixture.resolve(10, "those carrying out arrests") == ["federal-officers"])
        #expect(try fixture.resolve(13, "those inmates") == ["immigrants"])
        #expect(try fixture.resolve(18, "inmates", 1) == [])  // every inmate, not the group
        #expect(try fixture.resolve(28, "children", 2) == ["students"])
        // Titles before names are roles; the name is the mention.
        #expect(try fixture.resolve(15, "Karoline Leavitt") == ["karoline-leavitt"])
        #expect(try fixture.resolve(15, "White House") == ["white-house"])
        #expect(try fixture.form(of: "karoline-leavitt", 15, "Karoline Leavitt") == .name)
        #expect(try fixture.form(of: "tom-homan", 1, "border czar") == .description)
        #expect(try fixture.form(of: "dhs", 16, "the department") == .description)
    }

    // MARK: - Pronouns

    @Test func pronounsResolve() throws {
        let cases: [(Int, String, Int?, String)] = [
            (1, "its", nil, "trump-administration"),
            (3, "he", nil, "tom-homan"),
            (4, "its", nil, "dhs"),
            (5, "their", nil, "federal-officers"),
            (7, "he", nil, "donald-trump"),
            (7, "we", nil, "trump-administration"),
            (7, "you", nil, "trump-administration"),
            (9, "We", nil, "minnesota"),
            (10, "We", nil, "trump-administration"),
            (13, "He", nil, "tom-homan"),
            (15, "He", nil, "tom-homan"),
            (15, "they", nil, "minnesota-officials"),
            (15, "their", nil, "minnesota-officials"),
            (17, "its", nil, "minnesota"),
            (18, "they", nil, "county-jails"),
            (19, "its", nil, "hennepin-sheriff"),
            (21, "he", nil, "tom-homan"),
            (22, "I", nil, "tom-homan"),
            (22, "he", nil, "tom-homan"),
            (23, "He", nil, "tom-homan"),
            (23, "We", nil, "trump-administration"),
            (24, "You", 1, "protesters"),
            (24, "You", 2, "protesters"),
            (24, "you", nil, "protesters"),
            (24, "your", nil, "protesters"),
            (26, "their", nil, "federal-authorities"),
            (28, "we", nil, "dhs"),
        ]
        for (paragraph, words, occurrence, id) in cases {
            #expect(try fixture.resolve(paragraph, words, occurrence) == [id], "¶\(paragraph) \"\(words)\"")
            #expect(try fixture.form(of: id, paragraph, words, occurrence) == .pronoun, "¶\(paragraph) \"\(words)\"")
        }
    }

    /// Personal and possessive pronouns. Relative pronouns ("who", "which") and "it" (which in
    /// this article refers to events and situations) are not actor mentions.
    static let pronouns = [
        "he", "He", "him", "his", "His", "she", "She", "her", "Her",
        "its", "Its", "they", "They", "them", "their", "Their",
        "we", "We", "us", "our", "Our", "you", "You", "your", "Your", "I",
    ]

    @Test func everyPersonalPronounIsResolvedToExactlyOneActor() {
        var found = 0
        for words in Self.pronouns {
            for hit in fixture.occurrences(words) {
                found += 1
                let owners = fixture.model.actors.filter { actor in
                    actor.mentions.contains { $0.span.start == hit.lowerBound && $0.span.end == hit.upperBound }
                }
                #expect(owners.count == 1, "\"\(words)\" at \(hit) has \(owners.map(\.id))")
                #expect(owners.first?.mentions.first { $0.span.start == hit.lowerBound }?.form == .pronoun)
            }
        }
        #expect(found == 27)
        // Third person singular, checked on its own: he ×4, He ×3, no his/His.
        #expect(fixture.occurrences("he").count + fixture.occurrences("He").count == 7)
        #expect(fixture.occurrences("his").count + fixture.occurrences("His").count == 0)
    }

    @Test func pronounMentionsArePronouns() {
        for actor in fixture.model.actors {
            for mention in actor.mentions where mention.form == .pronoun {
                #expect(Self.pronouns.contains(mention.span.text), "\(actor.id): \"\(mention.span.text)\"")
            }
            for mention in actor.mentions where Self.pronouns.contains(mention.span.text) {
                #expect(mention.form == .pronoun, "\(actor.id): \"\(mention.span.text)\"")
            }
        }
    }

    // MARK: - Aliases, order, roles, party

    @Test func aliasesNameOneActorEach() {
        var owner: [String: String] = [:]
        for actor in fixture.model.actors {
            // Case and apostrophe style are folded: "Trump’s border czar" and "Trump's border czar"
            // are one alias (an actor may list both spellings), and may not name two actors.
            #expect(Set(actor.aliases).count == actor.aliases.count, "\(actor.id) lists an alias twice")
            let own = Set(([actor.name] + actor.aliases).map {
                $0.lowercased().replacingOccurrences(of: "’", with: "'")
            })
            for key in own {
                if let first = owner[key] {
                    Issue.record("\"\(key)\" names both \(first) and \(actor.id)")
                } else {
                    owner[key] = actor.id
                }
            }
            #expect(!actor.aliases.contains(actor.name), "\(actor.id) repeats its name as an alias")
        }
    }

    @Test func actorsAreInOrderOfFirstMention() {
        let firsts = fixture.model.actors.map { $0.mentions.first?.span.start ?? Int.max }
        #expect(!firsts.contains(Int.max), "every actor has a mention")
        #expect(firsts == firsts.sorted())
        #expect(Set(firsts).count == firsts.count, "no two actors are first mentioned at the same place")
        for actor in fixture.model.actors {
            #expect(actor.mentions.map(\.span) == actor.mentions.map(\.span).sorted(), "\(actor.id)")
            #expect(Set(actor.mentions.map(\.span)).count == actor.mentions.count, "\(actor.id) has a duplicate mention")
            #expect(!actor.description.isEmpty, "\(actor.id)")
        }
    }

    @Test func rolesAndParties() throws {
        func role(_ id: String) throws -> Role {
            let actor = try #require(fixture.model.actor(id))
            return try #require(actor.roles.first)
        }
        let homan = try role("tom-homan")
        #expect(homan.title == "border czar" && homan.organization == "trump-administration")
        let trump = try role("donald-trump")
        #expect(trump.title == "President" && trump.place == "united-states" && trump.span.text == "President Donald Trump")
        let walz = try role("tim-walz")
        #expect(walz.title == "Governor" && walz.place == "minnesota" && walz.span.text == "Gov. Tim Walz")
        let frey = try role("jacob-frey")
        #expect(frey.title == "Mayor" && frey.place == "minneapolis")
        let vance = try role("jd-vance")
        #expect(vance.title == "Vice President" && vance.span.text == "Vice President JD Vance")
        let leavitt = try role("karoline-leavitt")
        #expect(leavitt.title == "press secretary" && leavitt.organization == "white-house")
        let mcLaughlin = try role("tricia-mclaughlin")
        #expect(mcLaughlin.title == "spokesperson" && mcLaughlin.organization == "dhs")

        let parties = Dictionary(uniqueKeysWithValues: fixture.model.actors.compactMap { actor in
            actor.party.map { (actor.id, $0) }
        })
        #expect(parties == ["tim-walz": "Democratic", "jacob-frey": "Democratic"])
    }

    @Test func mentionFormsAreCounted() {
        let mentions = fixture.model.actors.flatMap(\.mentions)
        let byForm = Dictionary(grouping: mentions, by: \.form).mapValues(\.count)
        #expect(byForm[.name, default: 0] > 0 && byForm[.description, default: 0] > 0 && byForm[.pronoun] == 27)
    }
}
