import ScorecardCore

/// Purchase-order lines and goods receipts: supplier lead times, on-time receipt, and what is on its way
/// for the readiness of upcoming campaigns.
extension MetricsAccumulator {
    public mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) {
        assert(Int(record.line) == inbound.count, "PO lines must arrive in line-index order")
        inbound.append(record)
    }

    public mutating func receipt(_ record: ReceiptRecord) {
        guard Int(record.line) >= 0, Int(record.line) < inbound.count else { return }
        inbound.receipts.append(line: record.line, day: record.receiptDate.rawValue, qty: record.qtyReceived)
    }
}
