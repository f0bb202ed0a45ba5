import NewsModel
import NewsQuery
import NewsShell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one run of `newsq` was asked to do: the parsed command line, as a plain value.
///
/// ``NewsqCommand`` (ArgumentParser) produces it for every command line; ``quick(_:)``
/// produces the same value for the common one-shot forms without ArgumentParser, which costs
/// about 1.5 ms of runtime type-metadata work per process — a fifth of a `-c` query
/// (docs/performance.md). A test checks that both parsers agree on every form `quick` accepts.
struct Options: Equatable {
    /// Script files to run in order (`-` is standard input), or with `test`, files and folders.
    var files: [String] = []
    /// The `-c` queries, in order.
    var commands: [String] = []
    /// The `--arg NAME=VALUE` texts, in order.
    var arguments: [String] = []
    /// `--keep-going`.
    var keepGoing = false
    /// `--test`.
    var test = false
    /// `--update`.
    var update = false
    /// `--format`, if given.
    var format: OutputFormat?
    /// `--color`.
    var color: ColorChoice = .auto
    /// `--model FILE`, if given.
    var model: String?
    /// `--sandbox`.
    var sandbox = false
    /// `--export-model`.
    var exportModel = false
    /// `--article FILE`, if given: an article's text to extract a model from.
    var article: String?
    /// `--date YYYY-MM-DD`, if given: the date of an article that states none.
    var date: String?
    /// `--db FILE`, if given: the corpus to query (and to add to).
    var db: String?
    /// `--add PATH`, in order: files and folders to add to the corpus (`-`: paths on stdin).
    var add: [String] = []
    /// `--remove ID`, in order: articles to take out of the corpus.
    var remove: [String] = []
    /// `--report FILE.html`, if given: the annotated report to write at the end.
    var report: String?

    /// Parses the command lines that need no help, no validation message and no defaults from
    /// ArgumentParser, or returns `nil` to leave the command line to ``NewsqCommand``.
    ///
    /// Accepted: `-c QUERY`, `--format F`, `--color WHEN`, `--arg NAME=VALUE`, `--model FILE`
    /// `--db FILE` (also as `--option=value`), `--keep-going`, `--sandbox`, `--export-model` and script
    /// files (at most one `-`). Anything else — `--help`, `--version`, `--test`, `--update`,
    /// `--`, an unknown or repeated single-valued option, a value that is missing, looks like
    /// an option or is invalid — returns `nil`, so its error or help text is ArgumentParser's.
    static func quick(_ arguments: [String]) -> Options? {
        var options = Options()
        var seen: Set<String> = []
        var index = 0
        // The value of the option at `index`: attached after `=`, else the next argument.
        func value(_ name: String, attached: String?) -> String? {
            if let attached { return attached }
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("-") || (name == "--article" && arguments[index] == "-") else {
                return nil
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "-c" where attached == nil:
                guard let query = value(name, attached: nil) else { return nil }
                options.commands.append(query)
            case "--arg":
                guard let text = value(name, attached: attached), Script.assignment(text) != nil else { return nil }
                options.arguments.append(text)
            case "--format", "--color", "--model", "--article", "--date", "--db":
                guard seen.insert(name).inserted, let text = value(name, attached: attached) else { return nil }
                if name == "--format" {
                    guard let format = OutputFormat(rawValue: text) else { return nil }
                    options.format = format
                } else if name == "--color" {
                    guard let color = ColorChoice(rawValue: text) else { return nil }
                    options.color = color
                } else if name == "--article" {
                    options.article = text
                } else if name == "--db" {
                    options.db = text
                } else if name == "--date" {
                    guard CalendarDate(iso: text) != nil else { return nil }
                    options.date = text
                } else {
                    options.model = text
                }
            case "--keep-going" where attached == nil:
                options.keepGoing = true
            case "--sandbox" where attached == nil:
                options.sandbox = true
            case "--export-model" where attached == nil:
                options.exportModel = true
            default:
                guard argument == "-" || !argument.hasPrefix("-") else { return nil }
                if argument == "-" && options.files.contains("-") { return nil }
                options.files.append(argument)
            }
            index += 1
        }
        // The combinations NewsqCommand.validate refuses are its to explain.
        if options.article != nil && options.model != nil { return nil }
        if options.date != nil && options.article == nil { return nil }
        if options.db != nil && (options.article != nil || options.model != nil) { return nil }
        if options.article == "-" && options.files.contains("-") { return nil }
        return options
    }
}

/// When to colour output.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    /// Whether to colour a stream, given whether it is a terminal; `auto` honours `NO_COLOR`.
    func enabled(onTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return onTerminal && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        }
    }
}
