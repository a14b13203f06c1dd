import Metrics
import ScorecardCore

/// What a period's page compares against a year earlier.
///
/// The as-of week and month use the comparison ranges of the report: the same weekdays (or days of the
/// month) a year earlier, so far, and the year to date against last year to date. Every other week is
/// compared with the week that started 364 days earlier, every other month with the same month a year
/// earlier, where the report has them.
struct YearComparison: Sendable {
    /// Last year's figures, or `nil` when the report does not reach back that far.
    var lastYear: PeriodFigures?
    /// `2025-W46`, or the dates of a partial range (`2025-11-10 to 2025-11-12`).
    var lastYearLabel: String
    /// The year to date and last year to date: the as-of week and month only.
    var yearToDate: PeriodFigures?
    var yearToDateLastYear: PeriodFigures?

    var hasYearToDate: Bool { yearToDate != nil }
}

extension SiteContext {
    /// The comparison of `periods[index]` (weeks or months of the report) with a year earlier.
    func yearComparison(_ periods: [PeriodFigures], at index: Int) -> YearComparison {
        let p = periods[index].period
        if let comparisons = report.comparisons {
            let c = p.kind == .week ? comparisons.week : comparisons.month
            if c.period == p {
                // A whole week or month last year is named by its label; a partial one by its dates.
                let whole = p.kind == .week ? Period.week(containing: c.lastYear.period.start)
                    : Period.month(containing: c.lastYear.period.start)
                let label = whole.start == c.lastYear.period.start && whole.end == c.lastYear.period.end
                    ? whole.label : c.lastYear.period.label
                return YearComparison(lastYear: c.lastYear, lastYearLabel: label, yearToDate: c.yearToDate,
                                      yearToDateLastYear: c.yearToDateLastYear)
            }
        }
        let start = p.kind == .week ? p.start - 364 : p.start.addingYears(-1)
        let earlier = periods.first { $0.period.start == start }
        let label = p.kind == .week ? Period.week(containing: start).label : Period.month(containing: start).label
        return YearComparison(lastYear: earlier, lastYearLabel: label, yearToDate: nil, yearToDateLastYear: nil)
    }
}
