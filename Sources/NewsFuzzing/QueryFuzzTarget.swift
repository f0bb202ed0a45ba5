import BundledArticle
import NewsModel
import NewsQuery

/// The query fuzz target: one input is the text of a program, run through the whole query path
/// — lex, parse, print, resolve, evaluate, render — over the bundled model.
///
/// The libFuzzer executable `fuzz-query` calls ``run(_:)`` once per input; the regression test
/// replays every saved input through the same function. A finding is a trap: a crash, a
/// sanitizer report, or one of the checks below failing through `precondition`.
///
/// Checks, beyond "does not crash":
/// - every statement the parser accepts prints (``QueryPrinter``) to text that parses again;
/// - every diagnostic's range lies inside the source, and its message is not empty;
/// - results and diagnostics render in every format without trapping.
public final class QueryFuzzTarget {
    /// How many inputs one interpreter serves before a fresh one replaces it, so `let` bindings
    /// made by earlier inputs cannot accumulate without bound.
    public static let inputsPerInterpreter = 500

    /// The renderers every result goes through: a narrow table, JSON and CSV.
    public static let renderers = [
        ResultRenderer(format: .table, width: 40),
        ResultRenderer(format: .json),
        ResultRenderer(format: .csv),
    ]

    private let model: ArticleModel
    private var interpreter: Interpreter
    private var inputsRun = 0

    /// A target over `model`, the bundled article unless given.
    ///
    /// - Precondition: `model` is valid (the interpreter accepts it).
    public init(model: ArticleModel = .bundled) {
        self.model = model
        self.interpreter = Self.makeInterpreter(model)
    }

    /// Runs one input: the bytes, decoded as UTF-8 (invalid sequences replaced), as a program.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        run(String(decoding: bytes, as: UTF8.self))
    }

    /// Runs one program: every statement in order, an error in one not stopping the rest.
    public func run(_ source: String) {
        inputsRun += 1
        if inputsRun % Self.inputsPerInterpreter == 0 {
            interpreter = Self.makeInterpreter(model)
        }
        let length = source.unicodeScalars.count
        let statements: [QueryStatement]
        do {
            statements = try Parser.parse(source, sourceName: "<fuzz>")
        } catch {
            Self.check(error, length: length, source: source)
            return
        }
        for statement in statements {
            Self.checkPrintedForm(of: statement, source: source)
            do {
                let result = try interpreter.execute(statement, source: source, sourceName: "<fuzz>")
                for renderer in Self.renderers {
                    _ = renderer.render(result)
                }
            } catch {
                Self.check(error, length: length, source: source)
            }
        }
    }

    private static func makeInterpreter(_ model: ArticleModel) -> Interpreter {
        do {
            return try Interpreter(model: model)
        } catch {
            preconditionFailure("the fuzz model is invalid: \(error)")
        }
    }

    /// A statement the parser accepted prints to source that parses again.
    private static func checkPrintedForm(of statement: QueryStatement, source: String) {
        let printed = QueryPrinter.print(statement)
        do {
            let reparsed = try Parser.parse(printed, sourceName: "<printed>")
            precondition(reparsed.count == 1, "printed form \(printed.debugDescription) of \(source.debugDescription) holds \(reparsed.count) statements")
        } catch {
            preconditionFailure("printed form \(printed.debugDescription) of \(source.debugDescription) does not parse: \(error.diagnostics.map(\.message))")
        }
    }

    /// A query error carries diagnostics inside the source and renders, plain and coloured.
    private static func check(_ error: QueryError, length: Int, source: String) {
        precondition(!error.diagnostics.isEmpty, "an error without diagnostics for \(source.debugDescription)")
        for diagnostic in error.diagnostics {
            precondition(!diagnostic.message.isEmpty, "an empty diagnostic for \(source.debugDescription)")
            let range = diagnostic.range
            precondition(0 <= range.start.offset && range.start.offset <= range.end.offset && range.end.offset <= length,
                         "diagnostic range \(range.start.offset)..<\(range.end.offset) outside \(length) scalars of \(source.debugDescription)")
        }
        _ = DiagnosticRenderer(color: false).render(error)
        _ = DiagnosticRenderer(color: true).render(error)
    }
}
