import ScorecardCore

/// Order lines: promotional status on arrival; fill rate, shortfall and campaigns measured at `finish`.
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

    /// Walks every line once, now that on-time shipped quantities and completion days are known:
    /// due-line sums of periods, categories and campaigns, campaign ordered units and daily series,
    /// per-(period, campaign) sums, lead times, and the sums by SKU of periods and campaigns.
    /// - Parameters:
    ///   - completed: per line, the day it became complete, or `CompletionDays.never`.
    ///   - onTime: per line, Σ qty_shipped of its deliveries by the requested date.
    mutating func walkLines(calendar cal: ReportCalendar, completed: [Int32], onTime: [Double]) {
        let asOf = cal.asOf.rawValue
        let windowStart = cal.window.lowerBound.rawValue
        let recentTrend = ReportCalendar.trendWeeks - 13
        var promo = 0 // cursor into the promotional-only arrays
        let dailyStarts = campaignSums.dailyStart.map(\.rawValue)
        for l in 0..<lines.count {
            let q = lines.qty[l]
            let ots = Swift.min(q, onTime[l])
            let req = lines.requested[l]
            let set = lines.campaignSet[l]
            let product = lines.product[l]
            let k = Int(products.category[Int(product)])
            var shortfall = 0.0
            if set != 0 {
                shortfall = (q - ots) * lines.promoPrice[promo]
                promo += 1
            }
            let due = req <= asOf
            var week = -1, month = -1
            if due {
                let s = cal.slot(Day(rawValue: req))
                if s >= 0 {
                    week = cal.week(atSlot: s)
                    month = cal.month(atSlot: s)
                }
                if week >= 0 { weekSums[week].addDue(qty: q, ots: ots, shortfall: shortfall, promotional: set != 0) }
                if month >= 0 { monthSums[month].addDue(qty: q, ots: ots, shortfall: shortfall, promotional: set != 0) }
                if req >= windowStart {
                    windowSums.dueQty[k] += q
                    windowSums.dueOts[k] += ots
                }
                let tw = cal.trendWeek(Day(rawValue: req))
                if tw >= 0 {
                    trend.dueQty[trend.cell(tw, k)] += q
                    trend.dueOts[trend.cell(tw, k)] += ots
                }
                if set != 0 {
                    if week >= 0 { weekSKUs.addDue(week, product, q, ots, shortfall, set, &index.sets) }
                    if month >= 0 { monthSKUs.addDue(month, product, q, ots, shortfall, set, &index.sets) }
                }
            }
            // Lead time: by the day the line became complete.
            let done = completed[l]
            var leadTime: Int32?
            if done != CompletionDays.never {
                let days = done - lines.orderDay[l]
                leadTime = days
                let s = cal.slot(Day(rawValue: done))
                if s >= 0 {
                    let promoOffset = set != 0 ? 0 : 1
                    let w = cal.week(atSlot: s), m = cal.month(atSlot: s)
                    if w >= 0 { leadTimes.weeks[2 * w + promoOffset].append(days) }
                    if m >= 0 { leadTimes.months[2 * m + promoOffset].append(days) }
                }
                if done >= windowStart { leadTimes.categories[k].append(days) }
                let tw = cal.trendWeek(Day(rawValue: done))
                if tw >= recentTrend { trend.leadTimes[trend.cell(tw, k)].append(days) }
            }
            guard set != 0 else { continue }
            for c32 in index.members(set) {
                let c = Int(c32)
                campaignSums.ordered[c] += q
                let pair = campaignSKUs.pair(c, product)
                campaignSKUs.ordered[pair] += q
                if due {
                    campaignSums.dueQty[c] += q
                    campaignSums.dueOts[c] += ots
                    campaignSums.shortfall[c] += shortfall
                    campaignSKUs.due[pair] += q
                    campaignSKUs.onTime[pair] += ots
                    campaignSKUs.shortfall[pair] += shortfall
                    if week >= 0 { weekCampaignDue[Int64(week) << 32 | Int64(c), default: .zero] += SIMD2(q, ots) }
                    if month >= 0 { monthCampaignDue[Int64(month) << 32 | Int64(c), default: .zero] += SIMD2(q, ots) }
                }
                if let leadTime {
                    leadTimes.campaigns[c].append(leadTime)
                    campaignSKUs.leadTimes.append((Int32(pair), leadTime))
                }
                let d = Int(lines.orderDay[l] - dailyStarts[c])
                if d >= 0, d < campaignSums.dailyOrdered[c].count {
                    campaignSums.dailyOrdered[c][d] += q
                    campaignSums.dailyOnTime[c][d] += ots
                }
            }
        }
    }

    /// Fill rates, promotional units and shortfall, and the campaigns measured and below target.
    func applyFillRate(_ f: inout PeriodFigures, _ s: PeriodSums, measured: Int, belowTarget: [String]) {
        f.promoFillRate = s.promoQty == 0 ? nil : s.promoOts / s.promoQty
        f.otherFillRate = s.otherQty == 0 ? nil : s.otherOts / s.otherQty
        f.promoUnitsOrdered = s.promoQty
        f.promoShortfallValue = s.promoShortfall
        f.campaignsMeasured = measured
        f.campaignsBelowTarget = belowTarget.count
        f.campaignsBelowTargetIDs = belowTarget
        f.stockoutCampaignShare = measured == 0 ? nil : Double(belowTarget.count) / Double(measured)
    }

    /// Per period, the campaigns measured (with a due line) and those below target, from the
    /// per-(period, campaign) sums; ids of the latter sorted.
    func measuredCampaigns(_ sums: [Int64: SIMD2<Double>], periods: Int) -> (measured: [Int], below: [[String]]) {
        var measured = [Int](repeating: 0, count: periods)
        var below = [[String]](repeating: [], count: periods)
        let target = config.targets.promoFillRate
        for (key, v) in sums {
            let p = Int(key >> 32), c = Int32(truncatingIfNeeded: key)
            measured[p] += 1
            // A campaign whose due lines order 0 units has no fill rate, so it is not below target.
            if v.x > 0, v.y / v.x < target { below[p].append(masterData.campaigns[Int(c)].id) }
        }
        return (measured, below.map { $0.sorted(by: MetricsAccumulator.byteOrder) })
    }

    /// Strings in UTF-8 byte order (what a database sorts by), independent of locale.
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
