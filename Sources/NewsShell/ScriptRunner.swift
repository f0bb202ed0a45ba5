import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs scripts in a ``Session``: files, standard input, `-c` text, and the files `:run`
/// names.
///
/// A script runs unit by unit (see ``Script``): results go to the session's output, errors
/// to its messages as `path/to/file.nq:LINE:COL: error: …` with the source line and a caret.
/// The run stops at the first failure, unless ``Session/keepGoing`` is set, in which case it
/// runs on and still fails. ``Session/isInterrupted`` is polled between statements.
/// `let` bindings and `$NAME` arguments live in the session, so they last for the whole run,
/// across files.
///
/// ```swift
/// let session = try Session(model: .bundled)
/// let outcome = ScriptRunner(session: session).run(file: "examples/01-who-said.nq")
/// ```
public struct ScriptRunner {
    /// Why a script file could not be run at all.
    public struct ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// The system's explanation.
        public var reason: String

        /// `PATH: error: REASON`.
        public var description: String { "\(path): error: \(reason)" }
    }

    /// The session scripts run in.
    public let session: Session

    /// A runner for `session`.
    public init(session: Session) {
        self.session = session
    }

    /// Reads the script at `path` (`-` for standard input) and runs it.
    ///
    /// - Parameter name: What its diagnostics call it: `path` by default, `<stdin>` for `-`.
    /// - Throws: ``ReadFailure`` when the file cannot be read; nothing has run then.
    public func run(file path: String, name: String? = nil) throws(ReadFailure) -> Session.Outcome {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw ReadFailure(path: path, reason: error.description)
        }
        let isStandardInput = path == "-"
        let script = Script(text: text, name: name ?? (isStandardInput ? "<stdin>" : path))
        return run(script, path: isStandardInput ? nil : path)
    }

    /// Runs `text` as a script called `name` (`-c` text: relative paths resolve against the
    /// current folder).
    public func run(text: String, name: String) -> Session.Outcome {
        run(Script(text: text, name: name), path: nil)
    }

    /// Runs a parsed script, read from `path` when it came from a file (relative paths in its
    /// commands resolve against that file's folder).
    public func run(_ script: Script, path: String?) -> Session.Outcome {
        session.withScript(Session.ScriptFrame(name: script.name, path: path)) {
            var firstFailure: SessionError?
            for unit in script.units {
                if session.isInterrupted() { return .interrupted }
                switch session.execute(unit, of: script) {
                case .success:
                    continue
                case .failure(let error):
                    // A read cut short by ^C fails the unit; the interruption is what happened.
                    if session.isInterrupted() { return .interrupted }
                    guard session.keepGoing else { return .failure(error) }
                    firstFailure = firstFailure ?? error
                case .interrupted:
                    return .interrupted
                case .quit(let status):
                    return .quit(status: status)
                }
            }
            return firstFailure.map { .failure($0) } ?? .success
        }
    }

    /// A script to run: a file (`-` for standard input) or text given on the command line.
    public enum Source: Sendable, Equatable {
        /// A file path, or `-`.
        case file(String)
        /// Text and the name its diagnostics show (`<command>`).
        case text(String, name: String)
    }

    /// A script read and split, with the file it came from (`nil` for standard input and text).
    public struct LoadedScript: Sendable, Equatable {
        /// The script.
        public var script: Script
        /// Its file, for resolving relative paths in its commands.
        public var path: String?

        /// Creates a loaded script.
        public init(script: Script, path: String?) {
            self.script = script
            self.path = path
        }
    }

    /// Reads every source (standard input at most once), so that a file that cannot be read
    /// is reported before anything runs.
    public static func load(_ sources: [Source]) throws(ReadFailure) -> [LoadedScript] {
        var loaded: [LoadedScript] = []
        for source in sources {
            switch source {
            case .file(let path):
                let text: String
                do {
                    text = try TextFile.read(path)
                } catch {
                    throw ReadFailure(path: path == "-" ? "<stdin>" : path, reason: error.description)
                }
                loaded.append(path == "-" ? LoadedScript(script: Script(text: text, name: "<stdin>"), path: nil)
                                          : LoadedScript(script: Script(text: text, name: path), path: path))
            case .text(let text, let name):
                loaded.append(LoadedScript(script: Script(text: text, name: name), path: nil))
            }
        }
        return loaded
    }

    /// Runs scripts in order in one session, as the command line does with several files and
    /// `-c` options: stops at the first failing script (unless ``Session/keepGoing``), at an
    /// interruption and at `:quit`.
    ///
    /// - Returns: The outcome of the run as a whole (the first failure when keeping going).
    public func run(_ scripts: [LoadedScript]) -> Session.Outcome {
        var firstFailure: SessionError?
        for loaded in scripts {
            let outcome = run(loaded.script, path: loaded.path)
            switch outcome {
            case .success:
                continue
            case .failure(let error):
                guard session.keepGoing else { return outcome }
                firstFailure = firstFailure ?? error
            case .interrupted, .quit:
                return outcome
            }
        }
        return firstFailure.map { .failure($0) } ?? .success
    }

    /// Installs the ^C handler for a script run and returns the check to poll between
    /// statements (for ``Session/isInterrupted``) and inside a running statement (for
    /// ``Session/isCancelled``): ^C then only sets a flag, and the run stops within a few
    /// hundred rows with ``Session/Outcome/interrupted`` (exit status 130). Install it
    /// after reading standard input, so that ^C during the read ends newsq at once.
    ///
    /// The handler is ``InterruptSignal``'s, the one process-wide flag the REPL uses too. SIGINT
    /// is unblocked as well: a parent may have started newsq with it blocked (test runners do),
    /// and a handler that never runs would make ^C do nothing at all.
    public static func installInterruptHandler() -> @Sendable () -> Bool {
        InterruptSignal.install()
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        return { InterruptSignal.isPending }
    }

    /// The exit status for an outcome, as documented: 0 success, 1 a failed statement,
    /// 130 interrupted, or the status `:quit` gave.
    public static func exitStatus(for outcome: Session.Outcome) -> Int32 {
        switch outcome {
        case .success: return ExitStatus.success
        case .failure: return ExitStatus.queryError
        case .interrupted: return ExitStatus.interrupted
        case .quit(let status): return status
        }
    }
}

/// newsq's exit statuses (documented in the README, `newsq --help` and `docs/scripts.md`).
public enum ExitStatus {
    /// Everything ran (and every expectation held).
    public static let success: Int32 = 0
    /// A statement failed, or an expectation did not hold.
    public static let queryError: Int32 = 1
    /// The command line is wrong: a bad option or argument, a script file that cannot be read.
    public static let usage: Int32 = 2
    /// The model file cannot be read or does not validate.
    public static let badModel: Int32 = 3
    /// ^C stopped a script (128 + SIGINT).
    public static let interrupted: Int32 = 130
}
