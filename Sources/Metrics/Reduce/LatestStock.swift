import ScorecardCore

/// Stock per product at the latest snapshot date seen so far (all locations summed), for readiness.
///
/// The latest date is one date over the whole inventory (a product absent from it has stock 0). Rows may
/// arrive in any date order: a per-product stamp says which date a product's running sum belongs to, so a
/// later date restarts the sums without clearing the whole array.
struct LatestStock: Sendable {
    private(set) var latest: Day?
    private var stock: [Double]
    private var stamp: [Int32]

    init(products: Int) {
        stock = Array(repeating: 0, count: products)
        stamp = Array(repeating: Int32.min, count: products)
    }

    mutating func add(day: Day, product: Int32, qty: Double) {
        let p = Int(product)
        guard p >= 0, p < stock.count else { return }
        if let latest, day < latest { return }
        latest = day
        if stamp[p] != day.rawValue {
            stamp[p] = day.rawValue
            stock[p] = 0
        }
        stock[p] += qty
    }

    /// Σ qty_on_hand of the product at the latest snapshot date (0 when absent from it).
    func stock(of product: Int32) -> Double {
        let p = Int(product)
        guard let latest, p >= 0, p < stock.count, stamp[p] == latest.rawValue else { return 0 }
        return stock[p]
    }
}
