import ScorecardCore

/// Inventory snapshots: annualised inventory turns of promoted and other categories, and the latest
/// snapshot's stock for readiness.
extension MetricsAccumulator {
    public mutating func inventory(_ record: InventoryRecord) {
        stock.add(day: record.snapshotDate, product: record.product, qty: record.qtyOnHand)
        guard let cal = calendar else { return }
        let p = Int(record.product)
        guard p >= 0, p < products.count else { return }
        let k = Int(products.category[p])
        for j in trend.stock.indices { trend.stock[j].add(day: record.snapshotDate.rawValue, category: k, qty: record.qtyOnHand) }
        let value = record.qtyOnHand * products.unitCost[p]
        let tw = cal.trendWeek(record.snapshotDate)
        if tw >= 0 { trend.inventoryValue[trend.cell(tw, k)] += value }
        let s = cal.slot(record.snapshotDate)
        guard s >= 0 else { return }
        snapshotDays[s] = true
        let w = cal.week(atSlot: s), m = cal.month(atSlot: s)
        if w >= 0 { weekCategories.inventoryValue[w * weekCategories.categoryCount + k] += value }
        if m >= 0 { monthCategories.inventoryValue[m * monthCategories.categoryCount + k] += value }
        if cal.inWindow(record.snapshotDate) { windowSums.inventoryValue[k] += value }
    }

    /// Per category, whether it is promoted in a span: some campaign whose window overlaps it (start on or
    /// before `last`, end on or after `first`) has an item matching a product of the category.
    func promotedCategories(from first: Day, through last: Day) -> [Bool] {
        var promoted = [Bool](repeating: false, count: masterData.categories.count)
        for (c, campaign) in masterData.campaigns.enumerated() where campaign.start <= last && campaign.end >= first {
            for k in index.categories[c] { promoted[Int(k)] = true }
        }
        return promoted
    }

    /// Number of distinct snapshot dates from `first` to `last` (both within the calendar).
    func snapshotCount(from first: Day, through last: Day, calendar cal: ReportCalendar) -> Int {
        var n = 0
        var d = first
        while d <= last {
            let s = cal.slot(d)
            if s >= 0, snapshotDays[s] { n += 1 }
            d = d + 1
        }
        return n
    }

    /// `COGS / avg_inventory_value × 365 / days`; `nil` when there is no snapshot or the average is 0.
    static func turns(cogs: Double, inventoryValue: Double, snapshots: Int, days: Int) -> Double? {
        guard snapshots > 0 else { return nil }
        let average = inventoryValue / Double(snapshots)
        guard average != 0 else { return nil }
        return cogs / average * 365 / Double(days)
    }

    /// Inventory turns of the promoted categories of period `i` and of every other category.
    func applyInventoryTurns(_ f: inout PeriodFigures, period i: Int, sums: CategorySums, calendar cal: ReportCalendar) {
        guard isPresent(.inventory) else { return }
        let p = f.period
        let last = Swift.min(p.end, cal.asOf)
        let n = snapshotCount(from: p.start, through: last, calendar: cal)
        let promoted = promotedCategories(from: p.start, through: last)
        var cogsPromoted = 0.0, valuePromoted = 0.0, cogsOther = 0.0, valueOther = 0.0
        let row = i * sums.categoryCount
        for k in 0..<sums.categoryCount {
            if promoted[k] {
                cogsPromoted += sums.cogs[row + k]
                valuePromoted += sums.inventoryValue[row + k]
            } else {
                cogsOther += sums.cogs[row + k]
                valueOther += sums.inventoryValue[row + k]
            }
        }
        let days = p.days(asOf: cal.asOf)
        f.inventoryTurnsPromoted = MetricsAccumulator.turns(cogs: cogsPromoted, inventoryValue: valuePromoted, snapshots: n, days: days)
        f.inventoryTurnsOther = MetricsAccumulator.turns(cogs: cogsOther, inventoryValue: valueOther, snapshots: n, days: days)
    }
}
