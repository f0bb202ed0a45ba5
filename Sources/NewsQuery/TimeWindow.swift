import NewsModel

/// Selects events whose stated time can fall in a window of days, for `events on`, `in MONTH`,
/// `before` and `after`.
///
/// An event's time is an interval (``TimeReference``); a missing bound is open. An event is
/// kept when its interval overlaps the window, and a `match` column says how sure that is:
/// `exact` when the whole interval lies inside the window (for `on`: the event is dated that
/// very day), `possible` when it only overlaps ("this week" for `on 2026-02-04`). Events the
/// article does not date at all are never kept. Rows come exact first, then by earliest date.
struct TimeWindow {
    /// What makes a match exact.
    enum Exactness {
        /// The event is dated to exactly the window's single day.
        case equal
        /// The event's interval lies inside the window.
        case inside
    }

    /// The first day of the window, or `nil` for no lower limit.
    var first: CalendarDate?
    /// The last day of the window, or `nil` for no upper limit.
    var last: CalendarDate?
    /// What counts as an exact match.
    var exactWhen: Exactness

    /// The events table cut to the window, with a `match` column.
    func apply(to table: Table) -> Table {
        let earliestColumn = table.index(of: "earliest")!
        let latestColumn = table.index(of: "latest")!
        var result = table
        result.columns.insert(.init("match", .enumeration), at: 1)
        result.rows = []
        for row in table.rows {
            let earliest: CalendarDate? = if case .date(let date) = row[earliestColumn] { date } else { nil }
            let latest: CalendarDate? = if case .date(let date) = row[latestColumn] { date } else { nil }
            guard earliest != nil || latest != nil else { continue }
            if let first, let latest, latest < first { continue }
            if let last, let earliest, last < earliest { continue }
            let exact: Bool
            switch exactWhen {
            case .equal:
                exact = earliest != nil && earliest == latest && earliest == first
            case .inside:
                // Inside: each limit the window has is respected by a known bound of the event.
                let afterFirst = first.map { first in earliest.map { first <= $0 } ?? false } ?? true
                let beforeLast = last.map { last in latest.map { $0 <= last } ?? false } ?? true
                exact = afterFirst && beforeLast
            }
            var newRow = row
            newRow.insert(.text(exact ? "exact" : "possible"), at: 1)
            result.rows.append(newRow)
        }
        result.enumOrders["match"] = ["exact", "possible"]
        if var display = result.display {
            display.insert("match", at: 1)
            result.display = display
        }
        let matchColumn = 1
        let earliestIndex = earliestColumn + 1
        result.rows = result.rows.enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a[matchColumn] != b[matchColumn] { return a[matchColumn] == .text("exact") }
            switch (a[earliestIndex], b[earliestIndex]) {
            case (.date(let x), .date(let y)) where x != y: return x < y
            case (.null, .date): return false
            case (.date, .null): return true
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
        return result
    }
}
