import Metrics
import ScorecardCore
import Testing

/// The periods of the report: ISO week-years, as-of dates inside periods, periods without rows.
@Suite struct PeriodTests {
    @Test func weekYearStartsInDecember() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        // Monday 2025-12-29 is the first day of 2026-W01; the line is due in December and in W01.
        let l = f.line("O1", "2025-12-29", requested: "2025-12-31", "P1", qty: 4)
        f.deliver(l, "2025-12-30", 1)
        f.line("O2", "2026-01-02", requested: "2026-01-02", "P1", qty: 1)
        f.asOf = "2026-01-02"
        let r = f.report()
        #expect(r.weeks.map(\.period.label) == ["2026-W01"])
        #expect(r.weeks.first?.period.start == day("2025-12-29"))
        #expect(r.weeks.first?.period.end == day("2026-01-04"))
        #expect(r.months.map(\.period.label) == ["2025-12", "2026-01"])
        #expect(r.week("2026-W01")?.otherFillRate == 0.2) // (1 + 0) / (4 + 1)
        #expect(r.month("2025-12")?.otherFillRate == 0.25) // 1 / 4
        #expect(r.month("2026-01")?.otherFillRate == 0) // 0 / 1
    }

    @Test func week53EndsInJanuary() throws {
        var f = Fixture()
        f.product("P1", "Toys", cost: 1)
        let l = f.line("O1", "2026-12-28", requested: "2026-12-28", "P1", qty: 1)
        f.deliver(l, "2027-01-01", 5) // COGS 5, in 2026-W53 and in 2027-01
        f.snapshot("2027-01-01", "P1", 10)
        f.asOf = "2027-01-01" // Friday
        let r = f.report()
        #expect(r.weeks.map(\.period.label) == ["2026-W53"])
        #expect(r.months.map(\.period.label) == ["2026-12", "2027-01"])
        // days(W53) = 12-28 … 01-01 = 5; days(2027-01) = 1. Turns 5 / 10 × 365 / days.
        #expect(close(r.week("2026-W53")?.inventoryTurnsOther, 5.0 / 10.0 * 365.0 / 5.0))
        #expect(close(r.month("2027-01")?.inventoryTurnsOther, 5.0 / 10.0 * 365.0 / 1.0))
        #expect(r.month("2026-12")?.inventoryTurnsOther == nil) // no snapshot in December
    }

    @Test func periodWithNoRows() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.line("O1", "2026-10-05", requested: "2026-10-05", "P1", qty: 1)
        f.line("O2", "2026-11-20", requested: "2026-11-20", "P1", qty: 1)
        f.plan("2026-10-05", "P1", 1)
        f.asOf = "2026-11-20"
        let r = f.report()
        #expect(r.weeks.count == 7) // W41 … W47, every week even without rows
        #expect(r.months.map(\.period.label) == ["2026-10", "2026-11"])
        let empty = try #require(r.week("2026-W44"))
        #expect(empty.promoFillRate == nil)
        #expect(empty.otherFillRate == nil)
        #expect(empty.promoUnitsOrdered == 0)
        #expect(empty.promoShortfallValue == 0)
        #expect(empty.campaignsMeasured == 0)
        #expect(empty.campaignsBelowTarget == 0)
        #expect(empty.stockoutCampaignShare == nil)
        #expect(empty.inventoryTurnsPromoted == nil)
        #expect(empty.inventoryTurnsOther == nil)
        #expect(empty.totalFreightSpend == 0) // freight present, nothing shipped
        #expect(empty.emergencyFreightSpend == 0)
        #expect(empty.emergencyFreightShare == nil)
        #expect(empty.promoEmergencyFreightSpend == 0)
        #expect(empty.returnRate == nil)
        #expect(empty.promoReturnRate == nil)
        #expect(empty.otherReturnRate == nil)
        #expect(empty.forecastAccuracy == nil)
        #expect(r.week("2026-W41")?.forecastAccuracy == 1) // actual 1, forecast 1: 1 − 0 / 1
    }

    @Test func asOfInsideAWeekLimitsDueLines() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        // A = Wednesday 11-18: a line requested Thursday 11-19 is not due yet.
        let due = f.line("O1", "2026-11-16", requested: "2026-11-18", "P1", qty: 2)
        f.deliver(due, "2026-11-17", 2)
        f.line("O2", "2026-11-18", requested: "2026-11-19", "P1", qty: 8)
        f.asOf = "2026-11-18"
        let r = f.report()
        #expect(r.week("2026-W47")?.otherFillRate == 1) // only the line due by A: 2 / 2
        #expect(r.month("2026-11")?.otherFillRate == 1)
        #expect(r.weeks.last?.period.end == day("2026-11-22")) // full period, not capped
        #expect(r.asOf == day("2026-11-18"))
    }
}
