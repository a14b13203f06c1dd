/// Per (trend week, category) sums for the categories' 13-week trends and their weeks of cover: the
/// `ReportCalendar.trendWeeks` weeks ending with the as-of week, so a page can show 13 weeks, each with
/// the 13 weeks ending with it. Flat arrays indexed `week × categoryCount + category`.
struct CategoryTrendSums: Sendable {
    let categoryCount: Int
    var dueQty: [Double]
    var dueOts: [Double]
    var shipped: [Double]
    var cogs: [Double]
    var returned: [Double]
    var inventoryValue: [Double]
    /// Lead times of the category's lines completed in the week (the last 13 weeks only).
    var leadTimes: [[Int32]]
    /// Stock per category at the latest snapshot on or before the end of each of the last 13 weeks.
    var stock: [CategoryStockAt]

    init(categories: Int, cutoffs: [Int32] = []) {
        categoryCount = categories
        let zeros = [Double](repeating: 0, count: ReportCalendar.trendWeeks * categories)
        dueQty = zeros
        dueOts = zeros
        shipped = zeros
        cogs = zeros
        returned = zeros
        inventoryValue = zeros
        leadTimes = Array(repeating: [], count: ReportCalendar.trendWeeks * categories)
        stock = cutoffs.map { CategoryStockAt(cutoff: $0, categories: categories) }
    }

    @inline(__always) func cell(_ week: Int, _ category: Int) -> Int { week * categoryCount + category }
}

/// Σ qty_on_hand per category at the latest snapshot date on or before a cutoff (one date for the whole
/// inventory, as for readiness; a category without a row on that date has 0).
struct CategoryStockAt: Sendable {
    let cutoff: Int32
    private(set) var latest: Int32?
    private var qty: [Double]
    private var stamp: [Int32]

    init(cutoff: Int32, categories: Int) {
        self.cutoff = cutoff
        qty = Array(repeating: 0, count: categories)
        stamp = Array(repeating: Int32.min, count: categories)
    }

    @inline(__always) mutating func add(day: Int32, category k: Int, qty q: Double) {
        guard day <= cutoff, k >= 0, k < qty.count else { return }
        if let latest, day < latest { return }
        latest = day
        if stamp[k] != day {
            stamp[k] = day
            qty[k] = 0
        }
        qty[k] += q
    }

    func stock(_ k: Int) -> Double {
        guard let latest, k >= 0, k < qty.count, stamp[k] == latest else { return 0 }
        return qty[k]
    }
}
