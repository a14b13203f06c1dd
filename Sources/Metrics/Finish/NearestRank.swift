/// Nearest-rank percentiles (docs/figures.md): sort ascending and take the value at 1-based rank ⌈p × n⌉, so the
/// result is always one of the values; `nil` when there are none.
///
/// The values are whole days, counted per day (`LeadTimeCounts`), so the percentiles are exact whatever
/// engine counted them. Ranks are integer arithmetic: ⌈n / 2⌉ and ⌈9n / 10⌉.
enum NearestRank {
    /// The 1-based rank of the median among `n` values.
    static func medianRank(of n: Int) -> Int { (n + 1) / 2 }
    /// The 1-based rank of the 90th percentile among `n` values.
    static func p90Rank(of n: Int) -> Int { (9 * n + 9) / 10 }
}

/// A multiset of whole-day values (lead times) as counts per value.
struct LeadTimeCounts: Sendable {
    private var entries: [(days: Int32, count: Double)] = []

    var isEmpty: Bool { entries.isEmpty }

    @inline(__always) mutating func add(_ days: Int32, _ count: Double) { entries.append((days, count)) }

    mutating func add(_ other: LeadTimeCounts) { entries += other.entries }

    /// The median and the 90th percentile (nearest rank); `nil` when there are none.
    func medianAndP90() -> (median: Double?, p90: Double?) {
        let sorted = entries.sorted { $0.days < $1.days }
        // Counts are whole numbers of lines; summed as doubles they stay exact below 2^53.
        let n = Int(sorted.reduce(0.0) { $0 + $1.count })
        guard n > 0 else { return (nil, nil) }
        return (value(at: NearestRank.medianRank(of: n), sorted), value(at: NearestRank.p90Rank(of: n), sorted))
    }

    private func value(at rank: Int, _ sorted: [(days: Int32, count: Double)]) -> Double? {
        var seen = 0
        for e in sorted {
            seen += Int(e.count)
            if seen >= rank { return Double(e.days) }
        }
        return sorted.last.map { Double($0.days) }
    }
}
