/// Per-category sums over the category window (the 13 ISO weeks ending with the as-of week).
struct CategoryWindowSums: Sendable {
    /// Lines due in the window.
    var dueQty: [Double]
    var dueOts: [Double]
    /// Deliveries shipped in the window.
    var shipped: [Double]
    var cogs: [Double]
    /// Returns dated in the window.
    var returned: [Double]
    /// Snapshot rows dated in the window.
    var inventoryValue: [Double]

    init(categories: Int) {
        let zeros = [Double](repeating: 0, count: categories)
        dueQty = zeros
        dueOts = zeros
        shipped = zeros
        cogs = zeros
        returned = zeros
        inventoryValue = zeros
    }
}
