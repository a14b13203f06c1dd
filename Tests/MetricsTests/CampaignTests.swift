import Metrics
import ScorecardCore
import Testing

/// Promotional status, overlapping campaigns, category items, statuses and the reported campaigns.
@Suite struct CampaignTests {
    /// C1 (SKU P1, 11-01…11-10) and C2 (category Toys, 11-05…11-20) overlap on P1 from 11-05;
    /// C3 has both a SKU item P1 and a category item Toys (P1 matched twice, counted once).
    static func overlapping() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P3", "Toys")
        f.product("P2", "Food")
        f.campaign("C1", "2026-11-01", "2026-11-10")
        f.item("C1", sku: "P1", planned: 10)
        f.campaign("C2", "2026-11-05", "2026-11-20")
        f.item("C2", category: "Toys", planned: 40)
        f.campaign("C3", "2026-11-02", "2026-11-06")
        f.item("C3", sku: "P1", planned: 5)
        f.item("C3", category: "Toys", planned: 5)
        // L0 P1 on 11-06: promotional for C1, C2 and C3. 10 ordered, 8 on time, price 2.
        let l0 = f.line("O1", "2026-11-06", requested: "2026-11-09", "P1", qty: 10, price: 2)
        f.deliver(l0, "2026-11-09", 8)
        // L1 P3 on 11-03: C3 only (category Toys; C2 not started). 4 ordered, 4 on time.
        let l1 = f.line("O2", "2026-11-03", requested: "2026-11-04", "P3", qty: 4, price: 5)
        f.deliver(l1, "2026-11-04", 4)
        // L2 P1 on 11-12: C2 only (C1 ended 11-10). 6 ordered, none shipped, price 2.
        f.line("O3", "2026-11-12", requested: "2026-11-13", "P1", qty: 6, price: 2)
        // L3 P2 on 11-06: Food, promoted by nobody.
        let l3 = f.line("O4", "2026-11-06", requested: "2026-11-06", "P2", qty: 5, price: 1)
        f.deliver(l3, "2026-11-06", 5)
        f.asOf = "2026-11-15"
        return f
    }

    @Test func overlappingCampaignsCountALineOnceInPeriodFigures() throws {
        let r = Self.overlapping().report()
        let m = try #require(r.month("2026-11"))
        // Promotional lines due in November: L0, L1, L2 → units 10 + 4 + 6 = 20, ots 8 + 4 + 0 = 12.
        #expect(m.promoUnitsOrdered == 20)
        #expect(close(m.promoFillRate, 12.0 / 20.0))
        #expect(m.promoShortfallValue == 16) // (10 − 8) × 2 + 0 × 5 + (6 − 0) × 2
        #expect(m.otherFillRate == 1) // L3: 5 / 5
        // Every campaign has a due line in November: C1 {L0} 8/10, C2 {L0, L2} 8/16, C3 {L0, L1} 12/14 = 0.857.
        #expect(m.campaignsMeasured == 3)
        #expect(m.campaignsBelowTarget == 3)
        #expect(m.campaignsBelowTargetIDs == ["C1", "C2", "C3"])
        // W45 (11-02…11-08): L1 due 11-04 → C3 only, 4/4: measured, not below.
        let w45 = try #require(r.week("2026-W45"))
        #expect(w45.campaignsMeasured == 1)
        #expect(w45.campaignsBelowTarget == 0)
        #expect(w45.stockoutCampaignShare == 0)
        // W46 (11-09…11-15): L0 (C1, C2, C3) and L2 (C2). C1 8/10, C2 8/16, C3 8/10: all below.
        let w46 = try #require(r.week("2026-W46"))
        #expect(w46.campaignsMeasured == 3)
        #expect(w46.campaignsBelowTargetIDs == ["C1", "C2", "C3"])
        #expect(w46.promoUnitsOrdered == 16) // 10 + 6
    }

    @Test func eachCampaignCountsItsOwnLines() throws {
        let r = Self.overlapping().report()
        let c1 = try #require(r.campaign("C1"))
        #expect(c1.orderedUnits == 10) // L0
        #expect(c1.fillRate == 0.8) // 8 / 10
        #expect(c1.shortfallValue == 4) // (10 − 8) × 2
        let c2 = try #require(r.campaign("C2"))
        #expect(c2.orderedUnits == 16) // L0 + L2
        #expect(c2.fillRate == 0.5) // (8 + 0) / (10 + 6)
        #expect(c2.shortfallValue == 16) // 2 × 2 + 6 × 2
        #expect(c2.plannedUnits == 40)
        #expect(c2.planAttainment == 0.4) // 16 / 40
        let c3 = try #require(r.campaign("C3"))
        // The SKU item and the category item both match L0: still one line.
        #expect(c3.orderedUnits == 14) // L0 + L1
        #expect(close(c3.fillRate, 12.0 / 14.0))
        #expect(c3.plannedUnits == 10) // 5 + 5
        #expect(c3.items.map(\.sku) == ["P1", nil])
        #expect(c3.items.map(\.category) == ["Toys", "Toys"])
    }

    @Test func statusesOrderAndHorizon() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.line("O1", "2026-11-15", requested: "2026-11-15", "P1", qty: 1)
        f.asOf = "2026-11-15"
        f.campaign("ENDED", "2026-10-01", "2026-11-14")
        f.campaign("B-ACTIVE", "2026-11-15", "2026-11-30") // starts on A: active
        f.campaign("A-ACTIVE", "2026-11-15", "2026-11-15") // ends on A: active; same start, sorted by id
        f.campaign("SOON", "2026-12-13", "2026-12-31") // A + 28 = 12-13: reported, upcoming
        f.campaign("LATER", "2026-12-14", "2026-12-31") // beyond the horizon: not reported
        let r = f.report()
        #expect(r.campaigns.map(\.campaignID) == ["ENDED", "A-ACTIVE", "B-ACTIVE", "SOON"])
        #expect(r.campaigns.map(\.status) == [.ended, .active, .active, .upcoming])
        // No items: planned 0, so no attainment; no due line, so no fill rate.
        let soon = try #require(r.campaign("SOON"))
        #expect(soon.planAttainment == nil)
        #expect(soon.fillRate == nil)
        #expect(soon.belowTarget == false)
        #expect(soon.daily.isEmpty) // starts after A
        // The report starts with the week of the first order (Monday 11-09), so the daily series of a
        // campaign that started 10-01 covers 11-09 … 11-14: 6 days.
        #expect(r.campaign("ENDED")?.daily.count == 6)
        #expect(r.campaign("ENDED")?.daily.first?.day == Day(iso: "2026-11-09"))
    }

    /// An "always on" campaign (1900 … 2099) gets a daily series over the report's span only, not 46,000 days;
    /// its other figures still cover all its lines.
    @Test func dailySeriesIsClippedToTheReport() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.campaign("ALWAYS", "1900-01-01", "2099-12-31")
        f.item("ALWAYS", sku: "P1")
        f.line("O1", "2026-11-03", requested: "2026-11-05", "P1", qty: 2) // Tuesday of 2026-W45
        f.line("O2", "2026-11-10", requested: "2026-11-12", "P1", qty: 3)
        f.asOf = "2026-11-11"
        let c = try #require(f.report().campaign("ALWAYS"))
        // Report span: Monday 11-02 … A = 11-11, 10 days; orders on 11-03 (day 1) and 11-10 (day 8).
        #expect(c.daily.count == 10)
        #expect(c.daily.first?.day == Day(iso: "2026-11-02"))
        #expect(c.daily.map(\.orderedUnits) == [0, 2, 0, 0, 0, 0, 0, 0, 3, 0])
        #expect(c.orderedUnits == 5) // 2 + 3
        #expect(c.status == .active)
    }

    @Test func horizonFollowsConfig() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.line("O1", "2026-11-15", requested: "2026-11-15", "P1", qty: 1)
        f.asOf = "2026-11-15"
        f.config.readiness.horizonDays = 7
        f.campaign("IN", "2026-11-22", "2026-11-30")
        f.campaign("OUT", "2026-11-23", "2026-11-30")
        #expect(f.report().campaigns.map(\.campaignID) == ["IN"])
    }

    @Test func promotionalOnlyInsideTheCampaignWindow() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.campaign("C1", "2026-11-03", "2026-11-04")
        f.item("C1", sku: "P1")
        // Ordered 11-02, 11-03, 11-04, 11-05: only the middle two are promotional (window inclusive).
        for (i, d) in ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"].enumerated() {
            f.line("O\(i)", d, requested: "2026-11-06", "P1", qty: Double(i + 1))
        }
        f.asOf = "2026-11-08"
        let r = f.report()
        #expect(r.week("2026-W45")?.promoUnitsOrdered == 5) // 2 + 3
        #expect(r.campaign("C1")?.orderedUnits == 5)
        #expect(r.campaign("C1")?.daily.map(\.orderedUnits) == [2, 3])
    }
}
