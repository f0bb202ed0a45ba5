import NewsModel
import NewsQuery

extension MetaCommandTable {
    /// The commands that make sense in scripts as well as in the REPL: `:article`, `:export`,
    /// `:format`, `:help`, `:load`, `:run`, `:schema`, `:timing`. The REPL adds its own
    /// (`:history`, `:quit`) with ``add(_:)``.
    public static var standard: MetaCommandTable {
        MetaCommandTable([
            MetaCommand(name: "run", arguments: "FILE", summary: "Run a script file (relative to the calling script)",
                        details: """
                            The script runs in this session: its `let` bindings stay, and its format and \
                            timing changes last. A relative FILE is found from the folder of the script \
                            that runs it (from the current folder in the shell). A script cannot run \
                            itself, directly or through others, and :run nests at most 16 deep.
                            """, handler: StandardCommands.run),
            MetaCommand(name: "format", arguments: "[table|json|jsonl|csv|plain]", summary: "Show or set the output format",
                        details: "In a script, later `# expect:` lines are written in the new format.",
                        handler: StandardCommands.format),
            MetaCommand(name: "timing", arguments: "[on|off]", summary: "Show each statement's run time (on standard error)",
                        handler: StandardCommands.timing),
            MetaCommand(name: "load", arguments: "MODEL.json", summary: "Query another model file (JSON, format 1)",
                        details: "`let` bindings are dropped (they belong to the old model); `$NAME` arguments stay.",
                        handler: StandardCommands.load),
            MetaCommand(name: "export", arguments: "FILE", summary: "Write the last result to FILE",
                        details: """
                            The format follows the extension: .json, .jsonl, .csv, .tsv or .txt (plain); \
                            any other extension gets the current format. Tables are written without \
                            colour or wrapping.
                            """, handler: StandardCommands.export),
            MetaCommand(name: "article", arguments: "[N|all]", summary: "Show the model summary, paragraph N, or the whole article",
                        handler: StandardCommands.article),
            MetaCommand(name: "schema", arguments: "", summary: "List every table's fields and their types",
                        details: "`shown` says whether the aligned table shows the field without `show`.",
                        handler: StandardCommands.schema),
            MetaCommand(name: "help", arguments: "[COMMAND|queries|formats]", summary: "Show help on commands, queries or formats",
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

    static func export(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = refuseInSandbox(invocation) { return refusal }
        guard invocation.arguments.count == 1 else { return invocation.usageError() }
        let session = invocation.session
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
        let session = invocation.session
        let article = session.interpreter.model.article
        func show(_ paragraph: Paragraph) -> String {
            "[\(paragraph.number)]\(paragraph.kind == .heading ? " (heading)" : "") \(paragraph.text)"
        }
        let words = invocation.argumentTexts.map { $0.lowercased() }
        guard words.count <= 1 else { return invocation.usageError() }
        guard let word = words.first else {
            session.write(text: ModelSummary(model: session.interpreter.model).text + "\n  model: \(session.modelSource)")
            return .success
        }
        if word == "all" {
            session.write(text: article.paragraphs.map(show).joined(separator: "\n\n"))
            return .success
        }
        guard let number = Int(word), let paragraph = article.paragraph(number) else {
            return invocation.failure("no paragraph '\(word)': the article has paragraphs 1…\(article.paragraphs.count) (or 'all')",
                                      at: 0, kind: .type)
        }
        session.write(text: show(paragraph))
        return .success
    }

    static func schema(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        guard invocation.arguments.isEmpty else { return invocation.usageError() }
        let session = invocation.session
        let model = session.interpreter.model
        var tables: [(String, String)] = [("statements", "quotes"), ("actors", "actors"), ("events", "events")]
        if let actor = model.actors.first {
            tables.append(("mentions", "mentions of \(QueryPrinter.quote(actor.id))"))
            tables.append(("profile", "who is \(QueryPrinter.quote(actor.id))"))
        }
        if let statement = model.statements.first { tables.append(("source", "source of \(statement.id)")) }
        var rows: [[Value]] = []
        for (table, query) in tables {
            guard let result = try? session.interpreter.run(query + " | limit 0") else { continue }
            for column in result.columns {
                let shown = result.displayColumns.map { $0.contains(column.name) } ?? true
                rows.append([.text(table), .text(column.name), .text(column.type.rawValue), .text(shown ? "yes" : "no")])
            }
        }
        session.write(QueryResult(columns: [.init("table", .id), .init("field", .id), .init("type", .enumeration),
                                            .init("shown", .enumeration)], rows: rows))
        return .success
    }

    static func help(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        let session = invocation.session
        guard let topic = invocation.argumentTexts.first?.lowercased() else {
            session.write(text: session.commands.helpText + "\n\n" + HelpText.overview)
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
    static let overview = """
        Queries end at a line break or ';' and may span lines while unfinished.
        :help queries lists the query forms; :help formats the output formats; :help COMMAND
        explains a command. The whole language is in docs/language.md, scripts in docs/scripts.md.
        """

    static let queries = """
        who said "TEXT"                     statements whose words match TEXT (verbatim quotes first)
        what did ACTOR say, quotes by ACTOR  every statement by the actor
        quotes about ACTOR                  statements about the actor
        quotes mentioning "TEXT"            statements whose words match TEXT, in text order
        who is ACTOR                        a profile of the actor
        actors, people, organizations, groups, places
        quotes, events                      every statement, every event
        events involving ACTOR | on DATE | before DATE | after DATE | in MONTH [YEAR] | in PLACE
        mentions of ACTOR                   every reference to the actor, pronouns resolved
        source of ID                        the paragraph a record stands in, its words marked ⟦…⟧
        Stages, after '|': where COND (=, !=, <, <=, >, >=, has "TEXT", and, or, not, parentheses),
        sort by FIELD [asc|desc], limit N, count, count by FIELD, show FIELD, …
        let NAME = QUERY binds rows for later statements; explain QUERY shows how it is read.
        $NAME stands for a value given with --arg NAME=VALUE.

        Examples:
          who said "surrender"
          quotes by Gov. Walz | show id, kind, text
          quotes by Homan | where kind = direct | count
          events on 2026-02-04 | where match = exact
          who is the border czar
          source of s25
        """

    static let formats = """
        table   aligned columns with a row count (the default)
        json    one array of objects
        jsonl   one object per line
        csv     RFC 4180, with a header row
        plain   tab-separated values, no header
        Set with --format or :format.
        """
}
