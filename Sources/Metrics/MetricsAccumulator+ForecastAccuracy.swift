import ScorecardCore

/// Forecast rows: revenue-weighted forecast accuracy of each period.
extension MetricsAccumulator {
    public mutating func forecast(_ record: ForecastRecord) {
        guard let cal = calendar else { return }
        // Only weeks whose Monday is not after A count, and only those a reported period can hold.
        guard record.weekStart <= cal.asOf, record.weekStart >= cal.firstMonday else { return }
        forecastSums.rows.append((ForecastSums.key(week: record.weekStart.weekStart, product: record.product),
                                  record.forecastUnits))
    }

    /// Merges actuals and forecast rows, both sorted by (week, product), into per-week sums.
    func forecastWeeks(calendar cal: ReportCalendar) -> ForecastWeeks {
        var weeks = ForecastWeeks(firstMonday: cal.firstMonday, lastMonday: cal.asOf.weekStart)
        guard isPresent(.forecast) else { return weeks }
        let actual = forecastSums.actual.sorted()
        let rows = forecastSums.rows.sorted { $0.key < $1.key }
        var i = 0, j = 0
        while i < actual.count || j < rows.count {
            let key: Int64
            var a = 0.0, f = 0.0, has = false
            if j == rows.count || (i < actual.count && actual[i].key < rows[j].key) {
                key = actual[i].key; a = actual[i].value; i += 1
            } else if i == actual.count || rows[j].key < actual[i].key {
                key = rows[j].key; f = rows[j].units; has = true; j += 1
            } else {
                key = actual[i].key; a = actual[i].value; f = rows[j].units; has = true; i += 1; j += 1
            }
            let monday = ForecastSums.week(of: key)
            let w = weeks.index(of: monday)
            let p = Int(ForecastSums.product(of: key))
            guard w >= 0, p >= 0, p < products.count else { continue }
            let price = products.listPrice[p]
            weeks.all.add(week: w, actual: a, forecast: f, price: price, hasRow: has)
            // A promotional SKU-week: a campaign promoting the SKU overlaps the week up to A.
            if index.isPromoted(product: Int32(p), from: monday, through: Swift.min(monday + 6, cal.asOf)) {
                weeks.promo.add(week: w, actual: a, forecast: f, price: price, hasRow: has)
            } else {
                weeks.other.add(week: w, actual: a, forecast: f, price: price, hasRow: has)
            }
        }
        return weeks
    }

    /// Forecast accuracy (all pairs, promotional, other) and bias over the weeks whose Monday is in the
    /// period and not after A.
    func applyForecastAccuracy(_ f: inout PeriodFigures, weeks: ForecastWeeks, asOf: Day) {
        guard isPresent(.forecast) else { return }
        let last = Swift.min(f.period.end, asOf)
        (f.forecastAccuracy, f.forecastBias) = weeks.figures(weeks.all, mondaysFrom: f.period.start, through: last)
        f.promoForecastAccuracy = weeks.figures(weeks.promo, mondaysFrom: f.period.start, through: last).accuracy
        f.otherForecastAccuracy = weeks.figures(weeks.other, mondaysFrom: f.period.start, through: last).accuracy
    }
}
