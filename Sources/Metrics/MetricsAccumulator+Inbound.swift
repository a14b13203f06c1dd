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

/// What the inbound figures need at `finish`, computed once from the PO lines and their receipts.
struct InboundSums: Sendable {
    /// Supplier lead times by the week and month a PO line was received.
    var weekLeadTimes: [[Int32]]
    var monthLeadTimes: [[Int32]]
    /// Per category, PO lines received in the category window.
    var categoryLeadTimes: [[Int32]]
    /// Per week and month of due dates (<= A): Σ min(qty_ordered, received by the due date), Σ qty_ordered.
    var weekOnTime: [SIMD2<Double>]
    var monthOnTime: [SIMD2<Double>]
    /// Per product, its PO lines' (due date, quantity still open at the readiness snapshot date S).
    var open: [[(due: Int32, qty: Double)]]
}

extension MetricsAccumulator {
    func inboundSums(calendar cal: ReportCalendar) -> InboundSums {
        let categories = masterData.categories.count
        var sums = InboundSums(
            weekLeadTimes: Array(repeating: [], count: cal.weeks.count), monthLeadTimes: Array(repeating: [], count: cal.months.count),
            categoryLeadTimes: Array(repeating: [], count: categories),
            weekOnTime: Array(repeating: .zero, count: cal.weeks.count), monthOnTime: Array(repeating: .zero, count: cal.months.count),
            open: Array(repeating: [], count: products.count))
        guard isPresent(.purchaseOrders) else { return sums }
        let po = inbound
        // Without receipts nothing counts as received.
        let received = CompletionDays.compute(ordered: po.qty, events: po.receipts)
        // The readiness snapshot date S: the latest snapshot on or before A, or A when there is none.
        let s = (stock.latest ?? cal.asOf).rawValue
        var byDue = [Double](repeating: 0, count: po.count)
        var byS = [Double](repeating: 0, count: po.count)
        for e in 0..<po.receipts.count {
            let l = Int(po.receipts.line[e]), day = po.receipts.day[e]
            if day <= po.dueDate[l] { byDue[l] += po.receipts.qty[e] }
            if day <= s { byS[l] += po.receipts.qty[e] }
        }
        let asOf = cal.asOf.rawValue, windowStart = cal.window.lowerBound.rawValue
        for l in 0..<po.count {
            let p = Int(po.product[l])
            guard p >= 0, p < products.count else { continue }
            if received[l] != CompletionDays.never {
                let days = received[l] - po.orderDate[l]
                let slot = cal.slot(Day(rawValue: received[l]))
                if slot >= 0 {
                    let w = cal.week(atSlot: slot), m = cal.month(atSlot: slot)
                    if w >= 0 { sums.weekLeadTimes[w].append(days) }
                    if m >= 0 { sums.monthLeadTimes[m].append(days) }
                }
                if received[l] >= windowStart { sums.categoryLeadTimes[Int(products.category[p])].append(days) }
            }
            let due = po.dueDate[l]
            if due <= asOf {
                let slot = cal.slot(Day(rawValue: due))
                if slot >= 0 {
                    let onTime = SIMD2(Swift.min(po.qty[l], byDue[l]), po.qty[l])
                    let w = cal.week(atSlot: slot), m = cal.month(atSlot: slot)
                    if w >= 0 { sums.weekOnTime[w] += onTime }
                    if m >= 0 { sums.monthOnTime[m] += onTime }
                }
            }
            sums.open[p].append((due, Swift.max(0, po.qty[l] - byS[l])))
        }
        return sums
    }

    /// Supplier lead time and on-time receipt of one period; `null` without purchase orders or receipts.
    func applyInbound(_ f: inout PeriodFigures, leadTimes: [Int32], onTime: SIMD2<Double>) {
        guard isPresent(.purchaseOrders), isPresent(.receipts) else { return }
        var values = leadTimes
        (f.supplierLeadTimeMedian, f.supplierLeadTimeP90) = NearestRank.medianAndP90(&values)
        f.supplierOnTimeRate = onTime.y == 0 ? nil : onTime.x / onTime.y
    }

    /// `inbound_i`: the open quantity of PO lines of the products the item matches, due before `start`.
    func itemInbound(_ item: CampaignItem, start: Day, open: [[(due: Int32, qty: Double)]]) -> Double {
        var total = 0.0
        for p in matchedProducts(item) where Int(p) < open.count {
            for line in open[Int(p)] where line.due < start.rawValue { total += line.qty }
        }
        return total
    }

    /// The products a campaign item matches: its SKU, or every product of its category.
    func matchedProducts(_ item: CampaignItem) -> [Int32] {
        if let p = item.product { return Int(p) >= 0 && Int(p) < products.count ? [p] : [] }
        guard let k = item.category, Int(k) >= 0, Int(k) < products.productsByCategory.count else { return [] }
        return products.productsByCategory[Int(k)]
    }
}
