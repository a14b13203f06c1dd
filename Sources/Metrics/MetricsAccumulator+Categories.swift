import ScorecardCore

/// Figures by category over the category window (13 ISO weeks ending with the as-of week, capped at A),
/// and each category's 13-week trend.
extension MetricsAccumulator {
    func categoryFigures(calendar cal: ReportCalendar, inbound: InboundSums, campaigns: [CampaignFigures]) -> [CategoryFigures] {
        let window = cal.window
        let promoted = promotedCategories(from: cal.asOf.weekStart, through: cal.asOf)
        let snapshots = snapshotCount(from: window.lowerBound, through: window.upperBound, calendar: cal)
        let days = window.upperBound - window.lowerBound + 1
        let s = windowSums
        var stockOf = [Double](repeating: 0, count: masterData.categories.count)
        for p in 0..<products.count { stockOf[Int(products.category[p])] += stock.stock(of: Int32(p)) }
        // The campaigns that promoted each category, in the report's campaign order.
        var campaignIndex: [String: Int] = [:]
        for (c, campaign) in masterData.campaigns.enumerated() where campaignIndex[campaign.id] == nil { campaignIndex[campaign.id] = c }
        var promotedBy = [[String]](repeating: [], count: masterData.categories.count)
        for campaign in campaigns {
            guard let c = campaignIndex[campaign.campaignID] else { continue }
            for k in index.categories[c] { promotedBy[Int(k)].append(campaign.campaignID) }
        }
        let withInventory = isPresent(.inventory), withReturns = isPresent(.returns)
        let withSupplierTimes = isPresent(.purchaseOrders) && isPresent(.receipts)
        return masterData.categories.indices
            .sorted { MetricsAccumulator.byteOrder(masterData.categories[$0], masterData.categories[$1]) }
            .map { k in
                var lead = leadTimes.categories[k]
                var supplier = inbound.categoryLeadTimes[k]
                return CategoryFigures(
                    category: masterData.categories[k],
                    promoted: promoted[k],
                    unitsOrdered: s.dueQty[k],
                    fillRate: s.dueQty[k] == 0 ? nil : s.dueOts[k] / s.dueQty[k],
                    inventoryTurns: withInventory
                        ? MetricsAccumulator.turns(cogs: s.cogs[k], inventoryValue: s.inventoryValue[k], snapshots: snapshots, days: days)
                        : nil,
                    returnRate: withReturns && s.shipped[k] != 0 ? s.returned[k] / s.shipped[k] : nil,
                    leadTimeMedian: NearestRank.medianAndP90(&lead).median,
                    weeksOfCover: withInventory && s.shipped[k] != 0 ? stockOf[k] / (s.shipped[k] / 13) : nil,
                    supplierLeadTimeMedian: withSupplierTimes ? NearestRank.medianAndP90(&supplier).median : nil,
                    trend: categoryTrend(k, calendar: cal),
                    campaignIDs: promotedBy[k])
            }
    }

    /// The 13 weeks ending with the as-of week, for category `k`.
    func categoryTrend(_ k: Int, calendar cal: ReportCalendar) -> [CategoryWeek] {
        let first = ReportCalendar.trendWeeks - 13
        let withInventory = isPresent(.inventory), withReturns = isPresent(.returns)
        return (first..<ReportCalendar.trendWeeks).map { w in
            let week = Period.week(containing: cal.trendStart + 7 * w)
            let last = Swift.min(week.end, cal.asOf)
            let cell = trend.cell(w, k)
            var lead = trend.leadTimes[cell]
            var shipped13 = 0.0
            for back in (w - 12)...w { shipped13 += trend.shipped[trend.cell(back, k)] }
            let snapshots = snapshotCount(from: week.start, through: last, calendar: cal)
            return CategoryWeek(
                week: week,
                fillRate: trend.dueQty[cell] == 0 ? nil : trend.dueOts[cell] / trend.dueQty[cell],
                inventoryTurns: withInventory
                    ? MetricsAccumulator.turns(cogs: trend.cogs[cell], inventoryValue: trend.inventoryValue[cell], snapshots: snapshots,
                                               days: week.days(asOf: cal.asOf))
                    : nil,
                returnRate: withReturns && trend.shipped[cell] != 0 ? trend.returned[cell] / trend.shipped[cell] : nil,
                leadTimeMedian: NearestRank.medianAndP90(&lead).median,
                weeksOfCover: withInventory && shipped13 != 0 ? trend.stock[w - first].stock(k) / (shipped13 / 13) : nil)
        }
    }
}
