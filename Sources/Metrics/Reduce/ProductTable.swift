import ScorecardCore

/// The per-product numbers the record handlers read millions of times, as flat arrays.
///
/// `MasterData.products` holds strings beside the numbers; reading from plain arrays keeps the hot loops
/// free of reference counting.
struct ProductTable: Sendable {
    var category: [Int32] = []
    var unitCost: [Double] = []
    var listPrice: [Double] = []
    /// Product indices of each category, in product order.
    var productsByCategory: [[Int32]] = []

    init() {}

    init(master: MasterData) {
        category = master.products.map(\.category)
        unitCost = master.products.map(\.unitCost)
        listPrice = master.products.map(\.listPrice)
        productsByCategory = Array(repeating: [], count: master.categories.count)
        for (p, product) in master.products.enumerated() where Int(product.category) < productsByCategory.count {
            productsByCategory[Int(product.category)].append(Int32(p))
        }
    }

    var count: Int { category.count }
}
