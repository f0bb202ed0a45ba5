import Testing

@testable import newsq

/// `Options.quick` (the fast path for one-shot command lines) must mean exactly what
/// ArgumentParser's parse means, and must leave everything else to ArgumentParser.
@Suite("Command-line fast path")
struct OptionsTests {
    /// Command lines the fast path accepts; each must parse to the same options both ways.
    static let accepted: [[String]] = [
        [],
        ["-c", "quotes by Walz"],
        ["-c", "who said \"surrender\"", "-c", ":format json"],
        ["-c", "quotes", "--format", "json"],
        ["--format=csv", "-c", "quotes"],
        ["--color", "always", "-c", "actors"],
        ["--color=never", "-c", "actors"],
        ["--arg", "who=Walz", "examples/09-arguments.nq"],
        ["--arg=who=Walz", "--arg", "n=3", "-c", "quotes by $who"],
        ["--keep-going", "a.nq", "b.nq"],
        ["--sandbox", "-"],
        ["-", "-c", "quotes"],
        ["--model", "m.json", "-c", "actors"],
        ["--model=m.json", "--export-model"],
        ["--export-model"],
        ["script.nq"],
        ["-c", ""],
        ["-c", "a=b"],
        ["--db", "corpus.sqlite", "-c", "quotes | count"],
        ["--db=corpus.sqlite", "queries.nq"],
    ]

    /// Command lines the fast path must refuse, so that ArgumentParser prints its help, version
    /// or error for them.
    static let refused: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["--test", "examples"], ["--update", "examples"],
        ["-c"], ["-c", "--format"], ["-c", "-x"], ["--format", "yaml", "-c", "quotes"], ["--format"],
        ["--color", "sometimes"], ["--arg", "novalue"], ["--arg", "=v"], ["--arg", "a b=v"], ["--bogus"], ["-x"], ["--"],
        ["-", "-"], ["--format", "json", "--format", "csv"], ["--model", "a", "--model", "b"],
        ["--keep-going=yes"], ["-cquotes"], ["-c=quotes"], ["--sandbox", "--test", "x.nq"],
        ["--db", "c.sqlite", "--add", "articles"], ["--db", "c.sqlite", "--remove", "a1"], ["--db", "c.sqlite", "--model", "m.json"],
        ["--db", "a.sqlite", "--db", "b.sqlite"], ["--add", "articles"],
    ]

    @Test(arguments: accepted)
    func theFastPathAgreesWithArgumentParser(_ arguments: [String]) throws {
        let quick = try #require(Options.quick(arguments), "the fast path refused \(arguments)")
        let parsed = try NewsqCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? NewsqCommand)
        #expect(quick == command.options)
    }

    @Test(arguments: refused)
    func theFastPathLeavesTheRestToArgumentParser(_ arguments: [String]) {
        #expect(Options.quick(arguments) == nil)
    }

    @Test func valuesKeepTheirOrder() throws {
        let options = try #require(Options.quick(["-c", "one", "--arg", "a=1", "-c", "two", "x.nq", "--arg", "b=2", "y.nq"]))
        #expect(options.commands == ["one", "two"])
        #expect(options.arguments == ["a=1", "b=2"])
        #expect(options.files == ["x.nq", "y.nq"])
    }
}
