import Metrics
import ScorecardCore
import Testing

/// Readiness of upcoming campaigns from the single latest snapshot date over the whole inventory.
@Suite struct ReadinessTests {
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys")
        f.product("P3", "Toys")
        f.product("P2", "Food")
        f.line("O1", "2026-11-15", requested: "2026-11-15", "P2", qty: 1)
        f.asOf = "2026-11-15"
        // Upcoming: a SKU item and a category item matching P1 as well.
        f.campaign("UP", "2026-11-20", "2026-11-30")
        f.item("UP", sku: "P1", planned: 10)
        f.item("UP", category: "Toys", planned: 50)
        f.campaign("NOW", "2026-11-10", "2026-11-30")
        f.item("NOW", sku: "P1", planned: 10)
        f.snapshot("2026-11-10", "P1", 100) // older snapshot: ignored
        f.snapshot("2026-11-12", "P3", 100) // P3 is absent from the latest snapshot: stock 0
        f.snapshot("2026-11-14", "P1", 4) // two locations of P1 on the latest date: 4 + 2
        f.snapshot("2026-11-14", "P1", 2)
        f.snapshot("2026-11-14", "P2", 999)
        f.snapshot("2026-11-13", "P1", 1000) // arrives late, still older than 11-14
        return f
    }

    @Test func readinessOfAnUpcomingCampaign() throws {
        let up = try #require(Self.fixture().report().campaign("UP"))
        // SKU item: stock 6 → min(6, 10) = 6. Category item: P1 6 + P3 0 = 6 → min(6, 50) = 6. (6 + 6) / 60.
        #expect(close(up.readiness, 12.0 / 60.0))
        #expect(up.atRisk)
        #expect(up.items.map(\.stock) == [6, 6])
        #expect(up.items.map(\.plannedUnits) == [10, 50])
    }

    @Test func readyWhenStockCoversThePlan() throws {
        var f = Self.fixture()
        f.snapshot("2026-11-15", "P1", 60) // a later date replaces every earlier one
        let up = try #require(f.report().campaign("UP"))
        #expect(up.readiness == 1) // min(60, 10) + min(60, 50) = 60 of 60
        #expect(up.atRisk == false)
    }

    @Test func onlyUpcomingCampaignsHaveReadiness() throws {
        let now = try #require(Self.fixture().report().campaign("NOW"))
        #expect(now.status == .active)
        #expect(now.readiness == nil)
        #expect(now.atRisk == false)
        #expect(now.items.map(\.stock) == [nil])
    }

    @Test func inventoryPresentWithoutSnapshotsIsNotReady() throws {
        var f = Self.fixture()
        f.inventory = []
        #expect(f.report().campaign("UP")?.readiness == 0) // every stock is 0
    }

    @Test func zeroPlannedUnitsHasNoReadiness() throws {
        var f = Self.fixture()
        f.items = [("UP", "P1", nil, 0)]
        let up = try #require(f.report().campaign("UP"))
        #expect(up.readiness == nil)
        #expect(up.atRisk == false)
    }
}
