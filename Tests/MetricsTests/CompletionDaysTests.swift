@testable import Metrics
import Testing

/// The day a line is complete, whatever order its events arrive in.
@Suite struct CompletionDaysTests {
    static func events(_ list: [(line: Int32, day: Int32, qty: Double)]) -> DatedQuantities {
        var e = DatedQuantities()
        for x in list { e.append(line: x.line, day: x.day, qty: x.qty) }
        return e
    }

    @Test func inAnyOrder() {
        // Line 0 (10 units): 4 on day 5, 6 on day 3 → 6 by day 3, 10 by day 5. Line 1 (2 units): never.
        // Line 2 (0 units): never complete. Line 3 (1 unit): two events the same day, 0.5 each → day 7.
        let list: [(Int32, Int32, Double)] = [(0, 5, 4), (1, 4, 1), (0, 3, 6), (3, 7, 0.5), (2, 1, 5), (3, 7, 0.5)]
        let done = CompletionDays.compute(ordered: [10, 2, 0, 1], events: Self.events(list))
        #expect(done == [5, CompletionDays.never, CompletionDays.never, 7])
        // The same events sorted by day give the same answer (the already-sorted path).
        let sorted = list.sorted { $0.1 < $1.1 }
        #expect(CompletionDays.compute(ordered: [10, 2, 0, 1], events: Self.events(sorted)) == done)
        #expect(CompletionDays.dayOrder(sorted.map(\.1)) == nil)
    }

    @Test func aRangeOfCenturiesUsesAComparisonSort() {
        // Days 10,000 years apart: no counting array over the range.
        let days: [Int32] = [3_000_000, -700_000, 5, 3_000_000]
        #expect(CompletionDays.dayOrder(days) == [1, 2, 0, 3])
    }

    @Test func decimalQuantitiesReachTheirTotal() {
        let done = CompletionDays.compute(ordered: [0.8], events: Self.events([(0, 2, 0.1), (0, 3, 0.7)]))
        #expect(done == [3])
    }
}
