import ScorecardCore

/// For every day from the earliest span's first day to the as-of date, the spans (periods) that hold it:
/// the weeks, months and comparison ranges a row of an aggregate table adds to.
///
/// Built once per report from the periods, each capped at the as-of date, as flat arrays (day offset →
/// a run of span indices), so bucketing a row costs two array reads and no calendar arithmetic.
struct SpanIndex: Sendable {
    /// The periods, in the order their figures are wanted.
    let periods: [Period]
    /// The first day any span holds; rows dated earlier are in none.
    let first: Day
    /// The as-of date; rows dated later are in none.
    let last: Day
    /// Day offset `d` holds the spans `members[start[d]..<start[d + 1]]`.
    private let start: [Int32]
    private let members: [Int32]

    init(periods: [Period], asOf: Day) {
        self.periods = periods
        last = asOf
        first = periods.map(\.start).min() ?? asOf
        let days = Swift.max(0, asOf - first + 1)
        var counts = [Int32](repeating: 0, count: days + 1)
        for p in periods where p.start <= asOf {
            for d in (p.start - first)...(Swift.min(p.end, asOf) - first) { counts[d + 1] += 1 }
        }
        for d in 0..<days { counts[d + 1] += counts[d] }
        var members = [Int32](repeating: 0, count: Int(counts[days]))
        var fill = counts
        for (i, p) in periods.enumerated() where p.start <= asOf {
            for d in (p.start - first)...(Swift.min(p.end, asOf) - first) {
                members[Int(fill[d])] = Int32(i)
                fill[d] += 1
            }
        }
        start = counts
        self.members = members
    }

    /// The spans holding `day` (a raw day value), in period order.
    @inline(__always)
    func spans(_ day: Int32) -> ArraySlice<Int32> {
        let d = Int(day) - Int(first.rawValue)
        guard d >= 0, d < start.count - 1 else { return [] }
        return members[Int(start[d])..<Int(start[d + 1])]
    }

    var count: Int { periods.count }
}
