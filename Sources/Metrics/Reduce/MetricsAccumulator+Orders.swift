import ScorecardCore

/// Order lines: promotional status on arrival; their due-line, campaign and lead-time sums once the
/// deliveries are known (`walkLines`).
extension MetricsAccumulator {
    public mutating func orderLine(_ record: OrderLineRecord) {
        // `line` indices are dense and sent in order (RecordSink), so the arrays are indexed by them.
        assert(Int(record.line) == lines.count, "order lines must arrive in line-index order")
        let set = index.set(product: record.product, day: record.orderDate)
        lines.append(qty: record.qtyOrdered, requested: record.requestedDate.rawValue, product: record.product,
                     set: set, orderDay: record.orderDate.rawValue, price: record.unitPrice, order: record.order, tuple: record.segment)
        if set != 0 {
            let o = Int(record.order)
            if o >= orderSets.count { orderSets += Array(repeating: 0, count: o + 1 - orderSets.count) }
            orderSets[o] = index.sets.union(orderSets[o], set)
        }
        if firstOrderDay.map({ record.orderDate < $0 }) ?? true { firstOrderDay = record.orderDate }
        if isPresent(.forecast) {
            forecastSums.actual.add(ForecastSums.key(week: record.orderDate.weekStart, product: record.product), record.qtyOrdered)
        }
        if !segments.isEmpty {
            // Revenue ranks the values of the dimensions when there are more than max_values.
            let revenue = record.qtyOrdered * record.unitPrice
            let t = Int(record.segment)
            if t >= tupleRevenue.count { tupleRevenue += Array(repeating: 0, count: t + 1 - tupleRevenue.count) }
            tupleRevenue[t] += revenue
            if Int(record.product) < productRevenue.count { productRevenue[Int(record.product)] += revenue }
        }
    }

    /// Walks every line once, now that on-time shipped quantities and completion days are known: the due
    /// lines by day, category and status; the promotional due lines by SKU; the campaigns' sums by SKU and
    /// by order day; lead times by completion day. Each in the company's tables and its views'.
    /// - Parameters:
    ///   - completed: per line, the day it became complete, or `CompletionDays.never`.
    ///   - onTime: per line, Σ qty_shipped of its deliveries by the requested date.
    mutating func walkLines(asOf: Day, completed: [Int32], onTime: [Double]) {
        let asOf = asOf.rawValue
        var promo = 0 // cursor into the promotional-only arrays
        let viewActuals = viewForecastActuals()
        for l in 0..<lines.count {
            let q = lines.qty[l]
            let ots = Swift.min(q, onTime[l])
            let set = lines.campaignSet[l]
            var shortfall = 0.0
            if set != 0 {
                shortfall = (q - ots) * lines.promoPrice[promo]
                promo += 1
            }
            let line = WalkedLine(q: q, ots: ots, shortfall: shortfall, requested: lines.requested[l], set: set,
                                  product: lines.product[l], orderDay: lines.orderDay[l], completed: completed[l])
            for v in views(ofLine: l) {
                addLine(line, view: v, asOf: asOf)
                if viewActuals.contains(v) {
                    forecastSums.viewActual[v, default: SumTable()].add(
                        ForecastSums.key(week: Day(rawValue: line.orderDay).weekStart, product: line.product), q)
                }
            }
        }
    }

    /// A line as `walkLines` adds it.
    struct WalkedLine {
        var q: Double
        var ots: Double
        var shortfall: Double
        var requested: Int32
        var set: UInt32
        var product: Int32
        var orderDay: Int32
        var completed: Int32
    }

    @inline(__always)
    private mutating func addLine(_ line: WalkedLine, view v: Int, asOf: Int32) {
        let k = category(line.product)
        let status: Int32 = line.set != 0 ? 1 : 0
        let due = line.requested <= asOf
        if due {
            tables[v].lines.add(.key(line.requested, k, status), SIMD8(line.q, line.ots, line.shortfall, 0, 0, 0, 0, 0))
            if line.set != 0 {
                tables[v].skuDue.add(.key(line.requested, line.product, Int32(bitPattern: line.set)), SIMD4(line.q, line.ots, line.shortfall, 0))
            }
        }
        let complete = line.completed != CompletionDays.never
        let leadTime = complete ? line.completed - line.orderDay : 0
        if complete { tables[v].leadTimes.add(.key(line.completed, k, status, leadTime), 1) }
        guard line.set != 0 else { return }
        let sums = due ? SIMD8(line.q, line.q, line.ots, line.shortfall, 0, 0, 0, 0) : SIMD8(line.q, 0, 0, 0, 0, 0, 0, 0)
        // Views keep their campaigns' sums whole: only the company lists campaign SKUs.
        let p = v == 0 ? line.product : -1
        for c in index.members(line.set) {
            tables[v].campaignSKUs.add(.key(c, p), sums)
            tables[v].campaignDays.add(.key(c, line.orderDay), SIMD2(line.q, line.ots))
            if complete { tables[v].campaignLeadTimes.add(.key(c, p, leadTime), 1) }
        }
    }
}
