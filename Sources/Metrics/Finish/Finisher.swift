import ScorecardCore

/// The finish stage: every figure of docs/figures.md from the aggregate tables, whichever engine made
/// them: the periods of the report window, the comparison ranges, the campaigns, the categories and the
/// campaigns' SKUs.
public struct Finisher: Sendable {
    public let aggregates: Aggregates
    public let config: Config

    public init(aggregates: Aggregates, config: Config) {
        self.aggregates = aggregates
        self.config = config
    }

    /// The reported weeks and months: bounded by `report.max_weeks` (docs/inputs.md).
    public var window: ReportWindow {
        ReportWindow(firstOrder: aggregates.firstOrder, asOf: aggregates.asOf, maxWeeks: config.report.maxWeeks)
    }

    /// The whole company's report.
    public func report() -> Report {
        let asOf = aggregates.asOf
        let window = self.window
        let company = ViewFinisher(finisher: self, view: aggregates.views[0])
        let periods = company.periods(window: window)
        let campaigns = company.campaignFigures(reportStart: window.weeks.first?.start ?? asOf)
        let categoryWindow = (asOf.weekStart - 12 * 7)...asOf
        return Report(asOf: asOf, targets: config.targets, present: aggregates.master.present,
                      weeks: periods.weeks, months: periods.months, campaigns: campaigns,
                      categories: company.categoryFigures(window: categoryWindow, firstWeek: window.firstWeek, campaigns: campaigns),
                      categoryWindow: categoryWindow, campaignSKUs: company.campaignSKUFigures(campaigns),
                      comparisons: periods.comparisons)
    }
}

/// The comparison ranges of the as-of week and month (docs/figures.md, "Comparisons").
public struct ComparisonRanges: Sendable, Equatable {
    public var period: Period
    public var lastYear: Period
    public var yearToDate: Period
    public var yearToDateLastYear: Period

    /// The as-of week W: the same weekdays 52 weeks (364 days) back, the ISO year to date, and the
    /// same length of the year before, 364 days back.
    public static func week(asOf: Day) -> ComparisonRanges {
        let w = Period.week(containing: asOf)
        let e = Swift.min(w.end, asOf)
        let isoYear = asOf.isoWeek.year
        // ISO week 1 is the week holding 4 January.
        let firstMonday = Day(year: isoYear, month: 1, day: 4).map(\.weekStart) ?? w.start
        return ComparisonRanges(period: w, lastYear: .range(w.start - 364, e - 364), yearToDate: .range(firstMonday, asOf),
                                yearToDateLastYear: .range(firstMonday - 364, asOf - 364))
    }

    /// The as-of month M: the same days a year earlier (29 February becomes 28 February), the calendar
    /// year to date, and the previous year to the same day.
    public static func month(asOf: Day) -> ComparisonRanges {
        let m = Period.month(containing: asOf)
        let e = Swift.min(m.end, asOf)
        let year = asOf.civil.year
        let january = Day(year: year, month: 1, day: 1) ?? m.start
        return ComparisonRanges(period: m, lastYear: .range(m.start.addingYears(-1), e.addingYears(-1)),
                                yearToDate: .range(january, asOf),
                                yearToDateLastYear: .range(january.addingYears(-1), asOf.addingYears(-1)))
    }

    var ranges: [Period] { [lastYear, yearToDate, yearToDateLastYear] }
}
