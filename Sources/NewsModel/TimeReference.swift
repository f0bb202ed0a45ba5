/// When something happened or was said, as precisely as the article states it and no more.
///
/// `text` is the article's own words ("Wednesday", "early January", "over the past week"), or
/// `nil` when the article gives no time. `earliest` and `latest` bound the interval those words
/// imply, resolved against the article date; either bound is `nil` when the text does not imply
/// one. A time the article does not state is `.unknown` with no bounds — never a guessed date.
public struct TimeReference: Sendable, Codable, Equatable, Hashable {
    /// How precise the stated time is.
    public enum Precision: String, Sendable, Codable, CaseIterable {
        /// A single day ("Wednesday" in an article dated 2026-02-04 is 2026-02-04).
        case day
        /// A stretch of days ("over the past week", "this week").
        case range
        /// Part of a month ("early January", "late January").
        case partOfMonth
        /// A month ("in January").
        case month
        /// Only an order is known: before or after some date.
        case bounded
        /// Something ongoing or habitual ("has long complained").
        case ongoing
        /// The article does not say.
        case unknown
    }

    /// The article's own words for the time, or `nil` when it states none.
    public var text: String?
    /// How precise the time is.
    public var precision: Precision
    /// The first day the time can be, when the text implies one.
    public var earliest: CalendarDate?
    /// The last day the time can be, when the text implies one.
    public var latest: CalendarDate?
    /// How the interval was resolved from the text, for a reviewer.
    public var note: String?

    /// Creates a time reference.
    public init(
        text: String?, precision: Precision, earliest: CalendarDate? = nil,
        latest: CalendarDate? = nil, note: String? = nil
    ) {
        self.text = text
        self.precision = precision
        self.earliest = earliest
        self.latest = latest
        self.note = note
    }

    /// A time the article does not state.
    public static let unknown = TimeReference(text: nil, precision: .unknown)

    /// A single stated day.
    public static func day(_ text: String, _ date: CalendarDate, note: String? = nil) -> TimeReference {
        TimeReference(text: text, precision: .day, earliest: date, latest: date, note: note)
    }

    /// Whether the interval could contain `date` (unbounded sides always could).
    public func mayInclude(_ date: CalendarDate) -> Bool {
        if precision == .unknown { return false }
        if let earliest, date < earliest { return false }
        if let latest, latest < date { return false }
        return true
    }
}
