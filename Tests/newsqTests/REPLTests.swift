import Foundation
import Testing

/// The interactive shell, driven through the real `newsq` binary in a pseudo-terminal: typing,
/// Tab, history across sessions, ^C, ^D, continuation lines, pasted blocks and non-ASCII input.
///
/// Each test runs in its own temporary home (HOME, XDG_STATE_HOME and NEWSQ_HISTORY point
/// into it) with `TERM=xterm` and no locale variables, so the C.UTF-8 fallback is exercised.
/// Assertions look at what the program prints, not at the echo of typed keys.
@Suite("The interactive shell")
struct REPLTests {
    /// A session's temporary home and its history file.
    struct Home {
        var folder: URL
        var historyPath: String { folder.appendingPathComponent("state/newsq/history").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-repl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        var environment: [String: String] {
            ["HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
             "NEWSQ_HISTORY": historyPath, "TERM": "xterm", "PATH": "/usr/bin:/bin"]
        }

        /// Writes a history file as a previous session would have left it.
        func writeHistory(_ lines: [String]) throws {
            let url = URL(fileURLWithPath: historyPath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }

        func historyLines() throws -> [String] {
            try String(contentsOfFile: historyPath, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// Starts `newsq` (no arguments: the REPL) in `home` and waits for its first prompt.
    func start(_ home: Home, environment extra: [String: String] = [:], columns: UInt16 = 100,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: CommandLineTests.executable.path,
                                          environment: home.environment.merging(extra) { $1 }, columns: columns)
        terminal.waitForPrompt(sourceLocation: sourceLocation)
        return terminal
    }

    @Test func welcomeQueryAndRows() throws {
        let terminal = try start(Home())
        #expect(terminal.text.contains(
            "newsq 0.1.0 — metro-surge-2026-02-04 (AP, 2026-02-04). Type :help for help, :quit to leave."))
        terminal.type("quotes by Homan | where kind = direct | count\r")
        terminal.waitFor("(1 row)")
        #expect(terminal.text.contains("     5\r\n"))
        terminal.waitForPrompt(count: 2)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func tabCompletesAnActorName() throws {
        let terminal = try start(Home())
        terminal.type("quotes by Wal\t")
        terminal.waitFor("z")
        terminal.type("\r")
        terminal.waitFor("(2 rows)")
        #expect(terminal.text.contains("Tim Walz"))
        #expect(!terminal.text.contains("error"))
    }

    @Test func upArrowRecallsAnEntryOfAPreviousSession() throws {
        let home = try Home()
        try home.writeHistory(["quotes by Homan | count", "who is Frey"])
        let terminal = try start(home)
        terminal.type("\u{1B}[A\r")
        terminal.waitFor("Jacob Frey")
        terminal.waitForPrompt(count: 2)
        // A multi-line entry is one history entry and comes back whole.
        terminal.type("quotes by Homan\r  | where kind = direct\r  | count\r")
        terminal.waitFor("     5\r\n")
        terminal.waitForPrompt(count: 3)
        terminal.type("\u{1B}[A\r")
        terminal.waitFor("     5\r\n", count: 2)
        terminal.waitForPrompt(count: 4)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(try home.historyLines() == [
            "quotes by Homan | count", "who is Frey", #"quotes by Homan\n  | where kind = direct\n  | count"#,
        ])
    }

    @Test func controlCDiscardsAHalfTypedLine() throws {
        let terminal = try start(Home())
        terminal.type("quotes by Homen")
        terminal.waitFor("Homen")
        terminal.type("\u{03}")
        terminal.waitForPrompt(count: 2)
        terminal.type("actors | count\r")
        terminal.waitFor("(1 row)")
        #expect(terminal.text.contains("    37\r\n"))
        #expect(!terminal.text.contains("error"))
        terminal.waitForPrompt(count: 3)
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func controlDOnAnEmptyLineExitsZero() throws {
        let terminal = try start(Home())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func anOpenQuoteAsksForMore() throws {
        let terminal = try start(Home())
        terminal.type("who said \"\r")
        terminal.waitForPrompt("   \"> ")
        terminal.type("surrender\"\r")
        terminal.waitFor("(1 row)")
        #expect(terminal.text.contains("Tom Homan"))
        terminal.waitForPrompt(count: 2)
        terminal.type("quotes | where (kind = direct\r")
        terminal.waitForPrompt("   (> ")
        terminal.type("or kind = partial) | count\r")
        terminal.waitFor("(1 row)", count: 2)
        terminal.waitForPrompt(count: 3)
        terminal.type("quotes by Homan |\r")
        terminal.waitForPrompt("   |> ")
        terminal.type("count\r")
        terminal.waitFor("    16\r\n")
    }

    @Test func aPastedBlockRunsStatementByStatement() throws {
        let terminal = try start(Home())
        terminal.type("quotes by Homan\r  | where kind = direct\r  | count\ractors | count\r")
        terminal.waitFor("    37\r\n")
        #expect(terminal.text.contains("     5\r\n"))
        #expect(!terminal.text.contains("error"))
        #expect(!terminal.text.contains("newsq> newsq> "))
    }

    @Test func aCurlyApostropheFindsJDVance() throws {
        let terminal = try start(Home())
        terminal.type("who said \"we’re not\" | show speaker\r")
        terminal.waitFor("(1 row)")
        #expect(terminal.text.contains("JD Vance"))
    }

    @Test func nonASCIIInputIsKept() throws {
        let home = try Home()
        let terminal = try start(home)
        terminal.type("who said \"café — 北京’s\"\r")
        terminal.waitFor("no statement has the word \"café\"")
        terminal.waitForPrompt(count: 2)
        terminal.type("who said café 北京\r")
        terminal.waitFor("found 'café 北京'")
        terminal.waitForPrompt(count: 3)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(try home.historyLines() == ["who said \"café — 北京’s\"", "who said café 北京"])
    }

    @Test func theHistoryFileIsPrivate() throws {
        let home = try Home()
        let terminal = try start(home)
        terminal.type("places\r")
        terminal.waitForPrompt(count: 2)
        let attributes = try FileManager.default.attributesOfItem(atPath: home.historyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try home.historyLines() == ["places"])
    }

    @Test func historySurvivesKillNine() throws {
        let home = try Home()
        let terminal = try start(home)
        terminal.type("places\r")
        terminal.waitForPrompt(count: 2)
        terminal.type("quotes by Walz | count\r")
        terminal.waitForPrompt(count: 3)
        terminal.type("who is Fr")  // half typed when the shell dies: never entered, not kept
        kill(terminal.pid, SIGKILL)
        #expect(terminal.waitForExit() == 128 + SIGKILL)
        #expect(try home.historyLines() == ["places", "quotes by Walz | count"])

        // The next session starts from that file and keeps appending to it.
        let next = try start(home)
        next.type("\u{1B}[A")  // up arrow: the last entry of the killed session
        next.waitFor("quotes by Walz | count")
        next.type("\r")
        next.waitFor("(1 row)")
        next.waitForPrompt(count: 2)
        next.type("people\r")
        next.waitForPrompt(count: 3)
        next.type("\u{04}")
        #expect(next.waitForExit() == 0)
        // Entering the recalled line again adds nothing (it equals the previous entry).
        #expect(try home.historyLines() == ["places", "quotes by Walz | count", "people"])
    }

    @Test func twoShellsAtOnceKeepEveryEntry() throws {
        let home = try Home()
        let first = try start(home)
        let second = try start(home)
        for round in 1...3 {
            first.type("places | count # first \(round)\r")
            second.type("people | count # second \(round)\r")
            first.waitForPrompt(count: round + 1)
            second.waitForPrompt(count: round + 1)
        }
        first.type("\u{04}")
        second.type("\u{04}")
        #expect(first.waitForExit() == 0)
        #expect(second.waitForExit() == 0)
        let lines = try home.historyLines()
        #expect(lines.count == 6)
        #expect(lines.filter { $0.contains("# first") } == (1...3).map { "places | count # first \($0)" })
        #expect(lines.filter { $0.contains("# second") } == (1...3).map { "people | count # second \($0)" })
    }

    @Test func historyCanBeTurnedOff() throws {
        let home = try Home()
        let terminal = try start(home, environment: ["NEWSQ_HISTORY": ""])
        terminal.type("places\r")
        terminal.waitForPrompt(count: 2)
        terminal.type(":history\r")
        terminal.waitFor("1  places")
        terminal.waitForPrompt(count: 3)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: home.historyPath))
    }

    @Test func controlCStopsARunningScriptAndTheSessionLivesOn() throws {
        let home = try Home()
        let script = home.folder.appendingPathComponent("long.nq")
        try String(repeating: "quotes | count\n", count: 20_000).write(to: script, atomically: true, encoding: .utf8)
        let terminal = try start(home)
        terminal.type(":run \(script.path)\r")
        terminal.waitFor("(1 row)", count: 3)
        terminal.type("\u{03}")
        terminal.waitFor("interrupted")
        terminal.waitForPrompt(count: 2)
        #expect(terminal.text.components(separatedBy: "(1 row)").count - 1 < 20_000)
        terminal.type("places | count\r")
        terminal.waitFor("     4\r\n")
        terminal.waitForPrompt(count: 3)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func outputFollowsTheTerminalWidth() throws {
        let terminal = try start(Home())
        func widestLine(after start: Int) -> Int {
            String(decoding: terminal.output[start...], as: UTF8.self)
                .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                .components(separatedBy: "\r\n").filter { $0.contains(" | ") }.map(\.count).max() ?? 0
        }
        var mark = terminal.output.count
        terminal.type("quotes by Walz\r")
        terminal.waitFor("(2 rows)")
        let wide = widestLine(after: mark)
        #expect(wide > 80 && wide <= 100)
        terminal.waitForPrompt(count: 2)

        var size = winsize(ws_row: 30, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        #expect(ioctl(terminal.master, UInt(TIOCSWINSZ), &size) == 0)
        mark = terminal.output.count
        terminal.type("quotes by Walz\r")
        terminal.waitFor("(2 rows)", count: 2)
        let narrow = widestLine(after: mark)
        #expect(narrow > 60 && narrow <= 80)
    }

    // MARK: - What a newcomer meets

    /// The lines the program wrote after `mark`, colour codes removed.
    func lines(_ terminal: PseudoTerminal, after mark: Int) -> [String] {
        String(decoding: terminal.output[mark...], as: UTF8.self)
            .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .components(separatedBy: "\r\n")
    }

    @Test func atWidth80TheWelcomeWrapsBetweenWordsAndHelpFits() throws {
        let terminal = try start(Home(), columns: 80)
        #expect(terminal.text.contains(
            "newsq 0.1.0 — metro-surge-2026-02-04 (AP, 2026-02-04). Type :help for help,\r\n:quit to leave.\r\n"))
        let mark = terminal.output.count
        terminal.type(":help\r")
        terminal.waitFor(":timing [on|off]")
        terminal.waitForPrompt(count: 2)
        let help = lines(terminal, after: mark)
        #expect(help.contains("Queries (:help queries lists them all):"))
        #expect(help.contains { $0.hasPrefix("  who said \"surrender\"") })
        #expect(help.contains { $0.hasPrefix("  :format [table|json|jsonl|csv|plain]  Show or set the output format") })
        #expect(help.allSatisfy { $0.count <= 80 }, "\(help.filter { $0.count > 80 })")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func bareHelpAndQuitDoWhatTheySay() throws {
        let terminal = try start(Home())
        terminal.type("help\r")
        terminal.waitFor("Queries (:help queries lists them all):")
        terminal.waitForPrompt(count: 2)
        terminal.type("quit\r")
        #expect(terminal.waitForExit() == 0)
        let other = try start(Home())
        other.type("exit;\r")
        #expect(other.waitForExit() == 0)
    }

    @Test func historyShowsAMultiLineEntryWithoutBlankLines() throws {
        let terminal = try start(Home())
        terminal.type("quotes by Homan |\r")
        terminal.waitForPrompt(count: 1)
        terminal.type("\r")
        terminal.type("count\r")
        terminal.waitFor("(1 row)")
        terminal.waitForPrompt(count: 2)
        let mark = terminal.output.count
        terminal.type(":history\r")
        terminal.waitFor("  count")
        terminal.waitForPrompt(count: 3)
        let shown = lines(terminal, after: mark)
        let first = try #require(shown.firstIndex { $0.hasSuffix("1  quotes by Homan |") })
        #expect(shown[first + 1] == "   count")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    /// A PostgreSQL URL's password typed in the shell is never shown again nor written down:
    /// not in the failing `:open`'s message, not in `:history`, not in the history file, not in
    /// what Up recalls (no server is needed: port 1 refuses at once).
    @Test func aServerPasswordIsMaskedInMessagesHistoryAndRecall() throws {
        let home = try Home()
        let terminal = try start(home, columns: 250)
        var mark = terminal.output.count
        terminal.type(":open postgresql://ana:hunter2@127.0.0.1:1/news\r")
        terminal.waitFor("what was open stays open")
        terminal.waitForPrompt(count: 2)
        // What newsq wrote after the echo of the typed line.
        let answer = lines(terminal, after: mark).dropFirst().joined(separator: "\n")
        #expect(answer.contains("cannot open postgresql://ana:***@127.0.0.1:1/news: cannot connect to postgresql://ana:***@127.0.0.1:1/news"))
        #expect(answer.contains(":open postgresql://ana:***@127.0.0.1:1/news\n"))
        #expect(!answer.contains("hunter2"), "\(answer)")

        mark = terminal.output.count
        terminal.type(":history\r")
        terminal.waitForPrompt(count: 3)
        let listed = lines(terminal, after: mark).dropFirst().joined(separator: "\n")
        #expect(listed.contains("1  :open postgresql://ana:***@127.0.0.1:1/news"), "\(listed)")
        #expect(!listed.contains("hunter2"), "\(listed)")

        // Up twice: past `:history`, the `:open` line comes back masked.
        mark = terminal.output.count
        terminal.type("\u{1B}[A\u{1B}[A")
        terminal.waitFor("***@127.0.0.1:1/news")
        #expect(!String(decoding: terminal.output[mark...], as: UTF8.self).contains("hunter2"))
        // Run as recalled, it is the masked URL that is tried (and refused, as before).
        terminal.type("\r")
        terminal.waitFor("what was open stays open", count: 2)
        terminal.waitForPrompt(count: 4)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.text.dropFirst(mark).contains("hunter2"))
        let open = ":open postgresql://ana:***@127.0.0.1:1/news"
        #expect(try home.historyLines() == [open, ":history", open])
    }
}
