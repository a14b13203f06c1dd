/// Per-(period, category) sums for inventory turns: COGS of deliveries and value of snapshot rows.
///
/// Flat arrays indexed `period × categoryCount + category`; the promoted set of categories differs from
/// period to period, so the split into promoted and other is made at `finish`.
struct CategorySums: Sendable {
    let categoryCount: Int
    var cogs: [Double]
    var inventoryValue: [Double]

    init(periods: Int, categories: Int) {
        categoryCount = categories
        cogs = Array(repeating: 0, count: periods * categories)
        inventoryValue = Array(repeating: 0, count: periods * categories)
    }
}
