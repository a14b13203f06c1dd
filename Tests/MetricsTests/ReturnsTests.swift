import Metrics
import ScorecardCore
import Testing

/// Period return rates (returns dated in P over deliveries shipped in P), campaign return rates, reasons.
@Suite struct ReturnsTests {
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P2", "Food")
        f.campaign("C1", "2026-11-02", "2026-11-08")
        f.item("C1", sku: "P1")
        let promo = f.line("O1", "2026-11-02", requested: "2026-11-03", "P1", qty: 20)
        let other = f.line("O2", "2026-11-02", requested: "2026-11-03", "P2", qty: 10)
        f.deliver(promo, "2026-11-03", 8) // W45
        f.deliver(promo, "2026-11-10", 12) // W46
        f.deliver(other, "2026-11-04", 10) // W45
        f.ret(promo, "2026-11-05", 2, reason: "DAMAGED") // W45
        f.ret(promo, "2026-11-11", 3, reason: "WRONG") // W46
        f.ret(promo, "2026-11-12", 1, reason: "DAMAGED") // W46
        f.ret(promo, "2026-11-12", 3) // W46, no reason given
        f.ret(other, "2026-11-11", 5) // W46
        f.asOf = "2026-11-15"
        return f
    }

    @Test func periodReturnRates() throws {
        let r = Self.fixture().report()
        let w45 = try #require(r.week("2026-W45"))
        #expect(close(w45.returnRate, 2.0 / 18.0)) // returned 2; shipped 8 + 10
        #expect(w45.promoReturnRate == 0.25) // 2 / 8
        #expect(w45.otherReturnRate == 0) // 0 / 10
        let w46 = try #require(r.week("2026-W46"))
        #expect(w46.returnRate == 1) // (3 + 1 + 3 + 5) / 12
        #expect(close(w46.promoReturnRate, 7.0 / 12.0)) // (3 + 1 + 3) / 12
        #expect(w46.otherReturnRate == nil) // 5 returned, nothing of other lines shipped in W46
        let m = try #require(r.month("2026-11"))
        #expect(close(m.returnRate, 14.0 / 30.0)) // (2 + 3 + 1 + 3 + 5) / (8 + 12 + 10)
        #expect(close(m.promoReturnRate, 9.0 / 20.0))
        #expect(m.otherReturnRate == 0.5) // 5 / 10
    }

    @Test func campaignReturnRateAndReasons() throws {
        let c = try #require(Self.fixture().report().campaign("C1"))
        #expect(c.returnRate == 0.45) // (2 + 3 + 1 + 3) / (8 + 12)
        // DAMAGED 2 + 1 = 3, WRONG 3, not given 3: equal quantities by code, "not given" last.
        #expect(c.returnReasons == [
            ReasonCount(reasonCode: "DAMAGED", quantity: 3),
            ReasonCount(reasonCode: "WRONG", quantity: 3),
            ReasonCount(reasonCode: nil, quantity: 3),
        ])
    }

    @Test func largestReasonFirst() throws {
        var f = Self.fixture()
        f.ret(0, "2026-11-13", 1, reason: "WRONG")
        let c = try #require(f.report().campaign("C1"))
        #expect(c.returnReasons.first == ReasonCount(reasonCode: "WRONG", quantity: 4))
    }
}
