import NewsQuery

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What Tab does at one cursor position: which text to replace, the choices, and what to insert.
public struct Completion: Sendable, Equatable {
    /// The Unicode-scalar offsets of the text replaced (it always ends at the cursor).
    public var range: Range<Int>
    /// The choices, each as it would stand in place of the replaced text.
    public var candidates: [String]
    /// What to put in place of the replaced text: a unique candidate with what follows it (a
    /// space, a closing quote; nothing after a folder's `/`), else the longest prefix every
    /// candidate shares (never shorter than what was typed).
    public var insertion: String

    /// No completion at `cursor`.
    public static func none(at cursor: Int) -> Completion {
        Completion(range: cursor..<cursor, candidates: [], insertion: "")
    }
}

/// Tab completion that knows the query grammar: given a line and a cursor, what could be typed
/// there.
///
/// - At the start of a statement: the statement keywords and the names bound with `let`.
/// - After `who`, `what`, `quotes`, `events`, `mentions`, `source`, `sort`, `count`: the words
///   the grammar allows next (`said`/`is`, `did`, `by`/`about`/`mentioning`, …).
/// - After `who is`, `quotes by`/`about`, `what did`, `mentions of`, `events involving`/`in`:
///   actor names and aliases (a person's surname alone is enough: `Wal` → `Walz`); several
///   words are completed as a whole (`Tim W` → `Tim Walz`); a name that is not bare words is
///   quoted.
/// - After `where`, `and`, `or`, `not`, `(`, `sort by`, `count by`, `show`, `,`: the fields of
///   the table the query's source produces (after `count` or `show`, the columns those leave).
/// - After `FIELD =`: the field's values (`kind = di` → `direct`), actors for actor fields.
/// - Inside an open quote after `who said`, `mentioning` or `has`: words of the article; a
///   unique word closes the quote.
/// - After `:`: meta-command names; after `:run`, `:load`, `:export`: file paths.
///
/// Matching ignores case and diacritics (``TextAnalyzer/fold(_:)``).
public struct CompletionEngine: Sendable {
    /// What completions are drawn from.
    public var vocabulary: CompletionVocabulary
    /// Lists a folder for path completion: its entries' names and whether each is a folder.
    public var listFolder: @Sendable (String) -> [(name: String, isFolder: Bool)]

    /// Creates an engine.
    public init(vocabulary: CompletionVocabulary,
                listFolder: @escaping @Sendable (String) -> [(name: String, isFolder: Bool)] = FolderListing.entries) {
        self.vocabulary = vocabulary
        self.listFolder = listFolder
    }

    /// The completion for `line` with the cursor after `cursor` Unicode scalars.
    public func complete(_ line: String, cursor: Int) -> Completion {
        let scalars = line.unicodeScalars
        let cursor = max(0, min(cursor, scalars.count))
        let before = String(String.UnicodeScalarView(scalars.prefix(cursor)))
        let trimmed = before.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(":") {
            return completeMetaCommand(before, cursor: cursor)
        }
        var tokens = Lexer.tokenize(before).filter { $0.kind != .end && $0.kind != .newline }
        if let semicolon = tokens.lastIndex(where: { $0.kind == .semicolon }) {
            tokens.removeSubrange(...semicolon)
        }
        if let last = tokens.last, last.kind == .error, last.diagnostic?.kind == .incomplete,
           last.lexeme.hasPrefix("\"") || last.lexeme.hasPrefix("“")
        {
            return completeInString(last, context: Array(tokens.dropLast()), before: before, cursor: cursor)
        }
        // The word being typed: a word token that touches the cursor.
        var prefix = ""
        var start = cursor
        if let last = tokens.last, last.range.end.offset == cursor {
            switch last.kind {
            case .word:
                prefix = last.text
                start = last.range.start.offset
                tokens.removeLast()
            case .string, .integer, .date, .variable, .error:
                return .none(at: cursor)
            default:
                break  // punctuation: complete what may follow it
            }
        }
        let (candidates, terminator, phraseStart) = choices(after: tokens, prefix: prefix)
        return Self.make(candidates, typed: prefix, range: (phraseStart ?? start)..<cursor, terminator: terminator,
                         phrase: phraseStart.map { _ in Self.text(before, from: phraseStart!, to: cursor) })
    }

    // MARK: - Grammar positions

    /// The candidates after the tokens `context` for a word starting with `prefix`, what
    /// follows a unique one, and (for multi-word actor names) where the replaced phrase starts.
    private func choices(after context: [Token], prefix: String) -> ([String], String, Int?) {
        let words = context.map { $0.kind == .word ? $0.text.lowercased() : $0.kind == .pipe ? "|" : $0.lexeme }
        let statement = Self.statementStart(words)
        guard statement < words.count else {
            if words.last == "let" { return ([], " ", nil) }
            return (Keywords.commands + vocabulary.variables.keys.sorted(), " ", nil)
        }
        let last = words[words.count - 1]
        let previous = words.count >= 2 ? words[words.count - 2] : ""
        let atSource = words.count - 1 == statement
        let stages = ["where", "sort", "limit", "count", "show"]

        // Actor names: the bare words after an actor keyword, and the words typed so far.
        if let (keyword, runStart) = actorRun(words, context: context, statement: statement) {
            let run = words[(runStart + 1)...]
            if keyword == "source" {
                return run.isEmpty ? (vocabulary.recordIDs, " ", nil) : (stages, " ", nil)
            }
            let followers = keyword == "what" ? ["say"] : stages
            if run.isEmpty {
                var names = prefix.isEmpty ? vocabulary.preferredActorNames : vocabulary.actorNames
                if keyword == "events-in" { names = Keywords.monthNames + vocabulary.placeNames }
                return (names.map { quoteIfNeeded($0, stopAtSay: keyword == "what") }, " ", nil)
            }
            if prefix.isEmpty { return (followers, " ", nil) }
            var typed = (run + [prefix]).joined(separator: " ")
            let names = keyword == "events-in" ? vocabulary.placeNames : vocabulary.actorNames
            // A leading "the" is not part of a name (`quotes by the b` → "the border czar").
            var article = ""
            if typed.lowercased().hasPrefix("the "), typed.count > 4 {
                article = String(typed.prefix(4))
                typed = String(typed.dropFirst(4))
            }
            let phrase = names.filter { name in
                guard Self.folds(typed, isPrefixOf: name) else { return false }
                // After "the ", names only: not ids (`border-patrol`), nor names with their own "the".
                return article.isEmpty || !(Self.folds("the ", isPrefixOf: name) || (name.contains("-") && !name.contains(" ")))
            }.map { article + $0 }
            if !phrase.isEmpty {
                return (phrase.map { quoteIfNeeded($0, stopAtSay: keyword == "what") }, " ", context[runStart + 1].range.start.offset)
            }
            return (followers, " ", nil)
        }

        switch last {
        case "who" where atSource: return (["said", "is", "mentioned"], " ", nil)
        case "what" where atSource: return (["did"], " ", nil)
        case "when" where atSource: return (["did"], " ", nil)
        case "how" where atSource: return (["many"], " ", nil)
        case "source" where atSource: return (["of"], " ", nil)
        case "mentions" where atSource: return (["of"] + stages, " ", nil)
        case "quotes" where atSource, "statements" where atSource: return (["by", "about", "mentioning"] + stages, " ", nil)
        case "events" where atSource: return (["involving", "on", "in", "before", "after", "between"] + stages, " ", nil)
        case "|": return (stages, " ", nil)
        case "sort" where isStage(words, at: words.count - 1): return (["by"], " ", nil)
        case "count" where isStage(words, at: words.count - 1): return (["by"] + stages.filter { $0 != "count" }, " ", nil)
        case "where", "and", "or", "not", "(", "show":
            return (fields(words, statement: statement) + (last == "show" ? [] : ["not", "has"]), " ", nil)
        case "by" where previous == "sort" || previous == "count":
            return (fields(words, statement: statement), " ", nil)
        case ",":
            return (fields(words, statement: statement), " ", nil)
        case "asc", "desc": return (stages, " ", nil)
        case "has", "limit", "let": return ([], " ", nil)  // a string, a number, a new name
        default: break
        }
        if let token = context.last, token.kind == .comparison, words.count >= 2 {
            let field = words[words.count - 2]
            if vocabulary.actorFields.contains(field) {
                return (vocabulary.actorNames.filter { !$0.contains(" ") }, " ", nil)
            }
            return (vocabulary.fieldValues[field] ?? [], " ", nil)
        }
        // After a complete sort key, comparison or field list.
        let stage = words.indices.last { Keywords.stages.contains(words[$0]) && isStage(words, at: $0) }.map { words[$0] }
        if stage == "sort" { return (["asc", "desc"] + stages, " ", nil) }
        if stage == "where", words.count >= 2, context[context.count - 2].kind == .comparison {
            return (["and", "or"] + stages, " ", nil)
        }
        return (stages, " ", nil)
    }

    /// Where the current statement's query starts: after `let NAME =` or `explain`.
    private static func statementStart(_ words: [String]) -> Int {
        if words.first == "let" { return words.count >= 3 && words[2] == "=" ? 3 : words.count }
        if words.first == "explain" { return 1 }
        return 0
    }

    /// When the statement is an actor keyword followed only by bare words: the keyword's
    /// source (`quotes`, `who`, `what`, `mentions`, `events`, `events-in`, `source`) and the
    /// keyword's index.
    private func actorRun(_ words: [String], context: [Token], statement: Int) -> (String, Int)? {
        let index = statement + 1
        guard index < words.count, let keyword = Self.introducesActor(words, at: index, statement: statement) else {
            return nil
        }
        let rest = (index + 1)..<words.count
        guard rest.allSatisfy({ context[$0].kind == .word && !Keywords.stages.contains(words[$0]) }) else { return nil }
        // In `what did … say`, the actor ends at `say`; `source of` takes one id.
        if keyword == "what", words[rest].contains("say") { return nil }
        if keyword == "source", rest.count > 1 { return nil }
        return (keyword, index)
    }

    /// Whether the word at `index` introduces an actor (or a record id), and for which source.
    private static func introducesActor(_ words: [String], at index: Int, statement: Int) -> String? {
        guard index == statement + 1 else { return nil }
        switch (words[statement], words[index]) {
        case ("who", "is"), ("who", "was"), ("who", "mentioned"): return "who"
        case ("what", "did"), ("what", "does"): return "what"
        case ("quotes", "by"), ("quotes", "about"), ("quotes", "from"), ("statements", "by"), ("statements", "about"),
             ("statements", "from"):
            return "quotes"
        case ("mentions", "of"): return "mentions"
        case ("source", "of"): return "source"
        case ("events", "involving"), ("events", "about"): return "events"
        case ("events", "in"): return "events-in"
        default: return nil
        }
    }

    /// Whether the stage keyword at `index` stands as a stage (not as a field: `sort by count`).
    private func isStage(_ words: [String], at index: Int) -> Bool {
        guard index > 0 else { return false }
        return !["by", ",", "show", "where", "and", "or", "not", "(", "=", "==", "!=", "<>", "<", "<=", ">", ">="]
            .contains(words[index - 1])
    }

    /// The fields of the rows the statement's query has at its end: those of its source's
    /// table, narrowed by `count`, `count by` and `show` stages before the end.
    private func fields(_ words: [String], statement: Int) -> [String] {
        guard statement < words.count else { return [] }
        let source = words[statement]
        let next = words.count > statement + 1 ? words[statement + 1] : ""
        var columns: [String]
        switch source {
        case "who": columns = vocabulary.fields[next == "is" ? .profile : .statementMatches] ?? []
        case "what": columns = vocabulary.fields[.statements] ?? []
        case "quotes", "statements": columns = vocabulary.fields[next == "mentioning" ? .statementMatches : .statements] ?? []
        case "actors", "people", "organizations", "organisations", "groups", "places": columns = vocabulary.fields[.actors] ?? []
        case "events":
            let timed = ["on", "before", "after"].contains(next)
                || (next == "in" && words.count > statement + 2 && Keywords.month(named: words[statement + 2]) != nil)
            columns = vocabulary.fields[timed ? .eventMatches : .events] ?? []
        case "mentions": columns = vocabulary.fields[.mentions] ?? []
        case "source": columns = vocabulary.fields[.sources] ?? []
        default: columns = vocabulary.variables.first { $0.key.lowercased() == source }?.value ?? []
        }
        // Stages that replace the columns, up to (not including) the stage being typed.
        var index = statement + 1
        while index < words.count {
            if words[index] == "count", isStage(words, at: index) {
                let by = index + 1 < words.count && words[index + 1] == "by"
                if by, index + 3 < words.count { columns = [words[index + 2], "count"] }
                if !by { columns = ["count"] }
            } else if words[index] == "show", isStage(words, at: index) {
                var picked: [String] = []
                var cursor = index + 1
                while cursor < words.count, words[cursor] != "|", !Keywords.stages.contains(words[cursor]) || words[cursor - 1] == "," || cursor == index + 1 {
                    if words[cursor] != "," { picked.append(words[cursor]) }
                    cursor += 1
                }
                if cursor < words.count { columns = picked }
            }
            index += 1
        }
        return columns
    }

    // MARK: - Strings and meta-commands

    /// Inside an open quote: article words after `who said`, `mentioning` and `has`.
    private func completeInString(_ string: Token, context: [Token], before: String, cursor: Int) -> Completion {
        let keyword = context.last.map { $0.kind == .word ? $0.text.lowercased() : "" } ?? ""
        let scalars = Array(before.unicodeScalars)
        let closing = string.lexeme.hasPrefix("“") ? "”" : "\""
        let words = context.map { $0.kind == .word ? $0.text.lowercased() : $0.lexeme }
        let statement = Self.statementStart(words)
        if words.count == statement + 2, Self.introducesActor(words, at: statement + 1, statement: statement) != nil {
            // A quoted actor name: complete the whole name inside the quote.
            let start = string.range.start.offset + 1
            let typed = String(String.UnicodeScalarView(scalars[start..<cursor]))
            let names = vocabulary.actorNames + (words[statement + 1] == "in" ? Keywords.monthNames : [])
            return Self.make(names, typed: typed, range: start..<cursor, terminator: closing, phrase: nil)
        }
        guard ["said", "mentioning", "has"].contains(keyword) else { return .none(at: cursor) }
        var start = cursor
        while start > string.range.start.offset + 1, Self.isPatternWordScalar(scalars[start - 1]) { start -= 1 }
        let typed = String(String.UnicodeScalarView(scalars[start..<cursor]))
        return Self.make(vocabulary.articleWords, typed: typed, range: start..<cursor, terminator: closing, phrase: nil)
    }

    private static func isPatternWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'" || scalar == "’"
            || scalar == "-" || scalar == "*" || scalar.properties.generalCategory == .nonspacingMark
    }

    /// After `:`: command names, then a command's argument (a path, a format…).
    private func completeMetaCommand(_ before: String, cursor: Int) -> Completion {
        let scalars = Array(before.unicodeScalars)
        var start = cursor
        while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "\t" { start -= 1 }
        let typed = String(String.UnicodeScalarView(scalars[start..<cursor]))
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let isFirstWord = words.count <= 1 && start == cursor - typed.unicodeScalars.count && !before.hasSuffix(" ")
        if isFirstWord || (words.count == 1 && !before.hasSuffix(" ") && !before.hasSuffix("\t")) {
            return Self.make(vocabulary.metaCommands, typed: typed, range: start..<cursor, terminator: " ", phrase: nil)
        }
        let command = words.first!.lowercased()
        if vocabulary.fileCommands.contains(command) {
            return completePath(typed, range: start..<cursor)
        }
        let topics = vocabulary.metaCommands.map { String($0.dropFirst()) } + ["queries", "formats"]
        let values = command == ":help" ? topics : vocabulary.metaArguments[command] ?? []
        return Self.make(values, typed: typed, range: start..<cursor, terminator: " ", phrase: nil)
    }

    /// File names in the folder `typed` names (`~/` for the home folder), folders with `/`.
    private func completePath(_ typed: String, range: Range<Int>) -> Completion {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var listed = folder.isEmpty ? "." : folder
        if listed.hasPrefix("~/"), let home = HistoryStore.processEnvironment["HOME"] {
            listed = home + listed.dropFirst()
        }
        let entries = listFolder(listed)
            .filter { $0.name.hasPrefix(base) && ($0.name.hasPrefix(".") == base.hasPrefix(".")) }
            .map { folder + $0.name + ($0.isFolder ? "/" : "") }
            .sorted()
        if entries.count == 1, entries[0].hasSuffix("/") {
            return Completion(range: range, candidates: entries, insertion: entries[0])
        }
        return Self.make(entries, typed: typed, range: range, terminator: " ", phrase: nil, foldCase: false)
    }

    // MARK: - Building the answer

    /// The completion choosing among `all` those that extend `typed` (or, for a multi-word
    /// `phrase`, the phrase).
    private static func make(_ all: [String], typed: String, range: Range<Int>, terminator: String, phrase: String?,
                             foldCase: Bool = true) -> Completion
    {
        let key = phrase ?? typed
        var seen: Set<String> = []
        let candidates = all.filter { candidate in
            let bare = candidate.hasPrefix("\"") ? String(candidate.dropFirst()) : candidate
            let matches = foldCase ? folds(key, isPrefixOf: bare) || folds(key, isPrefixOf: candidate) : candidate.hasPrefix(key)
            return matches && seen.insert(foldCase ? TextAnalyzer.fold(candidate) : candidate).inserted
        }
        guard !candidates.isEmpty else { return Completion(range: range, candidates: [], insertion: key) }
        if candidates.count == 1 {
            return Completion(range: range, candidates: candidates, insertion: candidates[0] + terminator)
        }
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            common = commonPrefix(common, candidate, foldCase: foldCase)
        }
        // Nothing settled beyond what was typed: keep it as typed (so the editor lists the choices).
        let settled = foldCase ? TextAnalyzer.fold(common) != TextAnalyzer.fold(key) : common != key
        let insertion = settled && common.unicodeScalars.count >= key.unicodeScalars.count ? common : key
        return Completion(range: range, candidates: candidates, insertion: insertion)
    }

    /// The longest common prefix, comparing characters folded (keeping `a`'s spelling).
    private static func commonPrefix(_ a: String, _ b: String, foldCase: Bool) -> String {
        var result = ""
        for (x, y) in zip(a, b) {
            let same = foldCase ? TextAnalyzer.fold(String(x)) == TextAnalyzer.fold(String(y)) : x == y
            guard same else { break }
            result.append(x)
        }
        return result
    }

    /// Whether `typed`, folded, begins `candidate`, folded.
    static func folds(_ typed: String, isPrefixOf candidate: String) -> Bool {
        TextAnalyzer.fold(candidate).hasPrefix(TextAnalyzer.fold(typed))
    }

    /// The text of `line` between two Unicode-scalar offsets.
    private static func text(_ line: String, from start: Int, to end: Int) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(start).prefix(end - start)))
    }

    /// `name` as an actor reference: bare when it is bare words that stop nowhere early, else
    /// in quotes.
    private func quoteIfNeeded(_ name: String, stopAtSay: Bool) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let bare = words.allSatisfy { word in
            guard let first = word.first, Lexer.isWordStart(first), word.allSatisfy(Lexer.isWordPart) else { return false }
            let lowered = word.lowercased()
            return !Keywords.stages.contains(lowered) && !(stopAtSay && lowered == "say")
        }
        return bare ? name : QueryPrinter.quote(name)
    }
}

/// Lists folders for path completion.
public enum FolderListing {
    /// The entries of `path` (without `.` and `..`) and whether each is a folder; empty when the
    /// folder cannot be read.
    @Sendable public static func entries(_ path: String) -> [(name: String, isFolder: Bool)] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var result: [(String, Bool)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var info = stat()
            let full = (path.hasSuffix("/") ? path : path + "/") + name
            let isFolder = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            result.append((name, isFolder))
        }
        return result
    }
}
