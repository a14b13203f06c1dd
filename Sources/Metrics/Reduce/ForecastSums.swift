import ScorecardCore

/// Actual units per (week, product) from the order lines, and the forecast rows, for forecast accuracy.
///
/// Keys are `weekStart.rawValue << 32 | product`, so sorting them orders pairs by week then product and the
/// sums at `finish` are taken in a fixed order (dictionary order changes from run to run).
struct ForecastSums: Sendable {
    var actual = SumTable()
    var rows: [(key: Int64, units: Double)] = []
    /// Per row, its tuple of segment values (only when an order dimension maps the forecast).
    var rowTuples: [Int32] = []
    /// Actual units per (week, product) of the views of order dimensions that map the forecast.
    var viewActual: [Int: SumTable] = [:]

    @inline(__always) static func key(week: Day, product: Int32) -> Int64 {
        Int64(week.rawValue) << 32 | Int64(UInt32(bitPattern: product))
    }

    @inline(__always) static func week(of key: Int64) -> Day { Day(rawValue: Int32(truncatingIfNeeded: key >> 32)) }

    @inline(__always) static func product(of key: Int64) -> Int32 { Int32(truncatingIfNeeded: key) }
}
