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

    /// The inbound tables, from the PO lines and their receipts.
    mutating func addInbound(asOf: Day) {
        guard isPresent(.purchaseOrders) else { return }
        let po = inbound
        // Without receipts nothing counts as received.
        let received = CompletionDays.compute(ordered: po.qty, events: po.receipts)
        // The readiness snapshot date S: the latest snapshot on or before A, or A when there is none.
        let s = (stock.latest ?? asOf).rawValue
        var byDue = [Double](repeating: 0, count: po.count)
        var byS = [Double](repeating: 0, count: po.count)
        for e in 0..<po.receipts.count {
            let l = Int(po.receipts.line[e]), day = po.receipts.day[e]
            if day <= po.dueDate[l] { byDue[l] += po.receipts.qty[e] }
            if day <= s { byS[l] += po.receipts.qty[e] }
        }
        for l in 0..<po.count {
            let p = po.product[l]
            guard p >= 0, Int(p) < products.count else { continue }
            if received[l] != CompletionDays.never {
                company.supplierLeadTimes.add(.key(received[l], category(p), received[l] - po.orderDate[l]), 1)
            }
            let due = po.dueDate[l]
            if due <= asOf.rawValue { company.supplierOnTime.add(.key(due), SIMD2(Swift.min(po.qty[l], byDue[l]), po.qty[l])) }
            company.inboundOpen.add(.key(p, due), Swift.max(0, po.qty[l] - byS[l]))
        }
    }
}
