import Foundation
import ScorecardCore

/// The warning about an as-of date taken from the data that lies after the machine's date: a future
/// `order_date` is almost always a mistyped year, and it would make the scorecard report empty weeks.
enum AsOfCheck {
    /// - Parameter given: whether the as-of date came from the config or the command line.
    static func warnings(_ ingest: IngestSummary, given: Bool, today: Day) -> [Diagnostic] {
        guard !given, ingest.asOf > today else { return [] }
        return [Diagnostic(
            "the as-of date \(ingest.asOf) is taken from the latest order_date, which is after today (\(today)): "
                + "a mistyped year? Correct the row, or fix the date with --as-of or as_of",
            at: ingest.asOfRow, severity: .warning)]
    }

    /// Today's date in UTC.
    static func today() -> Day {
        Day(rawValue: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
