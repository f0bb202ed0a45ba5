import NewsModel
import NewsQuery

extension MetaCommandTable {
    /// The commands that make sense in scripts as well as in the REPL: `:article`, `:export`,
    /// `:format`, `:help`, `:load`, `:run`, `:schema`, `:timing`. The REPL adds its own
    /// (`:history`, `:quit`) with ``add(_:)``.
    public static var standard: MetaCommandTable {
        MetaCommandTable([
            MetaCommand(name: "run", arguments: "FILE", summary: "Run a script file",
                        details: """
                            The script runs in this session: its `let` bindings stay, and its format and \
                            timing changes last. A relative FILE is found from the folder of the script \
                            that runs it (from the current folder in the shell). A script cannot run \
                            itself, directly or through others, and :run nests at most 16 deep.
                            """, handler: StandardCommands.run),
            MetaCommand(name: "format", arguments: "[table|json|jsonl|csv|plain]", summary: "Show or set the output format",
                        details: "In a script, later `# expect:` lines are written in the new format.",
                        handler: StandardCommands.format),
            MetaCommand(name: "timing", arguments: "[on|off]", summary: "Show run times (on standard error)",
                        handler: StandardCommands.timing),
            MetaCommand(name: "load", arguments: "MODEL.json", summary: "Query another model file (JSON)",
                        details: "`let` bindings are dropped (they belong to the old model); `$NAME` arguments stay.",
                        handler: StandardCommands.load),
            MetaCommand(name: "open", arguments: "FILE", summary: "Open an article or a corpus file",
                        details: """
                            A text or Markdown file is read and its model extracted (a `date YYYY-MM-DD` \
                            first line dates it); a .json file is loaded as a model; a corpus file \
                            (.sqlite, .db, made with --add or :add) is queried as one corpus. `let` \
                            bindings are dropped; `$NAME` arguments stay. :article says what is open.
                            """, handler: StandardCommands.open),
            MetaCommand(name: "add", arguments: "PATH…", summary: "Add files and folders to the open corpus",
                        details: """
                            As newsq --db FILE --add PATH…: text, Markdown, model JSON and Reuters .sgm \
                            files, folders read recursively; a file added before with the same content \
                            is skipped, with other content replaced. Needs an open corpus (:open \
                            corpus.sqlite, or newsq --db); `let` bindings are dropped.
                            """, handler: CorpusCommands.add),
            MetaCommand(name: "export", arguments: "FILE", summary: "Write the last result to FILE",
                        details: """
                            The format follows the extension: .json, .jsonl, .csv, .tsv or .txt (plain); \
                            any other extension gets the current format. Tables are written without \
                            colour or wrapping.
                            """, handler: StandardCommands.export),
            MetaCommand(name: "report", arguments: "FILE.html", summary: "Write the article as HTML, quotes marked",
                        details: """
                            One self-contained page: every statement highlighted in its speaker's colour, \
                            cue and speaker marked, a legend that filters by speaker. After a query, only \
                            its rows' records are marked (over a corpus, in the articles they come from); \
                            before one, every statement of the open article.
                            """, handler: StandardCommands.report),
            MetaCommand(name: "article", arguments: "[ID] [N|all]", summary: "Show the summary, paragraph N, or all",
                        details: """
                            Over a corpus, :article summarises the corpus and :article ID [N|all] shows \
                            one of its articles.
                            """,
                        handler: StandardCommands.article),
            MetaCommand(name: "schema", arguments: "", summary: "List fields, their types and values",
                        details: """
                            `values` lists the values of a field with a closed set (a comparison with \
                            any other is an error); `shown` says whether the aligned table shows the \
                            field without `show`; `only` names the queries that add the field.
                            """,
                        handler: StandardCommands.schema),
            MetaCommand(name: "help", arguments: "[COMMAND|queries|formats]", summary: "Help on commands, queries or formats",
                        handler: StandardCommands.help),
        ])
    }
}

/// The handlers of ``MetaCommandTable/standard``.
enum StandardCommands {
    /// The failure of a command that touches files in a sandboxed session
    /// (``Session/isSandboxed``), or `nil` when files may be used.
    static func refuseInSandbox(_ invocation: MetaCommand.Invocation) -> Session.Outcome? {
        guard invocation.session.isSandboxed else { return nil }
        return invocation.failure("file access is disabled in this session (:\(invocation.command.name) reads or writes files)",
                                  kind: .name)
    }

    static func run(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let session = invocation.session
        let path = invocation.resolve(invocation.arguments[0].text)
        let canonical = TextFile.canonical(path)
        if let index = session.scripts.firstIndex(where: { $0.path.map(TextFile.canonical) == canonical }) {
            let chain = session.scripts[index...].map(\.name) + [path]
            return invocation.failure(
                "recursive :run: \(chain.joined(separator: " → ")) — a script cannot run itself", at: 0)
        }
        guard session.scripts.count < session.maximumScriptDepth else {
            return invocation.failure(":run nested more than \(session.maximumScriptDepth) deep", at: 0)
        }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            return invocation.failure("cannot run \(path): \(error.description)", at: 0, kind: .name)
        }
        // The nested script reports its own errors; a failure here is already reported.
        return ScriptRunner(session: session).run(Script(text: text, name: path), path: path)
    }

    static func format(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        switch invocation.arguments.count {
        case 0:
            invocation.session.write(text: invocation.session.format.rawValue)
            return .success
        case 1:
            let name = invocation.arguments[0].text
            guard let format = OutputFormat(rawValue: name.lowercased()) else {
                return unknownChoice("format", name, OutputFormat.allCases.map(\.rawValue), invocation)
            }
            invocation.session.format = format
            return .success
        default:
            return invocation.usageError()
        }
    }

    static func timing(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        switch invocation.argumentTexts.map({ $0.lowercased() }) {
        case []:
            invocation.session.write(text: "timing is \(invocation.session.timing ? "on" : "off")")
        case ["on"]:
            invocation.session.timing = true
        case ["off"]:
            invocation.session.timing = false
        default:
            return invocation.usageError()
        }
        return .success
    }

    static func load(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let path = invocation.resolve(invocation.arguments[0].text)
        let issues: [ModelIssue]
        do {
            let model = try ModelFile.decode(try TextFile.read(path))
            let interpreter = try Interpreter(model: model)
            invocation.session.replaceInterpreter(interpreter, modelSource: path)
            let first = ModelSummary(model: model).text.split(separator: "\n").first.map(String.init) ?? ""
            invocation.session.messages.writeLine("loaded \(path): \(first)")
            return .success
        } catch let error as TextFile.Failure {
            return invocation.failure("cannot load \(path): \(error.description)", at: 0, kind: .name)
        } catch let error as ModelFile.LoadError {
            issues = error.issues
        } catch let error as Interpreter.InvalidModel {
            issues = error.issues
        } catch {
            return invocation.failure("cannot load \(path): \(error)", at: 0)
        }
        let count = "\(issues.count) problem\(issues.count == 1 ? "" : "s")"
        return invocation.failure("cannot load \(path): \(count); the model in use is unchanged", at: 0, kind: .type,
                                  notes: issues.map { .init($0.description) })
    }

    static func open(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let path = invocation.resolve(invocation.arguments[0].text)
        if CorpusFile.isCorpus(path) { return CorpusCommands.open(path, invocation) }
        let opened: ArticleFile.Opened
        do {
            opened = try ArticleFile.open(path)
        } catch {
            let count = "\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s")"
            return invocation.failure("cannot open \(path): \(error.problems.count == 1 ? error.problems[0] : count); what was open stays open",
                                      at: 0, kind: .name, notes: error.problems.count == 1 ? [] : error.problems.map { .init($0) })
        }
        let interpreter: Interpreter
        do {
            interpreter = try Interpreter(model: opened.model)
        } catch {
            return invocation.failure("cannot open \(path): \(error.issues.count) problems; what was open stays open", at: 0,
                                      kind: .type, notes: error.issues.map { .init($0.description) })
        }
        let source = opened.extracted ? "extracted from \(path)" : path
        invocation.session.replaceInterpreter(interpreter, modelSource: source)
        let first = ModelSummary(model: opened.model).text.split(separator: "\n").first.map(String.init) ?? ""
        invocation.session.messages.writeLine("opened \(path): \(first)\(opened.extracted ? " (extracted)" : "")")
        return .success
    }

    static func report(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let session = invocation.session
        let path = invocation.resolve(invocation.arguments[0].text)
        do {
            session.messages.writeLine(try ArticleReport.write(to: path, session: session, result: session.lastResult))
            return .success
        } catch {
            return invocation.failure(error.description, at: 0, kind: .name)
        }
    }

    static func export(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let session = invocation.session
        if session.lastResultWasDropped {
            return invocation.failure("the last result had more than \(session.keptRows) rows and was not kept; write it from the "
                + "command line instead: newsq --db CORPUS -c 'QUERY' --format csv > FILE")
        }
        guard let result = session.lastResult else {
            return invocation.failure("nothing to export yet: run a query first")
        }
        let path = invocation.resolve(invocation.arguments[0].text)
        let format: OutputFormat
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "json": format = .json
        case "jsonl": format = .jsonl
        case "csv": format = .csv
        case "tsv", "txt": format = .plain
        default: format = session.format
        }
        let text = ResultRenderer(format: format).render(format == .table ? result.forDisplay() : result)
        do {
            try TextFile.write(text, to: path)
        } catch {
            return invocation.failure("cannot write \(path): \(error.description)", at: 0, kind: .name)
        }
        let rows = "\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")"
        session.messages.writeLine("wrote \(rows) to \(path) (\(format.rawValue))")
        return .success
    }

    static func article(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if invocation.session.corpus != nil { return CorpusCommands.article(invocation) }
        return article(of: invocation.session.interpreter.model, invocation, words: invocation.argumentTexts)
    }

    /// `:article [N|all]` for `model`, given the words after the command (after the id, over a corpus).
    static func article(of model: ArticleModel, _ invocation: MetaCommand.Invocation, words texts: [String],
                        at offset: Int = 0) -> Session.Outcome {
        let session = invocation.session
        let article = model.article
        func show(_ paragraph: Paragraph) -> String {
            "[\(paragraph.number)]\(paragraph.kind == .heading ? " (heading)" : "") \(paragraph.text)"
        }
        let words = texts.map { $0.lowercased() }
        guard words.count <= 1 else { return invocation.usageError() }
        guard let word = words.first else {
            let source = session.corpus.map { "\($0.name), article \(article.id)" } ?? session.modelSource
            session.write(text: ModelSummary(model: model).text + "\n  model: \(source)")
            return .success
        }
        if word == "all" {
            session.write(text: article.paragraphs.map(show).joined(separator: "\n\n"))
            return .success
        }
        guard let number = Int(word), let paragraph = article.paragraph(number) else {
            return invocation.failure("no paragraph '\(word)': the article has paragraphs 1…\(article.paragraphs.count) (or 'all')",
                                      at: offset, kind: .type)
        }
        session.write(text: show(paragraph))
        return .success
    }

    static func schema(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        guard invocation.arguments.isEmpty else { return invocation.usageError() }
        let rows: [[Value]] = invocation.session.interpreter.schema().map { field in
            [.text(field.table), .text(field.field), .text(field.type.rawValue),
             field.values.map { .text($0.joined(separator: ", ")) } ?? .null,
             .text(field.shown ? "yes" : "no"), field.only.map(Value.text) ?? .null]
        }
        invocation.session.write(QueryResult(
            columns: [.init("table", .id), .init("field", .id), .init("type", .enumeration), .init("values", .text),
                      .init("shown", .enumeration), .init("only", .text)],
            rows: rows))
        return .success
    }

    static func help(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        let session = invocation.session
        guard let topic = invocation.argumentTexts.first?.lowercased() else {
            session.write(text: HelpText.overview + "\n\n" + session.commands.helpText)
            return .success
        }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        switch topic {
        case "queries", "query", "language":
            session.write(text: HelpText.queries)
            return .success
        case "formats":
            session.write(text: HelpText.formats)
            return .success
        default:
            break
        }
        switch session.commands.lookup(topic.hasPrefix(":") ? String(topic.dropFirst()) : topic) {
        case .found(let command):
            var text = "\(command.synopsis)\n  \(command.summary)."
            if !command.details.isEmpty { text += "\n  " + command.details }
            session.write(text: text)
            return .success
        case .ambiguous(let names):
            return invocation.failure("ambiguous topic '\(topic)' — could be " + names.map { ":" + $0 }.joined(separator: ", "), at: 0)
        case .unknown:
            let topics = session.commands.commands.map(\.name) + ["queries", "formats"]
            var message = "no help on '\(topic)'"
            if let near = nearestName(to: topic, in: topics) { message += " — did you mean '\(near)'?" }
            return invocation.failure(message + " (topics: " + topics.joined(separator: ", ") + ")", at: 0, kind: .name)
        }
    }

    /// The failure for a word that is not one of `choices`, with the nearest one suggested.
    static func unknownChoice(_ what: String, _ word: String, _ choices: [String], _ invocation: MetaCommand.Invocation) -> Session.Outcome {
        var message = "unknown \(what) '\(word)'"
        var fixIts: [Diagnostic.FixIt] = []
        if let near = nearestName(to: word, in: choices) {
            message += " — did you mean '\(near)'?"
            fixIts.append(.init(range: invocation.range(of: invocation.arguments[0]), replacement: near))
        } else {
            message += ": expected " + choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
        }
        return invocation.failure(message, at: 0, fixIts: fixIts)
    }
}

/// The fixed texts of `:help`.
enum HelpText {
    /// Two columns, the second aligned after the widest first one.
    static func aligned(_ rows: [(String, String)], indent: String = "") -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            right.isEmpty ? indent + left : indent + left + String(repeating: " ", count: width - left.count + 2) + right
        }.joined(separator: "\n")
    }

    /// The query forms most asked for, with an example each: what `:help` alone shows.
    static let starters: [(String, String)] = [
        (#"who said "surrender""#, "who said it (verbatim quotes first)"),
        ("quotes by Homan", "what an actor said (also: what did Homan say)"),
        ("who is Frey", "a profile of an actor"),
        ("events on 2026-02-04", "what happened on a day (also: on Wednesday)"),
        ("mentions of Homan", "every reference to an actor, pronouns resolved"),
        ("quotes | where kind = direct", "filter any table; | count, | sort by, | show"),
    ]

    static var overview: String {
        """
        Queries (:help queries lists them all):
        \(aligned(starters, indent: "  "))

        Queries end at a line break or ';' and may span lines while unfinished; a final
        '?' is allowed. :help formats lists the output formats, :help COMMAND explains a
        command. The language is in docs/language.md, scripts in docs/scripts.md.
        """
    }

    static var queries: String {
        aligned([
            (#"who said "TEXT""#, "statements with TEXT, verbatim first"),
            ("quotes by ACTOR [or ACTOR]", "an actor's statements; what did ACTOR say"),
            ("what did ACTOR say about ACTOR", "an actor's statements about another"),
            ("quotes about ACTOR", "statements about the actor (who mentioned)"),
            (#"quotes mentioning "TEXT""#, "statements with TEXT, in text order"),
            ("who is ACTOR", "a profile of the actor"),
            ("actors, people, organizations", "the actors; also groups, places"),
            ("quotes, events, mentions", "every statement, event, mention"),
            ("events involving ACTOR", "events an actor takes part in"),
            ("events in PLACE", "events at a place"),
            ("events on DAY, before DAY, after DAY", "DAY: 2026-02-04, Wednesday, Feb 4 2026"),
            ("events in MONTH [YEAR], in YEAR", "in January, in Jan 2026, in 2026"),
            ("events in PERIOD", "in early January, in this week"),
            ("events between DAY and DAY", "events dated inside the window"),
            ("when did ACTOR WORDS", "when did Homan take over"),
            ("how many WORDS", "stated quantities: how many officers"),
            ("mentions of ACTOR", "its references, pronouns resolved"),
            ("source of ID", "a record's paragraph, its words marked ⟦…⟧"),
        ]) + "\n\n" + """
            Stages, after '|': where COND (=, !=, <, <=, >, >=, is null, is not null,
            has "TEXT", and, or, not, parentheses), sort by FIELD [asc|desc], limit N,
            count, count by FIELD, show FIELD, …
            let NAME = QUERY binds rows for later statements; explain QUERY shows how a
            query is read. $NAME stands for a value given with --arg NAME=VALUE.

            Examples:
              who said "surrender"
              quotes by Gov. Walz | show id, kind, text
              quotes by Homan | where kind = direct | count
              events on 2026-02-04 | where match = exact
              quotes | where venue is not null | count
              who is the border czar
              source of s25
            """
    }

    static let formats = """
        table   aligned columns with a row count (the default); a missing value is null
        json    one array of objects per query; a missing value is null
        jsonl   one object per line
        csv     RFC 4180, with a header row; a missing value is an empty field
        plain   tab-separated values, no header; a missing value is null
        Lists are joined with "; " in table, csv and plain. Set with --format or :format.
        """
}
