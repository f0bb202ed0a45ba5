import NewsModel

/// One article's section of a report: its speakers and their colours, its marks, and its HTML.
struct ArticleSection: Sendable {
    let article: ReportWriter.Article
    let number: Int
    /// `a1`, `a2`…: the prefix of every id in the section.
    let anchor: String
    /// The heading shown.
    let heading: String
    /// The statements marked, in text order.
    let marked: [Statement]
    /// The speakers of the marked statements, by actor id, in order of first statement.
    let speakers: [String]
    /// The index of each speaker in ``speakers``.
    let speakerIndex: [String: Int]
    /// The sets of speaker indices that share a statement (joint statements), sorted.
    let combinations: [[Int]]
    /// Mentions marked on their own (the records named them or their actor).
    let mentions: [(actor: String, mention: Mention)]
    /// Events whose evidence is marked.
    let events: [Event]

    init(_ article: ReportWriter.Article, number: Int) throws(ReportWriter.Failure) {
        self.article = article
        self.number = number
        let model = article.model
        anchor = "a\(number)"
        heading = article.title ?? model.article.title ?? model.article.id
        if let records = article.records {
            let statementIDs = Set(model.statements.map(\.id))
            let actorIDs = Set(model.actors.map(\.id))
            let mentionIDs = Set(model.actors.flatMap(\.mentions).map(\.id))
            let eventIDs = Set(model.events.map(\.id))
            let unknown = records.filter {
                !statementIDs.contains($0) && !actorIDs.contains($0) && !mentionIDs.contains($0) && !eventIDs.contains($0)
            }
            guard unknown.isEmpty else { throw .unknownRecords(article: model.article.id, ids: Array(unknown)) }
            marked = model.statements.filter { records.contains($0.id) }
            mentions = model.allMentions.filter { records.contains($0.mention.id) || records.contains($0.actor) }
            events = model.events.filter { records.contains($0.id) }
        } else {
            marked = model.statements
            mentions = []
            events = []
        }
        var speakers: [String] = []
        for statement in marked {
            for speaker in statement.speakers where !speakers.contains(speaker) { speakers.append(speaker) }
        }
        for (actor, _) in mentions where !speakers.contains(actor) { speakers.append(actor) }
        self.speakers = speakers
        var index: [String: Int] = [:]
        for (i, speaker) in speakers.enumerated() { index[speaker] = i }
        speakerIndex = index
        var combinations = Set<[Int]>()
        for statement in marked where statement.speakers.count > 1 {
            combinations.insert(Set(statement.speakers.compactMap { index[$0] }).sorted())
        }
        self.combinations = combinations.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The class that names a statement's speakers, for colour and filtering: `w-0`, `w-0-3`.
    func speakerClass(_ statement: Statement) -> String {
        "w-" + Set(statement.speakers.compactMap { speakerIndex[$0] }).sorted().map(String.init).joined(separator: "-")
    }

    func name(_ actor: String) -> String {
        article.model.actor(actor)?.name ?? actor
    }

    /// The tooltip text of a statement.
    func tip(_ statement: Statement) -> String {
        var speakers = name(statement.speaker)
        if !statement.coSpeakers.isEmpty { speakers += " with " + statement.coSpeakers.map(name).joined(separator: ", ") }
        var parts = [statement.id, speakers, statement.kind.rawValue, "cue “\(statement.cue)”", confidenceText(statement)]
        if let rule = statement.rule { parts.append("rule \(rule)") }
        return parts.joined(separator: " · ")
    }

    func confidenceText(_ statement: Statement) -> String {
        guard let value = statement.confidence else { return "confidence not recorded" }
        let percent = Int((min(max(value, 0), 1) * 100).rounded())
        return "confidence \(percent)%"
    }

    /// Every mark of the section.
    func marks() -> [ReportMarkup.Mark] {
        var marks: [ReportMarkup.Mark] = []
        for statement in marked {
            let who = speakerClass(statement)
            let tip = tip(statement)
            let domID = "\(anchor)-\(HTMLEscape.identifier(statement.id))"
            for (i, span) in statement.contentSpans.enumerated() {
                var mark = ReportMarkup.Mark(
                    start: span.start, end: span.end, element: "mark", key: "\(statement.id).c\(i)",
                    classes: ["st", who, "k-\(statement.kind.rawValue)"],
                    attributes: [("data-statement", statement.id), ("data-tip", tip)], rank: 1)
                if i == 0 {
                    mark.firstAttributes = [("id", domID), ("tabindex", "0"), ("aria-describedby", domID + "-row")]
                }
                marks.append(mark)
            }
            for (i, span) in statement.quotes.enumerated() {
                marks.append(ReportMarkup.Mark(
                    start: span.start, end: span.end, element: "span", key: "\(statement.id).q\(i)",
                    classes: ["frag"], attributes: [("data-statement", statement.id)], rank: 2))
            }
            if let span = statement.speakerSpan {
                marks.append(ReportMarkup.Mark(
                    start: span.start, end: span.end, element: "span", key: "\(statement.id).who",
                    classes: ["who", who], attributes: [("data-statement", statement.id)], rank: 3))
            }
            if let span = statement.cueSpan {
                marks.append(ReportMarkup.Mark(
                    start: span.start, end: span.end, element: "span", key: "\(statement.id).cue",
                    classes: ["cue", who], attributes: [("data-statement", statement.id)], rank: 4))
            }
        }
        for (actor, mention) in mentions {
            let index = speakerIndex[actor] ?? 0
            marks.append(ReportMarkup.Mark(
                start: mention.span.start, end: mention.span.end, element: "span", key: mention.id,
                classes: ["who", "mention", "w-\(index)"], attributes: [("data-mention", mention.id), ("title", "\(mention.id) · \(name(actor)) · \(mention.form.rawValue)")],
                firstAttributes: [("id", "\(anchor)-\(HTMLEscape.identifier(mention.id))")], rank: 3))
        }
        for event in events {
            for (i, span) in event.evidence.enumerated() {
                var mark = ReportMarkup.Mark(
                    start: span.start, end: span.end, element: "span", key: "\(event.id).e\(i)", classes: ["event"],
                    attributes: [("data-event", event.id), ("title", "\(event.id) · \(event.kind.rawValue) · \(event.summary)")], rank: 0)
                if i == 0 { mark.firstAttributes = [("id", "\(anchor)-\(HTMLEscape.identifier(event.id))"), ("tabindex", "0")] }
                marks.append(mark)
            }
        }
        return marks
    }

    /// The section's HTML.
    func html() -> String {
        let model = article.model
        var html = "<section class=\"article\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\">\n"
        for index in speakers.indices {
            html += "<input type=\"checkbox\" class=\"filter f\(index)\" id=\"\(anchor)-f\(index)\" checked>\n"
        }
        html += "<header>\n<h2 id=\"\(anchor)-title\">\(HTMLEscape.text(heading))</h2>\n"
        let a = model.article
        let meta = [a.source, a.dateline, a.date.iso, a.id].filter { !$0.isEmpty }.map(HTMLEscape.text).joined(separator: " · ")
        html += "<p class=\"meta\">\(meta)</p>\n</header>\n"
        html += legend()
        html += "<div class=\"body\">\n"
        let text = ScalarSlice(a.text)
        let markup = ReportMarkup(text: text)
        let all = marks()
        // Marks by paragraph: a span never crosses a paragraph, but clipping keeps any that did
        // inside the text.
        for paragraph in a.paragraphs {
            let inside = all.filter { $0.start < paragraph.end && $0.end > paragraph.start }
            let body = markup.render(paragraph.start..<paragraph.end, marks: inside)
            let tag = paragraph.kind == .heading ? "h3" : "p"
            html += "<\(tag) data-paragraph=\"\(paragraph.number)\">\(body)</\(tag)>\n"
        }
        html += "</div>\n"
        html += statementTable()
        html += "</section>\n"
        return html
    }

    func counts() -> [Int] {
        var counts = Array(repeating: 0, count: speakers.count)
        for statement in marked {
            for speaker in Set(statement.speakers) { if let i = speakerIndex[speaker] { counts[i] += 1 } }
        }
        return counts
    }

    func legend() -> String {
        guard !speakers.isEmpty else {
            return "<p class=\"legend empty\">No statements marked.</p>\n"
        }
        let counts = counts()
        var html = "<div class=\"legend\" role=\"group\" aria-label=\"Speakers: uncheck one to hide its marks\">\n<span class=\"legend-title\">Speakers</span>\n"
        for (index, speaker) in speakers.enumerated() {
            let count = counts[index]
            html += "<label for=\"\(anchor)-f\(index)\" class=\"l\(index)\"><span class=\"swatch w-\(index)\" aria-hidden=\"true\"></span>\(HTMLEscape.text(name(speaker))) <span class=\"count\">\(count)</span></label>\n"
        }
        html += "<span class=\"js-only\" hidden><button type=\"button\" data-act=\"all\">All</button> <button type=\"button\" data-act=\"none\">None</button> <span class=\"hint\">double-click a speaker to show only theirs</span></span>\n"
        html += "<p class=\"key\"><span class=\"k-direct sample\">direct</span> <span class=\"k-partial sample\">partial</span> <span class=\"k-reported sample\">reported</span> · <span class=\"who sample\">speaker</span> · <span class=\"cue sample\">cue</span></p>\n"
        html += "</div>\n"
        return html
    }

    func statementTable() -> String {
        guard !marked.isEmpty else { return "" }
        var html = "<details class=\"statements\" open>\n<summary>Statements (\(marked.count))</summary>\n<table>\n"
        html += "<thead><tr><th scope=\"col\">id</th><th scope=\"col\">speaker</th><th scope=\"col\">kind</th><th scope=\"col\">cue</th><th scope=\"col\">confidence</th><th scope=\"col\">rule</th><th scope=\"col\">paragraph</th></tr></thead>\n<tbody>\n"
        for statement in marked {
            let domID = "\(anchor)-\(HTMLEscape.identifier(statement.id))"
            var speakers = name(statement.speaker)
            if !statement.coSpeakers.isEmpty { speakers += " with " + statement.coSpeakers.map(name).joined(separator: ", ") }
            let confidence = statement.confidence.map { "\(Int((min(max($0, 0), 1) * 100).rounded()))%" } ?? "—"
            let rule = statement.rule ?? "—"
            let paragraph = statement.contentSpans.first?.paragraph ?? statement.sentenceSpan.paragraph
            html += "<tr id=\"\(domID)-row\"><td><a href=\"#\(domID)\">\(HTMLEscape.text(statement.id))</a></td><td><span class=\"swatch \(speakerClass(statement))\" aria-hidden=\"true\"></span>\(HTMLEscape.text(speakers))</td><td>\(statement.kind.rawValue)</td><td>\(HTMLEscape.text(statement.cue))</td><td>\(confidence)</td><td>\(HTMLEscape.text(rule))</td><td>\(paragraph)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</details>\n"
        return html
    }
}
