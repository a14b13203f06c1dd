import Testing
@testable import Ingest

@Suite struct PackedKeySetTests {
    /// 100,000 keys from a capacity of 4 (many growths): each is new once, then a duplicate.
    @Test func keysSurviveGrowth() {
        let set = PackedKeySet(capacity: 4)
        var fresh = 0
        for k in 0..<100_000 as Range<UInt64> where set.insert(k << 32 | (k % 7), UInt32(k % 3)) { fresh += 1 }
        #expect(fresh == 100_000)
        #expect(set.count == 100_000)
        var repeated = 0
        for k in 0..<100_000 as Range<UInt64> where !set.insert(k << 32 | (k % 7), UInt32(k % 3)) { repeated += 1 }
        #expect(repeated == 100_000)
        // Same low part, other high part: a different key.
        #expect(set.insert(5 << 32 | 5, 0))
    }
}
