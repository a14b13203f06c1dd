import ScorecardCore

/// Orders: streamed line by line; they fix the as-of date and the line and order indices that
/// deliveries, returns and freight resolve against.
extension IngestRun {
    mutating func readOrders<Sink: RecordSink>(into sink: inout Sink) {
        let explicitAsOf = config.asOf
        var latest: Day?
        var lineCount: Int32 = 0
        var perDay = DayCounts()
        var earliest: Day?
        var earliestRow: SourceLocation?
        if let scan = scan(.orders) {
            // Canonical columns: order_id, line_no, order_date, requested_date, sku, qty_ordered, unit_price.
            while scan.next() {
                do throws(RejectedRow) {
                    let orderID = try scan.text(0)
                    let lineNo = try scan.text(1)
                    let orderDate = try scan.date(2)
                    let requested = try scan.date(3)
                    let sku = try scan.text(4)
                    let qty = try scan.number(5)
                    let price = try scan.number(6)
                    guard let product = productKeys.find(sku) else { throw scan.reject(.unknownProduct, 4) }
                    // Without an explicit as-of date it is the latest order date, so no order is after it.
                    let ignored = explicitAsOf.map { orderDate > $0 } ?? false
                    guard let slot = orderLines.insert(order: orderID, line: lineNo, value: ignored ? OrderLineIndex.ignored : lineCount) else {
                        throw scan.reject(.duplicateKey, 0, "order_id \"\(scan.quoted(0))\" line_no \"\(scan.quoted(1))\" appears on an earlier row")
                    }
                    if ignored {
                        scan.count(.ignored)
                    } else {
                        let order = orderLines.useOrder(slot: slot)
                        sink.orderLine(OrderLineRecord(line: lineCount, order: order, orderDate: orderDate, requestedDate: requested,
                                                       product: product, qtyOrdered: qty, unitPrice: price, segment: scan.segmentTuple()))
                        lineCount += 1
                        if latest.map({ orderDate > $0 }) ?? true {
                            latest = orderDate
                            if explicitAsOf == nil { asOfRow = scan.location(2) }
                        }
                        if earliest.map({ orderDate < $0 }) ?? true {
                            earliest = orderDate
                            earliestRow = scan.location(2)
                        }
                        perDay.add(orderDate)
                        scan.count(.used)
                    }
                } catch {
                    scan.count(error)
                }
            }
            if !scan.segmentColumns.isEmpty { sink.segmentTuples(.orders, scan.segmentTuples) }
            finish(scan)
        }
        if let day = explicitAsOf ?? latest {
            asOf = day
        } else {
            problems.append(Diagnostic("orders has no usable row to take the as-of date from; set as_of or --as-of",
                                       at: SourceLocation(file: files[.orders]?.map(\.display).joined(separator: ", ") ?? "orders", source: .orders)))
        }
        window = ReportWindow(firstOrder: earliest, asOf: asOf, maxWeeks: config.report.maxWeeks)
        // With the window shortened by report.max_weeks, older orders are used but in no reported period.
        let before = perDay.count(before: window.firstDay)
        if before > 0, let earliest, let earliestRow {
            earlyRows.append(EarlyRows(source: .orders, count: before, earliest: earliest, location: earliestRow))
        }
        sink.ordersComplete(asOf: asOf, lineCount: Int(lineCount), orderCount: Int(orderLines.usedOrderCount))
    }
}
