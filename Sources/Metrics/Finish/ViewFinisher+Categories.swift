import ScorecardCore

/// Figures by category over the category window (13 ISO weeks ending with the as-of week, capped at A),
/// and each category's 13-week trend.
extension ViewFinisher {
    /// The category trends look back this many weeks: 13 weeks shown, each with the 13 weeks ending
    /// with it for weeks of cover.
    static let trendWeeks = 25

    /// Per-(week, category) sums of the trend weeks, and per-category sums of the window.
    struct CategorySums {
        let categories: Int
        /// Indexed `week × categories + category`; the window is the last row.
        var due: [Double]
        var onTime: [Double]
        var shipped: [Double]
        var cogs: [Double]
        var returned: [Double]
        var inventoryValue: [Double]
        var leadTimes: [LeadTimeCounts]
        var supplierLeadTimes: [LeadTimeCounts]

        init(rows: Int, categories: Int) {
            self.categories = categories
            let zeros = [Double](repeating: 0, count: rows * categories)
            due = zeros
            onTime = zeros
            shipped = zeros
            cogs = zeros
            returned = zeros
            inventoryValue = zeros
            leadTimes = Array(repeating: LeadTimeCounts(), count: rows * categories)
            supplierLeadTimes = Array(repeating: LeadTimeCounts(), count: rows * categories)
        }

        @inline(__always) func cell(_ row: Int, _ k: Int) -> Int { row * categories + k }
    }

    /// - Parameters:
    ///   - window: the 13 weeks ending with the as-of week, capped at A.
    ///   - firstWeek: the report's first week; a year earlier, only the weeks from it on are reported.
    func categoryFigures(window: ClosedRange<Day>, firstWeek: Day, campaigns: [CampaignFigures]) -> [CategoryFigures] {
        let master = aggregates.master
        let categories = master.categories.count
        let trendStart = asOf.weekStart - (Self.trendWeeks - 1) * 7
        // Spans: the trend weeks (rows 0..<25), the same weeks 364 days earlier (rows 25..<50), then the
        // window (row 50).
        var periods = (0..<Self.trendWeeks).map { Period.week(containing: trendStart + 7 * $0) }
        periods += (0..<Self.trendWeeks).map { Period.week(containing: trendStart - 364 + 7 * $0) }
        periods.append(.range(window.lowerBound, window.upperBound))
        let windowRow = 2 * Self.trendWeeks
        let spans = SpanIndex(periods: periods, asOf: asOf)
        var sums = CategorySums(rows: periods.count, categories: categories)
        for (r, key) in view.lines.keys.enumerated() {
            let v = view.lines.values[r], k = Int(key.y)
            for s in spans.spans(key.x) {
                let i = sums.cell(Int(s), k)
                sums.due[i] += v[LineColumn.due]
                sums.onTime[i] += v[LineColumn.onTime]
                sums.shipped[i] += v[LineColumn.shipped]
                sums.cogs[i] += v[LineColumn.cogs]
                sums.returned[i] += v[LineColumn.returned]
            }
        }
        var snapshotDays = Set<Int32>()
        for (r, key) in view.inventory.keys.enumerated() {
            if view.inventory.values[r][0] > 0 { snapshotDays.insert(key.x) }
            for s in spans.spans(key.x) { sums.inventoryValue[sums.cell(Int(s), Int(key.y))] += view.inventory.values[r][2] }
        }
        var snapshots = [Int](repeating: 0, count: periods.count)
        for day in snapshotDays { for s in spans.spans(day) { snapshots[Int(s)] += 1 } }
        for (r, key) in view.leadTimes.keys.enumerated() {
            for s in spans.spans(key.x) { sums.leadTimes[sums.cell(Int(s), Int(key.y))].add(key.w, view.leadTimes.values[r]) }
        }
        for (r, key) in view.supplierLeadTimes.keys.enumerated() {
            for s in spans.spans(key.x) { sums.supplierLeadTimes[sums.cell(Int(s), Int(key.y))].add(key.z, view.supplierLeadTimes.values[r]) }
        }
        let stockOf = stockByCategory(at: view.snapshotDate)
        // Stock per category at the latest snapshot on or before the end of each of the last 13 weeks, this
        // year (rows 12..<25) and a year earlier (rows 37..<50).
        let shown = Array(Self.trendWeeks - 13..<Self.trendWeeks) + Array(2 * Self.trendWeeks - 13..<2 * Self.trendWeeks)
        var trendStock: [Int: [Double]] = [:]
        for w in shown {
            trendStock[w] = stockByCategory(at: latestSnapshot(onOrBefore: Swift.min(periods[w].end, asOf), days: snapshotDays))
        }
        // The campaigns that promoted each category, in the report's campaign order.
        var campaignIndex: [String: Int] = [:]
        for (c, campaign) in master.campaigns.enumerated() where campaignIndex[campaign.id] == nil { campaignIndex[campaign.id] = c }
        var promotedBy = [[String]](repeating: [], count: categories)
        for campaign in campaigns {
            guard let c = campaignIndex[campaign.campaignID] else { continue }
            for k in campaignCategories[c] { promotedBy[Int(k)].append(campaign.campaignID) }
        }
        let promoted = promotedCategories(from: asOf.weekStart, through: asOf)
        let withInventory = view.has(.inventory), withReturns = view.has(.returns)
        let withSupplierTimes = view.has(.purchaseOrders) && view.has(.receipts)
        let windowDays = window.upperBound - window.lowerBound + 1
        return master.categories.indices
            .sorted { Self.byteOrder(master.categories[$0], master.categories[$1]) }
            .map { k in
                let i = sums.cell(windowRow, k)
                func week(_ w: Int) -> CategoryWeek {
                    let cell = sums.cell(w, k)
                    var shipped13 = 0.0
                    for back in (w - 12)...w { shipped13 += sums.shipped[sums.cell(back, k)] }
                    return CategoryWeek(
                        week: periods[w],
                        fillRate: sums.due[cell] == 0 ? nil : sums.onTime[cell] / sums.due[cell],
                        inventoryTurns: withInventory
                            ? Self.turns(cogs: sums.cogs[cell], inventoryValue: sums.inventoryValue[cell], snapshots: snapshots[w],
                                         days: periods[w].days(asOf: asOf))
                            : nil,
                        returnRate: withReturns && sums.shipped[cell] != 0 ? sums.returned[cell] / sums.shipped[cell] : nil,
                        leadTimeMedian: sums.leadTimes[cell].medianAndP90().median,
                        weeksOfCover: withInventory && shipped13 != 0 ? (trendStock[w]?[k] ?? 0) / (shipped13 / 13) : nil)
                }
                let trend = (Self.trendWeeks - 13..<Self.trendWeeks).map(week)
                let lastYear = (2 * Self.trendWeeks - 13..<2 * Self.trendWeeks).map { w -> CategoryWeek? in periods[w].start >= firstWeek ? week(w) : nil }
                return CategoryFigures(
                    category: master.categories[k],
                    promoted: promoted[k],
                    unitsOrdered: sums.due[i],
                    fillRate: sums.due[i] == 0 ? nil : sums.onTime[i] / sums.due[i],
                    inventoryTurns: withInventory
                        ? Self.turns(cogs: sums.cogs[i], inventoryValue: sums.inventoryValue[i], snapshots: snapshots[windowRow], days: windowDays)
                        : nil,
                    returnRate: withReturns && sums.shipped[i] != 0 ? sums.returned[i] / sums.shipped[i] : nil,
                    leadTimeMedian: sums.leadTimes[i].medianAndP90().median,
                    weeksOfCover: withInventory && sums.shipped[i] != 0 ? stockOf[k] / (sums.shipped[i] / 13) : nil,
                    supplierLeadTimeMedian: withSupplierTimes ? sums.supplierLeadTimes[i].medianAndP90().median : nil,
                    trend: trend,
                    campaignIDs: promotedBy[k],
                    lastYearTrend: lastYear)
            }
    }

    /// The latest snapshot date on or before `day`.
    func latestSnapshot(onOrBefore day: Day, days: Set<Int32>) -> Day? {
        days.filter { $0 <= day.rawValue }.max().map { Day(rawValue: $0) }
    }

    /// Σ qty_on_hand per category at one snapshot date (0 for every category without one).
    func stockByCategory(at day: Day?) -> [Double] {
        var stock = [Double](repeating: 0, count: aggregates.master.categories.count)
        guard let day else { return stock }
        for (r, key) in view.inventory.keys.enumerated() where key.x == day.rawValue {
            stock[Int(key.y)] += view.inventory.values[r][1]
        }
        return stock
    }
}
