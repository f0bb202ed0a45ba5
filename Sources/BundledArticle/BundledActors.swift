import NewsModel

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
        description: "Governor, a Democrat; with Frey called the pullback of 700 officers a good first step; posted a call for a faster and larger drawdown and an end to “this campaign of retribution”.",
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

    // MARK: - Organisations

    static let trumpAdministration = ActorDraft(
        id: "trump-administration", name: "Trump administration", kind: .organization,
        aliases: ["the Trump administration", "the administration", "administration"],
        description: "The administration running the immigration enforcement operation in Minnesota; has pushed for cooperation from state and local officials.",
        mentions: [
            .name(1, "Trump administration"), .pronoun(1, "its"),  // "its enforcement operation"
            .description(3, "the administration"),
            // Trump's quotation: "we" is Trump speaking for his administration; "you" is impersonal
            // but, in "you still have to be tough", stands for the same side carrying out enforcement.
            .pronoun(7, "we"), .pronoun(7, "you"),
            .pronoun(10, "We"),  // Vance: "We’re not drawing down the immigration enforcement"
            .name(11, "Trump administration"),
            .description(15, "the administration"),
            .name(16, "Trump administration"),
            .description(23, "the administration"),
            .pronoun(23, "We"),  // Homan: "We are not surrendering the president’s mission"
        ])

    static let dhs = ActorDraft(
        id: "dhs", name: "Department of Homeland Security", kind: .organization,
        aliases: ["DHS", "Homeland Security", "the department", "the Department of Homeland Security"],
        description: "Called the Minnesota surge its “largest immigration enforcement operation ever”; its spokesperson is Tricia McLaughlin.",
        mentions: [
            .name(4, "Department of Homeland Security"), .pronoun(4, "its"),  // "called its “ largest … operation ever”"
            .name(15, "DHS"),
            .description(16, "the department"),  // "cooperation with the department"
            .name(28, "Homeland Security"),  // in "Homeland Security spokesperson"
            // McLaughlin, speaking for her department: "ICE is not going to schools … — we are
            // protecting children." ICE is part of the enforcement she speaks for; the speaker's
            // own organisation is the reading the text supports.
            .pronoun(28, "we"),
        ])

    static let ice = ActorDraft(
        id: "ice", name: "Immigration and Customs Enforcement", kind: .organization,
        aliases: ["ICE"],
        description: "Agency to which Homan wants jails to transfer inmates who could be deported; Homan calls the ICE operation in Minnesota a success.",
        mentions: [
            .name(13, "Immigration and Customs Enforcement"), .name(13, "ICE"),
            .name(18, "ICE"),  // "ICE’s standard of full cooperation"
            .name(21, "ICE"),
            .name(24, "ICE"),
            .name(28, "ICE"),
        ])

    static let borderPatrol = ActorDraft(
        id: "border-patrol", name: "Border Patrol", kind: .organization,
        description: "Named by Homan, with ICE, as what protesters are not going to stop.",
        mentions: [
            .name(24, "Border Patrol"),
        ])

    static let whiteHouse = ActorDraft(
        id: "white-house", name: "White House", kind: .organization,
        aliases: ["the White House"],
        description: "Its press secretary, Karoline Leavitt, said the administration will monitor local officials.",
        mentions: [
            .name(15, "White House"),  // in "White House press secretary Karoline Leavitt"
        ])

    static let nbcNews = ActorDraft(
        id: "nbc-news", name: "NBC News", kind: .organization,
        aliases: ["NBC"],
        description: "News outlet Trump told that he ordered the reduction of officers.",
        mentions: [
            .name(7, "NBC News"),
        ])

    static let megynKellyShow = ActorDraft(
        id: "megyn-kelly-show", name: "The Megyn Kelly Show", kind: .organization,
        aliases: ["Megyn Kelly Show"],
        description: "Show on which Vance said in an interview that the immigration enforcement is not being drawn down.",
        mentions: [
            .name(10, "The Megyn Kelly Show"),
        ])

    static let hennepinSheriff = ActorDraft(
        id: "hennepin-sheriff", name: "Hennepin County Sheriff’s Office", kind: .organization,
        aliases: ["Hennepin County Sheriff's Office", "Hennepin County sheriff", "Hennepin sheriff"],
        description: "Serves Minneapolis and several suburbs; said its policies have not changed.",
        mentions: [
            .name(19, "Hennepin County Sheriff’s Office"), .pronoun(19, "its"),  // "its policies"
        ])

    static let ramseySheriff = ActorDraft(
        id: "ramsey-sheriff", name: "Ramsey County Sheriff’s Office", kind: .organization,
        aliases: ["Ramsey County Sheriff's Office", "Ramsey County sheriff", "Ramsey sheriff"],
        description: "In neighboring St. Paul; did not immediately respond to a request for comment.",
        mentions: [
            .name(19, "Ramsey County Sheriff’s Office"),
        ])

    static let teachersUnion = ActorDraft(
        id: "teachers-union", name: "teachers union", kind: .organization,
        aliases: ["a teachers union", "teachers' union", "teachers’ union"],
        description: "Unnamed union that, with two Minnesota school districts, sued to block immigration enforcement at or around schools.",
        mentions: [
            .description(26, "a teachers union"),
        ])

    static let court = ActorDraft(
        id: "court", name: "court", kind: .organization,
        aliases: ["the court"],
        description: "Unnamed court that the schools ask to block immigration operations.",
        mentions: [
            .description(25, "court"),  // heading "Schools ask court to block immigration operations"
        ])

    // MARK: - Groups

    static let federalOfficers = ActorDraft(
        id: "federal-officers", name: "federal immigration officers", kind: .group,
        aliases: ["immigration officers", "federal officers", "federal agents", "officers", "agents", "forces"],
        description: "The officers and agents deployed to Minnesota: about 700 are withdrawn and about 2,000 remain.",
        mentions: [
            .description(1, "immigration officers"),
            .description(2, "federal officers"),
            .description(2, "the total"),  // "a quarter of the total deployed to Minnesota": all the officers deployed
            .description(4, "officers"),  // "About 2,000 officers will remain"
            .description(5, "masked, heavily armed officers"), .pronoun(5, "their"),  // "their aggressive tactics"
            .description(6, "federal agents"),  // "federal agents carrying out arrests"
            .description(8, "officers"),  // "pulling back 700 officers"
            .description(9, "forces"),  // Walz: "drawdown of forces"
            .description(10, "officers"),  // "the officers being sent home"
            // Vance: the officers sent home were there "to protect those carrying out arrests" — the
            // officers who make the arrests, who stay.
            .description(10, "those carrying out arrests"),
            .description(12, "federal officers"),  // "the second fatal shooting by federal officers"
            .description(13, "agents"), .description(13, "officers"),
            // "the need for fewer public safety officers in Minnesota … allowing for the withdrawal of
            // the 700 officers": Homan's term for the officers whose withdrawal it allows.
            .description(14, "public safety officers"), .description(14, "officers", 2),
            .description(23, "federal officers"),
        ])

    static let federalAuthorities = ActorDraft(
        id: "federal-authorities", name: "federal authorities", kind: .group,
        aliases: ["federal officials", "immigration authorities", "federal government"],
        description: "The federal government as a party: the officials who could reduce the number of agents, the authorities to whom jails hand over inmates, and whom the lawsuit seeks to block.",
        mentions: [
            .description(13, "federal officials"),
            .description(17, "immigration authorities"),
            .description(18, "federal authorities"),
            .description(26, "federal authorities"), .pronoun(26, "their"),  // "their actions have disrupted classes"
        ])

    static let minnesotaOfficials = ActorDraft(
        id: "minnesota-officials", name: "Minnesota state and local officials", kind: .group,
        aliases: ["state and local officials", "Minnesota officials", "local officials", "state officials"],
        description: "Agreed over the past week to cooperate by turning over arrested immigrants; say the state prisons and nearly all county sheriffs already cooperate.",
        mentions: [
            .description(2, "state and local officials"),
            .description(13, "state and local officials"),
            .description(15, "local officials"), .pronoun(15, "they"), .pronoun(15, "their"),  // "they keep their commitments"
            .description(17, "Minnesota officials"),
        ])

    static let schoolDistricts = ActorDraft(
        id: "school-districts", name: "two Minnesota school districts", kind: .group,
        aliases: ["school districts", "Minnesota school districts"],
        description: "Two unnamed Minnesota school districts that, with a teachers union, sued to block immigration enforcement at or around schools.",
        mentions: [
            .description(25, "Schools"),  // heading "Schools ask court…": the districts that sue in ¶26
            .description(26, "Two Minnesota school districts"),
        ])

    static let protesters = ActorDraft(
        id: "protesters", name: "protesters", kind: .group,
        description: "Protesters whom Homan says must stop interfering with federal agents; he tells them they are not going to stop ICE or Border Patrol.",
        mentions: [
            .description(6, "protesters"),
            // Homan "said of the ongoing protests": "You’re not going to stop ICE. You’re not going to
            // stop Border Patrol … The only thing you’re doing is irritating your community."
            .pronoun(24, "You", 1), .pronoun(24, "You", 2), .pronoun(24, "you"), .pronoun(24, "your"),
        ])

    static let residents = ActorDraft(
        id: "residents", name: "residents", kind: .group,
        description: "Residents who met the officers with resistance, upset with their aggressive tactics.",
        mentions: [
            .description(5, "residents"),
        ])

    static let countyJails = ActorDraft(
        id: "county-jails", name: "two county jails serving Minneapolis and St. Paul", kind: .group,
        aliases: ["county jails", "two county jails", "jails"],
        description: "The two county jails that serve Minneapolis and St. Paul and take in the most inmates; had not met ICE’s standard of full cooperation.",
        mentions: [
            // "He pushed for jails to alert Immigration and Customs Enforcement": the state prisons
            // and nearly all county sheriffs already cooperate (¶17), so the jails the push is about
            // are these two (¶18).
            .description(13, "jails"),
            .description(18, "the two county jails"), .pronoun(18, "they"),  // "they both hand over inmates"
        ])

    static let countySheriffs = ActorDraft(
        id: "county-sheriffs", name: "county sheriffs", kind: .group,
        aliases: ["sheriffs", "the county sheriffs"],
        description: "Nearly all of them already cooperate with immigration authorities, Minnesota officials say.",
        mentions: [
            .description(17, "the county sheriffs"),
        ])

    static let statePrisons = ActorDraft(
        id: "state-prisons", name: "Minnesota state prisons", kind: .group,
        aliases: ["state prisons", "prisons"],
        description: "Already cooperate with immigration authorities, Minnesota officials say.",
        mentions: [
            .description(17, "state prisons"),  // "its state prisons" ("its" is Minnesota)
        ])

    static let sanctuaryJurisdictions = ActorDraft(
        id: "sanctuary-jurisdictions", name: "sanctuary jurisdictions", kind: .group,
        aliases: ["local governments", "sanctuary jurisdiction"],
        description: "Local governments that limit law enforcement cooperation with DHS; the Trump administration says they hinder the arrest of criminal immigrants.",
        mentions: [
            .description(16, "sanctuary jurisdictions"),
            .description(16, "local governments"),  // "a term applied to local governments that limit …"
        ])

    static let immigrants = ActorDraft(
        id: "immigrants", name: "immigrants subject to arrest and deportation", kind: .group,
        aliases: ["immigrants", "arrested immigrants", "criminal immigrants", "people in the country illegally"],
        description: "The people the operation arrests and seeks to deport: arrested immigrants, inmates who could be deported, people in the country illegally.",
        mentions: [
            .description(2, "arrested immigrants"),
            .description(13, "inmates who could be deported"), .description(13, "those inmates"),
            .description(13, "people in the country illegally"),
            .description(16, "criminal immigrants"),
            // "they both hand over inmates to federal authorities when an arrest warrant is signed":
            // the inmates wanted by immigration authorities. The first "inmates" ("take in the most
            // inmates") is every inmate, not this group.
            .description(18, "inmates", 2),
            // "a list of people wanted for violent crimes who were taken off the streets" by the ICE
            // operation: the immigrants it arrested.
            .description(21, "people wanted for violent crimes"),
        ])

    static let students = ActorDraft(
        id: "students", name: "students and children", kind: .group,
        aliases: ["students", "children"],
        description: "Students the lawsuit says immigration enforcement has endangered; DHS says it is protecting children.",
        mentions: [
            .description(26, "students"),
            .description(28, "children", 1), .description(28, "children", 2),
        ])

    // MARK: - Places

    static let minnesota = ActorDraft(
        id: "minnesota", name: "Minnesota", kind: .place,
        aliases: ["the state"],
        description: "The state where the federal immigration enforcement surge takes place.",
        mentions: [
            .name(1, "Minnesota"),
            .name(2, "Minnesota"),
            .description(4, "the state"), .name(4, "Minnesota"),
            .name(7, "Minnesota"),
            // Walz, the governor, speaking for the state: "We need a faster and larger drawdown of
            // forces, state-led investigations …". (Read as Minnesota rather than Walz alone or the
            // officials' group: the demands are the state's.)
            .pronoun(9, "We"),
            .name(11, "Minnesota"),
            .name(12, "Minnesota"),
            .name(13, "Minnesota"),
            .name(14, "Minnesota"),
            .name(17, "Minnesota"), .pronoun(17, "its"),  // "Minnesota officials say its state prisons"
            .name(20, "Minnesota"),
            .name(21, "Minnesota"),
            .name(23, "Minnesota"),
            .name(26, "Minnesota"),
        ])

    static let minneapolis = ActorDraft(
        id: "minneapolis", name: "Minneapolis", kind: .place,
        description: "The article's dateline; where Renee Good and Alex Pretti were fatally shot; Jacob Frey is its mayor.",
        mentions: [
            .name(1, "MINNEAPOLIS"),  // dateline
            .name(3, "Minneapolis"),
            .name(8, "Minneapolis"),  // "Minneapolis Mayor Jacob Frey"
            .name(10, "Minneapolis"),
            .name(18, "Minneapolis"),
            .name(19, "Minneapolis"),
        ])

    static let stPaul = ActorDraft(
        id: "st-paul", name: "St. Paul", kind: .place,
        aliases: ["Saint Paul", "St Paul"],
        description: "Served, with Minneapolis, by the two county jails; the Ramsey County Sheriff’s Office is there.",
        mentions: [
            .name(18, "St. Paul"),
            .name(19, "St. Paul"),
        ])

    static let unitedStates = ActorDraft(
        id: "united-states", name: "United States", kind: .place,
        aliases: ["U.S.", "US", "the country"],
        description: "The country of which Renee Good and Alex Pretti were citizens.",
        mentions: [
            .name(3, "U.S."),  // "U.S. citizens"
            .description(13, "the country"),  // "people in the country illegally"
        ])
}
