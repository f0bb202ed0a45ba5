import NewsExtraction
import NewsModel
import Testing

@Suite("Quotations")
struct QuotationFinderTests {
    /// The words of each quotation, its pieces joined by " | ", and whether it is closed.
    func quotations(_ text: String) -> [String] {
        guard let read = try? TextReader().read(text) else { return ["unreadable"] }
        let tokens = Tokenizer().tokens(read.scalars, in: 0..<read.scalars.count)
        return QuotationFinder().quotations(read.scalars, tokens: tokens, blocks: read.blocks).map { quotation in
            quotation.pieces.map { ScalarText.string(read.scalars[$0.inner]) }.joined(separator: " | ")
                + (quotation.isClosed ? "" : " (open)")
        }
    }

    @Test func curlyAndStraightMarks() {
        #expect(quotations("She said “yes” and he said \"no\".") == ["yes", "no"])
    }

    @Test func nestedQuotationsStayInTheOuterOne() {
        #expect(quotations("“He told me, ‘I never saw it,’ and left,” she said.") == ["He told me, ‘I never saw it,’ and left,"])
        #expect(quotations("\"He told me, 'I never saw it,' and left,\" she said.") == ["He told me, 'I never saw it,' and left,"])
    }

    @Test func aQuotationOverSeveralParagraphs() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” she said.\n\nAfter."
        #expect(quotations(text) == ["First part. | Second part. | Last part,"])
    }

    @Test func aParagraphThatEndsInsideAQuotationWithNoContinuation() {
        #expect(quotations("“Never closed.\n\nThe next paragraph.") == ["Never closed. (open)"])
    }

    @Test func singleQuotationMarksAtTheTopLevel() {
        #expect(quotations("The headline read ‘Harbor Closed’ on Monday.") == ["Harbor Closed"])
        // Apostrophes are not quotation marks.
        #expect(quotations("The officers’ tactics and O’Malley’s plan.") == [])
    }

    @Test func strayClosingMarksAreIgnored() {
        #expect(quotations("This ends” oddly. “Then a real one.”") == ["Then a real one."])
    }

    @Test func guillemetsAndStraightMarksOverParagraphs() {
        #expect(quotations("Elle a dit « non » hier.") == ["non"])
        #expect(quotations("\"First part.\n\n\"Second part,\" he said.") == ["First part. | Second part,"])
    }

    @Test func twoApostrophesAreADoubleMark() {
        #expect(quotations("''We are ready,'' the mayor said.") == ["We are ready,"])
    }

    @Test func aStraightMarkThatCanOnlyOpenStartsANewQuotation() {
        // The writer left the first quotation unclosed; the second opens after a full stop.
        #expect(quotations("She said: \"We doubled it. \"We will extend it,\" she added.")
            == ["We doubled it. (open)", "We will extend it,"])
    }
}
