import NewsModel

/// The bundled article's statements: every attribution of speech or writing, in text order.
///
/// Each record quotes its content, cue and speaker words with ``TextQuote`` selectors
/// (`q(paragraph, "exact words", occurrence)`); paragraph numbers count headings too (¶11, ¶20
/// and ¶25 are headings). Content rules are on ``Statement``. Times are the article's own words,
/// resolved by ``TimeResolver``; a statement whose sentence states no time has `.unknown`.
enum BundledStatements {
    /// The lawsuit's filing day, which the article states in ¶26 ("filed a lawsuit Wednesday").
    static let lawsuitDay = TimeDraft.custom(
        TimeReference(text: "Wednesday", precision: .day, earliest: CalendarDate(year: 2026, month: 2, day: 4),
                      latest: CalendarDate(year: 2026, month: 2, day: 4),
                      note: "the day the lawsuit was filed (¶26: “filed a lawsuit Wednesday”)"))

    /// Every statement record of the bundled model.
    static let all: [StatementDraft] = [
        // ¶1 — the lede.
        StatementDraft(
            id: "s1", speaker: "tom-homan", kind: .reported,
            content: [q(1, "The Trump administration is reducing the number of immigration officers in Minnesota but will continue its enforcement operation that has sparked weeks of tensions and deadly confrontations")],
            cue: q(1, "said"), speakerAt: q(1, "Tom Homan"), time: .stated("Wednesday"),
            aboutActors: ["trump-administration", "federal-officers", "minnesota"],
            aboutEvents: ["e-drawdown", "e-surge"]),
        // ¶2
        StatementDraft(
            id: "s2", speaker: "tom-homan", kind: .reported,
            content: [q(2, "About 700 federal officers — roughly a quarter of the total deployed to Minnesota — will be withdrawn immediately after state and local officials agreed over the past week to cooperate by turning over arrested immigrants")],
            cue: q(2, "said"), speakerAt: q(2, "Homan"),
            aboutActors: ["federal-officers", "minnesota-officials", "immigrants"],
            aboutEvents: ["e-drawdown", "e-agreement"]),
        // ¶4
        StatementDraft(
            id: "s3", speaker: "tom-homan", kind: .reported,
            content: [q(4, "About 2,000 officers will remain in the state after this week’s drawdown")],
            cue: q(4, "said"), speakerAt: q(4, "Homan"),
            aboutActors: ["federal-officers", "minnesota"], aboutEvents: ["e-remain", "e-drawdown"]),
        StatementDraft(
            id: "s4", speaker: "dhs", kind: .partial,
            content: [q(4, "its “ largest immigration enforcement operation ever.”")],
            quotes: [q(4, "largest immigration enforcement operation ever.")],
            cue: q(4, "called"), speakerAt: q(4, "Department of Homeland Security"),
            aboutEvents: ["e-surge"],
            note: "DHS's description of the surge, quoted as a phrase; the article gives no time for it."),
        // ¶6 — the attribution interrupts the paraphrase, so the content has two spans.
        StatementDraft(
            id: "s5", speaker: "tom-homan", kind: .reported,
            content: [q(6, "A widespread pullout"),
                      q(6, "will occur only after there’s more cooperation and protesters stop interfering with federal agents carrying out arrests")],
            cue: q(6, "said"), speakerAt: q(6, "Homan"),
            aboutActors: ["protesters", "federal-officers"], aboutEvents: ["e-protests"]),
        // ¶7 — two cue verbs, two statements.
        StatementDraft(
            id: "s6", speaker: "donald-trump", kind: .reported,
            content: [q(7, "he ordered the reduction")],
            cue: q(7, "told"), speakerAt: q(7, "Trump"), venue: "NBC News", addressee: "nbc-news",
            aboutEvents: ["e-drawdown", "e-order"], occasion: "e-nbc-interview"),
        StatementDraft(
            id: "s7", speaker: "donald-trump", kind: .partial,
            content: [q(7, "one lesson coming out of the turmoil in Minnesota is “maybe we can use a little bit of a softer touch. But you still have to be tough.”")],
            quotes: [q(7, "maybe we can use a little bit of a softer touch. But you still have to be tough.")],
            cue: q(7, "added"), speakerAt: q(7, "Trump"), venue: "NBC News", addressee: "nbc-news",
            aboutActors: ["minnesota"], aboutEvents: ["e-surge"], occasion: "e-nbc-interview"),
        // ¶8 — said jointly by the governor and the mayor.
        StatementDraft(
            id: "s8", speaker: "tim-walz", coSpeakers: ["jacob-frey"], kind: .reported,
            content: [q(8, "pulling back 700 officers was a good first step but that the entire operation should end quickly")],
            cue: q(8, "said"), speakerAt: q(8, "Gov. Tim Walz and Minneapolis Mayor Jacob Frey"),
            aboutEvents: ["e-drawdown", "e-surge"]),
        // ¶9
        StatementDraft(
            id: "s9", speaker: "tim-walz", kind: .direct,
            content: [q(9, "We need a faster and larger drawdown of forces, state-led investigations into the killings of Alex Pretti and Renee Good, and an end to this campaign of retribution")],
            cue: q(9, "posted"), speakerAt: q(9, "Walz"), venue: "social media",
            aboutActors: ["alex-pretti", "renee-good", "federal-officers"],
            aboutEvents: ["e-drawdown", "e-shooting-pretti", "e-shooting-good", "e-surge"], occasion: "e-walz-post"),
        // ¶10
        StatementDraft(
            id: "s10", speaker: "jd-vance", kind: .reported,
            content: [q(10, "the officers being sent home were mainly in Minneapolis to protect those carrying out arrests")],
            cue: q(10, "said", 1), speakerAt: q(10, "JD Vance"),
            aboutActors: ["federal-officers", "minneapolis"], aboutEvents: ["e-drawdown"]),
        StatementDraft(
            id: "s11", speaker: "jd-vance", kind: .direct,
            content: [q(10, "We’re not drawing down the immigration enforcement")],
            cue: q(10, "said", 2), speakerAt: q(10, "Vance", 2), venue: "The Megyn Kelly Show",
            aboutEvents: ["e-surge", "e-drawdown"], occasion: "e-vance-interview"),
        // ¶13 — Homan's first remarks after taking over (¶12: "in late January").
        StatementDraft(
            id: "s12", speaker: "tom-homan", kind: .reported,
            content: [q(13, "federal officials could reduce the number of agents in Minnesota, but only with the cooperation of state and local officials")],
            cue: q(13, "said"), speakerAt: q(13, "Homan"),
            time: .custom(TimeReference(
                text: "right away", precision: .partOfMonth,
                earliest: CalendarDate(year: 2026, month: 1, day: 21), latest: CalendarDate(year: 2026, month: 1, day: 31),
                note: "right after he took over the operation, which ¶12 places in late January")),
            aboutActors: ["federal-authorities", "federal-officers", "minnesota-officials"],
            aboutEvents: ["e-takeover"]),
        StatementDraft(
            id: "s13", speaker: "tom-homan", kind: .reported,
            content: [q(13, "jails to alert Immigration and Customs Enforcement about inmates who could be deported")],
            cue: q(13, "pushed for"), speakerAt: q(13, "He"),
            aboutActors: ["county-jails", "ice", "immigrants"],
            note: "An appeal (\"pushed for\") rather than a claim; its reason follows in s14."),
        StatementDraft(
            id: "s14", speaker: "tom-homan", kind: .reported,
            content: [q(13, "transferring those inmates to ICE is safer because it means fewer officers have to be out looking for people in the country illegally")],
            cue: q(13, "saying"), speakerAt: q(13, "He"),
            aboutActors: ["ice", "immigrants", "federal-officers"]),
        // ¶14
        StatementDraft(
            id: "s15", speaker: "tom-homan", kind: .partial,
            content: [q(14, "there has been an “increase in unprecedented collaboration” resulting in the need for fewer public safety officers in Minnesota and a safer environment, allowing for the withdrawal of the 700 officers")],
            quotes: [q(14, "increase in unprecedented collaboration")],
            cue: q(14, "said"), speakerAt: q(14, "Homan"), venue: "news conference", time: .stated("Wednesday"),
            aboutActors: ["minnesota-officials", "federal-officers"],
            aboutEvents: ["e-agreement", "e-drawdown"], occasion: "e-news-conference"),
        // ¶15 — "He didn’t say…" is an omission, recorded as event e-no-jurisdictions.
        StatementDraft(
            id: "s16", speaker: "karoline-leavitt", kind: .reported,
            content: [q(15, "the administration will monitor local officials to make sure they keep their commitments")],
            cue: q(15, "said"), speakerAt: q(15, "Karoline Leavitt"), venue: "statement",
            aboutActors: ["trump-administration", "minnesota-officials"],
            aboutEvents: ["e-agreement"], occasion: "e-leavitt-statement"),
        // ¶16 — the clause between the dashes is the AP's gloss, not the administration's words.
        StatementDraft(
            id: "s17", speaker: "trump-administration", kind: .reported,
            content: [q(16, "places known as sanctuary jurisdictions"), q(16, "hinder the arrest of criminal immigrants")],
            cue: q(16, "complained"), speakerAt: q(16, "The Trump administration"),
            time: .custom(TimeReference(text: "long", precision: .ongoing,
                                        note: "“has long complained”: a repeated complaint; the article gives no dates")),
            aboutActors: ["sanctuary-jurisdictions", "immigrants"],
            note: "The definition between the dashes (“a term applied to local governments…”) is the AP's, so it is not part of the content."),
        // ¶17
        StatementDraft(
            id: "s18", speaker: "minnesota-officials", kind: .reported,
            content: [q(17, "its state prisons and nearly all of the county sheriffs already cooperate with immigration authorities")],
            cue: q(17, "say"), speakerAt: q(17, "Minnesota officials"),
            aboutActors: ["state-prisons", "county-sheriffs", "federal-authorities"],
            aboutEvents: ["e-state-cooperation"]),
        // ¶19 — the Ramsey County non-response is event e-ramsey-no-response, not a statement.
        StatementDraft(
            id: "s19", speaker: "hennepin-sheriff", kind: .reported,
            content: [q(19, "its policies have not changed")],
            cue: q(19, "said"), speakerAt: q(19, "The Hennepin County Sheriff’s Office"),
            aboutEvents: ["e-jail-handovers"]),
        // ¶20 — a section heading that attributes a claim; it summarises s21.
        StatementDraft(
            id: "s20", speaker: "tom-homan", kind: .reported,
            content: [q(20, "Minnesota operation a success")],
            cue: q(20, "calls"), speakerAt: q(20, "Border czar"),
            aboutEvents: ["e-surge"], note: "Section heading; the claim is reported in full in ¶21 (s21)."),
        // ¶21
        StatementDraft(
            id: "s21", speaker: "tom-homan", kind: .reported,
            content: [q(21, "he thinks the ICE operation in Minnesota has been a success, checking off a list of people wanted for violent crimes who were taken off the streets")],
            cue: q(21, "said"), speakerAt: q(21, "Homan"),
            aboutActors: ["ice", "immigrants"], aboutEvents: ["e-surge"]),
        // ¶22 — two quotations; the second has no attribution of its own and inherits the first's.
        StatementDraft(
            id: "s22", speaker: "tom-homan", kind: .direct,
            content: [q(22, "I think it’s very effective as far as public safety goes")],
            cue: q(22, "said"), speakerAt: q(22, "he"), time: .stated("Wednesday"), aboutEvents: ["e-surge"]),
        StatementDraft(
            id: "s23", speaker: "tom-homan", kind: .direct,
            content: [q(22, "Was it a perfect operation? No.")],
            cue: q(22, "said"), speakerAt: q(22, "he"), time: .stated("Wednesday"), aboutEvents: ["e-surge"],
            note: "Follows s22 without its own attribution; the cue and time are s22's."),
        // ¶23
        StatementDraft(
            id: "s24", speaker: "tom-homan", kind: .reported,
            content: [q(23, "pulling some federal officers out of Minnesota isn’t a sign that the administration is backing down")],
            cue: q(23, "made clear"), speakerAt: q(23, "He"),
            aboutActors: ["federal-officers", "trump-administration"], aboutEvents: ["e-drawdown", "e-surge"]),
        StatementDraft(
            id: "s25", speaker: "tom-homan", kind: .direct,
            content: [q(23, "We are not surrendering the president’s mission on a mass deportation operation")],
            cue: q(23, "said"), speakerAt: q(23, "Homan"),
            aboutActors: ["donald-trump"], aboutEvents: ["e-surge"]),
        // ¶24 — addressed to the protesters ("you").
        StatementDraft(
            id: "s26", speaker: "tom-homan", kind: .direct,
            content: [q(24, "You’re not going to stop ICE. You’re not going to stop Border Patrol")],
            cue: q(24, "said"), speakerAt: q(24, "Homan"), addressee: "protesters",
            aboutActors: ["ice", "border-patrol", "protesters"], aboutEvents: ["e-protests"]),
        StatementDraft(
            id: "s27", speaker: "tom-homan", kind: .direct,
            content: [q(24, "The only thing you’re doing is irritating your community.")],
            cue: q(24, "said"), speakerAt: q(24, "Homan"), addressee: "protesters",
            aboutActors: ["protesters"], aboutEvents: ["e-protests"],
            note: "Follows s26 without its own attribution; the cue and addressee are s26's."),
        // ¶25 — a section heading: the schools' request to the court, made through the lawsuit.
        StatementDraft(
            id: "s28", speaker: "school-districts", coSpeakers: ["teachers-union"], kind: .reported,
            content: [q(25, "court to block immigration operations")],
            cue: q(25, "ask"), speakerAt: q(25, "Schools"), venue: "lawsuit", addressee: "court",
            time: lawsuitDay, aboutEvents: ["e-lawsuit", "e-surge"], occasion: "e-lawsuit",
            note: "Section heading; the request is reported in full in ¶26."),
        // ¶26
        StatementDraft(
            id: "s29", speaker: "school-districts", coSpeakers: ["teachers-union"], kind: .reported,
            content: [q(26, "their actions have disrupted classes, endangered students and caused attendance drops")],
            cue: q(26, "saying"), speakerAt: q(26, "Two Minnesota school districts and a teachers union"),
            venue: "lawsuit", time: .stated("Wednesday"),
            aboutActors: ["federal-authorities", "students"], aboutEvents: ["e-lawsuit"], occasion: "e-lawsuit"),
        // ¶27 — the lawsuit "argues": its plaintiffs speak through it.
        StatementDraft(
            id: "s30", speaker: "school-districts", coSpeakers: ["teachers-union"], kind: .partial,
            content: [q(27, "Operation Metro Surge has marked a shift in policy that removed long-standing limits on enforcement in “sensitive locations,” including schools")],
            quotes: [q(27, "sensitive locations")],
            cue: q(27, "argues"), speakerAt: q(27, "The lawsuit"), venue: "lawsuit", time: lawsuitDay,
            aboutEvents: ["e-surge", "e-policy-shift"], occasion: "e-lawsuit",
            note: "“sensitive locations” is the policy term the lawsuit quotes."),
        // ¶28
        StatementDraft(
            id: "s31", speaker: "tricia-mclaughlin", kind: .direct,
            content: [q(28, "ICE is not going to schools to arrest children — we are protecting children.")],
            cue: q(28, "said"), speakerAt: q(28, "Tricia McLaughlin"),
            aboutActors: ["ice", "students"]),
    ]
}
