import Metrics
import ScorecardCore
import Testing

/// Segments: every view is the scorecard of its restricted exports (docs/segments.md): the figures of
/// a view equal those of a plain build over a hand-filtered copy of the exports.
@Suite struct SegmentTests {
    /// Two weeks of November 2026 and a week of November 2025, as of Wednesday 2026-11-18, in regions EU,
    /// US and "" (none), with brands A and B on the products; inventory, forecast and purchase orders carry
    /// the region too.
    static func regions(mapFacts: Bool = true) -> Fixture {
        var f = Fixture()
        f.product("P1", "Toys", cost: 2, list: 5)
        f.product("P2", "Toys", cost: 1, list: 4)
        f.product("P3", "Food", cost: 1, list: 3)
        f.product("P4", "Food", cost: 2, list: 6)
        for (i, brand) in ["A", "B", "A", "B"].enumerated() { f.tag(.products, i, "brand", brand) }
        f.campaign("C1", "2026-11-02", "2026-11-15")
        f.item("C1", sku: "P1", planned: 40)
        f.campaign("C2", "2026-11-09", "2026-11-22")
        f.item("C2", category: "Food", planned: 30)
        f.campaign("C3", "2026-11-25", "2026-12-06")
        f.item("C3", sku: "P2", planned: 25)
        f.item("C3", category: "Toys", planned: 60)
        f.campaign("LY", "2025-11-10", "2025-11-23")
        f.item("LY", sku: "P1", planned: 5)
        func line(_ region: String, _ order: String, _ date: String, _ req: String, _ sku: String, _ qty: Double, _ price: Double) -> Int {
            let l = f.line(order, date, requested: req, sku, qty: qty, price: price)
            f.tag(.orders, l, "region", region)
            return l
        }
        let l0 = line("EU", "O1", "2026-11-02", "2026-11-04", "P1", 10, 4)
        f.deliver(l0, "2026-11-03", 6)
        f.deliver(l0, "2026-11-06", 4)
        let l1 = line("US", "O1", "2026-11-02", "2026-11-05", "P3", 5, 2)
        f.deliver(l1, "2026-11-05", 5)
        _ = line("EU", "O2", "2026-11-03", "2026-11-06", "P2", 20, 3)
        let l3 = line("US", "O3", "2026-11-09", "2026-11-10", "P3", 8, 2)
        f.deliver(l3, "2026-11-10", 4)
        f.deliver(l3, "2026-11-12", 4)
        let l4 = line("", "O3", "2026-11-10", "2026-11-11", "P4", 6, 5)
        f.deliver(l4, "2026-11-11", 6)
        let l5 = line("EU", "O4", "2026-11-16", "2026-11-17", "P1", 3, 4)
        f.deliver(l5, "2026-11-17", 3)
        _ = line("US", "O5", "2026-11-16", "2026-11-20", "P2", 2, 3)
        // Promotional (C2, Food) and due in the as-of week: EU ships half on time, US all.
        let l10 = line("EU", "O9", "2026-11-16", "2026-11-17", "P3", 4, 2)
        f.deliver(l10, "2026-11-17", 2)
        let l11 = line("US", "O10", "2026-11-16", "2026-11-18", "P4", 2, 5)
        f.deliver(l11, "2026-11-18", 2)
        let l7 = line("EU", "O6", "2025-11-18", "2025-11-18", "P1", 4, 4)
        f.deliver(l7, "2025-11-18", 4)
        let l8 = line("US", "O7", "2025-11-17", "2025-11-19", "P3", 3, 2)
        f.deliver(l8, "2025-11-19", 1)
        let l9 = line("", "O8", "2025-11-17", "2025-11-17", "P4", 2, 5)
        f.deliver(l9, "2025-11-18", 2)
        f.ret(l0, "2026-11-08", 1, reason: "DAMAGED")
        f.ret(l3, "2026-11-13", 2)
        f.ship("2026-11-06", "AIR", 30, order: "O1")
        f.ship("2026-11-12", "GROUND", 50, order: "O3")
        f.ship("2026-11-07", "NEXT_DAY", 20)
        f.ship("2026-11-07", "EXPEDITED", 12, order: "O2")
        f.ship("2025-11-19", "AIR", 9, order: "O6")
        for (date, region, sku, qty) in [("2026-11-08", "EU", "P1", 50.0), ("2026-11-08", "US", "P3", 20), ("2026-11-15", "EU", "P1", 40),
                                         ("2026-11-15", "EU", "P2", 10), ("2026-11-15", "US", "P3", 15), ("2025-11-16", "EU", "P1", 30)] {
            f.snapshot(date, sku, qty)
            f.tag(.inventory, f.inventory.count - 1, "region", region)
        }
        for (week, region, sku, units) in [("2026-11-02", "EU", "P1", 8.0), ("2026-11-02", "US", "P3", 6), ("2026-11-09", "US", "P3", 10),
                                           ("2026-11-09", "", "P4", 5), ("2026-11-16", "EU", "P1", 2), ("2026-11-16", "US", "P1", 1)] {
            f.plan(week, sku, units)
            f.tag(.forecast, f.forecast.count - 1, "region", region)
        }
        let po1 = f.purchase("2026-11-01", due: "2026-11-20", "P2", qty: 30)
        f.tag(.purchaseOrders, po1, "region", "EU")
        f.receive(po1, "2026-11-10", 10)
        let po2 = f.purchase("2026-11-05", due: "2026-11-12", "P3", qty: 20)
        f.tag(.purchaseOrders, po2, "region", "US")
        f.receive(po2, "2026-11-12", 20)
        f.asOf = "2026-11-18"
        var region = SegmentDimension(key: "region", label: "Sales region", kind: .order, columns: [.orders: "Region"])
        if mapFacts { for s in [SourceName.inventory, .forecast, .purchaseOrders] { region.columns[s] = "Region" } }
        f.config.segments.dimensions = [region, SegmentDimension(key: "brand", label: "Brand", kind: .product, columns: [.products: "Brand"])]
        return f
    }

    /// The exports restricted to one value of the region (docs/segments.md, "The views"): its lines and
    /// their deliveries and returns, freight of its orders times the order's value share, and its rows of
    /// the facts the dimension maps (none otherwise: the source is absent).
    static func filtered(_ f: Fixture, region: String, mapFacts: Bool) -> Fixture {
        var g = f
        g.config.segments = SegmentsConfig()
        g.attributes = [:]
        let keep = f.lines.indices.filter { (f.attributes[.orders]?[$0]?["region"] ?? "") == region }
        restrictLines(f, into: &g, keep: keep)
        if mapFacts {
            let inv = f.inventory.indices.filter { (f.attributes[.inventory]?[$0]?["region"] ?? "") == region }
            g.inventory = inv.map { f.inventory[$0] }
            let fc = f.forecast.indices.filter { (f.attributes[.forecast]?[$0]?["region"] ?? "") == region }
            g.forecast = fc.map { f.forecast[$0] }
            let po = f.purchaseOrders.indices.filter { (f.attributes[.purchaseOrders]?[$0]?["region"] ?? "") == region }
            restrictPurchases(f, into: &g, keep: po)
        } else {
            g.inventory = []
            g.forecast = []
            g.purchaseOrders = []
            g.receipts = []
            g.optional.subtract([.inventory, .forecast, .purchaseOrders, .receipts])
        }
        return g
    }

    /// The exports restricted to the products of one brand: their lines, items matching one of them, and
    /// every SKU-keyed source's rows of them.
    static func filtered(_ f: Fixture, brand: String) -> Fixture {
        var g = f
        g.config.segments = SegmentsConfig()
        g.attributes = [:]
        let products = f.products.indices.filter { (f.attributes[.products]?[$0]?["brand"] ?? "") == brand }
        let skus = Set(products.map { f.products[$0].sku })
        g.products = products.map { f.products[$0] }
        let categories = Set(g.products.map(\.category))
        g.items = f.items.filter { i in i.sku.map { skus.contains($0) } ?? categories.contains(i.category ?? "") }
        restrictLines(f, into: &g, keep: f.lines.indices.filter { skus.contains(f.lines[$0].sku) })
        g.inventory = f.inventory.filter { skus.contains($0.sku) }
        g.forecast = f.forecast.filter { skus.contains($0.sku) }
        restrictPurchases(f, into: &g, keep: f.purchaseOrders.indices.filter { skus.contains(f.purchaseOrders[$0].sku) })
        return g
    }

    static func restrictLines(_ f: Fixture, into g: inout Fixture, keep: [Int]) {
        var newIndex: [Int: Int] = [:]
        for (n, l) in keep.enumerated() { newIndex[l] = n }
        g.lines = keep.map { f.lines[$0] }
        g.deliveries = f.deliveries.compactMap { d in newIndex[d.line].map { ($0, d.shipDate, d.qty) } }
        g.returns = f.returns.compactMap { r in newIndex[r.line].map { ($0, r.returnDate, r.qty, r.reason) } }
        // Freight of an order with lines in the view, times the share of its value in the view.
        g.freight = f.freight.compactMap { row in
            guard let o = row.order else { return nil }
            let all = f.lines.filter { $0.order == o }
            let mine = keep.map { f.lines[$0] }.filter { $0.order == o }
            guard !mine.isEmpty else { return nil }
            let total = all.reduce(0.0) { $0 + $1.qty * $1.price }
            let share = total != 0 ? mine.reduce(0.0) { $0 + $1.qty * $1.price } / total : Double(mine.count) / Double(all.count)
            return (row.shipDate, row.serviceLevel, row.cost * share, o)
        }
    }

    static func restrictPurchases(_ f: Fixture, into g: inout Fixture, keep: [Int]) {
        var newIndex: [Int: Int] = [:]
        for (n, l) in keep.enumerated() { newIndex[l] = n }
        g.purchaseOrders = keep.map { f.purchaseOrders[$0] }
        g.receipts = f.receipts.compactMap { r in newIndex[r.line].map { ($0, r.date, r.qty) } }
    }

    /// The view of `dimension` at `value` (nil: Other).
    static func view(_ r: Report, _ dimension: String, _ value: String?) -> ViewReport? {
        r.segments.first { $0.key == dimension }?.views.first { $0.value == value }
    }

    /// Every figure of the view equals the filtered build's, period by period (the periods both report).
    func expectSame(_ view: ViewReport, _ plain: Report, _ what: String) {
        let weeks = Dictionary(plain.weeks.map { ($0.period.label, $0) }, uniquingKeysWith: { a, _ in a })
        let months = Dictionary(plain.months.map { ($0.period.label, $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for w in view.weeks { if let p = weeks[w.period.label] { compared += 1; expectEqual(w, p, "\(what) \(w.period.label)") } }
        for m in view.months { if let p = months[m.period.label] { expectEqual(m, p, "\(what) \(m.period.label)") } }
        #expect(compared > 0, "\(what): no week in common")
        if let a = view.comparisons, let b = plain.comparisons {
            for (x, y, name) in [(a.week.lastYear, b.week.lastYear, "week last year"), (a.week.yearToDate, b.week.yearToDate, "week ytd"),
                                 (a.week.yearToDateLastYear, b.week.yearToDateLastYear, "week ytd ly"),
                                 (a.month.lastYear, b.month.lastYear, "month last year"), (a.month.yearToDate, b.month.yearToDate, "month ytd"),
                                 (a.month.yearToDateLastYear, b.month.yearToDateLastYear, "month ytd ly")] {
                expectEqual(x, y, "\(what) \(name)")
            }
        }
        #expect(view.campaigns.map(\.campaignID) == plain.campaigns.map(\.campaignID), "\(what) campaigns")
        for (a, b) in zip(view.campaigns, plain.campaigns) { expectEqual(a, b, "\(what) campaign \(a.campaignID)") }
    }

    func expectEqual(_ a: Any, _ b: Any, _ what: String) {
        let differences = Deep.differences(a, b, path: "")
        #expect(differences.isEmpty, "\(what): \(differences.prefix(8).joined(separator: "; "))")
    }

    @Test(arguments: ["EU", "US", ""])
    func anOrderDimensionsViewIsTheScorecardOfItsRows(region: String) throws {
        let f = Self.regions()
        let view = try #require(Self.view(f.report(), "region", region))
        expectSame(view, Self.filtered(f, region: region, mapFacts: true).report(), "region \(region)")
    }

    @Test(arguments: ["EU", "US"])
    func withoutFactColumnsAnOrderDimensionsViewHasNoSuchSources(region: String) throws {
        let f = Self.regions(mapFacts: false)
        let report = f.report()
        let view = try #require(Self.view(report, "region", region))
        expectSame(view, Self.filtered(f, region: region, mapFacts: false).report(), "region \(region)")
        // Inventory, forecast and purchase orders are absent in the view: their figures are null.
        #expect(!view.present.contains(.inventory) && !view.present.contains(.forecast) && !view.present.contains(.purchaseOrders))
        #expect(view.weeks.allSatisfy { $0.inventoryTurnsPromoted == nil && $0.forecastAccuracy == nil && $0.supplierOnTimeRate == nil })
    }

    @Test(arguments: ["A", "B"])
    func aProductDimensionsViewIsTheScorecardOfItsProducts(brand: String) throws {
        let f = Self.regions()
        let view = try #require(Self.view(f.report(), "brand", brand))
        expectSame(view, Self.filtered(f, brand: brand).report(), "brand \(brand)")
    }

    /// Additive figures of a dimension's values add up to the company's (freight split by value share).
    @Test func additiveFiguresSumToTheCompany() throws {
        let r = Self.regions().report()
        for dimension in r.segments {
            for (i, week) in r.weeks.enumerated() {
                let views = dimension.views.map { $0.weeks[i] }
                #expect(close(views.reduce(0) { $0 + $1.promoUnitsOrdered }, week.promoUnitsOrdered), "\(dimension.key) \(week.period.label)")
                #expect(close(views.reduce(0) { $0 + $1.promoShortfallValue }, week.promoShortfallValue))
                // The freight row without an order is in no view: 20 on 2026-11-07 (2026-W45).
                let freight = views.reduce(0) { $0 + ($1.totalFreightSpend ?? 0) }
                #expect(close(freight + (week.period.label == "2026-W45" ? 20 : 0), week.totalFreightSpend ?? 0),
                        "\(dimension.key) \(week.period.label): \(freight)")
            }
        }
        // O1 ships AIR 30 with 40 of its 50 value in EU: EU's emergency spend in 2026-W45 is 24, plus O2's 12.
        let eu = try #require(Self.view(r, "region", "EU"))
        #expect(close(eu.weeks.first { $0.period.label == "2026-W45" }?.emergencyFreightSpend, 36))
    }

    /// The values are in the order of the dimension's page: worst promotional fill rate first, nulls after
    /// them, "(none)" is the empty value.
    @Test func valuesAreOrderedWorstFirst() throws {
        let r = Self.regions().report()
        let region = try #require(r.segments.first)
        #expect(region.key == "region" && region.label == "Sales region" && region.source == .orders)
        // As-of week 2026-W47: EU's promotional line due ships 2 of 4 on time (50 %), US's 2 of 2 (100 %);
        // (none) has no promotional line due (null), so it comes after them.
        #expect(region.views.map(\.label) == ["EU", "US", "(none)"])
        #expect(r.segments.last?.views.map(\.label).sorted() == ["A", "B"])
    }

    /// More values than max_values: the largest by revenue keep their view, the rest are "Other", last.
    @Test func valuesBeyondMaxValuesAreOther() throws {
        var f = Self.regions()
        f.config.segments.maxValues = 2
        let r = f.report()
        let region = try #require(r.segments.first)
        // Revenue: EU 40 + 60 + 12 + 16 + 8 = 136, US 10 + 16 + 6 + 6 + 10 = 48, (none) 30 + 10 = 40: EU keeps its view.
        #expect(region.views.map(\.label) == ["EU", "Other"])
        let other = try #require(Self.view(r, "region", nil))
        #expect(other.isOther)
        // Other is the scorecard of US and (none) together.
        var g = Self.regions()
        for l in g.lines.indices where (g.attributes[.orders]?[l]?["region"] ?? "") == "" { g.tag(.orders, l, "region", "US") }
        for i in g.inventory.indices where (g.attributes[.inventory]?[i]?["region"] ?? "") == "" { g.tag(.inventory, i, "region", "US") }
        for i in g.forecast.indices where (g.attributes[.forecast]?[i]?["region"] ?? "") == "" { g.tag(.forecast, i, "region", "US") }
        expectSame(other, Self.filtered(g, region: "US", mapFacts: true).report(), "Other")
    }
}

/// Field-by-field comparison of two values of the same type, numbers up to summation order.
enum Deep {
    static func differences(_ a: Any, _ b: Any, path: String) -> [String] {
        if let x = a as? Double, let y = b as? Double { return close(x, y) ? [] : ["\(path): \(x) ≠ \(y)"] }
        let ma = Mirror(reflecting: a), mb = Mirror(reflecting: b)
        if ma.displayStyle == .optional {
            switch (ma.children.first, mb.children.first) {
            case (nil, nil): return []
            case let (x?, y?): return differences(x.value, y.value, path: path)
            default: return ["\(path): \(a) ≠ \(b)"]
            }
        }
        if ma.displayStyle == .set {
            let xs = ma.children.map { "\($0.value)" }.sorted(), ys = mb.children.map { "\($0.value)" }.sorted()
            return xs == ys ? [] : ["\(path): \(xs) ≠ \(ys)"]
        }
        if ma.displayStyle == .collection {
            let xs = Array(ma.children), ys = Array(mb.children)
            guard xs.count == ys.count else { return ["\(path): \(xs.count) elements ≠ \(ys.count)"] }
            return zip(xs, ys).enumerated().flatMap { i, p in differences(p.0.value, p.1.value, path: "\(path)[\(i)]") }
        }
        if ma.displayStyle == .struct || ma.displayStyle == .tuple {
            return zip(ma.children, mb.children).flatMap { x, y in differences(x.value, y.value, path: path + "." + (x.label ?? "?")) }
        }
        return "\(a)" == "\(b)" ? [] : ["\(path): \(a) ≠ \(b)"]
    }
}
