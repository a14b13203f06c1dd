import ScorecardCore

/// Figures by category over the category window (13 ISO weeks ending with the as-of week, capped at A).
extension MetricsAccumulator {
    func categoryFigures(calendar cal: ReportCalendar) -> [CategoryFigures] {
        let window = cal.window
        let promoted = promotedCategories(from: cal.asOf.weekStart, through: cal.asOf)
        let snapshots = snapshotCount(from: window.lowerBound, through: window.upperBound, calendar: cal)
        let days = window.upperBound - window.lowerBound + 1
        let s = windowSums
        return masterData.categories.indices
            .sorted { MetricsAccumulator.byteOrder(masterData.categories[$0], masterData.categories[$1]) }
            .map { k in
                CategoryFigures(
                    category: masterData.categories[k],
                    promoted: promoted[k],
                    unitsOrdered: s.dueQty[k],
                    fillRate: s.dueQty[k] == 0 ? nil : s.dueOts[k] / s.dueQty[k],
                    inventoryTurns: isPresent(.inventory)
                        ? MetricsAccumulator.turns(cogs: s.cogs[k], inventoryValue: s.inventoryValue[k], snapshots: snapshots, days: days)
                        : nil,
                    returnRate: isPresent(.returns) && s.shipped[k] != 0 ? s.returned[k] / s.shipped[k] : nil)
            }
    }
}
