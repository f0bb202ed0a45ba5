import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program running in a pseudo-terminal, driven like a user at a keyboard: for testing the
/// interactive shell end to end (libedit, raw mode, ^C as a key, window size).
///
/// Started with `forkpty` + `execve`: argv and envp are prepared before the fork, and the child
/// only clears its signal mask (the test runner's threads block signals, and a child inherits
/// the mask) and execs. Every read has a deadline, so a test can never hang; when a wait times
/// out, the output so far is recorded in the failure.
///
/// Type only after the program is ready: ``waitForPrompt(_:count:timeout:sourceLocation:)``
/// waits for the prompt text and for the terminal to leave canonical mode (libedit's raw mode);
/// keys typed before that are eaten by the line discipline.
final class PseudoTerminal {
    /// The master side of the terminal.
    let master: Int32
    /// The child's process id.
    let pid: pid_t
    /// Everything the program wrote, as bytes.
    private(set) var output: [UInt8] = []
    /// The exit status once the program has ended.
    private(set) var exitStatus: Int32?

    /// Everything the program wrote, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Starts `executable` with `arguments` and exactly `environment`, on a terminal of
    /// `columns` × `rows`.
    init(executable: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 100,
         rows: UInt16 = 30) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var descriptor: Int32 = -1
        let child = forkpty(&descriptor, nil, nil, &size)
        if child == 0 {
            // In the child: only async-signal-safe calls from here on.
            var empty = sigset_t()
            sigemptyset(&empty)
            sigprocmask(SIG_SETMASK, &empty, nil)
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        pid = child
        master = descriptor
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (use `\r` for Enter, `\u{03}` for ^C, `\u{04}` for ^D, `\t` for Tab,
    /// `\u{1B}[A` for Up).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads whatever arrives within `milliseconds`; returns `false` once the program has closed
    /// the terminal.
    @discardableResult
    func read(for milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(0, milliseconds)) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            output.append(contentsOf: chunk[..<count])
            return true
        }
        return count < 0 && errno == EINTR
    }

    /// Reads until `condition` holds for the output, or `timeout` passes; records an issue with
    /// the output so far on a timeout.
    @discardableResult
    func wait(for description: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
              until condition: (String) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(text) {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                Issue.record("timed out waiting for \(description); output so far:\n\(text)", sourceLocation: sourceLocation)
                return false
            }
            if !read(for: Int32(min(left.components.seconds * 1000 + 1, 200))) {
                if condition(text) { return true }
                Issue.record("the program ended while waiting for \(description); output:\n\(text)", sourceLocation: sourceLocation)
                return false
            }
        }
        return true
    }

    /// Reads until the output holds `needle` `count` times.
    @discardableResult
    func waitFor(_ needle: String, count: Int = 1, timeout: Duration = .seconds(20),
                 sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        wait(for: "\(count) × \(needle.debugDescription)", timeout: timeout, sourceLocation: sourceLocation) {
            $0.components(separatedBy: needle).count - 1 >= count
        }
    }

    /// Waits for the `count`-th prompt and for the terminal to be in raw mode: ready for keys.
    @discardableResult
    func waitForPrompt(_ prompt: String = "newsq> ", count: Int = 1, timeout: Duration = .seconds(20),
                       sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard waitFor(prompt, count: count, timeout: timeout, sourceLocation: sourceLocation) else { return false }
        let deadline = ContinuousClock.now + timeout
        var settings = termios()
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard ContinuousClock.now < deadline else {
                Issue.record("the terminal never left canonical mode; output:\n\(text)", sourceLocation: sourceLocation)
                return false
            }
            read(for: 10)
        }
        return true
    }

    /// Waits for the program to end, reading its output; returns its exit status (`nil` on a
    /// timeout, recorded as an issue; 128 + N when signal N killed it).
    func waitForExit(timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                while read(for: 0), poll0() {}
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                return exitStatus
            }
            read(for: 20)
        }
        Issue.record("the program did not exit; output:\n\(text)", sourceLocation: sourceLocation)
        return nil
    }

    /// Whether output is waiting on the master right now.
    private func poll0() -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }
}
