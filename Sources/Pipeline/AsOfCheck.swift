import Foundation
import ScorecardCore

/// Warnings about an as-of date that leaves the report empty: one taken from the data that lies after the
/// machine's date (a future `order_date` is almost always a mistyped year, and it would make the scorecard
/// report empty weeks), or one given that lies before every order (all of them are ignored as not yet
/// exported).
enum AsOfCheck {
    /// - Parameter given: whether the as-of date came from the config or the command line.
    static func warnings(_ ingest: IngestSummary, given: Bool, today: Day) -> [Diagnostic] {
        if !given, ingest.asOf > today {
            return [Diagnostic(
                "the as-of date \(ingest.asOf) is taken from the latest order_date, which is after today (\(today)): "
                    + "a mistyped year? Correct the row, or fix the date with --as-of or as_of",
                at: ingest.asOfRow, severity: .warning)]
        }
        if given, let orders = ingest.sources.first(where: { $0.source == .orders }), orders.used == 0, orders.ignoredAfterAsOf > 0 {
            return [Diagnostic(
                "all \(orders.ignoredAfterAsOf) order lines are dated after the as-of date \(ingest.asOf) and ignored as not yet "
                    + "exported, so the report has no orders: is the as-of date right?",
                at: SourceLocation(file: orders.files.first?.path ?? SourceName.orders.rawValue), severity: .warning)]
        }
        return []
    }

    /// Today's date in UTC.
    static func today() -> Day {
        Day(rawValue: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
