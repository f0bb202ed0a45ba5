import Foundation
import Testing

/// `newsq FILE…`, standard input, `-c`, `--arg`, `:run`, errors and exit statuses, `--test` and
/// `--update`, the `#!` line and a closed pipe — all through the built executable.
@Suite("newsq scripts")
struct ScriptCommandLineTests {
    typealias Outcome = CommandLineTests.Outcome

    /// Runs newsq (or `executable`) with `input` on standard input, in `directory`, with the
    /// built newsq's folder first on `PATH`.
    func run(_ arguments: [String], input: String? = nil, in directory: String? = nil,
             executable: URL = CommandLineTests.executable, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandLineTests.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["COLUMNS"] = nil
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), inputPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh folder holding `files` (path → text).
    func folder(_ files: [String: String]) throws -> String {
        let root = try CommandLineTests().temporaryDirectory().path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func filesRunInOrderInOneSessionThenCommands() throws {
        let root = try folder([
            "a.nq": "# defines h\nlet h = quotes by Homan\n",
            "b.nq": "h | where kind = direct\n  | count\n",
        ])
        let outcome = try run(["a.nq", "b.nq", "-c", "h | count", "--format", "plain"], in: root)
        #expect(outcome.stdout == "5\n16\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test func standardInputRunsAsAScript() throws {
        let script = "let w = quotes by Walz\n:format plain\nw | count\n"
        let piped = try run([], input: script)
        #expect(piped.stdout == "w: 2 rows\n2\n")
        #expect(piped.status == 0)
        let dash = try run(["-", "-c", "w | show id"], input: script)
        #expect(dash.stdout == "w: 2 rows\n2\ns8\ns9\n")
        let error = try run([], input: "\nquotes by Homen\n")
        #expect(error.status == 1)
        #expect(error.stderr.hasPrefix("<stdin>:2:11: error: unknown actor \"Homen\""))
    }

    @Test func repeatedCommandsAndArguments() throws {
        let outcome = try run(["--arg", "who=Walz", "--arg", "word=drawdown", "-c", "quotes by $who | count",
                               "-c", "who said $word | show id\n:format csv\nquotes by $who | show id", "--format", "plain"])
        #expect(outcome.stdout == "2\ns9\ns3\nid\r\ns8\r\ns9\r\n")
        #expect(outcome.status == 0)
        let missing = try run(["-c", "quotes by $who"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("<command>:1:11: error: unknown argument $who — pass it with --arg who=VALUE\n"))
        for bad in ["who", "=x", "a b=c"] {
            let usage = try run(["--arg", bad, "-c", "quotes"])
            #expect(usage.status == 2, "\(bad)")
            #expect(usage.stderr.contains("invalid --arg '\(bad)': expected NAME=VALUE"), "\(bad)")
        }
    }

    @Test func aShebangScriptRunsByItsName() throws {
        let root = try folder(["count.nq": "#!/usr/bin/env newsq\n# Walz's statements.\nquotes by Walz | count\n"])
        let path = root + "/count.nq"
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let outcome = try run(["--format", "plain"], executable: URL(fileURLWithPath: path))
        #expect(outcome.stdout == "2\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test func nestedRunIsRelativeToTheCallingScript() throws {
        let root = try folder([
            "main.nq": "let a = quotes by Walz\n:run lib/b.nq\nb | count\n",
            "lib/b.nq": ":run c.nq\nlet b = quotes by Frey\n",
            "lib/c.nq": "# c\na | count\n",
            "loop/x.nq": ":run y.nq\n",
            "loop/y.nq": "# y\n:run x.nq\n",
        ])
        // Started from elsewhere: the paths follow the scripts, not the current folder.
        let outcome = try run(["--format", "plain", root + "/main.nq"], in: "/")
        #expect(outcome.stdout == "2\n1\n")
        #expect(outcome.status == 0)

        let loop = try run(["loop/x.nq"], in: root)
        #expect(loop.status == 1)
        #expect(loop.stderr == """
            loop/y.nq:2:6: error: recursive :run: loop/x.nq → loop/y.nq → loop/x.nq — a script cannot run itself
            :run x.nq
                 ^~~~

            """)
    }

    @Test func errorsStopTheRunUnlessKeepingGoing() throws {
        let root = try folder(["s.nq": "quotes by Frey | show id\n\nquotes by Homen\nquotes by Vance | count\nwho said surrender\n"])
        let stopped = try run(["s.nq", "--format", "plain"], in: root)
        #expect(stopped.status == 1)
        #expect(stopped.stdout == "s8\n")
        #expect(stopped.stderr == """
            s.nq:3:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
                      ^~~~~
              fix: replace 'Homen' with 'Homan'
              try: quotes by Homan

            """)
        let kept = try run(["--keep-going", "s.nq", "-c", "quotes by Walz | count", "--format", "plain"], in: root)
        #expect(kept.status == 1)
        #expect(kept.stdout == "s8\n2\n2\n")
        #expect(kept.stderr == """
            s.nq:3:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
                      ^~~~~
              fix: replace 'Homen' with 'Homan'
              try: quotes by Homan
            s.nq:5:10: error: expected a string in quotes after 'who said', found 'surrender'
            who said surrender
                     ^~~~~~~~~
              fix: replace 'surrender' with '"surrender"'
              try: who said "surrender"

            """)
        let missing = try run(["s.nq", "nothing.nq"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "nothing.nq: error: No such file or directory\n")
    }

    @Test func testModePassFailAndUpdate() throws {
        let good = "quotes by Walz | count\n# expect:  count\n# expect: ------\n# expect:      2\n# expect: (1 row)\n"
        let bad = "# A wrong count.\nquotes by Homan | count\n# expect:  count\n# expect: ------\n# expect:     15\n# expect: (1 row)\nquotes by Homen\n# expect error: unknown actor\n"
        let root = try folder(["t/good.nq": good, "t/bad.nq": bad, "t/notes.txt": "not a script"])
        let passing = try run(["--test", "t/good.nq"], in: root)
        #expect(passing.stdout == "t/good.nq: 1 passed\n1 passed, 0 failed\n")
        #expect(passing.status == 0)

        let failing = try run(["--test", "t"], in: root)
        #expect(failing.status == 1)
        #expect(failing.stderr == "")
        #expect(failing.stdout == """
            t/bad.nq:3: expectation for line 2 failed: quotes by Homan | count
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
              count
             ------
            -    15
            +    16
             (1 row)
            t/bad.nq:8: expectation for line 7 failed: quotes by Homen
            --- expected
            +++ actual
            @@ -1 +1 @@
            -error: unknown actor
            +error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            t/bad.nq: 0 passed, 2 failed
            t/good.nq: 1 passed
            1 passed, 2 failed

            """)

        let updated = try run(["--update", "t"], in: root)
        #expect(updated.status == 0)
        #expect(updated.stdout == "t/bad.nq: 0 passed, 2 updated\nt/good.nq: 1 passed\n2 expectations updated in 1 file\n1 passed, 0 failed\n")
        #expect(try String(contentsOfFile: root + "/t/bad.nq", encoding: .utf8) == """
            # A wrong count.
            quotes by Homan | count
            # expect:  count
            # expect: ------
            # expect:     16
            # expect: (1 row)
            quotes by Homen
            # expect error: unknown actor "Homen" — did you mean Homan (Tom Homan)?

            """)
        #expect(try run(["--test", "t"], in: root).stdout.hasSuffix("\n3 passed, 0 failed\n"))
    }

    @Test func testModeUsageErrors() throws {
        for arguments in [["--test"], ["--test", "-c", "quotes", "x.nq"], ["--test", "-"], ["--test", "--format", "json", "x.nq"]] {
            let outcome = try run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
        }
        let missing = try run(["--test", "/nonexistent/dir"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "/nonexistent/dir: error: No such file or directory\n")
    }

    /// `newsq -c quotes | head -1`: the reader goes away, newsq ends by SIGPIPE (or had already
    /// finished) and says nothing.
    @Test func aClosedPipeEndsQuietly() throws {
        // Enough output to fill the pipe, so that newsq is still writing when the reader leaves.
        for arguments in [["-c", "quotes"], Array(repeating: ["-c", "quotes"], count: 40).flatMap { $0 } + ["--format", "json"]] {
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = arguments
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            var received = Data()
            while !received.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received += chunk
            }
            try out.fileHandleForReading.close()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(received.contains(UInt8(ascii: "\n")))
            let killedByPipe = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE
            let finished = process.terminationReason == .exit && process.terminationStatus == 0
            #expect(killedByPipe || finished, "\(process.terminationReason) \(process.terminationStatus)")
            #expect(String(decoding: stderr, as: UTF8.self) == "")
        }
    }

    /// ^C stops a script between statements with status 130. To be sure the signal lands while
    /// the script runs, the script waits in `:run /dev/stdin` until standard input closes. (The
    /// test runner starts newsq with SIGINT blocked, so this also checks that newsq unblocks it.)
    @Test func controlCStopsAScriptWithStatus130() throws {
        let root = try folder(["slow.nq": "quotes by Walz | count\n:run /dev/stdin\nquotes by Frey | count\n"])
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["--format", "plain", root + "/slow.nq"]
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // The first result means the handler is installed and the run has reached `:run`.
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(String(decoding: received, as: UTF8.self) == "2\n")
        process.interrupt()
        try input.fileHandleForWriting.close()
        received += out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: received, as: UTF8.self) == "2\n")
        #expect(String(decoding: stderr, as: UTF8.self) == "newsq: interrupted\n")
    }

    @Test func helpDocumentsExitStatuses() throws {
        let help = try run(["--help"])
        for line in ["0    success", "1    query error", "2    usage error", "3    bad model or data file", "130  interrupted by ^C"] {
            #expect(help.stdout.contains(line), "\(line)")
        }
        // At 80 columns (output not a terminal) no line of the block wraps by itself: each starts
        // indented, and the long one is broken under its text.
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "EXIT STATUS"))
        let block = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(block.count == 8)
        for line in block {
            #expect(line.hasPrefix("  ") && line.count <= 80, "\(line)")
        }
        #expect(block.contains("       failed expectation"))
    }

    /// The indented lines of `newsq --help`'s discussion are its examples (and the man page's
    /// EXAMPLES, scripts/generate-man-page): each runs as shown, from the package folder.
    @Test func helpExamplesRunAsShown() throws {
        let help = try run(["--help"]).stdout
        let examples = help.split(separator: "\n").filter { $0.hasPrefix("  newsq ") || $0.hasPrefix("  echo ") }
        #expect(examples.count == 6)
        #expect(examples.contains { $0.contains("examples/12-arguments.nq") })
        #expect(!help.contains("09-arguments"))
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        for example in examples {
            let outcome = try run(["-c", String(example)], in: package, executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(outcome.status == 0, "\(example): \(outcome.stderr)")
            #expect(outcome.stderr == "", "\(example)")
            #expect(!outcome.stdout.isEmpty, "\(example)")
        }
    }
}
