import Foundation
import NewsShell
import Testing

/// The on-disk REPL history: format, rules for what is kept, file mode, cap and compaction,
/// concurrent sessions, and failures that only warn.
@Suite("History store")
struct HistoryStoreTests {
    /// A fresh temporary folder.
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func fileLines(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"), "the file ends with a line break", sourceLocation: sourceLocation)
        return text.split(separator: "\n").map(String.init)
    }

    @Test func encodingRoundTripsBackslashesAndLineBreaks() {
        let entries = ["quotes by Homan", "quotes by Homan\n  | where kind = direct", #"who said "a\"b\\c""#,
                       "trailing backslash \\", "\\n is not a line break", "café — 北京 ’", "cr\r\nlf"]
        for entry in entries {
            let line = HistoryStore.encode(entry)
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(HistoryStore.decode(Substring(line)) == entry)
        }
        #expect(HistoryStore.encode("a\nb\\c") == #"a\nb\\c"#)
        #expect(HistoryStore.decode(#"unknown \q escape"#) == #"unknown \q escape"#)
        #expect(HistoryStore.decode(#"dangling \"#) == #"dangling \"#)
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/newsq/history")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/u/"]) == "/home/u/.local/state/newsq/history")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/state"])
            == "/state/newsq/history")
        // A relative XDG_STATE_HOME is invalid per the spec and ignored.
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/h", "XDG_STATE_HOME": "state"]) == "/h/.local/state/newsq/history")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s", "NEWSQ_HISTORY": "/x/hist"])
            == "/x/hist")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/h", "NEWSQ_HISTORY": ""]) == nil)
        #expect(HistoryStore.defaultPath(environment: [:]) == nil)
    }

    @Test func entriesAreAppendedAtOnceWithMode0600InANewFolder() throws {
        let path = try temporaryFolder() + "/deep/er/history"
        let store = HistoryStore(path: path, warn: { Issue.record("unexpected warning: \($0)") })
        #expect(store.entries.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(store.add("quotes by Homan"))
        #expect(try fileLines(path) == ["quotes by Homan"])
        #expect(store.add("quotes by Walz\n| count"))
        #expect(try fileLines(path) == ["quotes by Homan", #"quotes by Walz\n| count"#])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect((folder[.posixPermissions] as? Int) == 0o700)

        let reopened = HistoryStore(path: path)
        #expect(reopened.entries == ["quotes by Homan", "quotes by Walz\n| count"])
    }

    @Test func duplicatesBlanksAndLeadingSpacesAreNotKept() throws {
        let path = try temporaryFolder() + "/history"
        let store = HistoryStore(path: path)
        #expect(store.add("actors"))
        #expect(!store.add("actors"))
        #expect(!store.add(""))
        #expect(!store.add("   "))
        #expect(!store.add(" secret query"))
        #expect(store.add("places"))
        #expect(store.add("actors"))
        #expect(store.entries == ["actors", "places", "actors"])
        #expect(try fileLines(path) == ["actors", "places", "actors"])
        // The last entry read from the file counts as the previous one.
        let next = HistoryStore(path: path)
        #expect(!next.add("actors"))
    }

    @Test func capAndCompaction() throws {
        let path = try temporaryFolder() + "/history"
        let store = HistoryStore(path: path, capacity: 10)
        for number in 1...20 { store.add("q\(number)") }
        #expect(store.entries == (11...20).map { "q\($0)" })
        #expect(try fileLines(path).count == 20)
        store.add("q21")
        // Past twice the capacity the file is rewritten with the newest entries.
        #expect(try fileLines(path) == (12...21).map { "q\($0)" })
        #expect(HistoryStore(path: path, capacity: 10).entries == (12...21).map { "q\($0)" })
        // Loading a long file keeps only the newest `capacity` entries in memory.
        #expect(HistoryStore(path: path, capacity: 3).entries == ["q19", "q20", "q21"])
    }

    @Test func twoSessionsAtOnceKeepEveryEntry() throws {
        let path = try temporaryFolder() + "/history"
        let first = HistoryStore(path: path)
        let second = HistoryStore(path: path)
        first.add("from first 1")
        second.add("from second 1")
        first.add("from first 2")
        second.add("from second 2")
        #expect(try fileLines(path) == ["from first 1", "from second 1", "from first 2", "from second 2"])
        #expect(HistoryStore(path: path).entries.count == 4)
    }

    @Test func anUnwritableFileWarnsOnceAndKeepsEntriesInMemory() throws {
        let folder = try temporaryFolder()
        // A folder where the file should be: it can be neither read as history nor written.
        let path = folder + "/history"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var warnings: [String] = []
        let store = HistoryStore(path: path, warn: { warnings.append($0) })
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("cannot read history file \(path): ") == true)
        store.add("actors")
        store.add("places")
        #expect(store.entries == ["actors", "places"])
        #expect(warnings.count == 2)
        #expect(warnings.last?.hasPrefix("cannot write history file \(path): ") == true)
        #expect(warnings.allSatisfy { !$0.contains("\n") })
    }

    @Test func aFileInAFolderThatCannotBeCreatedWarns() throws {
        let folder = try temporaryFolder()
        let blocker = folder + "/file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        var warnings: [String] = []
        let store = HistoryStore(path: blocker + "/newsq/history", warn: { warnings.append($0) })
        #expect(warnings.isEmpty)
        store.add("actors")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("cannot write history file") == true)
    }

    /// `/dev/full` accepts opens and fails every write with ENOSPC: a full disk.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDiskWarnsOnceAndKeepsEntriesInMemory() throws {
        var warnings: [String] = []
        let store = HistoryStore(path: "/dev/full", warn: { warnings.append($0) })
        store.add("actors")
        store.add("places")
        #expect(store.entries == ["actors", "places"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("cannot write history file /dev/full: ") == true)
        #expect(warnings.first?.contains("No space left on device") == true)
    }

    /// Devices and FIFOs are not read: `/dev/zero` never ends, a FIFO waits for a writer.
    @Test func devicesAndFIFOsAreNotReadAndNeverBlock() throws {
        for device in ["/dev/zero", "/dev/null"] where FileManager.default.fileExists(atPath: device) {
            var warnings: [String] = []
            let store = HistoryStore(path: device, warn: { warnings.append($0) })
            #expect(store.entries.isEmpty)
            #expect(warnings.isEmpty)
        }
        let fifo = try temporaryFolder() + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        var warnings: [String] = []
        let store = HistoryStore(path: fifo, warn: { warnings.append($0) })
        #expect(store.entries.isEmpty)
        store.add("actors")  // no reader: the open fails at once instead of waiting
        #expect(store.entries == ["actors"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("cannot write history file \(fifo): ") == true)
    }

    @Test func onlyTheEndOfAHugeFileIsRead() throws {
        let path = try temporaryFolder() + "/history"
        // 20 MB of old entries, then the newest few.
        let old = String(repeating: String(repeating: "o", count: 99) + "\n", count: 200_000)
        try (old + "newest 1\nnewest 2\n").write(toFile: path, atomically: false, encoding: .utf8)
        let store = HistoryStore(path: path)
        #expect(store.entries.suffix(2) == ["newest 1", "newest 2"])
        #expect(store.entries.count <= store.capacity)
        #expect(store.entries.dropLast(2).allSatisfy { $0 == String(repeating: "o", count: 99) })
    }

    /// A PostgreSQL URL's password never reaches the history: masked in the entry kept and in
    /// the file, and masked when an older file (or one written by hand) holds one.
    @Test func aServerPasswordIsKeptMasked() throws {
        let path = try temporaryFolder() + "/history"
        let store = HistoryStore(path: path, warn: { Issue.record("unexpected warning: \($0)") })
        #expect(store.add(":open postgresql://ana:hunter2@db.example:5432/news?sslmode=require"))
        #expect(store.add(#":open "postgres://ana:two words@db.example/news""#))
        #expect(store.add("quotes by Homan"))
        let masked = [":open postgresql://ana:***@db.example:5432/news?sslmode=require", #":open "postgres://ana:***@db.example/news""#,
                      "quotes by Homan"]
        #expect(store.entries == masked)
        #expect(try fileLines(path) == masked)
        // The same entry again, password and all, is the same entry: not kept twice.
        #expect(!store.add("quotes by Homan"))
        #expect(store.add(":open postgresql://ana:***@db.example:5432/news?sslmode=require"))
        #expect(!store.add(":open postgresql://ana:other@db.example:5432/news?sslmode=require"))

        let old = try temporaryFolder() + "/history"
        try ":open postgresql://ana:hunter2@db.example/news\nplaces\n".write(toFile: old, atomically: true, encoding: .utf8)
        #expect(HistoryStore(path: old).entries == [":open postgresql://ana:***@db.example/news", "places"])
    }
}
