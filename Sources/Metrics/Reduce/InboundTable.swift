import ScorecardCore

/// Every used purchase-order line, and the receipts against them, as flat arrays: what the inbound
/// figures need (supplier lead times, on-time receipt, open quantities for readiness).
///
/// PO lines are far fewer than order lines, and their figures need per-line receipt histories that only
/// the as-of date completes, so they are kept whole and computed at `finish`.
struct InboundTable: Sendable {
    var orderDate: [Int32] = []
    var dueDate: [Int32] = []
    var product: [Int32] = []
    var qty: [Double] = []
    /// Each line's tuple of segment values (0 without segment columns).
    var segment: [Int32] = []
    /// Every used receipt: its PO line, date and quantity, in arrival order.
    var receipts = DatedQuantities()

    var count: Int { qty.count }

    mutating func append(_ r: PurchaseOrderLineRecord) {
        orderDate.append(r.orderDate.rawValue)
        dueDate.append(r.dueDate.rawValue)
        product.append(r.product)
        qty.append(r.qtyOrdered)
        segment.append(r.segment)
    }
}
