import ScorecardCore

/// Purchase orders and goods receipts: they only resolve products and each other, so both are parsed on
/// another core from the start and handed to the sink after forecast, once the as-of date is known.
extension IngestRun {
    /// The parsed inbound sources, before the as-of filter.
    struct BufferedInbound: Sendable {
        /// `line` is the index among the PO rows that passed their checks.
        var orders: BufferedFacts<PurchaseOrderLineRecord>
        /// `line` is the index of the PO row in `orders.records`.
        var receipts: BufferedFacts<ReceiptRecord>?
    }

    /// Parses `purchase_orders`, then `receipts` against its (po_id, line_no) keys.
    static func scanInbound(orders: SourceScan, receipts: SourceScan?, productKeys: borrowing ByteKeyTable) -> BufferedInbound {
        var lines = OrderLineIndex()
        var po = BufferedFacts<PurchaseOrderLineRecord>(source: orders.source)
        // Canonical columns: po_id, line_no, order_date, due_date, sku, qty_ordered, [supplier].
        while orders.next() {
            po.enterRow(of: orders)
            do throws(RejectedRow) {
                let poID = try orders.text(0)
                let lineNo = try orders.text(1)
                let orderDate = try orders.date(2)
                let due = try orders.date(3)
                let sku = try orders.text(4)
                let qty = try orders.number(5)
                guard let product = productKeys.find(sku) else { throw orders.reject(.unknownProduct, 4) }
                let index = Int32(po.records.count)
                guard lines.insert(order: poID, line: lineNo, value: index) != nil else {
                    throw orders.reject(.duplicateKey, 0, "po_id \"\(orders.quoted(0))\" line_no \"\(orders.quoted(1))\" appears on an earlier row")
                }
                po.records.append(PurchaseOrderLineRecord(line: index, orderDate: orderDate, dueDate: due, product: product, qtyOrdered: qty,
                                                          segment: orders.segmentTuple()))
                po.lines.append(orders.line)
            } catch {
                orders.count(error)
            }
        }
        po.close(orders)
        guard let receipts else { return BufferedInbound(orders: po, receipts: nil) }

        var received = BufferedFacts<ReceiptRecord>(source: receipts.source)
        // Canonical columns: po_id, line_no, receipt_date, qty_received, [receipt_id].
        while receipts.next() {
            received.enterRow(of: receipts)
            do throws(RejectedRow) {
                let poID = try receipts.text(0)
                let lineNo = try receipts.text(1)
                let date = try receipts.date(2)
                let qty = try receipts.number(3)
                guard let line = lines.find(order: poID, line: lineNo) else {
                    throw receipts.reject(.unknownPurchaseOrderLine, 0,
                                          "po_id \"\(receipts.quoted(0))\" line_no \"\(receipts.quoted(1))\" is not in purchase_orders")
                }
                received.records.append(ReceiptRecord(line: line, receiptDate: date, qtyReceived: qty))
                received.lines.append(receipts.line)
            } catch {
                receipts.count(error)
            }
        }
        received.close(receipts)
        return BufferedInbound(orders: po, receipts: received)
    }

    /// Sends the PO lines ordered by the as-of date, then their receipts up to it; counts the rest as
    /// ignored (a receipt of an ignored PO line is ignored too).
    mutating func deliver<Sink: RecordSink>(_ inbound: BufferedInbound, into sink: inout Sink) {
        let orders = inbound.orders
        let firstDay = window.firstDay
        var stats = orders.stats
        var early = EarlyRowTally()
        var used = [Int32](repeating: -1, count: orders.records.count)
        var next: Int32 = 0
        var begin = 0
        if !orders.segmentTuples.isEmpty { sink.segmentTuples(.purchaseOrders, orders.segmentTuples) }
        for (f, end) in orders.fileEnds.enumerated() {
            for i in begin..<end {
                var record = orders.records[i]
                if record.orderDate > asOf {
                    if f < stats.count { stats[f].ignoredAfterAsOf += 1 }
                } else {
                    used[Int(record.line)] = next
                    record.line = next
                    sink.purchaseOrderLine(record)
                    next += 1
                    if record.orderDate < firstDay { early.note(record.orderDate) { orders.location(record: i, file: f, field: "order_date") } }
                }
            }
            begin = end
        }
        finish(orders.source, stats: stats, rejections: orders.rejections, problems: orders.problems, early: early)
        guard let receipts = inbound.receipts else { return }
        stats = receipts.stats
        early = EarlyRowTally()
        begin = 0
        for (f, end) in receipts.fileEnds.enumerated() {
            for i in begin..<end {
                let r = receipts.records[i]
                let line = used[Int(r.line)]
                if line < 0 || r.receiptDate > asOf {
                    if f < stats.count { stats[f].ignoredAfterAsOf += 1 }
                } else {
                    sink.receipt(ReceiptRecord(line: line, receiptDate: r.receiptDate, qtyReceived: r.qtyReceived))
                    if r.receiptDate < firstDay { early.note(r.receiptDate) { receipts.location(record: i, file: f, field: "receipt_date") } }
                }
            }
            begin = end
        }
        finish(receipts.source, stats: stats, rejections: receipts.rejections, problems: receipts.problems, early: early)
    }
}
