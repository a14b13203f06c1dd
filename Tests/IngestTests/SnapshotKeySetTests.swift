import Testing
@testable import Ingest

@Suite struct SnapshotKeySetTests {
    /// Whether each (date, product, location) was new, inserting them in order into a fresh set.
    private func inserted(_ keys: [(Int32, Int32, Int32)], expected: Int = 16) -> [Bool] {
        var set = SnapshotKeySet(expected: expected)
        return keys.map { set.insert(date: $0.0, product: $0.1, location: $0.2) }
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
