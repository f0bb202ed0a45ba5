import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a terminal with libedit: emacs key bindings (or whatever `~/.editrc` asks
/// for), an in-memory history walked with the arrows and searched with ^R, Tab completion
/// through ``completion``, ^C as a key that discards the line and ^Z as a key that suspends.
///
/// libedit keeps the terminal in raw mode only inside ``readLine(prompt:)``; in between it is
/// back in normal mode, where ^C raises SIGINT (see ``InterruptSignal``). With `EL_SIGNAL` on,
/// libedit handles SIGWINCH itself while reading, so a resized terminal redraws correctly.
///
/// Creating one calls ``TerminalInfo/prepareLocale()``: under the "C" locale libedit drops
/// non-ASCII input.
public final class LibeditLineEditor: LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The prompt as a C string; libedit keeps the pointer the prompt callback returns, so the
    /// bytes live as long as the editor and are replaced only between reads.
    private var promptBytes: UnsafeMutablePointer<CChar>
    /// Set by the ^C key function during a read.
    private var interrupted = false
    /// Bytes read from the terminal that libedit has not taken yet: input is read through
    /// ``readCharacter(into:)`` so that ``peekLine()`` can look ahead at a pasted block.
    private var input: [UInt8] = []
    private var inputStart = 0

    /// What Tab does; `nil` beeps.
    public var completion: CompletionHandler?

    /// Sets up libedit on standard input and output; `nil` when standard input is not a
    /// terminal or libedit cannot start.
    ///
    /// - Parameters:
    ///   - program: The name `~/.editrc` lines may be prefixed with (`newsq:bind -v`).
    ///   - historySize: The most history entries kept in memory.
    public init?(program: String = "newsq", historySize: Int = 1000) {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        TerminalInfo.prepareLocale()
        guard let editLine = newsq_el_init(program) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        promptBytes = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        promptBytes.initialize(to: 0)

        _ = newsq_history_setsize(history, Int32(historySize))
        _ = newsq_history_setunique(history, 1)
        _ = newsq_el_set_history(editLine, history)
        _ = newsq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = newsq_el_set_prompt(editLine, LibeditBridge.prompt, 1)
        _ = newsq_el_set_getc(editLine, LibeditBridge.getCharacter)
        _ = newsq_el_set_editor(editLine, "emacs")
        _ = newsq_el_set_signal(editLine, 1)
        // ^C must reach us as a key while editing, not as SIGINT: keep the terminal from
        // turning it into a signal in edit mode (normal mode keeps `isig`).
        _ = newsq_el_setty(editLine, "-d", "-isig")
        // The user's ~/.editrc (or $EDITRC) may switch to vi mode and rebind keys; it is read
        // before the bindings below, which newsq needs whatever the mode.
        _ = el_source(editLine, nil)
        _ = newsq_el_addfn(editLine, "newsq-interrupt", "Discard the line (^C)", LibeditBridge.interrupt)
        _ = newsq_el_addfn(editLine, "newsq-complete", "Complete the word before the cursor", LibeditBridge.complete)
        _ = newsq_el_addfn(editLine, "newsq-suspend", "Suspend newsq (^Z)", LibeditBridge.suspend)
        _ = newsq_el_bind(editLine, "^C", "newsq-interrupt")
        _ = newsq_el_bind_alternate(editLine, "^C", "newsq-interrupt")  // vi command mode
        // With `isig` off, ^Z is a key too: raise SIGTSTP ourselves. libedit's handler
        // (EL_SIGNAL) restores the terminal before the stop and redraws after SIGCONT.
        _ = newsq_el_bind(editLine, "^Z", "newsq-suspend")
        _ = newsq_el_bind_alternate(editLine, "^Z", "newsq-suspend")
        _ = newsq_el_bind(editLine, "^I", "newsq-complete")
        _ = newsq_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        promptBytes.deallocate()
    }

    /// Shows `prompt`, lets the user edit a line, and returns it.
    public func readLine(prompt: String) -> LineResult {
        setPrompt(prompt)
        interrupted = false
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        if interrupted { return .interrupted }
        guard let raw, count > 0 else {
            if count < 0 {
                // A signal other than SIGWINCH interrupted the read.
                TerminalInfo.write("\n")
                return .interrupted
            }
            // ^D on an empty line: libedit leaves the cursor after the prompt.
            TerminalInfo.write("\n")
            return .eof
        }
        var bytes = UnsafeRawBufferPointer(start: raw, count: Int(count))
        if bytes.last == UInt8(ascii: "\n") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// Adds `entry` to the in-memory history (an entry equal to the last one is dropped).
    public func addHistory(_ entry: String) {
        _ = newsq_history_enter(history, entry)
    }

    /// The terminal's width now.
    public var width: Int? { TerminalInfo.width }

    /// The next line when it has already arrived whole (typed ahead or pasted), without
    /// taking it: the REPL looks ahead for a line starting with `|`.
    public func peekLine() -> String? {
        while TerminalInfo.hasPendingInput, readInput() > 0 {}
        let pending = input[inputStart...]
        guard let end = pending.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return nil
        }
        return String(decoding: pending[..<end], as: UTF8.self)
    }

    /// Reads what the terminal has (blocking until something arrives) into ``input``; returns
    /// the number of bytes read, 0 at the end of the input, -1 on an error or an interrupt.
    private func readInput() -> Int {
        if inputStart > 0, inputStart == input.count {
            input.removeAll(keepingCapacity: true)
            inputStart = 0
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                input.append(contentsOf: chunk[..<count])
                return count
            }
            if count == 0 { return 0 }
            // SIGWINCH is handled by libedit's own handler (EL_SIGNAL): keep reading.
            if errno == EINTR && !InterruptSignal.isPending { continue }
            return -1
        }
    }

    /// libedit's character reader: the next UTF-8 character from ``input`` as a wide character.
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            switch UTF8Decoder.decode(input[inputStart...]) {
            case .character(let scalar, let length):
                inputStart += length
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            case .needMore:
                let count = readInput()
                if count > 0 { continue }
                if count == 0 && inputStart < input.count {
                    // A truncated sequence at the very end: give it up as U+FFFD.
                    inputStart = input.count
                    character.pointee = 0xFFFD
                    return 1
                }
                return Int32(count)
            }
        }
    }

    /// Always `true`.
    public var isInteractive: Bool { true }

    private func setPrompt(_ prompt: String) {
        promptBytes.deallocate()
        let utf8 = Array(prompt.utf8CString)
        promptBytes = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
        promptBytes.initialize(from: utf8, count: utf8.count)
    }

    // MARK: - Callbacks (called by libedit, on this editor's thread, inside el_gets)

    /// The prompt callback's answer.
    fileprivate var promptPointer: UnsafeMutablePointer<CChar> { promptBytes }

    /// ^C: show `^C` at the end of the line, mark the read interrupted and end it.
    fileprivate func interruptKey() -> UInt8 {
        interrupted = true
        let info = el_line(editLine).pointee
        let after = UnsafeRawBufferPointer(start: info.cursor, count: info.lastchar - info.cursor)
        let scalarsAfter = String(decoding: after, as: UTF8.self).unicodeScalars.count
        if scalarsAfter > 0 { _ = el_cursor(editLine, Int32(scalarsAfter)) }
        _ = el_insertstr(editLine, "^C")
        // ed-newline moves to the bottom of a multi-line buffer and ends the read cleanly.
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Tab: ask ``completion`` and apply its reply.
    fileprivate func completeKey() -> UInt8 {
        guard let completion else { return UInt8(CC_REFRESH_BEEP) }
        let info = el_line(editLine).pointee
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
        let line = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.lastchar - info.buffer), as: UTF8.self)
        guard let reply = completion(line, before.unicodeScalars.count) else { return UInt8(CC_REFRESH_BEEP) }
        let replaced = String(before.unicodeScalars.suffix(reply.replacing))
        if reply.insertion != replaced {
            if reply.replacing > 0 { el_deletestr(editLine, Int32(reply.replacing)) }
            if !reply.insertion.isEmpty, el_insertstr(editLine, reply.insertion) != 0 { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        }
        guard reply.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
        TerminalInfo.write("\n" + CandidateList.layout(reply.candidates, width: width ?? 80))
        return UInt8(CC_REDISPLAY)
    }

    /// The editor a callback belongs to, from the client data set in `init`.
    fileprivate static func from(_ editLine: OpaquePointer?) -> LibeditLineEditor? {
        guard let editLine, let data = newsq_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibeditLineEditor>.fromOpaque(data).takeUnretainedValue()
    }
}

/// The C callbacks handed to libedit. They cannot capture: each finds its editor through
/// `EL_CLIENTDATA` (an unretained pointer set in `init`, valid while the editor lives, which is
/// as long as libedit does) and forwards to it. This is the only unsafe corner of the editor.
private enum LibeditBridge {
    static let prompt: newsq_prompt_fn = { editLine in
        LibeditLineEditor.from(editLine)?.promptPointer
    }

    static let getCharacter: newsq_getc_fn = { editLine, character in
        guard let character, let editor = LibeditLineEditor.from(editLine) else { return -1 }
        return editor.readCharacter(into: character)
    }

    static let interrupt: newsq_editor_fn = { editLine, _ in
        LibeditLineEditor.from(editLine)?.interruptKey() ?? UInt8(CC_ERROR)
    }

    static let suspend: newsq_editor_fn = { _, _ in
        raise(SIGTSTP)
        return UInt8(CC_REDISPLAY)  // back from the stop: the screen changed, draw it all
    }

    static let complete: newsq_editor_fn = { editLine, _ in
        LibeditLineEditor.from(editLine)?.completeKey() ?? UInt8(CC_ERROR)
    }
}

/// Lays out completion candidates in columns, like a shell's list.
enum CandidateList {
    /// The candidates in as many columns of equal width as fit in `width`, sorted down the
    /// columns; each line ends with `\n`. Very long lists are cut with a count of the rest.
    static func layout(_ candidates: [String], width: Int, limit: Int = 200) -> String {
        let shown = Array(candidates.prefix(limit))
        let columnWidth = (shown.map(\.count).max() ?? 0) + 2
        let columns = max(1, min(shown.count, width / max(1, columnWidth)))
        let rows = (shown.count + columns - 1) / columns
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let item = shown[index]
                line += column == columns - 1 || index + rows >= shown.count
                    ? item : item + String(repeating: " ", count: columnWidth - item.count)
            }
            output += line + "\n"
        }
        if candidates.count > limit { output += "(\(candidates.count - limit) more)\n" }
        return output
    }
}

/// Decodes one UTF-8 character at a time from a byte stream that may stop mid-character.
enum UTF8Decoder {
    /// What the bytes at the front of a buffer hold.
    enum Result: Equatable {
        /// A character (U+FFFD for an invalid byte) and how many bytes it took.
        case character(Unicode.Scalar, length: Int)
        /// The bytes so far begin a character but do not finish it (or there are none).
        case needMore
    }

    /// The first character of `bytes`.
    static func decode(_ bytes: ArraySlice<UInt8>) -> Result {
        guard let first = bytes.first else { return .needMore }
        let length: Int
        switch first {
        case 0x00...0x7F: return .character(Unicode.Scalar(first), length: 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .character("\u{FFFD}", length: 1)
        }
        var value = UInt32(first) & (0xFF >> (length + 1))
        for offset in 1..<length {
            guard bytes.count > offset else { return .needMore }
            let byte = bytes[bytes.startIndex + offset]
            guard byte & 0xC0 == 0x80 else { return .character("\u{FFFD}", length: offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), value >= [0, 0, 0x80, 0x800, 0x10000][length] else {
            return .character("\u{FFFD}", length: length)
        }
        return .character(scalar, length: length)
    }
}
