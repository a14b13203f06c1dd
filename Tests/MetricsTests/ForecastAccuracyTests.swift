import Metrics
import ScorecardCore
import Testing

/// Revenue-weighted forecast accuracy over (sku, week) pairs.
@Suite struct ForecastAccuracyTests {
    /// List prices P1 10, P2 5, P3 2. A = Sunday 2026-11-15.
    static func fixture() -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys", list: 10)
        f.product("P2", "Food", list: 5)
        f.product("P3", "Food", list: 2)
        // Sunday 11-01 is in W44, whose Monday (10-26) is in October: not part of November's weeks.
        f.line("O0", "2026-11-01", requested: "2026-11-01", "P2", qty: 1)
        // W45 (Mon 11-02): P1 5 + 3 = 8, P2 4.
        f.line("O1", "2026-11-02", requested: "2026-11-02", "P1", qty: 5)
        f.line("O2", "2026-11-08", requested: "2026-11-08", "P1", qty: 3)
        f.line("O2", "2026-11-08", requested: "2026-11-08", "P2", qty: 4)
        // W46 (Mon 11-09): P1 2, no forecast rows.
        f.line("O3", "2026-11-10", requested: "2026-11-10", "P1", qty: 2)
        f.plan("2026-11-02", "P1", 10)
        f.plan("2026-11-02", "P3", 6)
        f.plan("2026-11-16", "P1", 99) // a week after A: ignored
        f.asOf = "2026-11-15"
        return f
    }

    @Test func weekAccuracy() throws {
        let r = Self.fixture().report()
        // W45 pairs: P1 |8 − 10| × 10 = 20; P2 |4 − 0| × 5 = 20; P3 |0 − 6| × 2 = 12 → 52.
        // Weights: 8 × 10 + 4 × 5 + 0 × 2 = 100. 1 − 52/100 = 0.48.
        #expect(close(r.week("2026-W45")?.forecastAccuracy, 0.48))
        // W46 and W44 have actuals but no forecast row: null.
        #expect(r.week("2026-W46")?.forecastAccuracy == nil)
        #expect(r.week("2026-W44")?.forecastAccuracy == nil)
    }

    @Test func monthAccuracyOverItsMondays() throws {
        let m = try #require(Self.fixture().report().month("2026-11"))
        // Mondays 11-02 and 11-09 (11-16 is after A): errors 52 + |2 − 0| × 10 = 72; weights 100 + 20 = 120.
        // W44's Sunday 11-01 belongs to October's Monday. 1 − 72/120 = 0.4.
        #expect(close(m.forecastAccuracy, 0.4))
    }

    @Test func accuracyIsNeverNegative() throws {
        var f = Self.fixture()
        f.forecast = [("2026-11-02", "P1", 100)] // |8 − 100| × 10 + 20 = 940 > 100: 1 − 9.4 → 0
        #expect(f.report().week("2026-W45")?.forecastAccuracy == 0)
    }

    @Test func forecastWithoutActualsHasNoWeight() throws {
        var f = Self.fixture()
        // W46 gets a forecast of P3, never ordered: pairs P1 (2, 0) and P3 (0, 3); weight 20, error 20 + 6.
        f.plan("2026-11-09", "P3", 3)
        #expect(f.report().week("2026-W46")?.forecastAccuracy == 0) // max(0, 1 − 26/20)
        var g = Self.fixture()
        g.lines.removeAll { $0.orderDate == "2026-11-10" }
        g.plan("2026-11-09", "P3", 3) // only a forecast: weight 0 → null
        #expect(g.report().week("2026-W46")?.forecastAccuracy == nil)
    }

    @Test func earlyMondayOfTheFirstMonthCounts() throws {
        var f = Fixture()
        f.product("P1", "Toys", list: 1)
        // First order Thursday 2026-01-15: the first week is W03 (Mon 01-12), the first month January.
        f.line("O1", "2026-01-15", requested: "2026-01-15", "P1", qty: 10)
        f.plan("2026-01-05", "P1", 4) // Monday in January, before the first reported week
        f.plan("2026-01-12", "P1", 10)
        f.asOf = "2026-01-15"
        let r = f.report()
        #expect(r.weeks.map(\.period.label) == ["2026-W03"])
        #expect(r.week("2026-W03")?.forecastAccuracy == 1) // |10 − 10| = 0
        // January: weeks of 01-05 (|0 − 4| × 1 = 4, weight 0) and 01-12 (0, weight 10): 1 − 4/10.
        #expect(close(r.month("2026-01")?.forecastAccuracy, 0.6))
    }
}
