import PGProxyProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `newsq-pg`: the PostgreSQL proxy newsq spawns for `--db postgresql://…`.
///
/// newsq's release executable is linked fully statically, and libpq cannot be (on Debian its
/// static dependencies, gssapi and ldap, ship no archives); so this small dynamically linked
/// program does the libpq work instead: it reads framed requests on standard input and writes
/// framed responses on standard output (``ProxyProtocol``, docs/postgresql.md). It serves one
/// connection and ends, with status 0, when its input ends. SIGUSR1 cancels the statement
/// running on the server, if any (newsq sends it when it stops reading a long answer).
///
/// Run by hand it prints what it is (`newsq-pg --help`), since nothing useful can be typed at it.
@main
enum PGProxy {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if !arguments.isEmpty {
            let help = arguments.first == "--help" || arguments.first == "-h"
            let text = """
                newsq-pg: the PostgreSQL proxy of newsq (newsq --db postgresql://…).
                It reads framed requests on standard input and answers on standard output, as
                docs/postgresql.md describes; it takes no arguments.

                """
            let bytes = Array(text.utf8)
            _ = write(help ? STDOUT_FILENO : STDERR_FILENO, bytes, bytes.count)
            exit(help ? 0 : 2)
        }
        // The reader gone is a failed write, not a signal; ^C at newsq's terminal is for newsq
        // (which stops reading rows), not for the proxy in the middle of an answer.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        var session = ProxySession(input: STDIN_FILENO, output: STDOUT_FILENO)
        exit(session.run())
    }
}
