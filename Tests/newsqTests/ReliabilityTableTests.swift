import Foundation
import Testing

/// `docs/reliability.md`'s table of bad inputs, run row by row: each command must print the
/// documented first line on standard error and exit with the documented status.
@Suite("docs/reliability.md: bad inputs")
struct ReliabilityTableTests {
    struct Row: CustomStringConvertible {
        var input: String
        var command: String
        var firstLine: String
        var status: Int32
        var description: String { input }
    }

    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/reliability.md")

    /// The table's rows: the lines starting with `|` under `## Bad inputs`, header and rule
    /// skipped; cells split at unescaped `|`, `\|` read as `|`, code backticks removed.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var inSection = false
        var rows: [Row] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inSection = line == "## Bad inputs" }
            guard inSection, line.hasPrefix("|") else { continue }
            let cells = cells(of: String(line))
            guard cells.count == 4, let status = Int32(cells[3]) else { continue }
            rows.append(Row(input: cells[0], command: cells[1], firstLine: cells[2], status: status))
        }
        return rows
    }

    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var characters = Array(line.dropFirst())[...]
        while let character = characters.popFirst() {
            if character == "\\", characters.first == "|" {
                current.append("|")
                characters.removeFirst()
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells.map { cell in
            var trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("`"), trimmed.hasSuffix("`"), trimmed.count >= 2 {
                trimmed = String(trimmed.dropFirst().dropLast())
            }
            return trimmed
        }
    }

    @Test func theTableHasRows() throws {
        #expect(try Self.rows().count >= 15)
    }

    @Test(arguments: try ReliabilityTableTests.rows())
    func row(_ row: Row) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", row.command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandLineTests.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NEWSQ_HISTORY"] = ""
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let first = stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(first == row.firstLine, "\(row.input)")
        #expect(process.terminationStatus == row.status, "\(row.input): \(stderr.prefix(300))")
    }
}
