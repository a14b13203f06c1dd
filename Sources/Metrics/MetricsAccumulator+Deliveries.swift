import ScorecardCore

/// Deliveries: logged per line (on-time shipped and lead times are taken from the log at `finish`), shipped
/// units (return rates) and COGS (inventory turns).
extension MetricsAccumulator {
    public mutating func delivery(_ record: DeliveryRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyShipped
        lines.deliveries.append(line: record.line, day: record.shipDate.rawValue, qty: q)
        let set = lines.campaignSet[l]
        if set != 0 {
            for c in index.members(set) { campaignSums.shipped[Int(c)] += q }
        }
        guard let cal = calendar else { return }
        let p = Int(lines.product[l])
        let k = Int(products.category[p])
        let cogs = q * products.unitCost[p]
        let tw = cal.trendWeek(record.shipDate)
        if tw >= 0 {
            trend.shipped[trend.cell(tw, k)] += q
            trend.cogs[trend.cell(tw, k)] += cogs
        }
        let s = cal.slot(record.shipDate)
        guard s >= 0 else { return }
        let w = cal.week(atSlot: s), m = cal.month(atSlot: s)
        if w >= 0 {
            weekSums[w].addShipped(q, promotional: set != 0)
            weekCategories.cogs[w * weekCategories.categoryCount + k] += cogs
        }
        if m >= 0 {
            monthSums[m].addShipped(q, promotional: set != 0)
            monthCategories.cogs[m * monthCategories.categoryCount + k] += cogs
        }
        if cal.inWindow(record.shipDate) {
            windowSums.shipped[k] += q
            windowSums.cogs[k] += cogs
        }
    }
}
