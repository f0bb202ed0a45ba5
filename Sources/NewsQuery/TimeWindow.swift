import NewsModel

/// Selects events by the time the article states for them, for `events on`, `in`, `between`,
/// `before` and `after`. A filter never returns what the article does not date.
///
/// An event's time is an interval (``TimeReference``) whose bounds the article may or may not
/// state. The rule uses only stated bounds:
/// - a window with two ends (`on DAY`, `in MONTH`, `in 2026`, `in early January`, `between A and
///   B`) matches an event only where its interval is closed around it — both bounds stated —
///   and overlaps the window: `exact` when the interval lies wholly inside, `possible` when it
///   only overlaps ("this week" for `on 2026-02-04`). An event open on a side ("since January",
///   "before Homan took over") never matches such a window: `events on 1900-01-01` cannot list
///   a shooting dated only "by 2026-01-31".
/// - `before DAY` uses the latest stated bound: before the day is `exact`; otherwise an earliest
///   stated bound before the day is `possible` (the event started before it).
/// - `after DAY` is the mirror: an earliest stated bound after the day is `exact`; otherwise a
///   latest stated bound after it is `possible`.
/// Rows come exact first, then by earliest date (undated bounds last), then in model order.
public struct TimeWindow: Sendable {
    /// The days a filter selects.
    public enum Limits: Sendable, Equatable {
        /// The days from `first` to `last`, both included.
        case within(first: CalendarDate, last: CalendarDate)
        /// The days before this one.
        case before(CalendarDate)
        /// The days after this one.
        case after(CalendarDate)
    }

    /// The days selected.
    public var limits: Limits

    /// A window with these limits.
    public init(_ limits: Limits) {
        self.limits = limits
    }

    /// How an event with these stated bounds matches: `exact`, `possible`, or `nil` for not at all.
    public func match(earliest: CalendarDate?, latest: CalendarDate?) -> String? {
        switch limits {
        case .within(let first, let last):
            guard let earliest, let latest, earliest <= last, latest >= first else { return nil }
            return first <= earliest && latest <= last ? "exact" : "possible"
        case .before(let day):
            if let latest, latest < day { return "exact" }
            if let earliest, earliest < day { return "possible" }
            return nil
        case .after(let day):
            if let earliest, earliest > day { return "exact" }
            if let latest, latest > day { return "possible" }
            return nil
        }
    }

    /// The events table cut to the window, with a `match` column after `id`.
    func apply(to table: Table) -> Table {
        Self.apply(to: table) { _ in self }
    }

    /// The events table cut to each row's window (in a corpus, days in words are each
    /// article's own), with a `match` column after `id`.
    static func apply(to table: Table, window: ([Value]) -> TimeWindow) -> Table {
        let earliestColumn = table.index(of: "earliest")!
        let latestColumn = table.index(of: "latest")!
        var result = table
        result.columns.insert(.init("match", .enumeration), at: 1)
        var kept: [(offset: Int, row: [Value], exact: Bool, earliest: CalendarDate?)] = []
        for (offset, row) in table.rows.enumerated() {
            let earliest: CalendarDate? = if case .date(let date) = row[earliestColumn] { date } else { nil }
            let latest: CalendarDate? = if case .date(let date) = row[latestColumn] { date } else { nil }
            guard let match = window(row).match(earliest: earliest, latest: latest) else { continue }
            var newRow = row
            newRow.insert(.text(match), at: 1)
            kept.append((offset, newRow, match == "exact", earliest))
        }
        kept.sort { a, b in
            if a.exact != b.exact { return a.exact }
            switch (a.earliest, b.earliest) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }
        result.rows = kept.map(\.row)
        result.enumOrders["match"] = ["exact", "possible"]
        if var display = result.display {
            display.insert("match", at: 1)
            result.display = display
        }
        return result
    }
}
