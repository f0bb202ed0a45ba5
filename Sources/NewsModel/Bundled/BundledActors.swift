/// The bundled article's actors, written as text-quote annotations.
///
/// Paragraph numbers count every blank-line-separated block, headings included (¶11, ¶20 and ¶25
/// are headings). Each actor lists every place the text refers to it, in text order: its name or
/// part of it (`.name`), a title or description standing for it (`.description`), and every
/// pronoun or possessive resolved to it (`.pronoun`). Titles that precede a name ("Gov.",
/// "White House press secretary") are roles, not separate mentions, except "border czar", which
/// the article also uses on its own to stand for Homan.
///
/// Conventions:
/// - Relative pronouns ("who", "which") and "it" referring to events or situations are not
///   mentions; every personal and possessive pronoun is.
/// - A name used inside another name is a mention only where it refers on its own: "Trump" in
///   "Trump’s border czar" is Donald Trump, but "Trump" in the name "Trump administration" is
///   part of that organisation's name. "Minnesota" and "Minneapolis" used as modifiers
///   ("Minnesota officials", "Minneapolis Mayor") are mentions of the place.
/// - Premodifying descriptors of people ("U.S. citizens Renee Good and Alex Pretti", "both
///   Democrats") are recorded in the description or the party, not as mentions.
///
/// People are in this file; organisations, groups and places are in `BundledActors+Groups.swift`.
enum BundledActors {
    /// Every actor record of the bundled model, in the order of first mention in the text.
    static let all: [ActorDraft] = [
        minneapolis,  // ¶1 dateline "MINNEAPOLIS"
        trumpAdministration,  // ¶1
        federalOfficers,  // ¶1 "immigration officers"
        minnesota,  // ¶1
        tomHoman,  // ¶1 "border czar"
        minnesotaOfficials,  // ¶2
        immigrants,  // ¶2 "arrested immigrants"
        donaldTrump,  // ¶3
        unitedStates,  // ¶3 "U.S."
        reneeGood,  // ¶3
        alexPretti,  // ¶3
        dhs,  // ¶4
        residents,  // ¶5
        protesters,  // ¶6
        nbcNews,  // ¶7
        timWalz,  // ¶8
        jacobFrey,  // ¶8
        jdVance,  // ¶10
        megynKellyShow,  // ¶10
        megynKelly,  // ¶10
        federalAuthorities,  // ¶13 "federal officials"
        countyJails,  // ¶13 "jails"
        ice,  // ¶13
        whiteHouse,  // ¶15
        karolineLeavitt,  // ¶15
        sanctuaryJurisdictions,  // ¶16
        statePrisons,  // ¶17
        countySheriffs,  // ¶17
        stPaul,  // ¶18
        hennepinSheriff,  // ¶19
        ramseySheriff,  // ¶19
        borderPatrol,  // ¶24
        schoolDistricts,  // ¶25 heading "Schools"
        court,  // ¶25 heading
        teachersUnion,  // ¶26
        students,  // ¶26
        triciaMcLaughlin,  // ¶28
    ]

    // MARK: - People

    static let tomHoman = ActorDraft(
        id: "tom-homan", name: "Tom Homan", kind: .person,
        aliases: ["Homan", "border czar", "Trump’s border czar", "Trump's border czar"],
        roles: [RoleDraft(title: "border czar", organization: "trump-administration", at: q(1, "border czar Tom Homan"))],
        description: "Trump’s border czar; took over the Minnesota operation in late January and announced the withdrawal of about 700 federal officers.",
        mentions: [
            .description(1, "border czar"), .name(1, "Tom Homan"),
            .name(2, "Homan"),
            .pronoun(3, "he"),  // "But he did not provide a timeline" — continues Homan's statements in ¶1–2.
            .name(4, "Homan"),
            .name(6, "Homan"),
            .description(12, "Trump’s border czar"),
            .name(13, "Homan"), .pronoun(13, "He"),
            .name(14, "Homan"),
            .pronoun(15, "He"),  // "He didn’t say which jurisdictions" — follows Homan's news conference in ¶14.
            .description(20, "Border czar"),
            .name(21, "Homan"), .pronoun(21, "he"),
            .pronoun(22, "I"), .pronoun(22, "he"),
            .pronoun(23, "He"), .name(23, "Homan"),
            .name(24, "Homan"),
        ])

    static let donaldTrump = ActorDraft(
        id: "donald-trump", name: "Donald Trump", kind: .person,
        aliases: ["Trump", "President Trump", "President Donald Trump", "the president"],
        roles: [RoleDraft(title: "President", place: "united-states", at: q(3, "President Donald Trump"))],
        description: "President; the Minnesota operation is a flashpoint in the debate over his mass deportation efforts. Told NBC News he ordered the reduction.",
        mentions: [
            .name(3, "Donald Trump"),
            .name(7, "Trump"), .pronoun(7, "he"),
            .name(12, "Trump"),  // inside "Trump’s border czar" (Homan)
            .description(23, "the president"),  // "the president’s mission", in Homan's quotation
        ])

    static let reneeGood = ActorDraft(
        id: "renee-good", name: "Renee Good", kind: .person,
        aliases: ["Good", "Renee"],
        description: "U.S. citizen fatally shot in Minneapolis; named in the article with Alex Pretti.",
        mentions: [
            .name(3, "Renee Good"),
            .name(9, "Renee Good"),
        ])

    static let alexPretti = ActorDraft(
        id: "alex-pretti", name: "Alex Pretti", kind: .person,
        aliases: ["Pretti"],
        description: "U.S. citizen fatally shot in Minneapolis; named in the article with Renee Good.",
        mentions: [
            .name(3, "Alex Pretti"),
            .name(9, "Alex Pretti"),
        ])

    static let timWalz = ActorDraft(
        id: "tim-walz", name: "Tim Walz", kind: .person,
        aliases: ["Walz", "Gov. Walz", "Gov. Tim Walz", "Governor Walz", "Governor Tim Walz"],
        roles: [RoleDraft(title: "Governor", place: "minnesota", at: q(8, "Gov. Tim Walz"))],
        party: "Democratic",
        description: "Governor, a Democrat; called the pullback of 700 officers a good first step and posted that the operation should end.",
        mentions: [
            .name(8, "Tim Walz"),
            .name(9, "Walz"),
        ])

    static let jacobFrey = ActorDraft(
        id: "jacob-frey", name: "Jacob Frey", kind: .person,
        aliases: ["Frey", "Mayor Frey", "Mayor Jacob Frey", "Minneapolis Mayor Jacob Frey"],
        roles: [RoleDraft(title: "Mayor", place: "minneapolis", at: q(8, "Minneapolis Mayor Jacob Frey"))],
        party: "Democratic",
        description: "Minneapolis mayor, a Democrat; called the pullback of 700 officers a good first step but said the entire operation should end quickly.",
        mentions: [
            .name(8, "Jacob Frey"),
        ])

    static let jdVance = ActorDraft(
        id: "jd-vance", name: "JD Vance", kind: .person,
        aliases: ["Vance", "J.D. Vance", "Vice President Vance", "Vice President JD Vance"],
        roles: [RoleDraft(title: "Vice President", place: "united-states", at: q(10, "Vice President JD Vance"))],
        description: "Vice President; said on “The Megyn Kelly Show” that the immigration enforcement is not being drawn down.",
        mentions: [
            .name(10, "JD Vance"), .name(10, "Vance", 2),
        ])

    static let megynKelly = ActorDraft(
        id: "megyn-kelly", name: "Megyn Kelly", kind: .person,
        aliases: ["Kelly"],
        description: "Named only in the title of “The Megyn Kelly Show”, on which Vance gave an interview.",
        mentions: [
            .name(10, "Megyn Kelly"),  // inside the show title “The Megyn Kelly Show”
        ])

    static let karolineLeavitt = ActorDraft(
        id: "karoline-leavitt", name: "Karoline Leavitt", kind: .person,
        aliases: ["Leavitt", "press secretary", "White House press secretary"],
        roles: [RoleDraft(title: "press secretary", organization: "white-house",
                          at: q(15, "White House press secretary Karoline Leavitt"))],
        description: "White House press secretary; said in a statement that the administration will monitor local officials to make sure they keep their commitments.",
        mentions: [
            .name(15, "Karoline Leavitt"),
        ])

    static let triciaMcLaughlin = ActorDraft(
        id: "tricia-mclaughlin", name: "Tricia McLaughlin", kind: .person,
        aliases: ["McLaughlin", "Homeland Security spokesperson", "DHS spokesperson"],
        roles: [RoleDraft(title: "spokesperson", organization: "dhs",
                          at: q(28, "Homeland Security spokesperson Tricia McLaughlin"))],
        description: "Homeland Security spokesperson; said ICE is not going to schools to arrest children.",
        mentions: [
            .name(28, "Tricia McLaughlin"),
        ])
}
