import ScorecardCore

/// Inventory snapshots and forecast rows.
extension MetricsAccumulator {
    public mutating func inventory(_ record: InventoryRecord) {
        let p = Int(record.product)
        guard p >= 0, p < products.count else { return }
        let key = SIMD4<Int32>.key(record.snapshotDate.rawValue, products.category[p])
        let sums = SIMD4(1, record.qtyOnHand, record.qtyOnHand * products.unitCost[p], 0)
        for v in views(of: .inventory, tuple: record.segment, product: record.product) {
            stocks[v].add(day: record.snapshotDate, product: record.product, qty: record.qtyOnHand)
            tables[v].inventory.add(key, sums)
        }
    }

    public mutating func forecast(_ record: ForecastRecord) {
        forecastSums.rows.append((ForecastSums.key(week: record.weekStart.weekStart, product: record.product), record.forecastUnits))
        if forecastIsSplit { forecastSums.rowTuples.append(record.segment) }
    }

    /// Stock at each view's latest snapshot on or before A, per product (rows after A never arrive).
    mutating func addStock() {
        for v in tables.indices where tables[v].has(.inventory) {
            tables[v].snapshotDate = stocks[v].latest
            guard stocks[v].latest != nil else { continue }
            for p in 0..<products.count {
                let q = stocks[v].stock(of: Int32(p))
                if q != 0 { tables[v].stock.add(.key(Int32(p)), q) }
            }
        }
    }

    /// The views of the order dimensions that map the forecast: their actuals come from their own lines
    /// and their forecast from their own rows.
    func viewForecastActuals() -> Set<Int> {
        var out = Set<Int>()
        for dim in segments.dimensions where dim.config.kind == .order && dim.config.maps(.forecast) {
            for i in dim.values.indices { out.insert(Int(dim.firstView) + i) }
        }
        return out
    }

    /// Merges actuals and forecast rows, both sorted by (week, product), into per-week sums of the
    /// promotional SKU-weeks and the others. Only weeks whose Monday is not after A count.
    mutating func addForecast(asOf: Day) {
        guard isPresent(.forecast) else { return }
        // The company, and the views of product dimensions (a pair belongs to its SKU's view).
        mergeForecast(actual: forecastSums.actual.sorted(), rows: forecastSums.rows, into: 0, asOf: asOf)
        // The views of order dimensions that map the forecast: their lines against their rows.
        let split = viewForecastActuals()
        guard !split.isEmpty else { return }
        for d in 0..<dimensionCount where productViews[d].isEmpty {
            guard let tupleViews = sourceTupleViews[d][.forecast] else { continue }
            var rowsOf: [Int: [(key: Int64, units: Double)]] = [:]
            for (i, row) in forecastSums.rows.enumerated() {
                let t = Int(forecastSums.rowTuples[i])
                let v = t < tupleViews.count ? Int(tupleViews[t]) : -1
                if v > 0 { rowsOf[v, default: []].append(row) }
            }
            for v in split where segments.dimensions[d].firstView <= v && v < Int(segments.dimensions[d].firstView) + segments.dimensions[d].values.count {
                mergeForecast(actual: forecastSums.viewActual[v]?.sorted() ?? [], rows: rowsOf[v] ?? [], into: v, asOf: asOf)
            }
        }
    }

    /// Adds the (sku, week) pairs of `actual` and `rows` to view `target`'s forecast table (and, for the
    /// company, to the product dimensions' views of each pair's SKU).
    private mutating func mergeForecast(actual: [(key: Int64, value: Double)], rows unsorted: [(key: Int64, units: Double)],
                                        into target: Int, asOf: Day) {
        let rows = unsorted.sorted { $0.key < $1.key }
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
            let k = SIMD4<Int32>.key(monday.rawValue, promoted ? 1 : 0)
            let sums = SIMD4(abs(a - f) * price, a * price, (f - a) * price, has ? 1 : 0)
            tables[target].forecast.add(k, sums)
            guard target == 0 else { continue }
            for d in 0..<dimensionCount where !productViews[d].isEmpty {
                let v = Int(productViews[d][p])
                if v > 0, tables[v].has(.forecast) { tables[v].forecast.add(k, sums) }
            }
        }
    }
}
