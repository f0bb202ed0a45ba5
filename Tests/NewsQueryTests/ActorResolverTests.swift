import BundledArticle
import NewsModel
import Testing

@testable import NewsQuery

/// The name index on its own: how references are folded and scored (byte-wise folding and
/// lazily computed key words must give the answers the rules in `docs/language.md` promise).
@Suite("ActorResolver")
struct ActorResolverTests {
    static let resolver = ActorResolver(actors: ArticleModel.bundled.actors)

    private func resolved(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            return try Self.resolver.resolve(text).id
        } catch {
            Issue.record("\"\(text)\" did not resolve: \(error.message)", sourceLocation: sourceLocation)
            return nil
        }
    }

    private func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            let actor = try Self.resolver.resolve(text)
            Issue.record("\"\(text)\" resolved to \(actor.id)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func foldingIgnoresCaseSpacesArticleAndPossessive() {
        #expect(ActorResolver.fold("  The Border\tCzar ") == "border czar")
        #expect(ActorResolver.fold("Walz's") == "walz")
        #expect(ActorResolver.fold("Walz’s") == "walz")  // typographic apostrophe
        #expect(ActorResolver.fold("officers'") == "officers")
        #expect(ActorResolver.fold("GOV.\n\nWALZ") == "gov. walz")
        #expect(ActorResolver.fold("Renée") == "renee")  // diacritics go
        #expect(ActorResolver.fold("ÉTAT  Œuvre") == "etat oeuvre")
        #expect(ActorResolver.fold("the") == "the")  // only "the " with a space is an article
        #expect(ActorResolver.fold("'") == "")
        #expect(ActorResolver.fold("") == "")
    }

    @Test func namesIdsAliasesAndSurnamesResolve() {
        #expect(resolved("Tom Homan") == "tom-homan")
        #expect(resolved("tom-homan") == "tom-homan")
        #expect(resolved("the border czar") == "tom-homan")
        #expect(resolved("Homan") == "tom-homan")
        #expect(resolved("Homan’s") == "tom-homan")
        #expect(resolved("Tim\tWalz") == "tim-walz")
        #expect(resolved("WALZ") == "tim-walz")
        #expect(resolved("Renée Good") == "renee-good")
        #expect(resolved("jacob-frey") == "jacob-frey")
        #expect(resolved("Minnesota") == "minnesota")
    }

    @Test func wordsOfANameResolveOnlyWhenNothingMatchesWhole() {
        // Every word of the reference among one actor's key words: a match of score 1.
        #expect(resolved("Jacob") == "jacob-frey")
        // "Homeland" is a word of several actors' names: ambiguous, with the candidates.
        let homeland = failure("Homeland")
        #expect(homeland?.contains("could be Department of Homeland Security (dhs)") == true)
    }

    @Test func unknownNamesGetTheNearestSpelling() {
        #expect(failure("Frye") == "unknown actor \"Frye\" — did you mean Frey (Jacob Frey)?")
        #expect(failure("Wal") == "unknown actor \"Wal\" — did you mean Walz (Tim Walz)?")
        #expect(failure("Qqqqqq") == "unknown actor \"Qqqqqq\" — try 'actors' to list them")
    }
}
