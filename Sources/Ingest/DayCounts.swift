import ScorecardCore

/// Rows per date over the dates seen, to count the order rows before the report window once the as-of
/// date (by default the latest order date, known only after the last row) fixes the window.
///
/// Dense and grown on demand: four bytes a day between the earliest and the latest date seen, so at
/// most about 15 MB for dates from year 0 to 9999, whatever the number of rows.
struct DayCounts {
    private var base: Int32 = 0
    private var counts: [Int32] = []

    @inline(__always)
    mutating func add(_ day: Day) {
        let d = day.rawValue
        if counts.isEmpty {
            base = d
            counts = [Int32](repeating: 0, count: 64)
        }
        if d < base || Int(d) - Int(base) >= counts.count { grow(to: d) }
        counts[Int(d - base)] &+= 1
    }

    /// Makes room for `d`, at least doubling the range so that growth is amortised.
    private mutating func grow(to d: Int32) {
        if d < base {
            let extra = Swift.max(Int(base) - Int(d), counts.count)
            counts = [Int32](repeating: 0, count: extra) + counts
            base -= Int32(extra)
        } else {
            let extra = Swift.max(Int(d) - Int(base) - counts.count + 1, counts.count)
            counts += [Int32](repeating: 0, count: extra)
        }
    }

    /// The number of rows dated before `day`.
    func count(before day: Day) -> Int {
        let end = Swift.min(Swift.max(Int(day.rawValue) - Int(base), 0), counts.count)
        var n = 0
        for i in 0..<end { n += Int(counts[i]) }
        return n
    }
}
