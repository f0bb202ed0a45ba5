import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ^C while a statement or script runs: a SIGINT handler that only sets an atomic flag, which
/// long-running work polls (``isPending``) to stop early and return to the prompt.
///
/// While the user is typing, ^C is not a signal: ``LibeditLineEditor`` turns `isig` off in edit
/// mode and binds ^C as a key. Between reads the terminal is back in normal mode, so ^C raises
/// SIGINT and lands here.
///
/// Part of the C-callback bridge: a signal handler is a C function pointer that cannot capture
/// anything, so the flag it sets is the one process-wide value (an atomic, never a lock; setting
/// it is async-signal-safe). Nothing else may be done inside the handler.
public enum InterruptSignal {
    /// The flag the handler sets. A `static let` is initialised lazily, so ``install()`` touches
    /// it before the handler can run.
    private static let pending = Atomic<Bool>(false)

    /// Installs the SIGINT handler (without `SA_RESTART`, so a blocking read returns `EINTR`).
    /// Safe to call more than once.
    public static func install() {
        pending.store(false, ordering: .relaxed)
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in InterruptSignal.raise() }
        #else
            action.__sigaction_u.__sa_handler = { _ in InterruptSignal.raise() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Whether ^C was pressed since the last ``clear()``.
    public static var isPending: Bool { pending.load(ordering: .relaxed) }

    /// Marks an interrupt as pending; what the signal handler calls (tests may call it too).
    public static func raise() {
        pending.store(true, ordering: .relaxed)
    }

    /// Forgets a pending interrupt; returns whether there was one.
    @discardableResult
    public static func clear() -> Bool {
        pending.exchange(false, ordering: .relaxed)
    }
}
