import BundledArticle
import Foundation
import Testing
@testable import NewsModel

/// A small valid model over a four-block article, with every kind of record and field, for
/// round trips and for making defective documents by editing its encoding.
enum SmallModel {
    static let raw = "date 2026-02-04 MINNEAPOLIS (AP) — Tom said hi. He left.\n\nHeading here\n\nMore text."

    static let article = try! ArticleReader(id: "small").read(raw)

    /// The span of the `occurrence`-th whole-word match of `needle` in the article.
    static func span(_ needle: String, _ occurrence: Int = 0) -> Span {
        let text = ScalarText(article.text)
        let start = text.occurrences(of: needle, in: 0..<text.count)[occurrence]
        return Span(
            start: start, end: start + needle.unicodeScalars.count,
            paragraph: article.paragraph(containing: start)!.number,
            sentence: article.sentence(containing: start)?.number ?? 1, text: needle)
    }

    static let model: ArticleModel = {
        let date = CalendarDate(year: 2026, month: 2, day: 4)!
        let actors = [
            Actor(id: "minneapolis", name: "Minneapolis", kind: .place, description: "The city in the dateline.",
                  mentions: [Mention(id: "m1", span: span("MINNEAPOLIS"), form: .name)]),
            Actor(id: "ap", name: "The Associated Press", kind: .organization, aliases: ["AP"],
                  description: "The news agency.", mentions: [Mention(id: "m2", span: span("AP"), form: .name)]),
            Actor(id: "tom", name: "Tom", kind: .person, aliases: ["Tommy", "the “greeter”"],
                  roles: [Role(title: "greeter", place: "minneapolis", span: span("Tom"))], party: "Démocrate",
                  description: "A man who said hi — and left.",
                  mentions: [Mention(id: "m3", span: span("Tom"), form: .name),
                             Mention(id: "m4", span: span("He"), form: .pronoun)]),
        ]
        let statements = [
            Statement(
                id: "s1", speaker: "tom", content: "hi", kind: .reported, cue: "said", venue: "the street",
                time: TimeReference(text: "Wednesday", precision: .day, earliest: date, latest: date,
                                    note: "the article's date"),
                aboutEvents: ["e-leave"], occasion: "e-talk", contentSpans: [span("hi")], speakerSpan: span("Tom"),
                cueSpan: span("said"), sentenceSpan: span("Tom said hi."), note: "A line with \"quotes\"\tand a tab."),
            Statement(id: "s2", speaker: "tom", content: "left", kind: .reported, cue: "left",
                      contentSpans: [span("left")], sentenceSpan: span("He left.")),
        ]
        let events = [
            Event(id: "e-leave", kind: .withdrawal, summary: "Tom left.",
                  time: TimeReference(text: nil, precision: .bounded, earliest: date),
                  place: "minneapolis", participants: [Participant(actor: "tom", role: .agent)],
                  quantities: [Quantity(value: 700, unit: "steps", approximate: false, span: span("He")),
                               Quantity(value: 0.25, unit: "of the way", approximate: true, span: span("left"))],
                  relations: [EventRelation(kind: .after, event: "e-talk", span: span("He left."))],
                  evidence: [span("He left.")]),
            Event(id: "e-talk", kind: .statement, name: "The greeting", summary: "Tom said hi.",
                  participants: [Participant(actor: "tom", role: .speaker)], claimedBy: "tom",
                  evidence: [span("Tom said hi.")], note: "Second event."),
        ]
        return ArticleModel(article: article, actors: actors, statements: statements, events: events)
    }()

    static let encoded = ModelFile.encode(model)
}

@Suite("Model file: encoding and round trips")
struct ModelFileRoundTripTests {
    @Test func smallModelIsValid() {
        #expect(ModelValidator().validate(SmallModel.model).map(\.description) == [])
    }

    @Test func smallModelRoundTrips() throws {
        let decoded = try ModelFile.decode(SmallModel.encoded)
        #expect(decoded == SmallModel.model)
        #expect(ModelFile.encode(decoded) == SmallModel.encoded)
    }

    @Test func bundledModelRoundTrips() throws {
        let model = ArticleModel.bundled
        let text = ModelFile.encode(model)
        #expect(try ModelFile.decode(text) == model)
    }

    @Test func layoutIsStableAndReadable() throws {
        let text = SmallModel.encoded
        #expect(text.hasPrefix("{\n  \"format\": 1,\n  \"article\": {\n    \"id\": \"small\",\n"))
        #expect(text.hasSuffix("\n}\n"))
        let document = try JSONParser.parse(text)
        #expect(document.objectValue?.map(\.key) == ["format", "article", "actors", "statements", "events"])
        // Non-ASCII is written as itself; quotes and tabs are escaped.
        #expect(text.contains("MINNEAPOLIS (AP) — Tom said hi."))
        #expect(text.contains("\"the “greeter”\""))
        #expect(text.contains("\"note\": \"A line with \\\"quotes\\\"\\tand a tab.\""))
        #expect(!text.contains("\\u"))
        // Integral doubles have no fraction; others keep theirs.
        #expect(text.contains("\"value\": 700,"))
        #expect(text.contains("\"value\": 0.25,"))
        // Absent optionals are left out; empty arrays are written.
        #expect(document["statements"]?[1]?["venue"] == nil)
        #expect(document["statements"]?[1]?["quotes"] == .array([]))
        // Two-space indentation, one member per line.
        #expect(text.contains("\n      \"speaker\": \"tom\",\n"))
    }

    @Test(arguments: [0.1, 0.25, 700, -3, 1e-7, 1e300, 123_456.789, 9_007_199_254_740_993.0, -0.0, Double.leastNonzeroMagnitude])
    func numbersRoundTripExactly(_ value: Double) throws {
        let literal = JSONValue.double(value).rendered()
        let parsed = try JSONParser.parse(literal)
        guard case .number(let text) = parsed.content, let back = Double(text) else {
            Issue.record("not a number: \(literal)")
            return
        }
        #expect(back.bitPattern == value.bitPattern, "\(literal)")
    }

    @Test func integralNumbersHaveNoFraction() {
        #expect(JSONValue.double(700).rendered() == "700")
        #expect(JSONValue.double(-2).rendered() == "-2")
        #expect(JSONValue.double(0).rendered() == "0")
        #expect(JSONValue.double(2.5).rendered() == "2.5")
    }

    /// JSON has no NaN or infinity, so a model holding one is invalid rather than unwritable.
    @Test func nonFiniteQuantitiesAreInvalid() {
        var model = SmallModel.model
        model.events[0].quantities[1].value = .infinity
        #expect(ModelValidator().validate(model).map(\.description) == [
            "$.events[0].quantities[1].value: value inf is not a finite number; a model file cannot hold it",
        ])
        #expect(ModelFile.encode(model).contains("\"value\": null,"))
    }

    @Test func optionalFieldsMayBeNullAndDefaultedArraysAbsent() throws {
        let text = edited {
            $0["statements"]?[1]?["venue"] = .null
            $0["statements"]?[1]?["note"] = .null
            $0["actors"]?[0]?["aliases"] = nil
            $0["actors"]?[0]?["roles"] = nil
            $0["statements"]?[1]?["coSpeakers"] = nil
            $0["statements"]?[1]?["quotes"] = nil
            $0["events"]?[1]?["relations"] = nil
            $0["events"]?[1]?["quantities"] = nil
        }
        #expect(try ModelFile.decode(text) == SmallModel.model)
    }

    @Test func integersMayBeWrittenWithAZeroFraction() throws {
        let text = edited { $0["article"]?["sentences"]?[0]?["number"] = JSONValue(.number("1.0")) }
        #expect(try ModelFile.decode(text) == SmallModel.model)
    }
}

@Suite("Model file: every defect reported, with its path")
struct ModelFileDefectTests {
    @Test func malformedJSONGivesLineAndColumn() {
        let text = SmallModel.encoded.replacingOccurrences(of: "\"format\": 1,", with: "\"format\": 1")
        expectIssues(text, ["3:3: expected ',' or '}' after an object member, found '\"'"])
    }

    @Test func wrongType() {
        let text = edited { $0["statements"]?[0]?["speaker"] = .int(5) }
        expectIssues(text, ["$.statements[0].speaker: expected a string, found a number"])
    }

    @Test func nullForARequiredField() {
        let text = edited { $0["article"]?["sentences"]?[1]?["start"] = .null }
        expectIssues(text, ["$.article.sentences[1].start: expected an integer, found null"])
    }

    @Test func fractionWhereAnIntegerBelongs() {
        let text = edited { $0["actors"]?[2]?["mentions"]?[0]?["span"]?["end"] = JSONValue(.number("22.5")) }
        expectIssues(text, ["$.actors[2].mentions[0].span.end: expected an integer, found 22.5"])
    }

    @Test func missingRequiredField() {
        let text = edited { $0["actors"]?[0]?["description"] = nil }
        expectIssues(text, ["$.actors[0]: missing required field \"description\""])
    }

    @Test func unknownField() {
        let text = edited { $0["events"]?[0]?["colour"] = .string("red") }
        expectIssues(text, [
            "$.events[0].colour: unknown field \"colour\" in an event (fields: id, kind, name, summary, time, place, participants, quantities, relations, claimedBy, evidence, note)",
        ])
    }

    @Test func misspelledFieldSuggestsTheRightOne() {
        let text = edited {
            let venue = $0["statements"]?[0]?["venue"]
            $0["statements"]?[0]?["venu"] = venue
            $0["statements"]?[0]?["venue"] = nil
        }
        expectIssues(text, ["$.statements[0].venu: unknown field \"venu\" in a statement — did you mean \"venue\"?"])
    }

    @Test func unknownTopLevelKey() {
        let text = edited { $0["comment"] = .string("hand-edited") }
        expectIssues(text, [
            "$.comment: unknown field \"comment\" in the document (fields: format, article, actors, statements, events)",
        ])
    }

    @Test func duplicateActorID() {
        let text = edited { $0["actors"]?[1]?["id"] = .string("tom") }
        expectIssues(text, ["$.actors[2].id: duplicate actor id \"tom\" (first used at $.actors[1].id)"])
    }

    @Test func duplicateStatementID() {
        let text = edited { $0["statements"]?[1]?["id"] = .string("s1") }
        expectIssues(text, ["$.statements[1].id: duplicate statement id \"s1\" (first used at $.statements[0].id)"])
    }

    @Test func speakerNamingNoActorSuggestsTheNearest() {
        let text = edited { $0["statements"]?[0]?["speaker"] = .string("tomm") }
        expectIssues(text, ["$.statements[0].speaker: unknown actor id \"tomm\" — did you mean \"tom\"?"])
    }

    @Test func participantNamingNoActor() {
        let text = edited { $0["events"]?[0]?["participants"]?[0]?["actor"] = .string("nobody") }
        expectIssues(text, ["$.events[0].participants[0].actor: unknown actor id \"nobody\""])
    }

    @Test func spanOutsideTheText() {
        let text = edited {
            $0["actors"]?[2]?["mentions"]?[0]?["span"]?["start"] = .int(500)
            $0["actors"]?[2]?["mentions"]?[0]?["span"]?["end"] = .int(503)
        }
        expectIssues(text, [
            "$.actors[2].mentions[0].span: span 500..<503 lies outside the article text (0..<66 Unicode scalars) or is empty",
        ])
    }

    @Test func spanTextDifferingFromTheArticle() {
        let text = edited { $0["actors"]?[2]?["mentions"]?[1]?["span"]?["text"] = .string("She") }
        expectIssues(text, [
            "$.actors[2].mentions[1].span.text: text \"She\" differs from the article at 32..<34, which reads \"He\"",
        ])
    }

    @Test func contentDifferingFromItsSpans() {
        let text = edited { $0["statements"]?[0]?["content"] = .string("hello") }
        expectIssues(text, ["$.statements[0].content: content \"hello\" differs from its spans, which read \"hi\""])
    }

    @Test func unknownEnumValueSuggestsTheNearest() {
        let text = edited { $0["statements"]?[0]?["kind"] = .string("reportd") }
        expectIssues(text, [
            "$.statements[0].kind: unknown statement kind \"reportd\" — did you mean \"reported\"? (allowed: direct, partial, reported)",
        ])
    }

    @Test func unknownEnumValueWithoutANearOne() {
        let text = edited { $0["actors"]?[0]?["mentions"]?[0]?["form"] = .string("nickname") }
        expectIssues(text, [
            "$.actors[0].mentions[0].form: unknown mention form \"nickname\" (allowed: name, description, pronoun)",
        ])
    }

    @Test func dateThatDoesNotExist() {
        let text = edited { $0["article"]?["date"] = .string("2026-02-30") }
        expectIssues(text, ["$.article.date: invalid date \"2026-02-30\": February 2026 has days 1–28, not 30"])
    }

    @Test func dateInTheWrongForm() {
        let text = edited { $0["statements"]?[0]?["time"]?["earliest"] = .string("Feb 4, 2026") }
        expectIssues(text, [
            "$.statements[0].time.earliest: invalid date \"Feb 4, 2026\": write dates as YYYY-MM-DD, e.g. \"2026-02-04\"",
        ])
    }

    @Test func unsupportedFormatStopsReading() {
        let text = edited {
            $0["format"] = .int(3)
            $0["statements"]?[0]?["speaker"] = .int(5)
        }
        expectIssues(text, ["$.format: unsupported format 3; this newsq reads formats 1 and 2"])
    }

    @Test func missingFormat() {
        let text = edited { $0["format"] = nil }
        expectIssues(text, ["$: missing required field \"format\"; this newsq reads formats 1 and 2"])
    }

    @Test func documentThatIsNotAnObject() {
        expectIssues("[1, 2]", [
            "$: a model file is a JSON object with the fields format, article, actors, statements and events; found an array",
        ])
    }

    @Test func duplicateKeyInTheJSON() throws {
        let original = "      \"speaker\": \"tom\","
        let lines = SmallModel.encoded.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == original }) + 1
        var text = SmallModel.encoded
        text.replaceSubrange(try #require(text.range(of: original)), with: original + "\n      \"speaker\": \"ap\",")
        expectIssues(text, [
            "$.statements[0].speaker: duplicate key \"speaker\" at \(line + 1):7 (first at \(line):7); a key may appear once in an object",
        ])
    }

    /// Structural problems are all reported, in document order, and the validator does not run.
    @Test func manyStructuralProblemsAtOnce() {
        let text = edited {
            $0["actors"]?[2]?["description"] = nil
            $0["actors"]?[2]?["kind"] = .string("persn")
            $0["statements"]?[0]?["speaker"] = .int(5)
            $0["statements"]?[1]?["content"] = .string("wrong, but only the validator would know")
            $0["events"]?[0]?["colour"] = .string("red")
            $0["events"]?[1]?["time"]?["latest"] = .string("2026-13-01")
        }
        expectIssues(text, [
            "$.actors[2].kind: unknown actor kind \"persn\" — did you mean \"person\"? (allowed: person, organization, group, place)",
            "$.actors[2]: missing required field \"description\"",
            "$.statements[0].speaker: expected a string, found a number",
            "$.events[0].colour: unknown field \"colour\" in an event (fields: id, kind, name, summary, time, place, participants, quantities, relations, claimedBy, evidence, note)",
            "$.events[1].time.latest: invalid date \"2026-13-01\": there is no month 13",
        ])
    }

    /// Semantic problems are all reported too, in the validator's order.
    @Test func manySemanticProblemsAtOnce() {
        let text = edited {
            $0["statements"]?[1]?["id"] = .string("s1")
            $0["statements"]?[0]?["speaker"] = .string("tomm")
            $0["statements"]?[0]?["content"] = .string("hello")
            $0["events"]?[0]?["participants"]?[0]?["actor"] = .string("nobody")
        }
        expectIssues(text, [
            "$.statements[1].id: duplicate statement id \"s1\" (first used at $.statements[0].id)",
            "$.statements[0].speaker: unknown actor id \"tomm\" — did you mean \"tom\"?",
            "$.statements[0].content: content \"hello\" differs from its spans, which read \"hi\"",
            "$.events[0].participants[0].actor: unknown actor id \"nobody\"",
        ])
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" { "a": [1, -2.5e3, true, false, null, "x", {}, []], "b": {"c": "d"} } "#)
        #expect(value == .object([
            ("a", .array([.int(1), JSONValue(.number("-2.5e3")), .bool(true), .bool(false), .null, .string("x"),
                          .object([]), .array([])])),
            ("b", .object([("c", .string("d"))])),
        ]))
    }

    @Test func resolvesEveryEscape() throws {
        let value = try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u2014 \ud83d\ude00""#)
        #expect(value.stringValue == "\" \\ / \u{08} \u{0C} \n \r \t A é — 😀")
    }

    @Test func remembersPositions() throws {
        let value = try JSONParser.parse("{\n  \"a\": [\n    true,\n  \"é😀\", 7\n  ]\n}")
        #expect((value.line, value.column) == (1, 1))
        let a = try #require(value["a"])
        #expect((a.line, a.column) == (2, 8))
        #expect((a[0]?.line, a[0]?.column) == (3, 5))
        #expect((a[1]?.line, a[1]?.column) == (4, 3))
        // Columns count characters: the string "é😀" with its quotes is four.
        #expect((a[2]?.line, a[2]?.column) == (4, 9))
        let member = try #require(value.objectValue?.first)
        #expect((member.line, member.column) == (2, 3))
    }

    @Test func columnsCountCharactersNotScalars() {
        // "e" + combining acute accent is one character.
        expectSyntaxError("[\"e\u{301}\u{301}\", x]", "1:7: unexpected word \"x\"; a JSON value is an object, array, string, number, true, false or null")
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse("\u{FEFF}[1]") == .array([.int(1)]))
    }

    @Test(arguments: [
        ("", "1:1: unexpected end of input: expected a JSON value"),
        ("   \n  ", "2:3: unexpected end of input: expected a JSON value"),
        ("{\"a\": 1", "1:8: unexpected end of input: expected ',' or '}' after an object member"),
        ("[1, 2", "1:6: unexpected end of input: expected ',' or ']' after an array element"),
        ("{\"a\" 1}", "1:6: expected ':' after the key \"a\", found '1'"),
        ("{\"a\": 1 \"b\": 2}", "1:9: expected ',' or '}' after an object member, found '\"'"),
        ("[1 2]", "1:4: expected ',' or ']' after an array element, found '2'"),
        ("[1, 2,]", "1:7: expected a value after ','; JSON does not allow a trailing comma"),
        ("{\"a\": 1,}", "1:9: expected a key after ','; JSON does not allow a trailing comma"),
        ("{a: 1}", "1:2: expected a key in double quotes after '{', found 'a'"),
        ("{'a': 1}", "1:2: expected a key in double quotes after '{'; JSON does not allow single quotes"),
        ("['a']", "1:2: unexpected \"'\": JSON strings are written in double quotes"),
        ("[1] // done", "1:5: trailing characters after the JSON document"),
        ("{} {}", "1:4: trailing characters after the JSON document"),
        ("// note\n{}", "1:1: unexpected '/': JSON does not allow comments"),
        ("[True]", "1:2: unexpected word \"True\"; a JSON value is an object, array, string, number, true, false or null"),
        ("[NaN]", "1:2: unexpected word \"NaN\"; a JSON value is an object, array, string, number, true, false or null"),
        ("[+1]", "1:2: unexpected '+': a JSON number has no leading '+'"),
        ("[.5]", "1:2: unexpected '.': a JSON number needs a digit before the decimal point"),
        ("[012]", "1:2: a number may not start with a leading zero"),
        ("[1.]", "1:4: expected a digit after the decimal point, found ']'"),
        ("[1e]", "1:4: expected a digit in the exponent, found ']'"),
        ("[-]", "1:3: expected a digit after '-', found ']'"),
        ("[\"abc", "1:2: unterminated string: the input ends before its closing '\"'"),
        ("{\"a\": \"abc\n}", "1:7: unterminated string: the line ends before its closing '\"' (write a line break inside a string as \\n)"),
        ("[\"a\tb\"]", "1:4: control character U+0009 must be escaped in a string (as \\u0009)"),
        ("[\"\\x\"]", "1:3: invalid escape \\x in string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX"),
        ("[\"\\u12G4\"]", "1:3: expected four hex digits after \\u"),
        ("[\"\\ud83d\"]", "1:3: unpaired surrogate \\uD83D: a high surrogate must be followed by a \\u escape of a low surrogate (DC00–DFFF)"),
        ("[\"\\ud83d\\u0041\"]", "1:9: unpaired surrogate \\uD83D: \\u0041 is not a low surrogate (DC00–DFFF)"),
        ("[\"\\ude00\"]", "1:3: unpaired surrogate \\uDE00: a low surrogate must follow a high surrogate (D800–DBFF)"),
        ("[1,\r\n 2,\r\n x]", "3:2: unexpected word \"x\"; a JSON value is an object, array, string, number, true, false or null"),
        ("[\u{A0}1]", "1:2: expected a JSON value, found U+00A0"),
    ])
    func syntaxErrors(_ text: String, _ expected: String) {
        expectSyntaxError(text, expected)
    }

    @Test func nestingIsLimitedWithoutOverflowingTheStack() throws {
        let limit = JSONParser.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        _ = try JSONParser.parse(deepest)
        expectSyntaxError(
            String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1),
            "1:\(limit + 1): arrays and objects nest more than \(limit) deep")
        expectSyntaxError(
            String(repeating: "{\"a\":", count: 100_000),
            "1:\(5 * limit + 1): arrays and objects nest more than \(limit) deep")
    }

    /// Long arrays and long strings parse in linear time.
    @Test func largeDocumentsParseQuickly() throws {
        let count = 200_000
        let text = "[" + Array(repeating: "{\"a\": [1, \"é\"]}", count: count).joined(separator: ",") + "]"
        let clock = ContinuousClock()
        let start = clock.now
        let value = try JSONParser.parse(text)
        #expect(value.arrayValue?.count == count)
        // Each element is 15 characters and a comma; the first starts in column 2.
        #expect(value[count - 1]?.column == 2 + (count - 1) * 16)
        #expect(clock.now - start < .seconds(20))
    }

    @Test func duplicateKeysAreReportedWithTheirPaths() {
        let text = "{\n  \"a\": [{\"b\": 1, \"b\": 2}],\n  \"a\": 3,\n  \"odd key\": {\"x\": 1, \"x\": 1}\n}"
        #expect(throws: JSONParser.Failure(issues: [
            ModelIssue(path: "$.a[0].b", message: "duplicate key \"b\" at 2:18 (first at 2:10); a key may appear once in an object"),
            ModelIssue(path: "$.a", message: "duplicate key \"a\" at 3:3 (first at 2:3); a key may appear once in an object"),
            ModelIssue(path: "$['odd key'].x", message: "duplicate key \"x\" at 4:23 (first at 4:15); a key may appear once in an object"),
        ])) {
            try JSONParser.parse(text)
        }
    }

    @Test func renderingEscapesOnlyWhatJSONRequires() {
        let value = JSONValue.object([("k\"ey", .string("a\u{01}b\\c — é\n"))])
        #expect(value.rendered() == "{\n  \"k\\\"ey\": \"a\\u0001b\\\\c — é\\n\"\n}")
    }
}

@Suite("Model file documentation")
struct ModelFormatDocumentationTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/model-format.md").path

    static func documentation() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func exampleDocumentDecodes() throws {
        let text = try Self.documentation()
        let blocks = text.components(separatedBy: "```json\n").dropFirst()
            .map { $0.components(separatedBy: "\n```")[0] }
        let example = try #require(blocks.first { $0.contains("\"format\": 1") })
        do {
            let model = try ModelFile.decode(example)
            #expect(model.statements.count >= 1 && model.events.count >= 1 && model.actors.count >= 1)
            #expect(ModelFile.encode(model) == example + "\n", "the example is not in the encoder's layout")
        } catch {
            Issue.record("the example in docs/model-format.md does not load:\n\(error)")
        }
    }

    @Test func everyEnumValueIsDocumented() throws {
        let text = try Self.documentation()
        let values: [(String, [String])] = [
            ("Paragraph.Kind", Paragraph.Kind.allCases.map(\.rawValue)),
            ("Actor.Kind", Actor.Kind.allCases.map(\.rawValue)),
            ("Mention.Form", Mention.Form.allCases.map(\.rawValue)),
            ("Statement.Kind", Statement.Kind.allCases.map(\.rawValue)),
            ("TimeReference.Precision", TimeReference.Precision.allCases.map(\.rawValue)),
            ("Event.Kind", Event.Kind.allCases.map(\.rawValue)),
            ("Participant.Role", Participant.Role.allCases.map(\.rawValue)),
            ("EventRelation.Kind", EventRelation.Kind.allCases.map(\.rawValue)),
        ]
        for (type, raws) in values {
            for raw in raws {
                #expect(text.contains("| `\(raw)` |"), "docs/model-format.md does not document \(type) value \(raw)")
            }
        }
    }

    @Test func everyFieldIsDocumented() throws {
        let text = try Self.documentation()
        for (type, fields) in ModelReader.fields {
            for field in fields {
                #expect(text.contains("| `\(field)` |"), "docs/model-format.md does not document the \(type) field \(field)")
            }
        }
    }
}

// MARK: Helpers

/// The small model's encoding after `edit` has changed its JSON tree.
func edited(_ edit: (inout JSONValue) -> Void) -> String {
    var document = try! JSONParser.parse(SmallModel.encoded)
    edit(&document)
    return document.rendered()
}

/// Expects `text` not to load, with exactly `expected` as the rendered issues.
func expectIssues(
    _ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try ModelFile.decode(text)
        Issue.record("the document loaded; expected \(expected.count) issues", sourceLocation: sourceLocation)
    } catch {
        #expect(error.issues.map(\.description) == expected, sourceLocation: sourceLocation)
        #expect(error.description == expected.joined(separator: "\n"), sourceLocation: sourceLocation)
    }
}

/// Expects `text` not to parse, with `expected` as the one rendered issue.
func expectSyntaxError(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try JSONParser.parse(text)
        Issue.record("the text parsed", sourceLocation: sourceLocation)
    } catch {
        #expect(error.issues.map(\.description) == [expected], sourceLocation: sourceLocation)
    }
}
