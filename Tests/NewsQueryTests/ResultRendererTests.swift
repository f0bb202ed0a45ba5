import Foundation
import NewsModel
import NewsQuery
import Testing

@Suite("Rendering query results")
struct ResultRendererTests {
    // MARK: - Fixtures

    /// A small result with every kind of value: null, list (empty too), span, date, integer,
    /// a typographic apostrophe, and a comma and quotes in text.
    let sample = QueryResult(
        columns: [
            .init("id", .id), .init("speaker", .text), .init("kind", .enumeration), .init("text", .text),
            .init("paragraph", .integer), .init("aliases", .list), .init("span", .span), .init("date", .date),
        ],
        rows: [
            [
                "s25", "Tom Homan", "direct", "We are not surrendering the president’s mission.", 23,
                .list(["Homan", "border czar"]), .span(start: 1204, end: 1252), .date(CalendarDate(year: 2026, month: 2, day: 4)!),
            ],
            ["s7", nil, "indirect", "He said \"no, never\" twice.", 5, .list([]), .span(start: 10, end: 36), nil],
        ]
    )

    /// Three text rows that need wrapping at width 40: spaces, a long word, an embedded newline.
    let prose = QueryResult(
        columns: [.init("id", .id), .init("speaker", .text), .init("text", .text)],
        rows: [
            ["s25", "Tom Homan", "We are not surrendering the president’s mission."],
            ["s7", nil, "See https://example.com/a-very-long-address now"],
            ["s9", "Frey", "First line.\nSecond line, longer than the column."],
        ]
    )

    let empty = QueryResult(columns: [.init("id", .id), .init("text", .text)], rows: [])

    let bound = QueryResult.message("homan = 4 statements")

    // MARK: - Helpers

    func render(_ result: QueryResult, _ format: OutputFormat, width: Int? = nil, color: Bool = false) -> String {
        ResultRenderer(format: format, width: width, color: color).render(result)
    }

    /// Expects `result` in `format` to be exactly `expected`.
    func expectRender(
        _ result: QueryResult, _ format: OutputFormat, width: Int? = nil, color: Bool = false, _ expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let actual = render(result, format, width: width, color: color)
        #expect(actual == expected, "\n--- actual ---\n\(actual)--- expected ---\n\(expected)", sourceLocation: sourceLocation)
    }

    /// Lines joined with `separator`, with a final separator.
    func lines(_ lines: String..., separator: String = "\n") -> String {
        lines.joined(separator: separator) + separator
    }

    /// Table lines as written here, padded so the columns line up on the page, without the
    /// trailing blanks the renderer never writes.
    func table(_ lines: String...) -> String {
        lines.map { line in
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n") + "\n"
    }

    /// Terminal columns, measured independently of the renderer: CJK and emoji 2, combining marks 0.
    func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x0300...0x036F: return total
            case 0x3040...0x30FF, 0x4E00...0x9FFF, 0x1F300...0x1FAFF: return total + 2
            default: return total + 1
            }
        }
    }

    /// Expects the column separators of every line of a table to stand under the rule's `+`
    /// signs, no line to be wider than the rule (which is `width` wide, if given), and no line
    /// to end in a blank.
    func expectAligned(_ table: String, width: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let body = table.split(separator: "\n").dropLast()
        guard body.count >= 2 else { return }
        let rule = body[body.startIndex + 1]
        let ruleWidth = displayWidth(rule)
        let crossings = rule.indices.filter { rule[$0] == "+" }.map { rule.distance(from: rule.startIndex, to: $0) }
        for line in body {
            #expect(displayWidth(line) <= ruleWidth, "wider than the rule: \(line)", sourceLocation: sourceLocation)
            #expect(line.last != " ", "trailing blank: \(line)", sourceLocation: sourceLocation)
            guard line != rule else { continue }
            // The display column of each `|`.
            var column = 0
            var bars: [Int] = []
            for character in line {
                if character == "|" { bars.append(column) }
                column += displayWidth(Substring(String(character)))
            }
            #expect(Array(bars.prefix(crossings.count)) == Array(crossings.prefix(bars.count)), "misaligned: \(line)",
                    sourceLocation: sourceLocation)
        }
        if let width { #expect(ruleWidth == width, sourceLocation: sourceLocation) }
    }

    // MARK: - Table

    @Test func tableAlignsColumnsAndRightAlignsIntegers() {
        let expected = table(
            " id  | speaker   | kind     | text                                             | paragraph | aliases            | span        | date      ",
            "-----+-----------+----------+--------------------------------------------------+-----------+--------------------+-------------+-----------",
            " s25 | Tom Homan | direct   | We are not surrendering the president’s mission. |        23 | Homan; border czar | 1204..<1252 | 2026-02-04",
            " s7  | null      | indirect | He said \"no, never\" twice.                       |         5 |                    | 10..<36     | null      ",
            "(2 rows)"
        )
        expectRender(sample, .table, expected)
        expectAligned(render(sample, .table))
    }

    @Test func narrowTableWrapsTextColumnsAtSpaces() {
        let expected = table(
            " id  | speaker   | text                 ",
            "-----+-----------+----------------------",
            " s25 | Tom Homan | We are not           ",
            "     |           | surrendering the     ",
            "     |           | president’s mission. ",
            " s7  | null      | See                  ",
            "     |           | https://example.com/a",
            "     |           | -very-long-address   ",
            "     |           | now                  ",
            " s9  | Frey      | First line.          ",
            "     |           | Second line, longer  ",
            "     |           | than the column.     ",
            "(3 rows)"
        )
        expectRender(prose, .table, width: 40, expected)
        expectAligned(render(prose, .table, width: 40), width: 40)
    }

    @Test func tableWiderThanItsNaturalWidthIsUnchanged() {
        #expect(render(prose, .table, width: 200) == render(prose, .table))
        #expect(render(sample, .table, width: 1000) == render(sample, .table))
    }

    @Test func textColumnsShrinkToTheirLongestWordAndNoFurther() {
        // Natural width 138. At 94, text stops at its longest word ("surrendering", 12) and
        // aliases at the ten-column floor; the other columns keep their natural width.
        let narrowed = render(sample, .table, width: 94)
        let rule = narrowed.split(separator: "\n")[1]
        #expect(rule == "-----+-----------+----------+--------------+-----------+------------+-------------+-----------")
        expectAligned(narrowed, width: 94)
        #expect(narrowed.contains(" s25 | Tom Homan | direct   | We are not   |        23 | Homan;     | 1204..<1252 | 2026-02-04\n"))
        #expect(narrowed.contains("     |           |          | surrendering |           | border     |             |\n"))
        #expect(narrowed.contains("     |           |          | the          |           | czar       |             |\n"))
    }

    @Test func aTableThatCannotFitIsShownAsRecords() {
        let expected = table(
            "-[ RECORD 1 ]---------------------------",
            "id        | s25",
            "speaker   | Tom Homan",
            "kind      | direct",
            "text      | We are not surrendering the",
            "          | president’s mission.",
            "paragraph | 23",
            "aliases   | Homan; border czar",
            "span      | 1204..<1252",
            "date      | 2026-02-04",
            "-[ RECORD 2 ]---------------------------",
            "id        | s7",
            "speaker   | null",
            "kind      | indirect",
            "text      | He said \"no, never\" twice.",
            "paragraph | 5",
            "aliases   |",
            "span      | 10..<36",
            "date      | null",
            "(2 rows)"
        )
        expectRender(sample, .table, width: 40, expected)
    }

    @Test func allNullColumnsShrinkBeforeText() {
        let result = QueryResult(
            columns: [.init("id", .id), .init("addressee", .text), .init("text", .text)],
            rows: [["s1", nil, "one two three four"], ["s2", nil, "five six"]])
        // Natural: 2 + 9 + 18 + 7 = 36. At 32 the all-null column gives up 4 (its header on
        // two lines), and the text keeps its width.
        let expected = table(
            " id | addre | text",
            "    | ssee  |",
            "----+-------+-------------------",
            " s1 | null  | one two three four",
            " s2 | null  | five six",
            "(2 rows)"
        )
        expectRender(result, .table, width: 32, expected)
        // "venue" would save one column only: it keeps its header whole.
        let venue = QueryResult(columns: [.init("id", .id), .init("venue", .text), .init("text", .text)],
                                rows: [["s1", nil, "aa bb cc dd ee ff gg hh ii jj"]])
        #expect(render(venue, .table, width: 40).hasPrefix(" id | venue | text\n----+-------+---------------------------\n"))
    }

    @Test func theWidestColumnShrinksFirst() {
        let result = QueryResult(
            columns: [.init("a", .text), .init("b", .list)],
            rows: [[.text(Array(repeating: "x", count: 20).joined(separator: " ")), .list(["one two three four five"])]]
        )
        // Natural widths 39 and 23 (table 66); at 50 only `a` shrinks (to 23); at 40 both share.
        #expect(render(result, .table, width: 50).split(separator: "\n")[1] == String(repeating: "-", count: 25) + "+" + String(repeating: "-", count: 24))
        #expect(render(result, .table, width: 40).split(separator: "\n")[1] == String(repeating: "-", count: 20) + "+" + String(repeating: "-", count: 19))
        expectAligned(render(result, .table, width: 40), width: 40)
    }

    @Test func wideCharactersAlignAndMoveToTheNextLineWhenTheyDoNotFit() {
        let result = QueryResult(
            columns: [.init("id", .id), .init("text", .text)],
            rows: [["s1", "習近平は言った習近平は言った習近平は言った 😀 ok"], ["s2", "Cafe\u{301} au lait"]]
        )
        // The 42-column word holds the text column at 20 at most, so it is broken between
        // characters; a wide character never straddles the edge.
        let expected = table(
            " id | text                      ",
            "----+---------------------------",
            " s1 | 習近平は言った習近平は言っ",
            "    | た習近平は言った 😀 ok    ",
            " s2 | Café au lait              ",
            "(2 rows)"
        )
        expectRender(result, .table, width: 32, expected)
        expectAligned(render(result, .table, width: 32), width: 32)
        // Unlimited: one line each, still aligned.
        expectAligned(render(result, .table))
        #expect(render(result, .table).split(separator: "\n")[2] == " s1 | 習近平は言った習近平は言った習近平は言った 😀 ok")
    }

    @Test func embeddedNewlinesWrapEvenWithoutAWidth() {
        let result = QueryResult(columns: [.init("id", .id), .init("text", .text)], rows: [["s1", "one\r\ntwo\nthree"]])
        expectRender(result, .table, table(" id | text ", "----+------", " s1 | one  ", "    | two  ", "    | three", "(1 row)"))
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        let result = QueryResult(columns: [.init("text", .text)], rows: [["a\tb\u{1B}[31mc"]])
        expectRender(result, .table, table(" text", "----------", " a b\u{FFFD}[31mc", "(1 row)"))
    }

    @Test func colorMakesTheHeaderBoldAndNullsDim() {
        let result = QueryResult(columns: [.init("id", .id), .init("venue", .text)], rows: [["e1", nil], ["e2", "Court"]])
        let bold = { (text: String) in "\u{1B}[1m" + text + "\u{1B}[22m" }
        let expected = lines(
            " \(bold("id")) | \(bold("venue"))",
            "----+------",
            " e1 | \u{1B}[2mnull\u{1B}[22m",
            " e2 | Court",
            "(2 rows)"
        )
        expectRender(result, .table, color: true, expected)
        expectRender(result, .table, table(" id | venue", "----+------", " e1 | null", " e2 | Court", "(2 rows)"))
    }

    // MARK: - JSON

    @Test func jsonIsOnePrettyArrayInColumnOrder() {
        let expected = """
            [
              {
                "id": "s25",
                "speaker": "Tom Homan",
                "kind": "direct",
                "text": "We are not surrendering the president’s mission.",
                "paragraph": 23,
                "aliases": [
                  "Homan",
                  "border czar"
                ],
                "span": {
                  "start": 1204,
                  "end": 1252
                },
                "date": "2026-02-04"
              },
              {
                "id": "s7",
                "speaker": null,
                "kind": "indirect",
                "text": "He said \\"no, never\\" twice.",
                "paragraph": 5,
                "aliases": [],
                "span": {
                  "start": 10,
                  "end": 36
                },
                "date": null
              }
            ]

            """
        expectRender(sample, .json, expected)
    }

    @Test func jsonLinesAreCompactObjects() {
        let expected = lines(
            #"{"id":"s25","speaker":"Tom Homan","kind":"direct","text":"We are not surrendering the president’s mission.","paragraph":23,"aliases":["Homan","border czar"],"span":{"start":1204,"end":1252},"date":"2026-02-04"}"#,
            #"{"id":"s7","speaker":null,"kind":"indirect","text":"He said \"no, never\" twice.","paragraph":5,"aliases":[],"span":{"start":10,"end":36},"date":null}"#
        )
        expectRender(sample, .jsonl, expected)
    }

    @Test func jsonEscapesOnlyWhatRFC8259Requires() {
        let result = QueryResult(columns: [.init("text", .text)], rows: [["a/b \\ \"q\" \u{1}\u{1F}\t\n\r\u{8}\u{C} ü 習"]])
        expectRender(result, .jsonl, lines(#"{"text":"a/b \\ \"q\" \u0001\u001F\t\n\r\b\f ü 習"}"#))
    }

    @Test func jsonParsesBack() throws {
        let tricky: Value = "a/b \\ \"q\" \u{1}\t\n ü 習 😀"
        let result = QueryResult(columns: sample.columns + [.init("note", .text)], rows: sample.rows.map { $0 + [tricky] })

        let array = try #require(try JSONSerialization.jsonObject(with: Data(render(result, .json).utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["text"] as? String == "We are not surrendering the president’s mission.")
        #expect(array[0]["paragraph"] as? Int == 23)
        #expect(array[0]["aliases"] as? [String] == ["Homan", "border czar"])
        #expect(array[0]["span"] as? [String: Int] == ["start": 1204, "end": 1252])
        #expect(array[0]["date"] as? String == "2026-02-04")
        #expect(array[1]["speaker"] is NSNull)
        #expect(array[1]["note"] as? String == "a/b \\ \"q\" \u{1}\t\n ü 習 😀")

        let jsonLines = render(result, .jsonl).split(separator: "\n")
        #expect(jsonLines.count == 2)
        for (line, row) in zip(jsonLines, result.rows) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object.count == result.columns.count)
            // Value's own Decodable reads every value back (dates come back as their text).
            let decoded = try JSONDecoder().decode([String: Value].self, from: Data(line.utf8))
            for (column, value) in zip(result.columns, row) {
                if case .date(let date) = value {
                    #expect(decoded[column.name] == .text(date.iso))
                } else {
                    #expect(decoded[column.name] == value)
                }
            }
        }
    }

    // MARK: - CSV and plain

    @Test func csvFollowsRFC4180() {
        let expected = lines(
            "id,speaker,kind,text,paragraph,aliases,span,date",
            "s25,Tom Homan,direct,We are not surrendering the president’s mission.,23,Homan; border czar,1204..<1252,2026-02-04",
            "s7,,indirect,\"He said \"\"no, never\"\" twice.\",5,,10..<36,",
            separator: "\r\n"
        )
        expectRender(sample, .csv, expected)
    }

    @Test func csvQuotesLineBreaksAndOddHeaders() {
        let result = QueryResult(columns: [.init("a,b", .text), .init("c", .text)], rows: [["one\r\ntwo", "x\ny"], ["plain", "cr\r"]])
        expectRender(result, .csv, "\"a,b\",c\r\n\"one\r\ntwo\",\"x\ny\"\r\nplain,\"cr\r\"\r\n")
    }

    @Test func plainIsTabSeparatedWithoutHeader() {
        let expected = lines(
            "s25\tTom Homan\tdirect\tWe are not surrendering the president’s mission.\t23\tHoman; border czar\t1204..<1252\t2026-02-04",
            "s7\tnull\tindirect\tHe said \"no, never\" twice.\t5\t\t10..<36\tnull"
        )
        expectRender(sample, .plain, expected)
        let messy = QueryResult(columns: [.init("a", .text), .init("b", .text)], rows: [["x\ty", "one\r\ntwo\nthree"]])
        expectRender(messy, .plain, "x y\tone two three\n")
    }

    // MARK: - Empty and message-only results

    @Test func emptyResults() {
        expectRender(empty, .table, lines(" id | text", "----+-----", "(no rows)"))
        expectRender(empty, .json, "[]\n")
        expectRender(empty, .jsonl, "")
        expectRender(empty, .csv, "id,text\r\n")
        expectRender(empty, .plain, "")
    }

    /// Standard output in the machine formats holds only result rows: a message-only result
    /// (`let`) writes nothing there; the table format shows it.
    @Test func messageOnlyResults() {
        expectRender(bound, .table, "homan = 4 statements\n")
        for format in [OutputFormat.json, .jsonl, .csv, .plain] { expectRender(bound, format, "") }
    }

    /// `explain`'s answer: its query line in a table, a one-row `query` table elsewhere.
    @Test func explanations() {
        let explained = QueryResult.explanation("quotes | where kind = direct")
        expectRender(explained, .table, "quotes | where kind = direct\n")
        expectRender(explained, .json, "[\n  {\n    \"query\": \"quotes | where kind = direct\"\n  }\n]\n")
        expectRender(explained, .jsonl, "{\"query\":\"quotes | where kind = direct\"}\n")
        expectRender(explained, .csv, "query\r\nquotes | where kind = direct\r\n")
    }

    @Test func everyFormatHasAName() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["table", "json", "jsonl", "csv", "plain"])
        #expect(OutputFormat(rawValue: "jsonl") == .jsonl)
    }
}
