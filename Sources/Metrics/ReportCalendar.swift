import ScorecardCore

/// The report's weeks and months, and for every day from `base` to the as-of date the week and month it
/// falls in.
///
/// Built once the as-of date is known, so each delivery, return, freight or snapshot row is bucketed with
/// two array reads instead of calendar arithmetic.
struct ReportCalendar: Sendable {
    let asOf: Day
    /// The first day with a slot: the earliest of the first week, the first month and the trend weeks.
    let base: Day
    /// Every reported ISO week: from the one holding the earliest order date (or `report.max_weeks`
    /// before the as-of week) to the one holding the as-of date.
    let weeks: [Period]
    /// Every reported calendar month.
    let months: [Period]
    /// The 13 ISO weeks ending with the as-of week, capped at the as-of date.
    let window: ClosedRange<Day>
    /// The Monday of the week holding `base`: forecasts of earlier weeks count in no period.
    let firstMonday: Day
    private let weekOfSlot: [Int32]
    private let monthOfSlot: [Int32]

    /// The first day of a reported period: rows before it are used, but counted in no period.
    let firstDay: Day

    /// - Parameter report: the reported weeks and months (bounded by `report.max_weeks`), so every
    ///   array here is sized by the report, never by how far back one mistyped date lies.
    init(report: ReportWindow) {
        asOf = report.asOf
        weeks = report.weeks
        months = report.months
        firstDay = report.firstDay
        window = (asOf.weekStart - 12 * 7)...asOf
        trendStart = asOf.weekStart - (Self.trendWeeks - 1) * 7
        base = Swift.min(report.firstDay, trendStart)
        firstMonday = base.weekStart
        let count = asOf - base + 1
        var weekOfSlot = [Int32](repeating: -1, count: count)
        var monthOfSlot = [Int32](repeating: -1, count: count)
        for (i, p) in weeks.enumerated() {
            for d in (p.start - base)...(Swift.min(p.end, asOf) - base) { weekOfSlot[d] = Int32(i) }
        }
        for (i, p) in months.enumerated() {
            for d in (p.start - base)...(Swift.min(p.end, asOf) - base) { monthOfSlot[d] = Int32(i) }
        }
        self.weekOfSlot = weekOfSlot
        self.monthOfSlot = monthOfSlot
    }

    /// Number of slots (days from `base` to the as-of date).
    var slotCount: Int { weekOfSlot.count }

    /// The slot of `day`, or -1 when it is before `base` or after the as-of date.
    @inline(__always) func slot(_ day: Day) -> Int {
        let s = day - base
        return s >= 0 && s < weekOfSlot.count ? s : -1
    }

    /// The week index of a slot, or -1 when the day is before the first week.
    @inline(__always) func week(atSlot s: Int) -> Int { Int(weekOfSlot[s]) }

    /// The month index of a slot, or -1 when the day is before the first month.
    @inline(__always) func month(atSlot s: Int) -> Int { Int(monthOfSlot[s]) }

    /// The category trends look back this many weeks: 13 weeks shown, each with the 13 weeks ending
    /// with it for weeks of cover.
    static let trendWeeks = 25
    /// The Monday of the first of the `trendWeeks` weeks ending with the as-of week.
    let trendStart: Day

    /// The trend week (0 ..< `trendWeeks`) of a day, or -1 before the first.
    @inline(__always) func trendWeek(_ day: Day) -> Int {
        let d = day - trendStart
        return d >= 0 && d < Self.trendWeeks * 7 ? d / 7 : -1
    }

    /// Whether a day is in the category window.
    @inline(__always) func inWindow(_ day: Day) -> Bool { window.contains(day) }
}
