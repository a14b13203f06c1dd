import Metrics
import ScorecardCore
import Testing

/// Inbound supply: supplier lead times, on-time receipt, and readiness counting what is on its way.
/// A = Sunday 2026-03-15; W10 is 03-02 … 03-08, W11 03-09 … 03-15; the latest snapshot S is 03-10.
@Suite struct InboundTests {
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "A")
        f.product("P2", "A")
        f.product("P3", "B")
        f.line("O1", "2026-03-02", requested: "2026-03-02", "P3", qty: 1)
        f.snapshot("2026-03-10", "P1", 20)
        f.snapshot("2026-03-10", "P2", 5)
        f.campaign("C9", "2026-03-25", "2026-03-31")
        f.item("C9", sku: "P1", planned: 50)
        f.item("C9", category: "A", planned: 30)
        let po0 = f.purchase("2026-03-01", due: "2026-03-09", "P1", qty: 40)
        f.receive(po0, "2026-03-05", 15)
        f.receive(po0, "2026-03-08", 25) // received in two receipts on 03-08: 7 days
        let po1 = f.purchase("2026-03-02", due: "2026-03-12", "P1", qty: 30)
        f.receive(po1, "2026-03-12", 10) // after S, before A: all 30 still count as inbound; never received
        f.purchase("2026-03-03", due: "2026-03-25", "P2", qty: 100) // due on the start date: not counted
        f.purchase("2026-03-04", due: "2026-03-20", "P2", qty: 8) // open, due before the start
        let po4 = f.purchase("2026-03-02", due: "2026-03-06", "P3", qty: 10)
        f.receive(po4, "2026-03-06", 10) // 4 days
        f.asOf = "2026-03-15"
        return f
    }

    @Test func supplierLeadTimeAndOnTimeReceipt() {
        let r = Self.fixture().report()
        // Received in W10: PO0 (7 days) and PO4 (4 days): median rank 1 → 4, p90 rank ⌈1.8⌉ = 2 → 7.
        #expect(r.week("2026-W10")?.supplierLeadTimeMedian == 4)
        #expect(r.week("2026-W10")?.supplierLeadTimeP90 == 7)
        #expect(r.week("2026-W11")?.supplierLeadTimeMedian == nil)
        // Due in W10: PO4, 10 of 10 by its due date. Due in W11: PO0 40 of 40, PO1 10 of 30 → 50 / 70.
        #expect(r.week("2026-W10")?.supplierOnTimeRate == 1)
        #expect(close(r.week("2026-W11")?.supplierOnTimeRate, 50.0 / 70))
        // March: 60 / 80; PO2 and PO3 are due after A.
        #expect(r.month("2026-03")?.supplierOnTimeRate == 0.75)
        #expect(r.category("A")?.supplierLeadTimeMedian == 7)
        #expect(r.category("B")?.supplierLeadTimeMedian == 4)
    }

    @Test func readinessWithAndWithoutInbound() throws {
        let c = try #require(Self.fixture().report().campaign("C9"))
        #expect(c.status == .upcoming)
        // Item P1: PO0 fully received by S (open 0) + PO1 (open 30) = 30. Item A (P1, P2): 30 + PO3's 8
        // (PO2 is due on the start date) = 38.
        #expect(c.items.map(\.inbound) == [30, 38])
        #expect(c.inboundUnits == 68)
        // Stock at S: P1 20; A 20 + 5. Readiness (min(20, 50) + min(25, 30)) / 80.
        #expect(c.readiness == 45.0 / 80)
        #expect(c.atRisk)
        // With inbound: (min(20 + 30, 50) + min(25 + 38, 30)) / 80.
        #expect(c.readinessWithInbound == 1)
    }

    @Test func withoutReceiptsNothingIsReceived() throws {
        var f = Self.fixture()
        f.optional.remove(.receipts)
        let r = f.report()
        #expect(r.week("2026-W10")?.supplierLeadTimeMedian == nil)
        #expect(r.week("2026-W11")?.supplierOnTimeRate == nil)
        #expect(r.category("A")?.supplierLeadTimeMedian == nil)
        let c = try #require(r.campaign("C9"))
        // P1: 40 + 30; A: 40 + 30 + 8.
        #expect(c.inboundUnits == 148)
        #expect(c.readinessWithInbound == 1)
    }

    @Test func withoutPurchaseOrdersEveryInboundKeyIsNull() throws {
        var f = Self.fixture()
        f.optional.subtract([.purchaseOrders, .receipts])
        let r = f.report()
        let c = try #require(r.campaign("C9"))
        #expect(c.inboundUnits == nil && c.readinessWithInbound == nil)
        #expect(c.readiness == 45.0 / 80)
        #expect(r.week("2026-W10")?.supplierLeadTimeMedian == nil && r.week("2026-W10")?.supplierOnTimeRate == nil)
        #expect(r.category("B")?.supplierLeadTimeMedian == nil)
    }

    @Test func withoutInventoryInboundCountsAtTheAsOfDate() throws {
        var f = Self.fixture()
        f.optional.remove(.inventory)
        f.inventory = []
        let c = try #require(f.report().campaign("C9"))
        // S = A = 03-15: PO1's receipt of 03-12 now counts, so PO1 has 20 open. P1: 0 + 20; A: 20 + 8.
        #expect(c.inboundUnits == 48)
        #expect(c.readiness == nil && c.readinessWithInbound == nil)
    }

    @Test func notUpcomingCampaignsHaveNoInbound() throws {
        var f = Self.fixture()
        f.campaign("C1", "2026-03-01", "2026-03-31")
        f.item("C1", sku: "P1", planned: 10)
        let c = try #require(f.report().campaign("C1"))
        #expect(c.status == .active)
        #expect(c.inboundUnits == nil && c.readinessWithInbound == nil)
    }
}
