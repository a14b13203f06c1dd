/// The weeks and months a report covers: from the period holding the earliest order date to the one
/// holding the as-of date, bounded to the last `maxWeeks` weeks (`report.max_weeks`), so that one
/// mistyped year cannot turn a weekly build into thousands of pages.
///
/// Rows before the window are still read and used; only periods before it are not reported.
public struct ReportWindow: Sendable, Equatable {
    public let asOf: Day
    /// The Monday of the first reported week.
    public let firstWeek: Day
    /// The first day of the first reported month.
    public let firstMonth: Day

    /// - Parameters:
    ///   - firstOrder: the earliest used order date (`nil` when there is none: the window is the as-of week).
    ///   - maxWeeks: at least 1.
    public init(firstOrder: Day?, asOf: Day, maxWeeks: Int) {
        self.asOf = asOf
        let first = Swift.min(firstOrder ?? asOf, asOf)
        let earliestAllowed = asOf.weekStart - 7 * (Swift.max(1, maxWeeks) - 1)
        firstWeek = Swift.max(first.weekStart, earliestAllowed)
        // The later of the month holding the earliest order date and the month holding the first week's Monday.
        firstMonth = Swift.max(first.monthStart, firstWeek.monthStart)
    }

    /// The first day any reported period holds; rows dated before it count in no period.
    public var firstDay: Day { Swift.min(firstWeek, firstMonth) }

    public var weeks: [Period] { Period.all(.week, from: firstWeek, through: asOf) }
    public var months: [Period] { Period.all(.month, from: firstMonth, through: asOf) }
}
