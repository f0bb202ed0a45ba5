import NewsQuery

/// The `:` commands only the interactive shell has: `:history` and `:quit` (also `:q`, by
/// prefix, and `:exit`). ``REPL`` adds them to its session's ``MetaCommandTable``.
enum REPLMetaCommands {
    /// Adds `:history`, `:quit` and `:exit` to `session`'s commands; `:history` lists `state`'s
    /// entries.
    static func install(in session: Session, state: REPLState) {
        session.commands.add(MetaCommand(
            name: "history", arguments: "[N]", summary: "List the history (the last N entries)",
            details: """
                Up and Down recall entries and ^R searches them. The history is kept in \
                $NEWSQ_HISTORY, else $XDG_STATE_HOME/newsq/history (~/.local/state/newsq/history); \
                set NEWSQ_HISTORY to an empty value to keep none. A line starting with a space is \
                not kept.
                """
        ) { [weak state] invocation in
            history(invocation, entries: state?.entries ?? [])
        })
        session.commands.add(MetaCommand(
            name: "quit", arguments: "[STATUS]", summary: "Leave newsq (also :q, :exit, ^D)", handler: quit))
        session.commands.add(MetaCommand(
            name: "exit", arguments: "[STATUS]", summary: "Leave newsq (same as :quit)", handler: quit))
    }

    /// `:history [N]`: every entry (or the last N), numbered from the oldest; the lines of a
    /// multi-line entry after its first are indented under it.
    static func history(_ invocation: MetaCommand.Invocation, entries: [String]) -> Session.Outcome {
        var shown = entries[...]
        switch invocation.arguments.count {
        case 0:
            break
        case 1:
            guard let count = Int(invocation.arguments[0].text), count >= 0 else {
                return invocation.failure("expected a number of entries, found '\(invocation.arguments[0].text)'", at: 0)
            }
            shown = entries.suffix(count)
        default:
            return invocation.usageError()
        }
        guard !shown.isEmpty else {
            invocation.session.write(text: "(no history)")
            return .success
        }
        let width = String(entries.count).count
        var lines: [String] = []
        for (index, entry) in zip(shown.indices, shown) {
            let number = String(index + 1)
            let parts = entry.split(omittingEmptySubsequences: false, whereSeparator: Lexer.isLineBreak)
            lines.append(String(repeating: " ", count: width - number.count) + number + "  " + parts[0])
            // Blank lines typed while the statement was unfinished are not shown.
            for part in parts.dropFirst() where !part.allSatisfy({ $0 == " " || $0 == "\t" }) {
                lines.append(String(repeating: " ", count: width + 2) + part)
            }
        }
        invocation.session.write(text: lines.joined(separator: "\n"))
        return .success
    }

    /// `:quit [STATUS]`: ends the session with STATUS (0 by default).
    static func quit(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        switch invocation.arguments.count {
        case 0:
            return .quit(status: 0)
        case 1:
            guard let status = Int32(invocation.arguments[0].text), (0...255).contains(status) else {
                return invocation.failure("expected an exit status from 0 to 255, found '\(invocation.arguments[0].text)'", at: 0)
            }
            return .quit(status: status)
        default:
            return invocation.usageError()
        }
    }
}
