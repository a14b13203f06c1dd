import Metrics
import ScorecardCore
import Testing

/// The comparison ranges of the as-of week and month, and every period figure over them.
@Suite struct ComparisonTests {
    typealias Ranges = (lastYear: String, yearToDate: String, yearToDateLastYear: String)

    func text(_ r: ComparisonRanges) -> Ranges {
        ("\(r.lastYear.start)…\(r.lastYear.end)", "\(r.yearToDate.start)…\(r.yearToDate.end)",
         "\(r.yearToDateLastYear.start)…\(r.yearToDateLastYear.end)")
    }

    /// The week: 364 days back (the same weekdays), the ISO year to date, the same length 364 days back.
    @Test(arguments: [
        // Sunday of 2026-W46: the whole week; 2026-W01 starts on Monday 2025-12-29.
        ("2026-11-15", "2026-W46", ("2025-11-10…2025-11-16", "2025-12-29…2026-11-15", "2024-12-30…2025-11-16")),
        // A Wednesday: the week so far, Monday to Wednesday.
        ("2026-11-18", "2026-W47", ("2025-11-17…2025-11-19", "2025-12-29…2026-11-18", "2024-12-30…2025-11-19")),
        // 1 January 2026 is in 2026-W01, which started in December.
        ("2026-01-01", "2026-W01", ("2024-12-30…2025-01-02", "2025-12-29…2026-01-01", "2024-12-30…2025-01-02")),
        // 2 January 2027 is still in 2026-W53 (2026 has 53 ISO weeks): the ISO year to date is all of 2026's.
        ("2027-01-02", "2026-W53", ("2025-12-29…2026-01-03", "2025-12-29…2027-01-02", "2024-12-30…2026-01-03")),
        // A year after a 53-week year (2020): week 1 of 2021 starts 2021-01-04; 364 days back is Monday of
        // 2020-W02, so last year to date starts in week 2.
        ("2021-03-10", "2021-W10", ("2020-03-09…2020-03-11", "2021-01-04…2021-03-10", "2020-01-06…2020-03-11")),
        // 29 February: 364 days back is 2 March 2027 (2028-W09 started on Monday 28 February).
        ("2028-02-29", "2028-W09", ("2027-03-01…2027-03-02", "2028-01-03…2028-02-29", "2027-01-04…2027-03-02")),
    ] as [(String, String, Ranges)])
    func weekRanges(asOf: String, week: String, expected: Ranges) {
        let r = ComparisonRanges.week(asOf: day(asOf))
        #expect(r.period.label == week)
        #expect(text(r) == expected)
        // The same length as the year to date.
        #expect(r.yearToDate.end - r.yearToDate.start == r.yearToDateLastYear.end - r.yearToDateLastYear.start)
    }

    /// The month: the same days a year earlier (29 February → 28 February), the calendar year to date.
    @Test(arguments: [
        ("2026-11-15", "2026-11", ("2025-11-01…2025-11-15", "2026-01-01…2026-11-15", "2025-01-01…2025-11-15")),
        ("2026-01-01", "2026-01", ("2025-01-01…2025-01-01", "2026-01-01…2026-01-01", "2025-01-01…2025-01-01")),
        ("2028-02-29", "2028-02", ("2027-02-01…2027-02-28", "2028-01-01…2028-02-29", "2027-01-01…2027-02-28")),
        ("2027-02-28", "2027-02", ("2026-02-01…2026-02-28", "2027-01-01…2027-02-28", "2026-01-01…2026-02-28")),
        ("2029-02-28", "2029-02", ("2028-02-01…2028-02-28", "2029-01-01…2029-02-28", "2028-01-01…2028-02-28")),
    ] as [(String, String, Ranges)])
    func monthRanges(asOf: String, month: String, expected: Ranges) {
        let r = ComparisonRanges.month(asOf: day(asOf))
        #expect(r.period.label == month)
        #expect(text(r) == expected)
    }

    /// As of Wednesday 2026-11-18 (2026-W47, Monday 11-16). Last year's week is 2025-11-17 … 11-19.
    static func twoYears() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys", cost: 2, list: 5)
        f.product("P2", "Food", cost: 1, list: 3)
        f.campaign("LY", "2025-11-17", "2025-11-23")
        f.item("LY", sku: "P1")
        f.campaign("NOW", "2026-11-16", "2026-11-22")
        f.item("NOW", sku: "P1")
        // Last year's week: a promotional line due Tuesday, 10 ordered, 4 on time and 6 a week late (the
        // late delivery is after the range but counts for the line, as for any past week).
        let a = f.line("A", "2025-11-17", requested: "2025-11-18", "P1", qty: 10, price: 4)
        f.deliver(a, "2025-11-18", 4)
        f.deliver(a, "2025-11-25", 6)
        // Last year, Thursday 2025-11-20: after the weekdays compared (Monday to Wednesday) and after last
        // year to date (… 2025-11-19): in no range.
        let b = f.line("B", "2025-11-20", requested: "2025-11-20", "P1", qty: 100, price: 4)
        f.deliver(b, "2025-11-20", 100)
        // Last year in March: a non-promotional line, complete and on time.
        let c = f.line("C", "2025-03-03", requested: "2025-03-05", "P2", qty: 8, price: 3)
        f.deliver(c, "2025-03-04", 8)
        // This year, in January: non-promotional, half on time.
        let d = f.line("D", "2026-01-05", requested: "2026-01-07", "P2", qty: 6, price: 3)
        f.deliver(d, "2026-01-07", 3)
        // This week: promotional, due Monday, all on time.
        let e = f.line("E", "2026-11-16", requested: "2026-11-16", "P1", qty: 5, price: 4)
        f.deliver(e, "2026-11-16", 5)
        f.ship("2025-11-18", "AIR", 30, order: "A")
        f.ship("2025-11-19", "GROUND", 70, order: "C")
        f.asOf = "2026-11-18"
        return f
    }

    @Test func weekAgainstLastYearAndYearToDate() throws {
        let r = Self.twoYears().report()
        let w = try #require(r.comparisons?.week)
        #expect(w.period.label == "2026-W47")
        // Last year, 2025-11-17 … 11-19: line A only (B is due on Thursday). ots 4 of 10; shortfall 6 × 4.
        #expect(w.lastYear.period.start == day("2025-11-17") && w.lastYear.period.end == day("2025-11-19"))
        #expect(close(w.lastYear.promoFillRate, 0.4))
        #expect(w.lastYear.otherFillRate == nil) // no non-promotional line due
        #expect(w.lastYear.promoShortfallValue == 24)
        #expect(w.lastYear.campaignsMeasured == 1)
        #expect(w.lastYear.campaignsBelowTargetIDs == ["LY"])
        #expect(w.lastYear.topShortfall.map(\.sku) == ["P1"])
        // Freight in the range: 30 emergency (an order with a promotional line) of 100.
        #expect(w.lastYear.totalFreightSpend == 100)
        #expect(close(w.lastYear.emergencyFreightShare, 0.3))
        #expect(w.lastYear.promoEmergencyFreightSpend == 30)
        // Line A completed on 2025-11-25, after the range: no lead time in it.
        #expect(w.lastYear.promoLeadTimeMedian == nil)
        // Year to date, 2025-12-29 … 2026-11-18: D (3 of 6 on time) and E (5 of 5).
        #expect(close(w.yearToDate.otherFillRate, 0.5))
        #expect(close(w.yearToDate.promoFillRate, 1))
        #expect(w.yearToDate.promoUnitsOrdered == 5)
        #expect(w.yearToDate.topShortfall.isEmpty)
        #expect(w.yearToDate.totalFreightSpend == 0)
        // Last year to date, 2024-12-30 … 2025-11-19: A and C; A's lead time 8 days (11-17 → 11-25) is
        // outside, C's 1 day (03-03 → 03-04) inside.
        #expect(close(w.yearToDateLastYear.promoFillRate, 0.4))
        #expect(close(w.yearToDateLastYear.otherFillRate, 1))
        #expect(w.yearToDateLastYear.otherLeadTimeMedian == 1)
        #expect(w.yearToDateLastYear.promoLeadTimeMedian == nil)
    }

    @Test func monthAgainstLastYearAndYearToDate() throws {
        let r = Self.twoYears().report()
        let m = try #require(r.comparisons?.month)
        #expect(m.period.label == "2026-11")
        // Last year, 2025-11-01 … 11-18: line A (B is due on the 20th).
        #expect(m.lastYear.period.start == day("2025-11-01") && m.lastYear.period.end == day("2025-11-18"))
        #expect(close(m.lastYear.promoFillRate, 0.4))
        #expect(m.lastYear.totalFreightSpend == 30) // the 19th's row is after the 18th
        // Year to date 2026-01-01 … 11-18 holds D and E; last year's 2025-01-01 … 11-18 holds A and C.
        #expect(close(m.yearToDate.otherFillRate, 0.5))
        #expect(close(m.yearToDateLastYear.otherFillRate, 1))
        #expect(m.yearToDateLastYear.promoUnitsOrdered == 10)
        // The report itself starts with the first order (2025-03-03): its weeks and months are unchanged.
        #expect(r.weeks.first?.period.label == "2025-W10")
    }

    /// A range before the first order has no rows: sums 0, ratios null.
    @Test func aRangeBeforeTheFirstOrderIsEmpty() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        let l = f.line("A", "2026-11-16", requested: "2026-11-16", "P1", qty: 1)
        f.deliver(l, "2026-11-16", 1)
        f.asOf = "2026-11-18"
        let w = try #require(f.report().comparisons?.week)
        #expect(w.lastYear.promoFillRate == nil && w.lastYear.otherFillRate == nil)
        #expect(w.lastYear.promoUnitsOrdered == 0)
        #expect(w.lastYear.totalFreightSpend == 0) // freight present, nothing spent
        #expect(w.lastYear.emergencyFreightShare == nil)
        #expect(w.lastYear.inventoryTurnsPromoted == nil)
        #expect(w.lastYear.forecastAccuracy == nil)
    }
}
