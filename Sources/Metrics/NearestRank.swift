/// Nearest-rank percentiles (docs/figures.md): sort ascending and take the value at 1-based rank ⌈p × n⌉, so the
/// result is always one of the values; `nil` when there are none.
enum NearestRank {
    /// The 1-based rank of percentile `p` among `n` values.
    static func rank(_ p: Double, of n: Int) -> Int {
        Swift.max(1, Swift.min(n, Int((p * Double(n)).rounded(.up))))
    }

    /// The median and the 90th percentile of `values` (which it sorts).
    static func medianAndP90(_ values: inout [Int32]) -> (median: Double?, p90: Double?) {
        guard !values.isEmpty else { return (nil, nil) }
        sortDays(&values)
        return (Double(values[rank(0.5, of: values.count) - 1]), Double(values[rank(0.9, of: values.count) - 1]))
    }

    /// Sorts day counts; lead times mostly lie within a few hundred days, so a counting sort when the
    /// range is small.
    static func sortDays(_ values: inout [Int32]) {
        guard values.count > 1, let lo = values.min(), let hi = values.max() else { return }
        let range = Int(hi) - Int(lo) + 1
        guard range <= 2 * values.count + 256 else { values.sort(); return }
        var counts = [Int](repeating: 0, count: range)
        for v in values { counts[Int(v) - Int(lo)] += 1 }
        var i = 0
        for (k, c) in counts.enumerated() where c > 0 {
            for _ in 0..<c { values[i] = lo + Int32(k); i += 1 }
        }
    }
}
