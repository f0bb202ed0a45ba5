/// Finds which of a list of text ranges holds an offset — the first in list order, as a
/// linear scan would — in O(log n) when the ranges are in order and do not overlap, as they
/// are in every valid model.
///
/// ``ModelValidator`` asks this for every span of a model (its paragraph and its sentence);
/// a linear scan made validating a model with 200,000 sentences take hours. Ranges that are
/// out of order or overlap (an invalid article, already reported) fall back to the scan, so
/// the answer is always the same as the scan's.
public struct RangeLookup: Sendable {
    private let starts: [Int]
    private let ends: [Int]
    private let isOrdered: Bool

    /// Creates a lookup over `ranges` (start inclusive, end exclusive), in list order.
    public init(_ ranges: [(start: Int, end: Int)]) {
        starts = ranges.map(\.start)
        ends = ranges.map(\.end)
        var ordered = true
        for index in ranges.indices {
            if ranges[index].end < ranges[index].start { ordered = false }
            if index > 0, ranges[index].start < ranges[index - 1].end { ordered = false }
        }
        isOrdered = ordered
    }

    /// The index of the first range holding `offset`, or `nil`.
    public func firstIndex(containing offset: Int) -> Int? {
        guard isOrdered else {
            return starts.indices.first { starts[$0] <= offset && offset < ends[$0] }
        }
        // The last range starting at or before `offset`; ordered ranges cannot overlap, so it
        // is the only one that can hold it.
        let candidate = starts.partitionIndex { $0 <= offset } - 1
        guard candidate >= 0, offset < ends[candidate] else { return nil }
        return candidate
    }
}

extension Array {
    /// The index of the first element for which `isBefore` is false, by binary search.
    ///
    /// - Precondition: the array is partitioned by `isBefore`: every element for which it is
    ///   true comes before every element for which it is false (for a sorted array and
    ///   `{ $0 < x }`, this is the first index of an element not below `x`).
    public func partitionIndex(where isBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
