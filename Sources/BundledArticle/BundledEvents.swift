import NewsModel

/// The bundled article's events: what happened, is happening or was done, as the article states
/// it. Times never go beyond the text; orderings are only those the article states.
enum BundledEvents {
    static let lateJanuary31 = CalendarDate(year: 2026, month: 1, day: 31)

    /// The time of the two fatal shootings: not stated, but both preceded Homan's takeover.
    static let shootingTime = TimeDraft.custom(TimeReference(
        text: nil, precision: .bounded, latest: lateJanuary31,
        note: "not stated; both shootings came before Homan took over in late January (¶12)"))

    /// Every event record of the bundled model.
    static let all: [EventDraft] = [
        EventDraft(
            id: "e-drawdown", kind: .withdrawal,
            summary: "About 700 federal immigration officers are withdrawn from Minnesota",
            time: .stated("this week"), place: "minnesota",
            participants: [role("federal-officers", .subject), role("trump-administration", .agent),
                           role("donald-trump", .orderedBy), role("tom-homan", .announcer)],
            quantities: [
                QuantityDraft(value: 700, unit: "federal officers", approximate: true, at: q(2, "About 700 federal officers")),
                QuantityDraft(value: 0.25, unit: "of the officers deployed to Minnesota", approximate: true,
                              at: q(2, "roughly a quarter of the total deployed to Minnesota")),
            ],
            relations: [RelationDraft(kind: .after, event: "e-agreement",
                                      at: q(2, "withdrawn immediately after state and local officials agreed"))],
            evidence: [q(1, "The Trump administration is reducing the number of immigration officers in Minnesota"),
                       q(2, "will be withdrawn immediately"), q(4, "this week’s drawdown"), q(7, "the reduction"),
                       q(8, "pulling back 700 officers"), q(14, "the withdrawal of the 700 officers")],
            note: "Announced Wednesday 2026-02-04; “immediately” (¶2) and “this week’s drawdown” (¶4) place it in that week. Trump's part rests on his own account (e-order)."),
        EventDraft(
            id: "e-order", kind: .order, summary: "Trump orders the reduction of officers in Minnesota",
            participants: [role("donald-trump", .agent), role("federal-officers", .subject)],
            relations: [RelationDraft(kind: .before, event: "e-drawdown", at: q(7, "he ordered the reduction"))],
            claimedBy: "donald-trump", evidence: [q(7, "he ordered the reduction")],
            note: "Known only from Trump's own account to NBC News (s6)."),
        EventDraft(
            id: "e-remain", kind: .deployment,
            summary: "About 2,000 federal officers remain in Minnesota after the drawdown",
            time: .custom(TimeReference(text: "after this week’s drawdown", precision: .bounded,
                                        earliest: CalendarDate(year: 2026, month: 2, day: 2),
                                        note: "from the drawdown week (2026-02-02 … 2026-02-08) on; no end given")),
            place: "minnesota", participants: [role("federal-officers", .subject)],
            quantities: [QuantityDraft(value: 2000, unit: "officers", approximate: true, at: q(4, "About 2,000 officers"))],
            relations: [RelationDraft(kind: .after, event: "e-drawdown", at: q(4, "after this week’s drawdown"))],
            evidence: [q(4, "About 2,000 officers will remain in the state after this week’s drawdown")]),
        EventDraft(
            id: "e-surge", kind: .operation, name: "Operation Metro Surge",
            summary: "The federal immigration enforcement surge in Minnesota, ramped up in early January",
            time: .stated("early January"), place: "minnesota",
            participants: [role("trump-administration", .agent), role("dhs", .agent), role("ice", .agent),
                           role("federal-officers", .agent), role("immigrants", .target)],
            quantities: [QuantityDraft(value: 2000, unit: "officers sent in early January", approximate: true,
                                       at: q(4, "roughly the same number sent to Minnesota in early January"))],
            evidence: [q(1, "its enforcement operation that has sparked weeks of tensions and deadly confrontations"),
                       q(4, "when the surge ramped up"), q(4, "largest immigration enforcement operation ever."),
                       q(21, "the ICE operation in Minnesota"), q(27, "Operation Metro Surge")],
            note: "The time is when it ramped up; the operation continues (¶1: “will continue its enforcement operation”). ¶4's “roughly the same number” refers back to about 2,000 officers."),
        EventDraft(
            id: "e-shooting-good", kind: .shooting, summary: "U.S. citizen Renee Good is fatally shot in Minneapolis",
            time: shootingTime, place: "minneapolis",
            participants: [role("renee-good", .victim), role("federal-officers", .agent)],
            relations: [RelationDraft(kind: .during, event: "e-surge", at: q(1, "deadly confrontations"))],
            evidence: [q(3, "the fatal shootings of U.S. citizens Renee Good and Alex Pretti in Minneapolis"),
                       q(9, "the killings of Alex Pretti and Renee Good")],
            note: "¶12's “the second fatal shooting by federal officers” makes both shootings by federal officers; the article does not say which came first."),
        EventDraft(
            id: "e-shooting-pretti", kind: .shooting, summary: "U.S. citizen Alex Pretti is fatally shot in Minneapolis",
            time: shootingTime, place: "minneapolis",
            participants: [role("alex-pretti", .victim), role("federal-officers", .agent)],
            relations: [RelationDraft(kind: .during, event: "e-surge", at: q(1, "deadly confrontations"))],
            evidence: [q(3, "the fatal shootings of U.S. citizens Renee Good and Alex Pretti in Minneapolis"),
                       q(9, "the killings of Alex Pretti and Renee Good")],
            note: "¶12's “the second fatal shooting by federal officers” makes both shootings by federal officers; the article does not say which came first."),
        EventDraft(
            id: "e-takeover", kind: .takeover, summary: "Tom Homan takes over the Minnesota operation",
            time: .stated("late January"), place: "minnesota",
            participants: [role("tom-homan", .agent)],
            relations: [
                RelationDraft(kind: .after, event: "e-shooting-good", at: q(12, "after the second fatal shooting by federal officers")),
                RelationDraft(kind: .after, event: "e-shooting-pretti", at: q(12, "after the second fatal shooting by federal officers")),
                RelationDraft(kind: .partOf, event: "e-surge", at: q(12, "took over the Minnesota operation")),
            ],
            evidence: [q(12, "Trump’s border czar took over the Minnesota operation in late January after the second fatal shooting by federal officers and amid growing political backlash and questions about how the operation was being run")],
            note: "After the second of the two shootings, hence after both."),
        EventDraft(
            id: "e-agreement", kind: .agreement,
            summary: "Minnesota state and local officials agree to cooperate by turning over arrested immigrants",
            time: .stated("over the past week"), place: "minnesota",
            participants: [role("minnesota-officials", .agent), role("immigrants", .subject),
                           role("federal-authorities", .beneficiary), role("ice", .beneficiary)],
            evidence: [q(2, "state and local officials agreed over the past week to cooperate by turning over arrested immigrants"),
                       q(13, "transferring those inmates to ICE"),
                       q(14, "“increase in unprecedented collaboration”")],
            note: "Homan's account; the article does not name the jurisdictions (¶15)."),
        EventDraft(
            id: "e-news-conference", kind: .newsConference, summary: "Tom Homan holds a news conference",
            time: .stated("Wednesday"), participants: [role("tom-homan", .speaker)],
            evidence: [q(14, "during a news conference Wednesday")]),
        EventDraft(
            id: "e-nbc-interview", kind: .interview, summary: "Donald Trump speaks to NBC News",
            participants: [role("donald-trump", .speaker), role("nbc-news", .interviewer)],
            evidence: [q(7, "Trump told NBC News")]),
        EventDraft(
            id: "e-vance-interview", kind: .interview, summary: "JD Vance is interviewed on The Megyn Kelly Show",
            participants: [role("jd-vance", .speaker), role("megyn-kelly-show", .host), role("megyn-kelly", .interviewer)],
            evidence: [q(10, "in an interview on “The Megyn Kelly Show.”")]),
        EventDraft(
            id: "e-walz-post", kind: .post, summary: "Tim Walz posts on social media",
            participants: [role("tim-walz", .speaker)], evidence: [q(9, "Walz posted on social media")]),
        EventDraft(
            id: "e-leavitt-statement", kind: .statement, summary: "Karoline Leavitt issues a statement for the White House",
            participants: [role("karoline-leavitt", .speaker), role("white-house", .agent)],
            evidence: [q(15, "White House press secretary Karoline Leavitt said in a statement")]),
        EventDraft(
            id: "e-lawsuit", kind: .lawsuit,
            summary: "Two Minnesota school districts and a teachers union sue to block immigration enforcement at or around schools",
            time: .stated("Wednesday"),
            participants: [role("school-districts", .plaintiff), role("teachers-union", .plaintiff),
                           role("federal-authorities", .defendant), role("court", .court)],
            evidence: [q(25, "Schools ask court to block immigration operations"),
                       q(26, "Two Minnesota school districts and a teachers union filed a lawsuit Wednesday to block federal authorities from conducting immigration enforcement at or around schools"),
                       q(27, "The lawsuit")]),
        EventDraft(
            id: "e-protests", kind: .protest,
            summary: "Residents and protesters resist the federal officers in Minnesota",
            time: .custom(TimeReference(text: "Since then", precision: .bounded,
                                        earliest: CalendarDate(year: 2026, month: 1, day: 1),
                                        note: "since the surge ramped up in early January (¶4–¶5); ongoing (¶24)")),
            place: "minnesota",
            participants: [role("residents", .agent), role("protesters", .agent), role("federal-officers", .target),
                           role("ice", .target), role("border-patrol", .target)],
            relations: [RelationDraft(kind: .during, event: "e-surge", at: q(5, "Since then"))],
            evidence: [q(5, "masked, heavily armed officers have been met by resistance from residents who are upset with their aggressive tactics"),
                       q(6, "protesters stop interfering with federal agents carrying out arrests"),
                       q(24, "the ongoing protests")]),
        EventDraft(
            id: "e-policy-shift", kind: .policyChange,
            summary: "Long-standing limits on immigration enforcement in “sensitive locations”, including schools, are removed",
            participants: [role("federal-authorities", .agent), role("students", .subject)],
            relations: [RelationDraft(kind: .partOf, event: "e-surge", at: q(27, "Operation Metro Surge has marked a shift in policy"))],
            claimedBy: "school-districts", coClaimants: ["teachers-union"],
            evidence: [q(27, "a shift in policy that removed long-standing limits on enforcement in “sensitive locations,” including schools")],
            note: "As argued in the lawsuit (s30); the article gives no date."),
        EventDraft(
            id: "e-no-timeline", kind: .omission, summary: "Homan gives no timeline for ending the operation",
            participants: [role("tom-homan", .agent)],
            evidence: [q(3, "he did not provide a timeline for when the administration might end the operation")]),
        EventDraft(
            id: "e-no-jurisdictions", kind: .omission,
            summary: "Homan does not say which jurisdictions have been cooperating with DHS",
            participants: [role("tom-homan", .agent)],
            evidence: [q(15, "He didn’t say which jurisdictions have been cooperating with DHS")]),
        EventDraft(
            id: "e-ramsey-no-response", kind: .noResponse,
            summary: "The Ramsey County Sheriff’s Office does not immediately respond to a request for comment",
            participants: [role("ramsey-sheriff", .respondent)],
            evidence: [q(19, "The Ramsey County Sheriff’s Office in neighboring St. Paul did not immediately respond to a request for comment")],
            note: "A non-response: recorded here, not as a statement."),
        EventDraft(
            id: "e-jail-handovers", kind: .cooperation,
            summary: "The county jails serving Minneapolis and St. Paul hand inmates to federal authorities when a judge signs an arrest warrant",
            time: .custom(TimeReference(text: nil, precision: .ongoing, note: "a standing practice; no dates given")),
            participants: [role("county-jails", .agent), role("federal-authorities", .beneficiary), role("immigrants", .subject),
                           role("ice", .beneficiary)],
            evidence: [q(18, "they both hand over inmates to federal authorities when an arrest warrant is signed by a judge"),
                       q(18, "had not previously met ICE’s standard of full cooperation")]),
        EventDraft(
            id: "e-state-cooperation", kind: .cooperation,
            summary: "Minnesota's state prisons and nearly all county sheriffs cooperate with immigration authorities",
            time: .custom(TimeReference(text: "already", precision: .ongoing, note: "a standing practice; no dates given")),
            place: "minnesota",
            participants: [role("state-prisons", .agent), role("county-sheriffs", .agent), role("federal-authorities", .beneficiary)],
            claimedBy: "minnesota-officials",
            evidence: [q(17, "its state prisons and nearly all of the county sheriffs already cooperate with immigration authorities")],
            note: "As Minnesota officials say it (s18)."),
    ]
}
