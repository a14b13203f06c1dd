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

    /// The inbound tables of the company and of every view that holds purchase orders, from the PO lines
    /// and their receipts.
    mutating func addInbound(asOf: Day) {
        guard isPresent(.purchaseOrders) else { return }
        let po = inbound
        // Without receipts nothing counts as received.
        let received = CompletionDays.compute(ordered: po.qty, events: po.receipts)
        var byDue = [Double](repeating: 0, count: po.count)
        for e in 0..<po.receipts.count where po.receipts.day[e] <= po.dueDate[Int(po.receipts.line[e])] {
            byDue[Int(po.receipts.line[e])] += po.receipts.qty[e]
        }
        // Each view's snapshot date S (its latest snapshot on or before A, or A without one), and per distinct
        // S what each line has received by then.
        var bySnapshot: [Int32: [Double]] = [:]
        let receivedAtS = tables.indices.map { v -> [Double] in
            guard tables[v].has(.purchaseOrders) else { return [] }
            let day = (stocks[v].latest ?? asOf).rawValue
            if let known = bySnapshot[day] { return known }
            var sums = [Double](repeating: 0, count: po.count)
            for e in 0..<po.receipts.count where po.receipts.day[e] <= day { sums[Int(po.receipts.line[e])] += po.receipts.qty[e] }
            bySnapshot[day] = sums
            return sums
        }
        for l in 0..<po.count {
            let p = po.product[l]
            guard p >= 0, Int(p) < products.count else { continue }
            let k = category(p)
            let due = po.dueDate[l]
            for v in views(of: .purchaseOrders, tuple: po.segment[l], product: p) where tables[v].has(.purchaseOrders) {
                if received[l] != CompletionDays.never {
                    tables[v].supplierLeadTimes.add(.key(received[l], k, received[l] - po.orderDate[l]), 1)
                }
                if due <= asOf.rawValue { tables[v].supplierOnTime.add(.key(due), SIMD2(Swift.min(po.qty[l], byDue[l]), po.qty[l])) }
                tables[v].inboundOpen.add(.key(p, due), Swift.max(0, po.qty[l] - receivedAtS[v][l]))
            }
        }
    }
}
