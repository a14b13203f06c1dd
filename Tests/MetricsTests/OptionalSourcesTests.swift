import Metrics
import ScorecardCore
import Testing

/// An absent optional source makes every figure that needs it `null`, never 0.
@Suite struct OptionalSourcesTests {
    static func fixture(without absent: SourceName) -> Fixture {
        var f = Fixture()
        f.optional.remove(absent)
        f.product("P1", "Toys", cost: 1, list: 1)
        f.campaign("C1", "2026-11-02", "2026-11-08")
        f.item("C1", sku: "P1", planned: 5)
        f.campaign("UP", "2026-11-10", "2026-11-20")
        f.item("UP", sku: "P1", planned: 5)
        let l = f.line("O1", "2026-11-02", requested: "2026-11-03", "P1", qty: 4)
        f.deliver(l, "2026-11-03", 4)
        f.asOf = "2026-11-08"
        return f
    }

    @Test func withoutFreight() throws {
        let r = Self.fixture(without: .freight).report()
        let w = try #require(r.week("2026-W45"))
        #expect(w.totalFreightSpend == nil)
        #expect(w.emergencyFreightSpend == nil)
        #expect(w.emergencyFreightShare == nil)
        #expect(w.promoEmergencyFreightSpend == nil)
        #expect(r.campaign("C1")?.emergencyFreightSpend == nil)
        #expect(w.returnRate == 0) // the others still count: 0 returned / 4 shipped
        #expect(!r.present.contains(.freight))
    }

    @Test func withoutReturns() throws {
        let r = Self.fixture(without: .returns).report()
        let w = try #require(r.week("2026-W45"))
        #expect(w.returnRate == nil)
        #expect(w.promoReturnRate == nil)
        #expect(w.otherReturnRate == nil)
        #expect(r.campaign("C1")?.returnRate == nil)
        #expect(r.categories.first?.returnRate == nil)
        #expect(w.totalFreightSpend == 0)
    }

    @Test func withoutInventory() throws {
        let r = Self.fixture(without: .inventory).report()
        let w = try #require(r.week("2026-W45"))
        #expect(w.inventoryTurnsPromoted == nil)
        #expect(w.inventoryTurnsOther == nil)
        let up = try #require(r.campaign("UP"))
        #expect(up.status == .upcoming)
        #expect(up.readiness == nil)
        #expect(up.atRisk == false)
        #expect(up.items.map(\.stock) == [nil])
        #expect(r.categories.first?.inventoryTurns == nil)
    }

    @Test func withoutForecast() throws {
        let r = Self.fixture(without: .forecast).report()
        #expect(r.week("2026-W45")?.forecastAccuracy == nil)
        #expect(r.month("2026-11")?.forecastAccuracy == nil)
    }

    @Test func withEveryOptionalSourceButNoRows() throws {
        var f = Self.fixture(without: .forecast)
        f.optional = [.inventory, .freight, .returns, .forecast]
        let r = f.report()
        let w = try #require(r.week("2026-W45"))
        #expect(w.returnRate == 0) // 0 / 4
        #expect(w.promoReturnRate == 0)
        #expect(w.otherReturnRate == nil) // nothing of other lines shipped
        #expect(r.campaign("C1")?.emergencyFreightSpend == 0)
        #expect(r.campaign("C1")?.returnRate == 0)
        #expect(r.campaign("UP")?.readiness == 0) // no snapshot: stock 0 of 5 planned
        #expect(w.forecastAccuracy == nil) // no forecast row in the week
        #expect(r.present.isSuperset(of: [.inventory, .freight, .returns, .forecast]))
    }
}
