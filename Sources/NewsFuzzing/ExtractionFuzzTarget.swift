import NewsExtraction
import NewsModel
import NewsQuery

/// The extraction fuzz target: one input is the bytes of an article file, read and extracted
/// as `newsq --article` does, and the model queried.
///
/// The libFuzzer executable `fuzz-extract` calls ``run(_:)`` once per input; the regression test
/// replays every saved input through the same function. A finding is a trap: a crash, a hang
/// (libFuzzer's timeout), a sanitizer report, or one of these checks failing:
/// - the extractor either refuses the input with an ``ExtractionError`` whose message is not
///   empty, or returns a model that ``ModelValidator`` accepts — never an invalid model
///   (``ExtractionError/invalidModel(problems:)`` is a defect in the extractor);
/// - the model is one an ``Interpreter`` takes, and the common queries over it run.
public final class ExtractionFuzzTarget {
    /// The queries every extracted model answers.
    public static let queries = ["quotes | count by speaker", "actors", "events", "mentions | count", #"who said "the""#]

    private let extractor = Extractor()
    private let date = CalendarDate(year: 2026, month: 2, day: 4)!

    /// A target.
    public init() {}

    /// Runs one input.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        let model: ArticleModel
        do {
            model = try extractor.extract(bytes: Array(bytes), fileName: "fuzz.txt", date: date)
        } catch {
            if case .invalidModel(let problems) = error {
                preconditionFailure("the extractor made an invalid model:\n" + problems.joined(separator: "\n"))
            }
            precondition(!error.description.isEmpty, "an extraction error without a message")
            return
        }
        let issues = ModelValidator().validate(model)
        precondition(issues.isEmpty, "an extracted model does not validate:\n" + issues.map(\.description).joined(separator: "\n"))
        let interpreter: Interpreter
        do {
            interpreter = try Interpreter(model: model)
        } catch {
            preconditionFailure("the interpreter refuses an extracted model: \(error)")
        }
        for query in Self.queries {
            do {
                _ = try interpreter.run(query)
            } catch {
                // Only a word no statement has may stop `who said`; anything else is a defect.
                precondition(query.hasPrefix("who said") && error.diagnostics.first?.kind == .name,
                             "\(query) failed on an extracted model: \(DiagnosticRenderer().render(error))")
            }
        }
    }
}
