import Testing

@testable import NewsModel

/// `RangeLookup` answers exactly as a linear scan for the first range holding an offset —
/// quickly for ordered ranges, by the scan itself for any others.
@Suite("Range lookup")
struct RangeLookupTests {
    static func scan(_ ranges: [(start: Int, end: Int)], _ offset: Int) -> Int? {
        ranges.indices.first { ranges[$0].start <= offset && offset < ranges[$0].end }
    }

    @Test func orderedRangesWithGaps() {
        let ranges = [(0, 10), (12, 20), (20, 21), (30, 40)].map { (start: $0.0, end: $0.1) }
        let lookup = RangeLookup(ranges)
        for offset in -2...42 {
            #expect(lookup.firstIndex(containing: offset) == Self.scan(ranges, offset), "offset \(offset)")
        }
        #expect(lookup.firstIndex(containing: 11) == nil)
        #expect(lookup.firstIndex(containing: 20) == 2)
        #expect(RangeLookup([]).firstIndex(containing: 0) == nil)
    }

    @Test func anyRangesAgreeWithTheScan() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            // Half the lists ordered, half anything (overlapping, reversed, empty ranges).
            var ranges: [(start: Int, end: Int)] = []
            var position = 0
            for _ in 0..<next(8) {
                if next(2) == 0 {
                    position += next(4)
                    let end = position + next(6)
                    ranges.append((position, end))
                    position = end
                } else {
                    let start = next(40)
                    ranges.append((start, start + next(10) - 2))
                }
            }
            let lookup = RangeLookup(ranges)
            for offset in -1...45 {
                #expect(lookup.firstIndex(containing: offset) == Self.scan(ranges, offset))
            }
        }
    }

    @Test func partitionIndexIsTheFirstIndexNotBefore() {
        let sorted = [1, 3, 3, 5, 8]
        for x in 0...9 {
            #expect(sorted.partitionIndex { $0 < x } == (sorted.firstIndex { $0 >= x } ?? sorted.count), "x = \(x)")
        }
        #expect([Int]().partitionIndex { $0 < 1 } == 0)
    }
}
