import Foundation
import NewsQueryTesting
import Testing

/// The README's examples cannot rot: the embedding example is `ReadmeExampleTests.swift`,
/// character for character, and the script example passes `newsq --test`.
@Suite("README examples stay true")
struct ReadmeSyncTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The first ```swift block after `heading` in `markdown`.
    static func swiftBlock(after heading: String, in markdown: String,
                           sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let section = markdown.range(of: "\n" + heading + "\n") else {
            Issue.record("README has no heading \(heading)", sourceLocation: sourceLocation)
            return nil
        }
        let rest = markdown[section.upperBound...]
        guard let open = rest.range(of: "```swift\n"),
            let close = rest[open.upperBound...].range(of: "\n```\n")
        else {
            Issue.record("no ```swift block after \(heading)", sourceLocation: sourceLocation)
            return nil
        }
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func readmeExampleIsTheTestFile() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let test = try String(contentsOf: Self.root.appendingPathComponent("Tests/NewsQueryTestingTests/ReadmeExampleTests.swift"),
                              encoding: .utf8)
        let block = try #require(Self.swiftBlock(after: "## Embedding newsq in your tests", in: readme))
        // The test file is a comment header, a blank line, then the example.
        let body = try #require(test.range(of: "\n\n")).upperBound
        #expect(String(test[body...]) == block)
        #expect(block.contains("expectScriptPasses("))
        #expect(block.contains("expectError("))
    }

    /// The script under "## Scripts" holds: its `# expect` lines are real output.
    @Test func readmeScriptPasses() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "\n## Scripts\n"))
        let open = try #require(readme[section.upperBound...].range(of: "```text\n"))
        let close = try #require(readme[open.upperBound...].range(of: "```\n"))
        let script = String(readme[open.upperBound..<close.lowerBound])
        #expect(script.contains("# expect error:"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-readme-\(UUID().uuidString).nq").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try GoldenScript.check(path)
    }

    /// The golden script the example checks runs from the package root, as `swift test` does.
    @Test func goldenScriptPathIsRelativeToThePackageRoot() {
        #expect(FileManager.default.fileExists(atPath: "examples/01-who-said.nq"))
    }
}
