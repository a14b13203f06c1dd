import ScorecardCore

/// The figures of one view (the whole company, or one segment value) from its aggregate tables.
struct ViewFinisher: Sendable {
    let aggregates: Aggregates
    let config: Config
    let view: ViewAggregates
    let products: ProductTable
    let asOf: Day
    /// Per campaign, the categories of the view's products its items match (sorted).
    let campaignCategories: [[Int32]]
    /// Per campaign, its items that match a product of the view (indices into `master.items`).
    let campaignItems: [[Int]]

    init(finisher: Finisher, view: ViewAggregates) {
        aggregates = finisher.aggregates
        config = finisher.config
        self.view = view
        asOf = aggregates.asOf
        let master = aggregates.master
        let products = ProductTable(master: master)
        self.products = products
        var categories = [Set<Int32>](repeating: [], count: master.campaigns.count)
        var items = [[Int]](repeating: [], count: master.campaigns.count)
        for (i, item) in master.items.enumerated() {
            let c = Int(item.campaign)
            guard c >= 0, c < master.campaigns.count else { continue }
            let matched = Self.matchedProducts(item, products: products).filter { view.products?[Int($0)] ?? true }
            guard !matched.isEmpty || view.products == nil else { continue }
            items[c].append(i)
            for p in matched { categories[c].insert(products.category[Int(p)]) }
        }
        campaignCategories = categories.map { $0.sorted() }
        campaignItems = items
    }

    /// The products a campaign item matches: its SKU, or every product of its category.
    static func matchedProducts(_ item: CampaignItem, products: ProductTable) -> [Int32] {
        if let p = item.product { return Int(p) >= 0 && Int(p) < products.count ? [p] : [] }
        guard let k = item.category, Int(k) >= 0, Int(k) < products.productsByCategory.count else { return [] }
        return products.productsByCategory[Int(k)]
    }

    /// The view's products an item matches.
    func viewProducts(_ item: CampaignItem) -> [Int32] {
        Self.matchedProducts(item, products: products).filter { view.products?[Int($0)] ?? true }
    }

    /// Per category, whether it is promoted from `first` to `last`: some campaign whose window overlaps
    /// them (start on or before `last`, end on or after `first`) has an item matching a product of it.
    func promotedCategories(from first: Day, through last: Day) -> [Bool] {
        var promoted = [Bool](repeating: false, count: aggregates.master.categories.count)
        for (c, campaign) in aggregates.master.campaigns.enumerated() where campaign.start <= last && campaign.end >= first {
            for k in campaignCategories[c] { promoted[Int(k)] = true }
        }
        return promoted
    }

    /// `COGS / avg_inventory_value × 365 / days`; `nil` when there is no snapshot or the average is 0.
    static func turns(cogs: Double, inventoryValue: Double, snapshots: Int, days: Int) -> Double? {
        guard snapshots > 0 else { return nil }
        let average = inventoryValue / Double(snapshots)
        guard average != 0 else { return nil }
        return cogs / average * 365 / Double(days)
    }

    /// Stock at S of a product (0 without a row).
    func stock(_ product: Int32) -> Double { view.stock[.key(product)] }

    /// The category name of a product.
    func categoryName(of product: Int) -> String {
        let k = Int(products.category[product])
        return k >= 0 && k < aggregates.master.categories.count ? aggregates.master.categories[k] : ""
    }

    /// Strings in UTF-8 byte order (what a database sorts by), independent of locale.
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
