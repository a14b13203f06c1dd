import Metrics
import ScorecardCore
import Testing

/// Annualised inventory turns of promoted and other categories, with `days(P)` capped at a mid-week,
/// mid-month as-of date, and promoted categories of a period up to the as-of date.
@Suite struct InventoryTurnsTests {
    /// A = Wednesday 2026-11-18: W47 (11-16…11-22) has days 3, November has days 18.
    /// C1 (P1 → Toys) runs 11-10…11-17; C2 (category Garden) starts 11-20, after A, inside W47.
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys", cost: 2)
        f.product("P2", "Food", cost: 1)
        f.product("P3", "Garden", cost: 4)
        f.campaign("C1", "2026-11-10", "2026-11-17")
        f.item("C1", sku: "P1")
        f.campaign("C2", "2026-11-20", "2026-11-30")
        f.item("C2", category: "Garden", planned: 8)
        let food = f.line("O1", "2026-11-02", requested: "2026-11-17", "P2", qty: 30)
        let toys = f.line("O2", "2026-11-09", requested: "2026-11-16", "P1", qty: 11)
        let garden = f.line("O3", "2026-11-03", requested: "2026-11-18", "P3", qty: 5)
        f.deliver(toys, "2026-11-10", 1) // W46: COGS 1 × 2 = 2
        f.deliver(toys, "2026-11-16", 10) // W47: COGS 20
        f.deliver(food, "2026-11-17", 20) // W47: COGS 20 × 1
        f.deliver(food, "2026-11-18", 10) // W47: COGS 10 × 1 (late)
        f.deliver(garden, "2026-11-18", 5) // W47: COGS 5 × 4 = 20
        f.snapshot("2026-11-16", "P1", 50) // value 100
        f.snapshot("2026-11-16", "P2", 100) // value 100
        f.snapshot("2026-11-16", "P3", 10) // value 40
        f.snapshot("2026-11-18", "P1", 30) // value 60
        f.snapshot("2026-11-18", "P2", 100) // value 100
        f.snapshot("2026-11-18", "P3", 0)
        f.asOf = "2026-11-18"
        return f
    }

    @Test func weekTurnsUseDaysUpToAsOf() throws {
        let w47 = try #require(Self.fixture().report().week("2026-W47"))
        // Promoted {Toys}: COGS 20; avg value (100 + 60) / 2 = 80; 20 / 80 × 365 / 3.
        #expect(close(w47.inventoryTurnsPromoted, 20.0 / 80.0 * 365.0 / 3.0))
        // Other {Food, Garden} (Garden's C2 starts after A): COGS 30 + 20 = 50;
        // avg value (100 + 40 + 100 + 0) / 2 = 120; 50 / 120 × 365 / 3.
        #expect(close(w47.inventoryTurnsOther, 50.0 / 120.0 * 365.0 / 3.0))
    }

    @Test func monthTurns() throws {
        let m = try #require(Self.fixture().report().month("2026-11"))
        // Two snapshot dates in November; days(P) = 18 (11-01 … A = 11-18).
        #expect(close(m.inventoryTurnsPromoted, 22.0 / 80.0 * 365.0 / 18.0)) // COGS 2 + 20
        #expect(close(m.inventoryTurnsOther, 50.0 / 120.0 * 365.0 / 18.0))
    }

    @Test func periodWithoutSnapshotsHasNoTurns() throws {
        let w46 = try #require(Self.fixture().report().week("2026-W46"))
        #expect(w46.inventoryTurnsPromoted == nil) // S is empty although COGS is 2
        #expect(w46.inventoryTurnsOther == nil)
    }

    @Test func zeroAverageInventoryHasNoTurns() throws {
        var f = Self.fixture()
        f.inventory = [("2026-11-16", "P2", 100), ("2026-11-16", "P1", 0)]
        let w47 = try #require(f.report().week("2026-W47"))
        #expect(w47.inventoryTurnsPromoted == nil) // Toys: avg value 0
        #expect(close(w47.inventoryTurnsOther, 50.0 / 100.0 * 365.0 / 3.0)) // one snapshot date, value 100
    }

    @Test func categoriesOverTheWindow() throws {
        let r = Self.fixture().report()
        // 13 weeks ending with W47: Monday 2026-08-24 … A = 11-18, 87 days.
        #expect(r.categoryWindow == day("2026-08-24")...day("2026-11-18"))
        #expect(r.categories.map(\.category) == ["Food", "Garden", "Toys"])
        #expect(r.categories.map(\.promoted) == [false, false, true]) // promoted in the as-of week, up to A
        let food = try #require(r.category("Food"))
        #expect(food.unitsOrdered == 30)
        #expect(close(food.fillRate, 20.0 / 30.0)) // 10 of 30 shipped after 11-17
        #expect(close(food.inventoryTurns, 30.0 / 100.0 * 365.0 / 87.0)) // (100 + 100) / 2 snapshots
        #expect(food.returnRate == 0) // nothing returned of 30 shipped
        let toys = try #require(r.category("Toys"))
        #expect(toys.fillRate == 1) // 1 + 10 on or before 11-16
        #expect(close(toys.inventoryTurns, 22.0 / 80.0 * 365.0 / 87.0))
        let garden = try #require(r.category("Garden"))
        #expect(close(garden.inventoryTurns, 20.0 / 20.0 * 365.0 / 87.0)) // (40 + 0) / 2
    }

    @Test func readinessFromTheLatestSnapshot() throws {
        let c2 = try #require(Self.fixture().report().campaign("C2"))
        #expect(c2.status == .upcoming)
        // Garden at the latest snapshot (11-18): P3 = 0 → min(0, 8) / 8 = 0.
        #expect(c2.readiness == 0)
        #expect(c2.atRisk)
        #expect(c2.items == [CampaignItemFigures(sku: nil, category: "Garden", plannedUnits: 8, stock: 0)])
    }
}
