import NewsModel
import NewsQuery

/// The model-file fuzz target: one input is the bytes of a model file, decoded with
/// ``ModelFile/decode(_:)``.
///
/// The libFuzzer executable `fuzz-model` calls ``run(_:)`` once per input; the regression test
/// replays every saved input through the same function. A finding is a trap: a crash, a
/// sanitizer report, or one of the checks below failing through `precondition`.
///
/// Checks, beyond "does not crash":
/// - a rejected file is rejected with at least one issue;
/// - an accepted model encodes to text that decodes to an equal model;
/// - when the interpreter accepts the model, a few queries run and render over it.
public enum ModelFuzzTarget {
    /// The statements run over every model the interpreter accepts.
    public static let queries = [
        "actors",
        "events",
        "quotes | sort paragraph desc | limit 3",
        "who said \"the\"",
        "mentions of actors",
    ]

    /// Runs one input: the bytes, decoded as UTF-8 (invalid sequences replaced), as a model file.
    public static func run(_ bytes: UnsafeRawBufferPointer) {
        run(String(decoding: bytes, as: UTF8.self))
    }

    /// Runs one model file's text.
    public static func run(_ text: String) {
        let model: ArticleModel
        do {
            model = try ModelFile.decode(text)
        } catch {
            precondition(!error.issues.isEmpty, "a rejected model file without issues")
            _ = error.description
            return
        }
        let encoded = ModelFile.encode(model)
        do {
            let again = try ModelFile.decode(encoded)
            precondition(again == model, "the model changes on an encode–decode round trip")
        } catch {
            preconditionFailure("an accepted model encodes to a file that does not decode: \(error)")
        }
        guard let interpreter = try? Interpreter(model: model) else { return }
        for query in queries {
            do {
                let result = try interpreter.run(query, sourceName: "<fuzz>")
                _ = ResultRenderer(format: .table, width: 40).render(result)
                _ = ResultRenderer(format: .json).render(result)
            } catch {
                _ = DiagnosticRenderer().render(error)
            }
        }
    }
}
