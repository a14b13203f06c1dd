import ScorecardCore

/// Inventory snapshots and forecast rows.
extension MetricsAccumulator {
    public mutating func inventory(_ record: InventoryRecord) {
        let p = Int(record.product)
        guard p >= 0, p < products.count else { return }
        stock.add(day: record.snapshotDate, product: record.product, qty: record.qtyOnHand)
        company.inventory.add(.key(record.snapshotDate.rawValue, products.category[p]),
                              SIMD4(1, record.qtyOnHand, record.qtyOnHand * products.unitCost[p], 0))
    }

    public mutating func forecast(_ record: ForecastRecord) {
        forecastSums.rows.append((ForecastSums.key(week: record.weekStart.weekStart, product: record.product), record.forecastUnits))
    }

    /// Stock at the latest snapshot on or before A, per product (rows after A never arrive).
    mutating func addStock() {
        company.snapshotDate = stock.latest
        guard stock.latest != nil else { return }
        for p in 0..<products.count {
            let q = stock.stock(of: Int32(p))
            if q != 0 { company.stock.add(.key(Int32(p)), q) }
        }
    }

    /// Merges actuals and forecast rows, both sorted by (week, product), into per-week sums of the
    /// promotional SKU-weeks and the others. Only weeks whose Monday is not after A count.
    mutating func addForecast(asOf: Day) {
        guard isPresent(.forecast) else { return }
        let actual = forecastSums.actual.sorted()
        let rows = forecastSums.rows.sorted { $0.key < $1.key }
        var i = 0, j = 0
        while i < actual.count || j < rows.count {
            let key: Int64
            var a = 0.0, f = 0.0, has = false
            if j == rows.count || (i < actual.count && actual[i].key < rows[j].key) {
                key = actual[i].key
                a = actual[i].value
                i += 1
            } else {
                key = rows[j].key
                has = true
                // Several rows of one (week, sku) (a forecast split by a segment column) add up.
                while j < rows.count, rows[j].key == key {
                    f += rows[j].units
                    j += 1
                }
                if i < actual.count, actual[i].key == key {
                    a = actual[i].value
                    i += 1
                }
            }
            let monday = ForecastSums.week(of: key)
            let p = Int(ForecastSums.product(of: key))
            guard monday <= asOf, p >= 0, p < products.count else { continue }
            let price = products.listPrice[p]
            // A promotional SKU-week: a campaign promoting the SKU overlaps the week up to A.
            let promoted = index.isPromoted(product: Int32(p), from: monday, through: Swift.min(monday + 6, asOf))
            company.forecast.add(.key(monday.rawValue, promoted ? 1 : 0),
                                 SIMD4(abs(a - f) * price, a * price, (f - a) * price, has ? 1 : 0))
        }
    }
}
