import Testing
@testable import Metrics

@Suite struct SumTableTests {
    /// 5,000 keys (the table grows from 1,024 slots), each added to three times, plus the key `Int64.min`
    /// that marks empty slots inside the table.
    @Test func sumsPerKeyInKeyOrder() {
        var table = SumTable()
        for round in 1...3 {
            for k in 0..<5000 as Range<Int64> { table.add(k << 32 | 7, Double(round)) } // 1 + 2 + 3 = 6 each
        }
        table.add(.min, 0.5)
        table.add(.min, 0.25)
        #expect(table.count == 5001)
        #expect(table.sum(42 << 32 | 7) == 6)
        #expect(table.sum(42 << 32 | 8) == nil)
        #expect(table.sum(.min) == 0.75)
        let sorted = table.sorted()
        #expect(sorted.count == 5001)
        #expect(sorted.first.map { $0.key == .min && $0.value == 0.75 } == true)
        #expect(sorted.dropFirst().map(\.key) == (0..<5000).map { $0 << 32 | 7 })
        #expect(sorted.dropFirst().allSatisfy { $0.value == 6 })
    }
}
