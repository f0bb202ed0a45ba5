import NewsModel

/// Articles written for the tests, extracted or made by hand.
enum Fixture {
    /// A short article made by hand: a mayor and a council member, three statements.
    static let council: ArticleModel = {
        let text = "RIVERTON (Herald) — The council voted to reopen the library, Mayor Dana Ruiz said. "
            + "\"The budget can carry it,\" Ruiz said. Omar Haddad disagreed."
        let sentenceStarts = [20, 83, 121]
        func span(_ words: String, paragraph: Int = 1, sentence: Int) -> Span {
            let scalars = Array(text.unicodeScalars)
            let target = Array(words.unicodeScalars)
            var start = sentenceStarts[sentence - 1]
            while Array(scalars[start..<(start + target.count)]) != target { start += 1 }
            return Span(start: start, end: start + target.count, paragraph: paragraph, sentence: sentence, text: words)
        }
        let sentences = [
            ("The council voted to reopen the library, Mayor Dana Ruiz said.", 1),
            ("\"The budget can carry it,\" Ruiz said.", 2),
            ("Omar Haddad disagreed.", 3),
        ].map { words, number in
            let found = span(words, sentence: number)
            return Sentence(number: number, paragraph: 1, start: found.start, end: found.end, text: words)
        }
        let article = Article(
            id: "council", source: "Herald", dateline: "RIVERTON", date: CalendarDate(year: 2026, month: 3, day: 2)!, text: text,
            paragraphs: [Paragraph(number: 1, kind: .body, start: 0, end: text.unicodeScalars.count, text: text)],
            sentences: sentences,
            sections: [Section(number: 1, heading: nil, headingParagraph: nil, firstParagraph: 1, lastParagraph: 1)],
            title: "Council votes to reopen the library")
        let ruiz = Actor(id: "dana-ruiz", name: "Dana Ruiz", kind: .person, aliases: ["Ruiz", "Mayor Dana Ruiz"],
                         roles: [], description: "Riverton's mayor.",
                         mentions: [Mention(id: "m1", span: span("Dana Ruiz", sentence: 1), form: .name),
                                    Mention(id: "m2", span: span("Ruiz", sentence: 2), form: .name)])
        let haddad = Actor(id: "omar-haddad", name: "Omar Haddad", kind: .person, aliases: ["Haddad"], roles: [],
                           description: "A council member.",
                           mentions: [Mention(id: "m3", span: span("Omar Haddad", sentence: 3), form: .name)])
        let statements = [
            Statement(id: "s1", speaker: "dana-ruiz", content: "The council voted to reopen the library", kind: .reported, cue: "said",
                      contentSpans: [span("The council voted to reopen the library", sentence: 1)],
                      sentenceSpan: span("The council voted to reopen the library, Mayor Dana Ruiz said.", sentence: 1),
                      confidence: 0.9, rule: "reported-trailing-cue"),
            Statement(id: "s2", speaker: "dana-ruiz", content: "The budget can carry it", kind: .direct, cue: "said",
                      contentSpans: [span("The budget can carry it", sentence: 2)],
                      sentenceSpan: span("\"The budget can carry it,\" Ruiz said.", sentence: 2),
                      confidence: 0.95, rule: "quote-trailing-cue"),
        ]
        let events = [
            Event(id: "e1", kind: .other, summary: "The council votes to reopen the library",
                  time: TimeReference(text: "Monday", precision: .day, earliest: CalendarDate(year: 2026, month: 3, day: 2),
                                      latest: CalendarDate(year: 2026, month: 3, day: 2)),
                  participants: [Participant(actor: "dana-ruiz", role: .announcer)],
                  evidence: [span("The council voted to reopen the library", sentence: 1)]),
        ]
        return ArticleModel(article: article, actors: [ruiz, haddad], statements: statements, events: events,
                            provenance: Provenance(extracted: true, extractor: "tests"))
    }()
}
