import Metrics
import ScorecardCore
import Testing

/// Fill rates, units, shortfall and campaigns measured, on partial, late, missing and over-shipments.
@Suite struct FillRateTests {
    /// Week 2026-W45 (Mon 2026-11-02 … Sun 11-08), as-of Sunday 11-08. C1 promotes P1 all week.
    static func shipments() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P2", "Food")
        f.campaign("C1", "2026-11-02", "2026-11-08")
        f.item("C1", sku: "P1", planned: 100)
        // L0 promo, 10 ordered: 6 on time, 4 late → ots 6, shortfall 4 × 4 = 16.
        let l0 = f.line("O1", "2026-11-02", requested: "2026-11-04", "P1", qty: 10, price: 4)
        f.deliver(l0, "2026-11-03", 6)
        f.deliver(l0, "2026-11-06", 4)
        // L1 promo, 5 ordered, 8 shipped on time → ots capped at 5, shortfall 0.
        let l1 = f.line("O2", "2026-11-03", requested: "2026-11-05", "P1", qty: 5, price: 4)
        f.deliver(l1, "2026-11-04", 8)
        // L2 other, 20 ordered, nothing shipped → ots 0.
        f.line("O3", "2026-11-03", requested: "2026-11-06", "P2", qty: 20, price: 3)
        // L3 other, 10 ordered, 7 shipped on the requested day → ots 7.
        let l3 = f.line("O3", "2026-11-04", requested: "2026-11-05", "P2", qty: 10, price: 3)
        f.deliver(l3, "2026-11-05", 7)
        // L4 promo, requested after A: not due, counts only in the campaign's ordered units.
        f.line("O4", "2026-11-05", requested: "2026-11-12", "P1", qty: 3, price: 4)
        f.asOf = "2026-11-08"
        return f
    }

    @Test func periodFillRates() throws {
        let r = Self.shipments().report()
        #expect(r.weeks.map(\.period.label) == ["2026-W45"])
        #expect(r.months.map(\.period.label) == ["2026-11"])
        for p in [try #require(r.week("2026-W45")), try #require(r.month("2026-11"))] {
            // promo: (6 + 5) / (10 + 5) = 11/15; other: (0 + 7) / (20 + 10) = 7/30.
            #expect(close(p.promoFillRate, 11.0 / 15.0))
            #expect(close(p.otherFillRate, 7.0 / 30.0))
            #expect(p.promoUnitsOrdered == 15)
            #expect(p.promoShortfallValue == 16) // (10 − 6) × 4 + (5 − 5) × 4
            // C1 measured; 11/15 = 0.733 < 0.95 → below; share 1/1.
            #expect(p.campaignsMeasured == 1)
            #expect(p.campaignsBelowTarget == 1)
            #expect(p.campaignsBelowTargetIDs == ["C1"])
            #expect(p.stockoutCampaignShare == 1)
        }
    }

    @Test func campaignFillRateAndDailySeries() throws {
        let c = try #require(Self.shipments().report().campaign("C1"))
        #expect(c.status == .active) // 11-02 <= A = 11-08 <= 11-08
        #expect(c.orderedUnits == 18) // 10 + 5 + 3 (L4 is not due but is ordered)
        #expect(c.plannedUnits == 100)
        #expect(close(c.planAttainment, 0.18)) // 18 / 100
        #expect(close(c.fillRate, 11.0 / 15.0)) // due lines only: (6 + 5) / (10 + 5)
        #expect(c.shortfallValue == 16)
        #expect(c.belowTarget)
        // One entry per order date from 11-02 to min(end, A) = 11-08: 7 days.
        #expect(c.daily.count == 7)
        #expect(c.daily.first?.day == day("2026-11-02"))
        #expect(c.daily.map(\.orderedUnits) == [10, 5, 0, 3, 0, 0, 0])
        #expect(c.daily.map(\.onTimeShippedUnits) == [6, 5, 0, 0, 0, 0, 0])
    }

    @Test func campaignAtTargetIsNotBelow() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.campaign("C1", "2026-11-02", "2026-11-08")
        f.item("C1", sku: "P1")
        // 20 ordered, 19 on time: 19/20 = 0.95, not below a 0.95 target.
        let l = f.line("O1", "2026-11-02", requested: "2026-11-03", "P1", qty: 20)
        f.deliver(l, "2026-11-03", 19)
        // A line of 0 units: measured for C2 but without a fill rate, so not below target.
        f.campaign("C2", "2026-11-01", "2026-11-30")
        f.product("P2", "Food")
        f.item("C2", sku: "P2")
        f.line("O2", "2026-11-04", requested: "2026-11-04", "P2", qty: 0)
        f.asOf = "2026-11-08"
        let r = f.report()
        let w = try #require(r.week("2026-W45"))
        #expect(w.campaignsMeasured == 2)
        #expect(w.campaignsBelowTarget == 0)
        #expect(w.stockoutCampaignShare == 0) // 0 / 2
        #expect(w.promoFillRate == 0.95) // (19 + 0) / (20 + 0)
        #expect(r.campaign("C1")?.belowTarget == false)
        #expect(r.campaign("C2")?.fillRate == nil) // 0 / 0
        #expect(r.campaign("C2")?.belowTarget == false)
    }

    @Test func onTimeMeansShippedOnOrBeforeRequestedDate() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        // requested Wednesday 11-04: shipped 11-04 counts, 11-05 does not; 2 + 3 on time of 10 → 0.5.
        let l = f.line("O1", "2026-11-02", requested: "2026-11-04", "P1", qty: 10)
        f.deliver(l, "2026-11-01", 2) // early shipments are on time too
        f.deliver(l, "2026-11-04", 3)
        f.deliver(l, "2026-11-05", 5)
        f.asOf = "2026-11-08"
        let w = try #require(f.report().week("2026-W45"))
        #expect(w.otherFillRate == 0.5) // min(10, 2 + 3) / 10
        #expect(w.promoFillRate == nil) // no promotional line: 0 denominator
        #expect(w.promoUnitsOrdered == 0)
        #expect(w.campaignsMeasured == 0)
        #expect(w.stockoutCampaignShare == nil)
    }

    /// A line is due in the period of its requested date, not of its order date.
    @Test func dueByRequestedDate() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        // Ordered in W45, requested in W46: due in W46 and counted there only.
        let l = f.line("O1", "2026-11-06", requested: "2026-11-10", "P1", qty: 4)
        f.deliver(l, "2026-11-09", 1)
        f.line("O2", "2026-11-12", requested: "2026-11-12", "P1", qty: 1)
        f.asOf = "2026-11-15"
        let r = f.report()
        #expect(r.weeks.map(\.period.label) == ["2026-W45", "2026-W46"])
        #expect(r.week("2026-W45")?.otherFillRate == nil)
        #expect(r.week("2026-W46")?.otherFillRate == 0.2) // (1 + 0) / (4 + 1)
    }
}
