import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parts of the line editors that need no terminal: plain reading from a pipe, UTF-8
/// decoding of a byte stream, the candidate list layout, and the interrupt flag. (libedit
/// itself is tested through the REPL in a pseudo-terminal, in `newsqTests`.)
@Suite("Line editor")
struct LineEditorTests {
    /// A plain editor reading `bytes` from a pipe whose writing end is closed.
    func plainEditor(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> (PlainLineEditor, Int32) {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0, sourceLocation: sourceLocation)
        let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        try #require(written == bytes.count, sourceLocation: sourceLocation)
        close(ends[1])
        return (PlainLineEditor(descriptor: ends[0]), ends[0])
    }

    @Test func plainEditorReadsLinesAndEnds() throws {
        let (editor, descriptor) = try plainEditor(Array("quotes by Homan\n  | count\r\n\ncafé — 北京’s".utf8))
        defer { close(descriptor) }
        #expect(!editor.isInteractive)
        #expect(editor.peekLine() == "quotes by Homan")
        #expect(editor.readLine(prompt: "newsq> ") == .line("quotes by Homan"))
        #expect(editor.peekLine() == "  | count")
        #expect(editor.peekLine() == "  | count")
        #expect(editor.readLine(prompt: "") == .line("  | count"))
        #expect(editor.readLine(prompt: "") == .line(""))
        #expect(editor.peekLine() == "café — 北京’s")
        #expect(editor.readLine(prompt: "") == .line("café — 北京’s"))
        #expect(editor.peekLine() == nil)
        #expect(editor.readLine(prompt: "") == .eof)
        #expect(editor.readLine(prompt: "") == .eof)
    }

    @Test func plainEditorHasNoHistoryOrCompletion() throws {
        let (editor, descriptor) = try plainEditor(Array("a\n".utf8))
        defer { close(descriptor) }
        editor.addHistory("ignored")
        editor.completion = { _, _ in CompletionReply(replacing: 0, insertion: "x", candidates: ["x"]) }
        #expect(editor.readLine(prompt: "") == .line("a"))
        #expect(editor.readLine(prompt: "") == .eof)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let (editor, descriptor) = try plainEditor([0x61, 0xFF, 0x62, 0x0A])
        defer { close(descriptor) }
        #expect(editor.readLine(prompt: "") == .line("a\u{FFFD}b"))
    }

    @Test func utf8DecoderHandlesEveryLengthAndPartialInput() {
        func decode(_ bytes: [UInt8]) -> UTF8Decoder.Result { UTF8Decoder.decode(bytes[...]) }
        #expect(decode([]) == .needMore)
        #expect(decode([0x61]) == .character("a", length: 1))
        #expect(decode(Array("é".utf8)) == .character("é", length: 2))
        #expect(decode(Array("—".utf8)) == .character("—", length: 3))
        #expect(decode(Array("北".utf8)) == .character("北", length: 3))
        #expect(decode(Array("𝄞".utf8)) == .character("𝄞", length: 4))
        #expect(decode(Array("’x".utf8)) == .character("’", length: 3))
        // A character cut short waits for its other bytes.
        #expect(decode(Array(Array("北".utf8).prefix(2))) == .needMore)
        #expect(decode([0xF0, 0x9D]) == .needMore)
        // Invalid: a stray continuation byte, a bad continuation, an overlong form, a surrogate.
        #expect(decode([0x80, 0x61]) == .character("\u{FFFD}", length: 1))
        #expect(decode([0xE2, 0x41, 0x41]) == .character("\u{FFFD}", length: 1))
        #expect(decode([0xC0, 0x80]) == .character("\u{FFFD}", length: 1))
        #expect(decode([0xE0, 0x80, 0x80]) == .character("\u{FFFD}", length: 3))
        #expect(decode([0xED, 0xA0, 0x80]) == .character("\u{FFFD}", length: 3))
        // Decoding a slice starts at the slice's first byte.
        let bytes = Array("aé".utf8)
        #expect(UTF8Decoder.decode(bytes[1...]) == .character("é", length: 2))
    }

    @Test func candidatesAreLaidOutInColumnsDownFirst() {
        let names = ["Frey", "Homan", "Leavitt", "McLaughlin", "Trump", "Vance", "Walz"]
        let wide = CandidateList.layout(names, width: 100)
        #expect(wide == "Frey        Homan       Leavitt     McLaughlin  Trump       Vance       Walz\n")
        let narrow = CandidateList.layout(names, width: 40)
        #expect(narrow == """
            Frey        McLaughlin  Walz
            Homan       Trump
            Leavitt     Vance

            """)
        #expect(CandidateList.layout(names, width: 5) == names.map { $0 + "\n" }.joined())
        #expect(CandidateList.layout((1...5).map(String.init), width: 80, limit: 3) == "1  2  3\n(2 more)\n")
    }

    @Test func interruptFlagIsSetAndCleared() {
        InterruptSignal.install()
        #expect(!InterruptSignal.isPending)
        InterruptSignal.raise()
        #expect(InterruptSignal.isPending)
        #expect(InterruptSignal.clear())
        #expect(!InterruptSignal.isPending)
        #expect(!InterruptSignal.clear())
        // The real signal reaches the flag through the handler (raised on this thread, with
        // SIGINT unblocked: test runner threads may block signals).
        var interrupt = sigset_t(), previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
        raise(SIGINT)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #expect(InterruptSignal.clear())
    }

    @Test func replyCarriesWhatTheEditorNeeds() {
        let reply = CompletionReply(replacing: 3, insertion: "Walz ", candidates: ["Walz"])
        #expect(reply.replacing == 3 && reply.insertion == "Walz " && reply.candidates == ["Walz"])
        #expect(LineResult.line("a") != .eof)
    }
}
