import NewsModel

/// The embeddable query engine: runs newsq statements over one article model.
///
/// All session state lives here: the model, its text index and name index (each built once,
/// on first use), the `let` bindings, and the `$NAME` arguments. Nothing is
/// printed; results and diagnostics are values.
///
/// ```swift
/// let shell = try Interpreter(model: .bundled)
/// let rows = try shell.run(#"who said "surrender""#)
/// rows.column("speaker")   // ["Tom Homan"]
/// ```
public final class Interpreter {
    /// Why an interpreter cannot be made for a model: the model does not validate.
    public struct InvalidModel: Error, Sendable, CustomStringConvertible {
        /// Every problem, with its JSON path.
        public var issues: [ModelIssue]

        /// The problems, one per line.
        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// The model queries run over.
    public let model: ArticleModel
    /// Values for `$NAME` in queries (`--arg NAME=VALUE` on the command line).
    public var arguments: [String: String] {
        get { context.arguments }
        set { context.arguments = newValue }
    }
    /// The results bound with `let` so far, by name.
    public var bindings: [String: QueryResult] { context.bindings }

    private let context: EvaluationContext

    /// Prepares an interpreter for `model`, validating it; its indexes are built on first use.
    public init(model: ArticleModel) throws(InvalidModel) {
        let issues = ModelValidator().validate(model)
        guard issues.isEmpty else { throw InvalidModel(issues: issues) }
        self.model = model
        self.context = EvaluationContext(model: model)
    }

    /// Prepares an interpreter for a model that is already known to be valid, without
    /// validating it again: `ArticleModel.bundled`, which `BundledModel.build()` validates as it
    /// builds it (and the test suite checks). For the command line's start-up; any other model
    /// goes through ``init(model:)``.
    package init(validatedModel model: ArticleModel) {
        self.model = model
        self.context = EvaluationContext(model: model)
    }

    /// Runs exactly one statement and returns its result.
    ///
    /// - Throws: ``QueryError`` with the diagnostics when the statement does not parse,
    ///   names something unknown, or when the source holds no statement or more than one.
    public func run(_ source: String, sourceName: String = "<input>") throws(QueryError) -> QueryResult {
        let statements = try Parser.parse(source, sourceName: sourceName)
        guard statements.count == 1 else {
            let end = Self.endPosition(of: source)
            let message = statements.isEmpty
                ? "no statement to run"
                : "\(statements.count) statements given; run(_:) takes one — use runAll(_:) for several"
            throw QueryError(diagnostics: [Diagnostic(kind: .syntax, message: message,
                                                      range: SourceRange(start: end, end: end))],
                             source: source, sourceName: sourceName)
        }
        return try execute(statements[0], source: source, sourceName: sourceName)
    }

    /// Runs every statement in order and returns their results; stops at the first error.
    public func runAll(_ source: String, sourceName: String = "<input>") throws(QueryError) -> [QueryResult] {
        let statements = try Parser.parse(source, sourceName: sourceName)
        var results: [QueryResult] = []
        for statement in statements {
            results.append(try execute(statement, source: source, sourceName: sourceName))
        }
        return results
    }

    /// Runs one parsed statement.
    public func execute(_ statement: QueryStatement, source: String, sourceName: String = "<input>") throws(QueryError) -> QueryResult {
        let evaluator = Evaluator(context: context, source: source, sourceName: sourceName)
        switch statement {
        case .query(let query):
            return try evaluator.evaluate(query).result
        case .bind(let name, let query):
            let result = try evaluator.evaluate(query).result
            context.bindings[name.text] = result
            return .message("\(name.text): \(result.rows.count) row\(result.rows.count == 1 ? "" : "s")")
        case .explain(let query, _):
            return .message(try Explainer(evaluator: evaluator).explain(query))
        }
    }

    private static func endPosition(of source: String) -> SourcePosition {
        var line = 1, column = 1
        for character in source {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePosition(line: line, column: column, offset: source.unicodeScalars.count)
    }
}

/// What evaluation reads and the session writes: the model, its indexes and tables, the name
/// resolver, bindings, arguments, and a cache of analyzed text.
///
/// The tables, the name resolver and the text index are built on first use, so a one-shot
/// query (`newsq -c`) pays only for what it reads: `quotes by Walz` never stems the article.
final class EvaluationContext {
    let model: ArticleModel
    private(set) lazy var tables = ModelTables(model: model)
    private(set) lazy var resolver = ActorResolver(actors: model.actors)
    private(set) lazy var index = TextIndex(model: model)
    var bindings: [String: QueryResult] = [:]
    var arguments: [String: String] = [:]
    private var analysis: [String: AnalyzedText] = [:]

    init(model: ArticleModel) {
        self.model = model
    }

    /// The analyzed form of a text, computed once per distinct text.
    func analyzed(_ text: String) -> AnalyzedText {
        if let cached = analysis[text] { return cached }
        let result = TextAnalyzer.analyze(text)
        analysis[text] = result
        return result
    }
}
