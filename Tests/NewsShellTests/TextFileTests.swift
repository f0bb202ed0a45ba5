import Foundation
import Testing
@testable import NewsShell

/// Reading rejects invalid UTF-8 with the offset of the first bad byte; writing replaces a
/// file whole or not at all.
@Suite("Text files")
struct TextFileTests {
    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0x63], 2),        // a stray continuation-less byte
        ([0x61, 0xC3], 1),                    // a sequence cut short at the end
        ([0xE2, 0x80, 0x41], 2),              // a sequence broken in the middle
        ([0xC0, 0x80], 0),                    // an overlong NUL
        ([0xED, 0xA0, 0x80], 1),              // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 1),        // above U+10FFFF
    ] as [([UInt8], Int)])
    func firstBadByte(bytes: [UInt8], offset: Int) {
        #expect(TextFile.firstInvalidUTF8Offset(bytes) == offset)
    }

    @Test func wellFormedTextHasNoBadByte() {
        #expect(TextFile.firstInvalidUTF8Offset(Array("é — ’ 習 🙂".utf8)) == nil)
    }

    @Test func readingNamesTheOffset() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).nq").path
        try Data([0x71, 0x75, 0x6F, 0x74, 0x65, 0x73, 0x0A, 0xFF]).write(to: URL(fileURLWithPath: path))
        #expect(throws: TextFile.Failure.self) { try TextFile.read(path) }
        do {
            _ = try TextFile.read(path)
        } catch {
            #expect("\(error)" == "not valid UTF-8 text (first bad byte at offset 7)")
        }
    }

    @Test func writingReplacesTheFileAndLeavesNoTemporary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("out.json").path
        try TextFile.write("first", to: path)
        try TextFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
        #expect(throws: TextFile.Failure.self) { try TextFile.write("x", to: folder.appendingPathComponent("missing/out.json").path) }
    }
}
