import ScorecardCore

/// Order lines: promotional status on arrival; their due-line, campaign and lead-time sums once the
/// deliveries are known (`walkLines`).
extension MetricsAccumulator {
    public mutating func orderLine(_ record: OrderLineRecord) {
        // `line` indices are dense and sent in order (RecordSink), so the arrays are indexed by them.
        assert(Int(record.line) == lines.count, "order lines must arrive in line-index order")
        let set = index.set(product: record.product, day: record.orderDate)
        lines.append(qty: record.qtyOrdered, requested: record.requestedDate.rawValue, product: record.product,
                     set: set, orderDay: record.orderDate.rawValue, price: record.unitPrice)
        if set != 0 {
            let o = Int(record.order)
            if o >= orderSets.count { orderSets += Array(repeating: 0, count: o + 1 - orderSets.count) }
            orderSets[o] = index.sets.union(orderSets[o], set)
        }
        if firstOrderDay.map({ record.orderDate < $0 }) ?? true { firstOrderDay = record.orderDate }
        if isPresent(.forecast) {
            forecastSums.actual.add(ForecastSums.key(week: record.orderDate.weekStart, product: record.product), record.qtyOrdered)
        }
    }

    /// Walks every line once, now that on-time shipped quantities and completion days are known: the due
    /// lines by day, category and status; the promotional due lines by SKU; the campaigns' sums by SKU and
    /// by order day; lead times by completion day.
    /// - Parameters:
    ///   - completed: per line, the day it became complete, or `CompletionDays.never`.
    ///   - onTime: per line, Σ qty_shipped of its deliveries by the requested date.
    mutating func walkLines(asOf: Day, completed: [Int32], onTime: [Double]) {
        let asOf = asOf.rawValue
        var promo = 0 // cursor into the promotional-only arrays
        for l in 0..<lines.count {
            let q = lines.qty[l]
            let ots = Swift.min(q, onTime[l])
            let req = lines.requested[l]
            let set = lines.campaignSet[l]
            let product = lines.product[l]
            let k = category(product)
            let status: Int32 = set != 0 ? 1 : 0
            var shortfall = 0.0
            if set != 0 {
                shortfall = (q - ots) * lines.promoPrice[promo]
                promo += 1
            }
            let due = req <= asOf
            if due {
                company.lines.add(.key(req, k, status), SIMD8(q, ots, shortfall, 0, 0, 0, 0, 0))
                if set != 0 { company.skuDue.add(.key(req, product, Int32(bitPattern: set)), SIMD4(q, ots, shortfall, 0)) }
            }
            let done = completed[l]
            let complete = done != CompletionDays.never
            let leadTime = complete ? done - lines.orderDay[l] : 0
            if complete { company.leadTimes.add(.key(done, k, status, leadTime), 1) }
            guard set != 0 else { continue }
            let sums = due ? SIMD8(q, q, ots, shortfall, 0, 0, 0, 0) : SIMD8(q, 0, 0, 0, 0, 0, 0, 0)
            for c in index.members(set) {
                company.campaignSKUs.add(.key(c, product), sums)
                company.campaignDays.add(.key(c, lines.orderDay[l]), SIMD2(q, ots))
                if complete { company.campaignLeadTimes.add(.key(c, product, leadTime), 1) }
            }
        }
    }
}
