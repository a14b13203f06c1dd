import Testing
@testable import Ingest
import ScorecardCore

@Suite struct SnapshotKeySetTests {
    /// Whether each (date, product, location) was new, inserting them in order into a fresh set.
    private func inserted(_ keys: [(Int32, Int32, Int32)], expected: Int = 16) -> [Bool] {
        var set = SnapshotKeySet(expected: expected)
        var accepted: [(date: Int32, product: Int32)] = []
        return keys.map { key in
            let new = set.insert(date: key.0, product: key.1, location: key.2) { accepted[$0] }
            if new { accepted.append((key.0, key.1)) }
            return new
        }
    }

    /// Dates moving forward per (product, location): every key is new; the same date again is a duplicate,
    /// and after it the set still knows every earlier key.
    @Test func keysInDateOrder() {
        let got = inserted([(100, 1, 0), (100, 1, 1), (100, 2, 0), (107, 1, 0),
                            (107, 1, 0), // duplicate of the key before
                            (100, 2, 0), // duplicate of the third key
                            (107, 2, 0), (107, 2, 0)])
        #expect(got == [true, true, true, true, false, false, true, false])
    }

    /// A row back in time for its pair is checked against every earlier key, not only the latest date.
    @Test func keysOutOfOrder() {
        let got = inserted([(100, 5, 3), (114, 5, 3),
                            (107, 5, 3), // between two known dates: new
                            (100, 5, 3), (107, 5, 3), // known
                            (-3, 5, 3), (-3, 5, 3)]) // a date before 1970, then again
        #expect(got == [true, true, true, false, false, true, false])
    }

    /// 3,000 products × 2 locations × 3 dates grow the pair table past its first 1,024 slots; the same
    /// keys again, dates in another order, are all duplicates.
    @Test func manyPairs() {
        var keys: [(Int32, Int32, Int32)] = []
        for date in [7, 14, 21, 21, 7, 14] as [Int32] {
            for p in 0..<3000 as Range<Int32> { for l in 0..<2 as Range<Int32> { keys.append((date, p, l)) } }
        }
        let got = inserted(keys, expected: 0)
        #expect(got.prefix(18_000).allSatisfy { $0 }) // 3 dates × 3000 × 2
        #expect(got.dropFirst(18_000).allSatisfy { !$0 })
    }
}

/// The compact per-row storage of buffered inventory and forecast rows gives back exactly what was put in.
@Suite struct CompactRowStorageTests {
    /// Indices fit two bytes until one does not; from then on every index, earlier ones too, reads back.
    @Test func indicesWidenAtTheFirstLargeOne() {
        var list = CompactIndices()
        let values: [Int32] = [0, 7, 65_534, 65_535, 3, 1_000_000, 0]
        for v in values { list.append(v) }
        #expect(list.count == 7)
        #expect((0..<list.count).map { list[$0] } == values)
    }

    /// Quantities a Float holds exactly stay in the row; any other is kept aside and read back in order.
    @Test func quantitiesReadBackExactly() {
        var facts = BufferedFacts<DatedFact>(source: .inventory)
        let quantities: [Double] = [0, 12, 2.5, 0.1, 16_777_216, 16_777_217, 1e300, 3.000_000_000_000_001, 7]
        for (i, q) in quantities.enumerated() { facts.append(day: Day(rawValue: Int32(i)), product: Int32(i), quantity: q) }
        #expect(MemoryLayout<DatedFact>.stride == 12)
        #expect(facts.exactQuantities == [0.1, 16_777_217, 1e300, 3.000_000_000_000_001])
        var cursor = 0
        let back = facts.records.map { facts.quantity(of: $0, cursor: &cursor) }
        #expect(back == quantities)
        #expect(facts.records.map(\.product) == Array(0..<9))
    }

    /// Locations above two bytes and a row back in time: the full set is built from the caller's rows
    /// and the locations kept, so a repeated key is still found.
    @Test func wideLocationsOutOfOrder() {
        var set = SnapshotKeySet(expected: 4)
        var accepted: [(date: Int32, product: Int32)] = []
        func insert(_ d: Int32, _ p: Int32, _ l: Int32) -> Bool {
            let new = set.insert(date: d, product: p, location: l) { accepted[$0] }
            if new { accepted.append((d, p)) }
            return new
        }
        #expect(insert(10, 1, 70_000))
        #expect(insert(10, 1, 2))
        #expect(insert(20, 1, 70_000))
        #expect(insert(5, 1, 70_000)) // back in time: the switch to the full set
        #expect(!insert(10, 1, 70_000))
        #expect(!insert(10, 1, 2))
        #expect(insert(10, 1, 70_001))
    }
}
