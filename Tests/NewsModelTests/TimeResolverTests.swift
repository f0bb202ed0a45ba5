import Testing
@testable import NewsModel

@Suite("Resolving the article's time words")
struct TimeResolverTests {
    let resolver = TimeResolver(articleDate: CalendarDate(year: 2026, month: 2, day: 4)!)

    func day(_ month: Int, _ day: Int, _ year: Int = 2026) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    @Test func weekdaysResolveToTheLatestOnOrBeforeTheArticleDate() {
        #expect(day(2, 4).weekday == 3)  // 2026-02-04 is a Wednesday
        #expect(resolver.resolve("Wednesday")?.earliest == day(2, 4))
        #expect(resolver.resolve("Monday")?.earliest == day(2, 2))
        #expect(resolver.resolve("Thursday")?.earliest == day(1, 29))
        #expect(resolver.resolve("yesterday")?.latest == day(2, 3))
    }

    @Test func partsOfMonths() {
        #expect(resolver.resolve("early January")?.earliest == day(1, 1))
        #expect(resolver.resolve("early January")?.latest == day(1, 10))
        #expect(resolver.resolve("late January")?.latest == day(1, 31))
        #expect(resolver.resolve("late February")?.latest == day(2, 28))
        #expect(resolver.resolve("in January")?.precision == .month)
        // A month after the article's month is in the year before.
        #expect(resolver.resolve("in December")?.earliest == day(12, 1, 2025))
    }

    @Test func weeks() {
        #expect(resolver.resolve("this week")?.earliest == day(2, 2))
        #expect(resolver.resolve("this week")?.latest == day(2, 8))
        #expect(resolver.resolve("over the past week")?.earliest == day(1, 28))
    }

    @Test func unknownWordsDoNotResolve() {
        #expect(resolver.resolve("soon") == nil)
        #expect(resolver.resolve("early Smarch") == nil)
    }

    @Test func calendarArithmetic() {
        #expect(day(3, 1).adding(days: -1) == day(2, 28))
        #expect(day(12, 31, 2024).adding(days: 1) == day(1, 1, 2025))
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CalendarDate(iso: "2026-2-4") == nil)
    }
}
