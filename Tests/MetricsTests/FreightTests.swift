import Metrics
import ScorecardCore
import Testing

/// Freight spend, emergency service levels (trimmed, ignoring case) and attribution through orders.
@Suite struct FreightTests {
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P2", "Food")
        f.campaign("C1", "2026-11-01", "2026-11-30")
        f.item("C1", sku: "P1")
        // O1 has a promotional line (P1) and an other line (P2); O2 only an other line.
        f.line("O1", "2026-11-02", requested: "2026-11-03", "P1", qty: 1)
        f.line("O1", "2026-11-02", requested: "2026-11-03", "P2", qty: 1)
        f.line("O2", "2026-11-02", requested: "2026-11-03", "P2", qty: 1)
        f.asOf = "2026-11-10" // Tuesday of W46
        // W45:
        f.ship("2026-11-03", "STANDARD", 100, order: "O1")
        f.ship("2026-11-03", " air ", 50, order: "O1") // emergency (trimmed, any case), promotional order
        f.ship("2026-11-04", "Expedited", 30, order: "O2") // emergency, order without promotional line
        f.ship("2026-11-05", "next_day", 20) // emergency, no order_id
        f.ship("2026-11-06", "CHARTER", 10, order: "X9") // emergency, order_id not an order: unattributed
        f.ship("2026-11-06", "AIRFREIGHT", 5, order: "O1") // not an emergency level
        // W46:
        f.ship("2026-11-09", "Air", 7, order: "O1")
        return f
    }

    @Test func periodSpend() throws {
        let r = Self.fixture().report()
        let w45 = try #require(r.week("2026-W45"))
        #expect(w45.totalFreightSpend == 215) // 100 + 50 + 30 + 20 + 10 + 5
        #expect(w45.emergencyFreightSpend == 110) // 50 + 30 + 20 + 10
        #expect(close(w45.emergencyFreightShare, 110.0 / 215.0))
        #expect(w45.promoEmergencyFreightSpend == 50) // only the AIR row of O1
        let w46 = try #require(r.week("2026-W46"))
        #expect(w46.totalFreightSpend == 7)
        #expect(w46.emergencyFreightShare == 1) // 7 / 7
        #expect(w46.promoEmergencyFreightSpend == 7)
        let m = try #require(r.month("2026-11"))
        #expect(m.totalFreightSpend == 222) // 215 + 7
        #expect(m.emergencyFreightSpend == 117) // 110 + 7
        #expect(m.promoEmergencyFreightSpend == 57) // 50 + 7
    }

    @Test func campaignEmergencySpend() throws {
        // C1 has a line in O1: its emergency rows are AIR 50 and Air 7.
        #expect(Self.fixture().report().campaign("C1")?.emergencyFreightSpend == 57)
    }

    @Test func configuredLevelsAreTrimmedAndCaseInsensitive() throws {
        var f = Self.fixture()
        f.config.freight.emergencyServiceLevels = [" standard "]
        let w45 = try #require(f.report().week("2026-W45"))
        #expect(w45.emergencyFreightSpend == 100)
        #expect(w45.promoEmergencyFreightSpend == 100)
    }

    @Test func periodWithoutFreightRows() throws {
        var f = Self.fixture()
        f.freight = []
        let w45 = try #require(f.report().week("2026-W45"))
        #expect(w45.totalFreightSpend == 0) // the source is present: sums are 0 …
        #expect(w45.emergencyFreightSpend == 0)
        #expect(w45.promoEmergencyFreightSpend == 0)
        #expect(w45.emergencyFreightShare == nil) // … and the share has a 0 denominator
    }

    @Test func orderWithLinesOfTwoCampaigns() throws {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P2", "Food")
        f.campaign("C1", "2026-11-01", "2026-11-30")
        f.item("C1", sku: "P1")
        f.campaign("C2", "2026-11-01", "2026-11-30")
        f.item("C2", category: "Food")
        // O1 holds a line of C1 and a line of C2: its emergency freight counts for both campaigns,
        // and once in the period.
        f.line("O1", "2026-11-02", requested: "2026-11-03", "P1", qty: 1)
        f.line("O1", "2026-11-02", requested: "2026-11-03", "P2", qty: 1)
        f.ship("2026-11-03", "AIR", 40, order: "O1")
        f.asOf = "2026-11-08"
        let r = f.report()
        #expect(r.campaign("C1")?.emergencyFreightSpend == 40)
        #expect(r.campaign("C2")?.emergencyFreightSpend == 40)
        #expect(r.week("2026-W45")?.promoEmergencyFreightSpend == 40)
    }
}
