import NewsExtraction
import NewsModel
import Testing

@Suite("Actors and mentions")
struct MentionTests {
    static let article = """
        ASHFORD (AP) — Mayor Paula Reyes and Harbor Authority spokeswoman Lena Ortiz toured the Department of \
        Coastal Safety on Monday. The department, known as DCS, inspects the harbor.

        Reyes praised the inspectors. She said the city would pay for new boats.

        Local fishermen say the rules are too strict. They want a meeting with the Harbor Authority.

        The Immigration and Customs Enforcement (ICE) office in Boston did not comment. Tomas Lind of the \
        Riverside Water Company watched from London.
        """

    @Test func namesTitlesAndTypes() throws {
        let model = try #require(extracted(Self.article))
        func kind(_ name: String) -> Actor.Kind? { model.actors.first { $0.name == name }?.kind }
        #expect(kind("Paula Reyes") == .person)
        #expect(kind("Lena Ortiz") == .person)
        #expect(kind("Tomas Lind") == .person)
        #expect(kind("Harbor Authority") == .organization)
        #expect(kind("Department of Coastal Safety") == .organization)
        #expect(kind("Immigration and Customs Enforcement") == .organization)
        #expect(kind("Riverside Water Company") == .organization)
        #expect(kind("Boston") == .place)
        #expect(kind("London") == .place)
        #expect(kind("Ashford") == .place)
        // "fishermen" is not in the group lexicon, but a plural speaker is a group.
        #expect(kind("Local fishermen") == .group)
        // No actor for capitalised words that are not names.
        #expect(!model.actors.contains { ["Monday", "The", "She", "They"].contains($0.name) })
    }

    @Test func rolesAndAliases() throws {
        let model = try #require(extracted(Self.article))
        let reyes = try #require(model.actors.first { $0.name == "Paula Reyes" })
        #expect(reyes.roles.map(\.title) == ["Mayor"])
        #expect(reyes.aliases.contains("Reyes"))
        let ortiz = try #require(model.actors.first { $0.name == "Lena Ortiz" })
        #expect(ortiz.roles.map(\.title) == ["spokeswoman"])
        #expect(ortiz.roles.first?.span.text == "Harbor Authority spokeswoman")
        #expect(ortiz.aliases.contains("spokeswoman"))
        let department = try #require(model.actors.first { $0.name == "Department of Coastal Safety" })
        #expect(department.aliases.contains("DCS"))
        let ice = try #require(model.actors.first { $0.name == "Immigration and Customs Enforcement" })
        #expect(ice.aliases.contains("ICE"))
    }

    @Test func surnamesDescriptionsAndPronouns() throws {
        let model = try #require(extracted(Self.article))
        #expect(actor(mentionedAs: "Reyes", occurrence: 2, in: model)?.name == "Paula Reyes")
        #expect(actor(mentionedAs: "She", in: model)?.name == "Paula Reyes")
        #expect(actor(mentionedAs: "The department", in: model)?.name == "Department of Coastal Safety")
        #expect(actor(mentionedAs: "DCS", in: model)?.name == "Department of Coastal Safety")
        let forms = model.actors.first { $0.name == "Paula Reyes" }?.mentions.map(\.form)
        #expect(forms == [.name, .name, .pronoun])
    }

    @Test func groupsAndTheirPronouns() throws {
        let model = try #require(extracted("""
            Federal officers arrived on Monday. Protesters met them at the bridge.

            The protesters said they would return. Officers said they had orders.
            """))
        let groups = model.actors.filter { $0.kind == .group }.map(\.name)
        #expect(groups == ["Federal officers", "Protesters"])
        #expect(actor(mentionedAs: "protesters", in: model)?.name == "Protesters")
        #expect(actor(mentionedAs: "Officers", in: model)?.name == "Federal officers")
        #expect(model.statements.map { model.actor($0.speaker)?.name } == ["Protesters", "Federal officers"])
    }

    @Test func twoPeopleWithOneSurname() throws {
        let model = try #require(extracted("""
            Bill Clinton spoke first. Clinton said the plan was fair.

            Later Hillary Clinton took the stage. Clinton said she agreed.
            """))
        #expect(model.statements.map { model.actor($0.speaker)?.name } == ["Bill Clinton", "Hillary Clinton"])
    }

    @Test func mentionIdsAreInTextOrder() throws {
        let model = try #require(extracted(Self.article))
        let mentions = model.actors.flatMap(\.mentions).sorted { $0.span < $1.span }
        #expect(mentions.map(\.id) == mentions.indices.map { "m\($0 + 1)" })
        expectValid(model)
    }

    @Test func aTitleBeforeAWordThatIsNoNameIsNoPerson() throws {
        let model = try #require(extracted("Labour will win the General Election in May, Tomas Lind said."))
        #expect(!model.actors.contains { $0.kind == .person && $0.name == "Election" })
        #expect(model.statements.map { model.actor($0.speaker)?.name } == ["Tomas Lind"])
    }
}
