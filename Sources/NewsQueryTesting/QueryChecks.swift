import BundledArticle
import NewsModel
import NewsQuery
import NewsShell

/// Why a check failed: a message that says what was expected and what happened, ready to show
/// in any test framework (Swift Testing's ``expectRows(_:_:columns:sourceLocation:)`` and its
/// siblings record it as an issue; with XCTest, `XCTAssertNoThrow(try shell.checkRows(…))`).
public struct CheckFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, possibly over several lines (a diff).
    public var description: String

    /// Creates a failure.
    public init(_ description: String) {
        self.description = description
    }
}

/// The framework-neutral checks: each runs something and throws ``CheckFailure`` when the
/// outcome is not the one expected.
extension Interpreter {
    /// Runs `query` (one statement) and checks its rows.
    ///
    /// - Parameters:
    ///   - query: One statement.
    ///   - expected: The rows, top to bottom, each a list of values (`"s8"`, `8`, `nil`, `.list([…])`).
    ///   - columns: The columns to compare, in this order; all of the result's columns when `nil`.
    public func checkRows(_ query: String, _ expected: [[Value]], columns: [String]? = nil) throws(CheckFailure) {
        let result = try runForCheck(query)
        var actual = result.rows
        if let columns {
            var indices: [Int] = []
            for name in columns {
                guard let index = result.columnIndex(name) else {
                    throw CheckFailure("\(query): no column '\(name)' (columns: \(result.columns.map(\.name).joined(separator: ", ")))")
                }
                indices.append(index)
            }
            actual = result.rows.map { row in indices.map { row[$0] } }
        }
        guard actual != expected else { return }
        let header = (columns ?? result.columns.map(\.name)).joined(separator: " | ")
        func lines(_ rows: [[Value]]) -> [String] {
            [header] + rows.map { $0.map { $0.isNull ? "null" : $0.displayText }.joined(separator: " | ") }
        }
        let diff = UnifiedDiff(old: lines(expected), new: lines(actual)).render()
        let detail = diff.isEmpty ? ["(the rows print the same but differ in type: \(expected) vs \(actual))"] : diff
        throw CheckFailure((["\(query): rows differ"] + detail).joined(separator: "\n"))
    }

    /// Runs `query` (one statement) and checks the values of one column, top to bottom.
    public func checkColumn(_ query: String, _ column: String, _ expected: [Value]) throws(CheckFailure) {
        try checkRows(query, expected.map { [$0] }, columns: [column])
    }

    /// Runs `query` and checks that it fails with `message` (its first diagnostic's), at
    /// `line` and `column` when they are given.
    public func checkError(_ query: String, message: String, line: Int? = nil, column: Int? = nil) throws(CheckFailure) {
        do {
            _ = try runAll(query)
        } catch {
            let diagnostic = error.diagnostics.first
            let position = diagnostic.map { "\($0.range.start.line):\($0.range.start.column)" } ?? "?"
            let matches = diagnostic?.message == message && (line == nil || diagnostic?.range.start.line == line)
                && (column == nil || diagnostic?.range.start.column == column)
            if matches { return }
            let wanted = (line.map { "\($0):\(column ?? 1): " } ?? "") + message
            throw CheckFailure("""
                \(query): expected the error
                  \(wanted)
                but got
                  \(position): \(error.message)
                """)
        }
        throw CheckFailure("\(query): expected the error \"\(message)\", but it ran without one")
    }

    private func runForCheck(_ query: String) throws(CheckFailure) -> QueryResult {
        do {
            return try run(query)
        } catch {
            throw CheckFailure("\(query): failed:\n" + DiagnosticRenderer().render(error))
        }
    }
}

/// Golden scripts: newsq scripts whose `# expect` lines are checked by the engine behind
/// `newsq --test` (``ScriptTester``), so a script passes here exactly when it passes there.
public enum GoldenScript {
    /// Runs the script at `path` (relative to the current folder: the package root under
    /// `swift test`) in a fresh session and checks every expectation.
    ///
    /// - Parameters:
    ///   - path: The script file.
    ///   - model: The model it runs over.
    ///   - arguments: `$NAME` values; they override the script's `# args:` line.
    /// - Throws: ``CheckFailure`` listing every mismatch with its `FILE:LINE` and a unified diff.
    public static func check(_ path: String, model: ArticleModel = .bundled, arguments: [String: String] = [:]) throws(CheckFailure) {
        let report: ScriptTestReport
        do {
            report = try ScriptTester(model: model, arguments: arguments).test(file: path)
        } catch {
            throw CheckFailure(error.description)
        }
        guard report.failed > 0 else { return }
        throw CheckFailure("\(path): \(report.passed) passed, \(report.failed) failed\n" + report.failureText)
    }
}
