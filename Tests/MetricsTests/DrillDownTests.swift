import Metrics
import ScorecardCore
import Testing

/// The drill-down figures: lead times (nearest-rank percentiles), the shortfall by SKU, the campaigns'
/// SKU tables, forecast accuracy of promotional and other SKU-weeks, and bias. Numbers by hand.
@Suite struct DrillDownTests {
    /// Week 2026-W10 is Monday 03-02 to Sunday 03-08; A = Monday 03-09 (2026-W11).
    static func leadTimeFixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "A")
        f.product("P2", "A")
        f.campaign("C1", "2026-03-02", "2026-03-08")
        f.item("C1", sku: "P1", planned: 20)
        // Promotional (P1 in C1).
        let l0 = f.line("O1", "2026-03-02", requested: "2026-03-04", "P1", qty: 10, price: 2)
        f.deliver(l0, "2026-03-03", 4)
        f.deliver(l0, "2026-03-05", 6) // complete by its second delivery: 03-05 − 03-02 = 3 days
        let l1 = f.line("O2", "2026-03-02", requested: "2026-03-03", "P1", qty: 5, price: 3)
        f.deliver(l1, "2026-03-03", 2) // never complete
        let l2 = f.line("O3", "2026-03-03", requested: "2026-03-05", "P1", qty: 2)
        f.deliver(l2, "2026-03-04", 2) // 1 day
        let l3 = f.line("O4", "2026-03-04", requested: "2026-03-04", "P1", qty: 1)
        f.deliver(l3, "2026-03-04", 1) // 0 days
        let l4 = f.line("O5", "2026-03-05", requested: "2026-03-06", "P1", qty: 1)
        f.deliver(l4, "2026-03-03", 1) // shipped before it was ordered, as the export says: −2 days
        // Not promotional (P2).
        let l5 = f.line("O6", "2026-03-02", requested: "2026-03-06", "P2", qty: 3)
        f.deliver(l5, "2026-03-06", 3) // 4 days
        let l6 = f.line("O7", "2026-03-02", requested: "2026-03-03", "P2", qty: 3)
        f.deliver(l6, "2026-03-03", 3) // 1 day
        let l7 = f.line("O8", "2026-03-03", requested: "2026-03-09", "P2", qty: 3)
        f.deliver(l7, "2026-03-09", 3) // 6 days, complete in W11
        let l8 = f.line("O9", "2026-03-04", requested: "2026-03-06", "P2", qty: 1)
        f.deliver(l8, "2026-03-06", 1) // 2 days
        let l9 = f.line("O10", "2026-03-09", requested: "2026-03-09", "P2", qty: 0.8)
        f.deliver(l9, "2026-03-09", 0.1)
        f.deliver(l9, "2026-03-09", 0.7) // 0.1 + 0.7 reaches 0.8 despite binary rounding: 0 days, W11
        f.snapshot("2026-03-08", "P1", 7)
        f.snapshot("2026-03-08", "P2", 9)
        f.asOf = "2026-03-09"
        return f
    }

    @Test func leadTimePercentilesWithEvenAndOddCounts() {
        let r = Self.leadTimeFixture().report()
        let w10 = r.week("2026-W10"), w11 = r.week("2026-W11"), march = r.month("2026-03")
        // W10 promotional: [−2, 0, 1, 3], n = 4: median rank ⌈2⌉ = 2 → 0; p90 rank ⌈3.6⌉ = 4 → 3.
        #expect(w10?.promoLeadTimeMedian == 0)
        #expect(w10?.promoLeadTimeP90 == 3)
        // W10 other: [1, 2, 4], n = 3: median rank ⌈1.5⌉ = 2 → 2; p90 rank ⌈2.7⌉ = 3 → 4.
        #expect(w10?.otherLeadTimeMedian == 2)
        #expect(w10?.otherLeadTimeP90 == 4)
        // W11: no promotional line completed; other [0, 6]: median rank 1 → 0, p90 rank ⌈1.8⌉ = 2 → 6.
        #expect(w11?.promoLeadTimeMedian == nil)
        #expect(w11?.promoLeadTimeP90 == nil)
        #expect(w11?.otherLeadTimeMedian == 0)
        #expect(w11?.otherLeadTimeP90 == 6)
        // March other: [0, 1, 2, 4, 6], n = 5: median rank 3 → 2; p90 rank ⌈4.5⌉ = 5 → 6.
        #expect(march?.otherLeadTimeMedian == 2)
        #expect(march?.otherLeadTimeP90 == 6)
        #expect(march?.promoLeadTimeMedian == 0)
        // The campaign: every line of C1 complete by A, [−2, 0, 1, 3].
        #expect(r.campaign("C1")?.leadTimeMedian == 0)
        #expect(r.campaign("C1")?.leadTimeP90 == 3)
    }

    @Test func campaignSKUTableAndCategoryKeys() {
        let r = Self.leadTimeFixture().report()
        #expect(r.campaignSKUs.count == 1)
        let row = r.campaignSKUs.first
        #expect(row?.campaignID == "C1")
        #expect(row?.sku == "P1")
        #expect(row?.category == "A")
        #expect(row?.orderedUnits == 19) // 10 + 5 + 2 + 1 + 1
        #expect(row?.dueUnits == 19)
        // ots: l0 4 (shipped by 03-04), l1 2, l2 2, l3 1, l4 1.
        #expect(row?.onTimeUnits == 10)
        #expect(row?.fillRate == 10.0 / 19.0)
        #expect(row?.shortfallValue == 21) // (10 − 4) × 2 + (5 − 2) × 3
        #expect(row?.leadTimeMedian == 0)
        #expect(row?.stockOnHand == 7)
        // Category A over the 13 weeks to A: lead times [−2, 0, 1, 3, 1, 2, 4, 6, 0], sorted
        // [−2, 0, 0, 1, 1, 2, 3, 4, 6], median rank 5 → 1.
        let a = r.category("A")
        #expect(a?.leadTimeMedian == 1)
        // Weeks of cover: stock 7 + 9 = 16 ÷ (shipped 4 + 6 + 2 + 2 + 1 + 1 + 3 + 3 + 3 + 1 + 0.8 = 26.8 ÷ 13).
        #expect(close(a?.weeksOfCover, 16 / (26.8 / 13)))
        #expect(a?.supplierLeadTimeMedian == nil) // no purchase orders
    }

    @Test func topShortfallTiesAndAnSKUInTwoOverlappingCampaigns() {
        var f = Fixture()
        f.product("P1", "Cat")
        f.product("P2", "Cat")
        f.product("P3", "Cat")
        f.campaign("C1", "2026-03-01", "2026-03-10")
        f.item("C1", sku: "P2")
        f.item("C1", sku: "P1")
        f.campaign("C2", "2026-03-05", "2026-03-15")
        f.item("C2", category: "Cat")
        let l0 = f.line("O1", "2026-03-02", requested: "2026-03-03", "P2", qty: 4, price: 5) // C1 only
        f.deliver(l0, "2026-03-03", 2) // shortfall (4 − 2) × 5 = 10
        f.line("O2", "2026-03-06", requested: "2026-03-07", "P1", qty: 2, price: 5) // C1 and C2: shortfall 10
        f.line("O3", "2026-03-06", requested: "2026-03-07", "P3", qty: 1, price: 4) // C2: shortfall 4
        f.line("O4", "2026-03-06", requested: "2026-03-07", "P3", qty: 1, price: 0) // C2: shortfall 0
        f.asOf = "2026-03-08"
        let r = f.report()
        let top = r.week("2026-W10")?.topShortfall ?? []
        // P1 and P2 tie at 10: by SKU. P1 counts once although it is in two campaigns.
        #expect(top.map(\.sku) == ["P1", "P2", "P3"])
        #expect(top.map(\.shortfallValue) == [10, 10, 4])
        #expect(top.map(\.dueUnits) == [2, 4, 2])
        #expect(top.map(\.onTimeUnits) == [0, 2, 0])
        #expect(top.map(\.campaignIDs) == [["C1", "C2"], ["C1"], ["C2"]])
        #expect(r.month("2026-03")?.topShortfall.map(\.sku) == ["P1", "P2", "P3"])
        // Campaign SKUs: C1 (starts first) then C2; within each, shortfall descending then SKU.
        #expect(r.campaignSKUs.map { "\($0.campaignID) \($0.sku) \($0.shortfallValue)" } == [
            "C1 P1 10.0", "C1 P2 10.0", "C2 P1 10.0", "C2 P3 4.0",
        ])
    }

    @Test func topShortfallKeepsTenAndDropsNoLoss() {
        var f = Fixture()
        f.campaign("C1", "2026-03-01", "2026-03-31")
        for i in 0..<12 {
            let sku = "S\(i < 10 ? "0" : "")\(i)"
            f.product(sku, "Cat")
            f.item("C1", sku: sku)
            // S00 loses nothing; the others 1, 2, … 11.
            let l = f.line("O\(i)", "2026-03-02", requested: "2026-03-03", sku, qty: Double(i), price: 1)
            if i == 0 { f.deliver(l, "2026-03-03", 0) }
        }
        f.asOf = "2026-03-08"
        let top = f.report().week("2026-W10")?.topShortfall ?? []
        #expect(top.map(\.sku) == ["S11", "S10", "S09", "S08", "S07", "S06", "S05", "S04", "S03", "S02"])
    }

    @Test func forecastAccuracyOfPromotionalAndOtherSKUWeeksAndBias() {
        var f = Fixture()
        f.product("P1", "A", list: 2)
        f.product("P2", "A", list: 1)
        // C1 overlaps W10 (from Friday 03-06) and W11: (P1, W10) and (P1, W11) are promotional pairs.
        f.campaign("C1", "2026-03-06", "2026-03-20")
        f.item("C1", sku: "P1")
        f.line("O1", "2026-03-03", requested: "2026-03-03", "P1", qty: 8) // before the campaign: the pair is still promotional
        f.line("O2", "2026-03-10", requested: "2026-03-10", "P1", qty: 6)
        f.line("O3", "2026-03-04", requested: "2026-03-04", "P2", qty: 5)
        f.plan("2026-03-02", "P1", 10)
        f.plan("2026-03-02", "P2", 5)
        f.plan("2026-03-09", "P2", 4)
        f.asOf = "2026-03-15"
        let r = f.report()
        // W10: (P1: a 8, f 10, price 2) error 4, weight 16, signed +4; (P2: a 5, f 5) 0, 5, 0.
        let w10 = r.week("2026-W10")
        #expect(close(w10?.forecastAccuracy, 1 - 4.0 / 21))
        #expect(close(w10?.forecastBias, 4.0 / 21))
        #expect(w10?.promoForecastAccuracy == 0.75) // 1 − 4 / 16
        #expect(w10?.otherForecastAccuracy == 1) // 1 − 0 / 5
        // W11: (P1: a 6, f 0 — no row) 12, 12, −12; (P2: a 0, f 4) 4, 0, +4.
        let w11 = r.week("2026-W11")
        #expect(w11?.forecastAccuracy == 0) // max(0, 1 − 16 / 12)
        #expect(close(w11?.forecastBias, -8.0 / 12))
        #expect(w11?.promoForecastAccuracy == nil) // no promotional pair has a forecast row
        #expect(w11?.otherForecastAccuracy == nil) // its only pair has no actual: weight 0
        // March (W10 and W11): all: error 4 + 0 + 12 + 4 = 20, weight 16 + 5 + 12 + 0 = 33, signed 4 − 12 + 4;
        // promotional: 1 − (4 + 12) / (16 + 12); other: 1 − (0 + 4) / (5 + 0).
        let march = r.month("2026-03")
        #expect(close(march?.forecastAccuracy, 1 - 20.0 / 33))
        #expect(close(march?.forecastBias, -4.0 / 33))
        #expect(close(march?.promoForecastAccuracy, 1 - 16.0 / 28))
        #expect(close(march?.otherForecastAccuracy, 1 - 4.0 / 5))
    }

    @Test func withoutForecastEveryForecastKeyIsNull() {
        var f = Self.leadTimeFixture()
        f.optional.remove(.forecast)
        let w = f.report().week("2026-W10")
        #expect(w?.forecastAccuracy == nil && w?.forecastBias == nil && w?.promoForecastAccuracy == nil && w?.otherForecastAccuracy == nil)
    }
}

extension DrillDownTests {
    /// 23.1 reached two ways in binary (23.1 and 23.099999999999998) is the same decimal value: the SKUs tie
    /// and are ordered by SKU, in top_shortfall and in the campaign's SKU table.
    @Test func equalDecimalShortfallsTieWhateverTheBinaryRounding() {
        var f = Fixture()
        f.campaign("C1", "2026-03-01", "2026-03-31")
        f.product("B", "Cat")
        f.product("A", "Cat")
        f.item("C1", category: "Cat")
        // B: 23.1 in one line. A: 0.1 × 231 = 23.1 in decimal, summed in binary from 231 lines of 0.1.
        f.line("OB", "2026-03-02", requested: "2026-03-03", "B", qty: 1, price: 23.1)
        for i in 0..<231 { f.line("OA\(i)", "2026-03-02", requested: "2026-03-03", "A", qty: 1, price: 0.1) }
        f.asOf = "2026-03-08"
        let r = f.report()
        let top = r.week("2026-W10")?.topShortfall ?? []
        #expect(top.first?.shortfallValue != 23.1, "the fixture must really produce a different binary sum: \(top.map(\.shortfallValue))")
        #expect(top.map(\.sku) == ["A", "B"])
        #expect(r.campaignSKUs.map(\.sku) == ["A", "B"])
    }
}
