import BundledArticle
import NewsModel
import NewsQuery
import Testing

/// Swift Testing expectations over the interpreter: each records an issue at the caller's
/// source location when its check (``checkRows(_:_:columns:)`` and siblings) fails, and lets
/// the test go on.
///
/// ```swift
/// let shell = try Interpreter(model: .bundled)
/// shell.expectRows("quotes by Walz | show id, kind", [["s8", "reported"], ["s9", "direct"]])
/// shell.expectError("quotes by Homen", message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#,
///                   line: 1, column: 11)
/// ```
extension Interpreter {
    /// Expects `query` to return exactly `expected` (compared on `columns` when given).
    public func expectRows(_ query: String, _ expected: [[Value]], columns: [String]? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        record(sourceLocation) { () throws(CheckFailure) in try checkRows(query, expected, columns: columns) }
    }

    /// Expects the values of one column of `query`'s result, top to bottom.
    public func expectColumn(_ query: String, _ column: String, _ expected: [Value],
                             sourceLocation: SourceLocation = #_sourceLocation) {
        record(sourceLocation) { () throws(CheckFailure) in try checkColumn(query, column, expected) }
    }

    /// Expects `query` to fail with `message`, at `line` and `column` when given.
    public func expectError(_ query: String, message: String, line: Int? = nil, column: Int? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        record(sourceLocation) { () throws(CheckFailure) in
            try checkError(query, message: message, line: line, column: column)
        }
    }
}

/// Expects every `# expect` line of the script at `path` to hold, as `newsq --test` checks
/// them; each mismatch is recorded at the caller's source location with its `FILE:LINE` and
/// a unified diff.
///
/// - Parameters:
///   - path: The script, relative to the current folder (the package root under `swift test`).
///   - model: The model it runs over.
///   - arguments: `$NAME` values; they override the script's `# args:` line.
public func expectScriptPasses(_ path: String, model: ArticleModel = .bundled, arguments: [String: String] = [:],
                               sourceLocation: SourceLocation = #_sourceLocation) {
    record(sourceLocation) { () throws(CheckFailure) in try GoldenScript.check(path, model: model, arguments: arguments) }
}

/// Runs a check and records its failure as an issue at `sourceLocation`.
private func record(_ sourceLocation: SourceLocation, _ check: () throws(CheckFailure) -> Void) {
    do {
        try check()
    } catch {
        Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
    }
}
