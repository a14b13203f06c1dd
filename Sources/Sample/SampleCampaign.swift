import ScorecardCore

/// One campaign of the sample's calendar, with the story it tells: how demand really moved against the plan.
struct SampleCampaign {
    enum Item: Equatable {
        case category(Int)
        case sku(Int)
    }

    var id: String
    var name: String
    var start: Day
    var end: Day
    var channel: String
    /// Cents; `nil` writes an empty budget.
    var budget: Int?
    var items: [Item]
    /// Demand multiplier the campaign really caused on its products.
    var actualUplift: Double
    /// Demand multiplier supply chain planned for (forecast and stock targets).
    var plannedUplift: Double
    var discountPercent: Int
    /// Ordered ÷ planned units the campaign ends with; `planned_units` are derived from it.
    var attainment: Double
    /// Suppliers cannot deliver more than the usual weekly volume of its products while it runs.
    var capsSupply: Bool
    /// Its products, sold from its start on, come back defective far more often.
    var triggersDefects = false
    /// Per item: whether purchasing buys the item's campaign volume ahead, due a few days before the start.
    /// Items without it only get what the regular orders happen to cover.
    var buildsStock: [Bool] = []
    /// Per product index: whether any item matches it.
    var matches: [Bool] = []
    /// Per product index: whether an item that builds stock matches it.
    var buildMatches: [Bool] = []

    func isActive(on day: Day) -> Bool { start <= day && day <= end }

    func overlaps(_ first: Day, _ last: Day) -> Bool { start <= last && end >= first }

    func item(_ item: Item, matches product: Int, in products: [SampleProduct]) -> Bool {
        switch item {
        case .category(let c): return products[product].category == c
        case .sku(let s): return s == product
        }
    }

    /// The sample's campaign calendar (ending on `SampleGenerator.lastDay`), limited to the products that exist
    /// and to campaigns that end on or after `firstDay`.
    static func calendar(products: [SampleProduct], firstDay: Day) -> [SampleCampaign] {
        typealias C = SampleProduct.Category
        func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> Day { Day(year: y, month: m, day: d) ?? firstDay }
        func hasCategory(_ c: Int) -> Bool { products.count > c }
        /// The first `n` products of a category after skipping `skip` of them.
        func skus(_ category: Int, _ n: Int, skip: Int = 0) -> [Item] {
            stride(from: category + skip * SampleProduct.categories.count, to: products.count,
                   by: SampleProduct.categories.count).prefix(n).map { .sku($0) }
        }
        func categories(_ list: Int...) -> [Item] { list.filter(hasCategory).map { .category($0) } }
        let frother = SampleProduct.frother(in: products).map { [Item.sku($0)] } ?? []

        var list = [
            // Last year's campaigns, so the same weeks a year earlier have promotions to compare with.
            // Halloween was planned well last year: stock built for it, little shortfall.
            SampleCampaign(
                id: "CMP-2510-HAL", name: "Halloween Holiday Special 2025", start: day(10, 13, 2025), end: day(11, 2, 2025),
                channel: "omnichannel", budget: 18_000_00, items: categories(C.chocolate),
                actualUplift: 2.6, plannedUplift: 2.5, discountPercent: 20, attainment: 1.05, capsSupply: false),
            SampleCampaign(
                id: "CMP-2511-XMS", name: "Christmas Early Bird 2025", start: day(11, 24, 2025), end: day(12, 24, 2025),
                channel: "omnichannel", budget: 35_000_00, items: categories(C.gifts, C.cheese),
                actualUplift: 2.8, plannedUplift: 2.6, discountPercent: 10, attainment: 1.1, capsSupply: false),
            SampleCampaign(
                id: "CMP-2601-NYD", name: "New Year Detox 2026", start: day(1, 5), end: day(2, 1),
                channel: "social", budget: 4_000_00, items: skus(C.tea, 4),
                actualUplift: 1.6, plannedUplift: 1.5, discountPercent: 10, attainment: 1.05, capsSupply: false),
            SampleCampaign(
                id: "CMP-2603-EAS", name: "Easter Chocolate", start: day(3, 16), end: day(4, 5),
                channel: "web", budget: 9_000_00, items: categories(C.chocolate),
                actualUplift: 2.4, plannedUplift: 2.2, discountPercent: 15, attainment: 1.1, capsSupply: false),
            SampleCampaign(
                id: "CMP-2606-BBQ", name: "Summer BBQ Spices", start: day(6, 1), end: day(6, 21),
                channel: "social", budget: 4_500_00, items: categories(C.spices),
                actualUplift: 2.2, plannedUplift: 2.0, discountPercent: 15, attainment: 0.95, capsSupply: false),
            // The category campaign that was planned well: uplift as forecast, stock built for it.
            SampleCampaign(
                id: "CMP-2607-COF", name: "Coffee \"Barista Days\" & Tasting", start: day(7, 6), end: day(7, 26),
                channel: "email", budget: 12_000_00, items: categories(C.coffee),
                actualUplift: 2.5, plannedUplift: 2.5, discountPercent: 20, attainment: 1.0, capsSupply: false),
            SampleCampaign(
                id: "CMP-2608-BTS", name: "Back to School Snacks", start: day(8, 24), end: day(9, 13),
                channel: "web", budget: 6_000_00, items: skus(C.nuts, 6),
                actualUplift: 1.8, plannedUplift: 2.6, discountPercent: 10, attainment: 0.72, capsSupply: false),
            // The milk frother sells well here, then comes back: its returns jump (reason DEFECTIVE).
            SampleCampaign(
                id: "CMP-2609-KIT", name: "Kitchen Gadget Days", start: day(9, 14), end: day(9, 27),
                channel: "web", budget: 3_500_00, items: frother + skus(C.kitchenware, 3, skip: 1),
                actualUplift: 3.0, plannedUplift: 3.0, discountPercent: 25, attainment: 1.05, capsSupply: false),
            // The holiday campaign that outsells its plan and stocks out, with expedited freight behind it.
            SampleCampaign(
                id: "CMP-2610-HAL", name: "Halloween Holiday Special", start: day(10, 12), end: day(11, 1),
                channel: "omnichannel", budget: 25_000_00, items: categories(C.chocolate) + skus(C.gifts, 3, skip: 1),
                actualUplift: 5.0, plannedUplift: 1.4, discountPercent: 20, attainment: 1.5, capsSupply: true),
            // Overlaps the holiday campaign (and shares a chocolate product with it); active on the last day.
            SampleCampaign(
                id: "CMP-2610-TEA", name: "Autumn Tea Time", start: day(10, 26), end: day(11, 22),
                channel: "email", budget: nil, items: categories(C.tea) + skus(C.chocolate, 1, skip: 1),
                actualUplift: 2.0, plannedUplift: 2.0, discountPercent: 15, attainment: 1.0, capsSupply: false),
            // Upcoming, within the 28-day readiness horizon, planned far above the stock on hand. Purchasing
            // bought the gifts ahead (some of it still open on the last day); cheese and chocolate only get what
            // the regular orders bring, so it stays at risk even counting what is on its way.
            SampleCampaign(
                id: "CMP-2611-XMS", name: "Christmas Early Bird", start: day(11, 23), end: day(12, 24),
                channel: "omnichannel", budget: 40_000_00,
                items: categories(C.gifts, C.cheese) + skus(C.chocolate, 3, skip: 2),
                actualUplift: 3.0, plannedUplift: 3.0, discountPercent: 10, attainment: 1.0, capsSupply: false),
            // Upcoming too: every item bought ahead from far suppliers, due shortly before the start and still
            // open on the last day, so it is at risk on stock alone and ready once inbound supply counts.
            SampleCampaign(
                id: "CMP-2612-BAK", name: "Christmas Baking", start: day(12, 1), end: day(12, 20),
                channel: "web", budget: 8_000_00, items: skus(C.nuts, 4, skip: 6) + skus(C.spices, 3, skip: 2),
                actualUplift: 3.5, plannedUplift: 3.5, discountPercent: 15, attainment: 1.0, capsSupply: false),
            // Beyond the readiness horizon: listed in the calendar, not yet on the scorecard.
            SampleCampaign(
                id: "CMP-2701-NYD", name: "New Year Detox", start: day(1, 4, 2027), end: day(1, 31, 2027),
                channel: "social", budget: 5_000_00, items: skus(C.tea, 4),
                actualUplift: 1.5, plannedUplift: 1.5, discountPercent: 10, attainment: 1.0, capsSupply: false),
        ]
        if let kitchen = list.firstIndex(where: { $0.id == "CMP-2609-KIT" }) { list[kitchen].triggersDefects = true }
        list.removeAll { $0.items.isEmpty || $0.end < firstDay }
        for i in list.indices {
            let c = list[i]
            list[i].buildsStock = c.items.map { item in
                switch c.id {
                case "CMP-2610-HAL": return false  // planned at 1.4 times normal: nothing extra bought
                case "CMP-2611-XMS": return item == .category(C.gifts)
                case "CMP-2610-TEA": return item == .category(C.tea)
                default: return true
                }
            }
            list[i].matches = (0..<products.count).map { p in
                c.items.contains { c.item($0, matches: p, in: products) }
            }
            list[i].buildMatches = (0..<products.count).map { p in
                zip(c.items, list[i].buildsStock).contains { $1 && c.item($0, matches: p, in: products) }
            }
        }
        return list
    }
}
