import BundledArticle
import NewsModel
import NewsQuery
import NewsStore

/// The expectation engine behind `newsq --test` and `expectScriptPasses`: runs a script in a
/// fresh ``Session``, compares each unit's output (or error) with its `# expect` block, and
/// describes every mismatch with a unified diff; it can rewrite the expectations from the
/// actual output (`--update`).
///
/// Test runs are reproducible: output is rendered in `table` format (until `# format:` or
/// `:format` changes it), with no width limit and no colour; the script's `# args:` give
/// `$NAME` values (``arguments`` override them). Standard error (timings, confirmations) is
/// not compared. A unit without an expectation is not checked, except that an error in it
/// fails the test. See `docs/scripts.md`.
public struct ScriptTester {
    /// The model every script runs over.
    public var model: ArticleModel
    /// Where the model came from, for `:article`.
    public var modelSource: String
    /// `$NAME` values that override the scripts' `# args:` (`--arg` with `--test`).
    public var arguments: [String: String]
    /// Polled between statements; when it returns `true` the run stops.
    public var isInterrupted: () -> Bool = { false }
    /// The corpus every script runs over instead of ``model`` (`newsq --db FILE --test`).
    public var corpus: CorpusDatabase?

    /// A tester over `model`.
    public init(model: ArticleModel = .bundled, modelSource: String = "bundled", arguments: [String: String] = [:]) {
        self.model = model
        self.modelSource = modelSource
        self.arguments = arguments
    }

    /// Reads and tests the script at `path`.
    public func test(file path: String) throws(ScriptRunner.ReadFailure) -> ScriptTestReport {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw ScriptRunner.ReadFailure(path: path, reason: error.description)
        }
        return test(Script(text: text, name: path), path: path)
    }

    /// Tests `script`, read from `path` when it came from a file (for relative `:run` paths).
    public func test(_ script: Script, path: String?) -> ScriptTestReport {
        var report = ScriptTestReport(script: script)
        for problem in script.problems {
            report.checks.append(.init(kind: .problem, line: problem.line, passed: false,
                                       message: "\(script.name):\(problem.line): error: \(problem.message)"))
        }
        let buffer = OutputBuffer()
        let session: Session
        do {
            session = try Session(model: model, modelSource: modelSource, output: buffer.sink, messages: .discard)
        } catch {
            report.checks.append(.init(kind: .problem, line: 1, passed: false, message: "\(script.name): error: \(error)"))
            return report
        }
        if let corpus { session.open(corpus: corpus) }
        session.interpreter.arguments = script.arguments.merging(arguments) { $1 }
        session.isInterrupted = isInterrupted
        session.withScript(Session.ScriptFrame(name: script.name, path: path)) {
            for unit in script.units {
                if isInterrupted() {
                    report.wasInterrupted = true
                    return
                }
                if case .format(let name) = unit.kind {
                    guard let format = OutputFormat(rawValue: name.lowercased()) else {
                        report.checks.append(.init(kind: .problem, line: unit.line, passed: false, message:
                            "\(script.name):\(unit.line): error: unknown format '\(name)' (table, json, jsonl, csv, plain)"))
                        continue
                    }
                    session.format = format
                    continue
                }
                session.resultsWritten = 0
                let outcome = session.execute(unit, of: script)
                if let check = check(unit, outcome: outcome, printed: buffer.take(), in: script) {
                    report.checks.append(check)
                }
                if case .interrupted = outcome {
                    report.wasInterrupted = true
                    return
                }
                if case .quit = outcome { return }
            }
        }
        return report
    }

    /// The check of one unit, or `nil` when there is nothing to check (no expectation, no error).
    private func check(_ unit: Script.Unit, outcome: Session.Outcome, printed: String, in script: Script) -> ScriptTestReport.Check? {
        let actualOutput = Self.outputLines(printed)
        var failure: SessionError?
        if case .failure(let error) = outcome { failure = error }
        guard let expectation = unit.expectation else {
            guard let failure else { return nil }
            return .init(kind: .unexpectedError, line: failure.line, passed: false,
                         message: DiagnosticRenderer().render(failure.queryError))
        }
        let expected: [String]
        let actual: [String]
        var replacement = expectation
        switch expectation.content {
        case .output(let lines):
            expected = lines.map(Self.trimmingTrailingBlanks)
            if let failure {
                actual = [Self.errorLine(failure, withPosition: true)]
                replacement.content = .error(message: failure.message, line: failure.line, column: failure.column)
            } else {
                actual = actualOutput
                replacement.content = .output(actualOutput)
            }
        case .error(let message, let line, let column):
            let withPosition = line != nil
            expected = ["error: " + (withPosition ? "\(line!):\(column ?? 1): " : "") + message]
            if let failure {
                actual = [Self.errorLine(failure, withPosition: withPosition)]
                let matches = failure.message == message && (line == nil || line == failure.line)
                    && (column == nil || column == failure.column)
                if matches { return .init(kind: .expectation, line: expectation.line, passed: true, message: "") }
                replacement.content = .error(message: failure.message, line: withPosition ? failure.line : nil,
                                             column: withPosition ? failure.column : nil)
            } else {
                actual = actualOutput
                replacement.content = .output(actualOutput)
            }
        }
        if expected == actual, failure == nil {
            return .init(kind: .expectation, line: expectation.line, passed: true, message: "")
        }
        let diff = UnifiedDiff(old: expected, new: actual).render()
        let header = "\(script.name):\(expectation.line): expectation for line \(unit.line) failed: \(unit.summary)"
        return .init(kind: .expectation, line: expectation.line, passed: false,
                     message: ([header] + diff).joined(separator: "\n"), replacement: replacement)
    }

    /// `error: LINE:COL: MESSAGE` (or `error: MESSAGE`), how errors show in diffs.
    static func errorLine(_ error: SessionError, withPosition: Bool) -> String {
        "error: " + (withPosition ? "\(error.line):\(error.column): " : "") + error.message
    }

    /// Printed text as expectation lines: split at line breaks (a final one ends the last
    /// line), trailing blanks removed. No output is one empty line, like `# expect:` alone.
    public static func outputLines(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: Lexer.isLineBreak).map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines.map(trimmingTrailingBlanks)
    }

    static func trimmingTrailingBlanks(_ line: String) -> String {
        guard let last = line.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(line[...last])
    }

    // MARK: - Many files

    /// What a run over many files came to.
    public struct Summary: Sendable, Equatable {
        /// Expectations that held.
        public var passed = 0
        /// Expectations that did not hold, unexpected errors and malformed directives.
        public var failed = 0
        /// Expectations rewritten by `--update`.
        public var updated = 0
        /// Whether ^C stopped the run.
        public var wasInterrupted = false

        /// `N passed, N failed`: the last line `newsq --test` prints.
        public var line: String { "\(passed) passed, \(failed) failed" }
    }

    /// The script files `paths` name: each file as given, and every `*.nq` file under each
    /// folder (sorted).
    public static func scriptFiles(in paths: [String]) throws(ScriptRunner.ReadFailure) -> [String] {
        var files: [String] = []
        for path in paths {
            if TextFile.isDirectory(path) {
                do {
                    files += try TextFile.files(under: path, withSuffix: ".nq")
                } catch {
                    throw ScriptRunner.ReadFailure(path: path, reason: error.description)
                }
            } else if TextFile.exists(path) {
                files.append(path)
            } else {
                throw ScriptRunner.ReadFailure(path: path, reason: "No such file or directory")
            }
        }
        return files
    }

    /// Tests every script `paths` name, writing each failure (a diff, or the diagnostic of an
    /// unexpected error), a line per file, and finally `N passed, N failed` to `output`. With
    /// `update`, mismatched expectations are rewritten in place instead of failing.
    ///
    /// - Throws: ``ScriptRunner/ReadFailure`` when a path names nothing (before anything runs)
    ///   or a file cannot be read or rewritten.
    public func run(paths: [String], update: Bool, output: OutputSink) throws(ScriptRunner.ReadFailure) -> Summary {
        var summary = Summary()
        var updatedFiles = 0
        for file in try Self.scriptFiles(in: paths) {
            let report = try test(file: file)
            let fixable = update ? report.failures.filter { $0.replacement != nil } : []
            let failures = report.failures.filter { check in !fixable.contains(check) }
            for failure in failures { output.writeLine(failure.message) }
            if !fixable.isEmpty {
                do {
                    try TextFile.write(report.script.text(replacing: fixable.compactMap(\.replacement)), to: file)
                } catch {
                    throw ScriptRunner.ReadFailure(path: file, reason: error.description)
                }
                updatedFiles += 1
            }
            var status = "\(file): \(report.passed) passed"
            if !fixable.isEmpty { status += ", \(fixable.count) updated" }
            if !failures.isEmpty { status += ", \(failures.count) failed" }
            output.writeLine(status)
            summary.passed += report.passed
            summary.failed += failures.count
            summary.updated += fixable.count
            if report.wasInterrupted {
                summary.wasInterrupted = true
                break
            }
        }
        if update {
            output.writeLine("\(summary.updated) expectation\(summary.updated == 1 ? "" : "s") updated in \(updatedFiles) file\(updatedFiles == 1 ? "" : "s")")
        }
        output.writeLine(summary.line)
        return summary
    }
}

/// What testing one script found.
public struct ScriptTestReport: Sendable, Equatable {
    /// One thing checked.
    public struct Check: Sendable, Equatable {
        /// What was checked.
        public enum Kind: Sendable, Equatable {
            /// A `# expect` block.
            case expectation
            /// A unit without an expectation that failed.
            case unexpectedError
            /// A malformed directive, or an unusable model.
            case problem
        }

        /// What was checked.
        public var kind: Kind
        /// The line to look at: the expectation's first line, or the error's.
        public var line: Int
        /// Whether it held.
        public var passed: Bool
        /// For a failure: `FILE:LINE: …` and a unified diff, or the diagnostic.
        public var message: String
        /// For a failed expectation: the block `--update` writes in its place.
        public var replacement: Script.Expectation?
    }

    /// The script tested.
    public var script: Script
    /// Every check: malformed directives first, then what each unit found, in file order.
    public var checks: [Check] = []
    /// Whether ^C stopped the test.
    public var wasInterrupted = false

    /// The checks that failed.
    public var failures: [Check] { checks.filter { !$0.passed } }
    /// How many checks held.
    public var passed: Int { checks.count - failures.count }
    /// How many checks failed.
    public var failed: Int { failures.count }
    /// Every failure's message, separated by blank lines; empty when all held.
    public var failureText: String { failures.map(\.message).joined(separator: "\n\n") }
    /// The script with every failed expectation rewritten from the actual output (what
    /// `--update` writes), or `nil` when none needs it.
    public var updatedText: String? {
        let replacements = failures.compactMap(\.replacement)
        return replacements.isEmpty ? nil : script.text(replacing: replacements)
    }
}
