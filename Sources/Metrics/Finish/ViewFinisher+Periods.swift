import Foundation
import ScorecardCore

/// Period figures: every week and month of the report window and the comparison ranges, from one pass
/// over each table that adds each row to every period holding its day.
extension ViewFinisher {
    /// How many SKUs `top_shortfall` lists, and the value below which a SKU lost nothing.
    static let topShortfallCount = 10
    static let shortfallEpsilon = 1e-9

    struct Periods {
        var weeks: [PeriodFigures]
        var months: [PeriodFigures]
        var comparisons: Comparisons
    }

    func periods(window: ReportWindow) -> Periods {
        let week = ComparisonRanges.week(asOf: asOf), month = ComparisonRanges.month(asOf: asOf)
        let weeks = window.weeks, months = window.months
        let figures = self.figures(weeks + months + week.ranges + month.ranges)
        let w = weeks.count, m = months.count
        func comparison(_ ranges: ComparisonRanges, at i: Int) -> Comparison {
            Comparison(period: ranges.period, lastYear: figures[i], yearToDate: figures[i + 1], yearToDateLastYear: figures[i + 2])
        }
        return Periods(weeks: Array(figures[0..<w]), months: Array(figures[w..<w + m]),
                       comparisons: Comparisons(week: comparison(week, at: w + m), month: comparison(month, at: w + m + 3)))
    }

    /// The period figures of each of `periods`.
    func figures(_ periods: [Period]) -> [PeriodFigures] {
        let spans = SpanIndex(periods: periods, asOf: asOf)
        var sums = [PeriodSums](repeating: PeriodSums(), count: periods.count)
        let promoted = periods.map { promotedCategories(from: $0.start, through: Swift.min($0.end, asOf)) }

        for (r, key) in view.lines.keys.enumerated() {
            let v = view.lines.values[r], k = Int(key.y), promotional = key.z != 0
            for s in spans.spans(key.x) { sums[Int(s)].addLines(v, promotional: promotional, promotedCategory: promoted[Int(s)][k]) }
        }
        var snapshotDays = Set<Int32>()
        for (r, key) in view.inventory.keys.enumerated() {
            let v = view.inventory.values[r], k = Int(key.y)
            if v[0] > 0 { snapshotDays.insert(key.x) }
            for s in spans.spans(key.x) {
                if promoted[Int(s)][k] { sums[Int(s)].valuePromoted += v[2] } else { sums[Int(s)].valueOther += v[2] }
            }
        }
        for day in snapshotDays { for s in spans.spans(day) { sums[Int(s)].snapshots += 1 } }
        for (r, key) in view.freight.keys.enumerated() {
            let v = view.freight.values[r]
            for s in spans.spans(key.x) {
                sums[Int(s)].freightTotal += v[0]
                sums[Int(s)].freightEmergency += v[1]
                sums[Int(s)].freightPromoEmergency += v[2]
            }
        }
        // Forecast weeks count in a period when their Monday is in it (and not after A).
        for (r, key) in view.forecast.keys.enumerated() where key.x <= asOf.rawValue {
            let v = view.forecast.values[r]
            for s in spans.spans(key.x) {
                if key.y != 0 { sums[Int(s)].forecastPromo += v } else { sums[Int(s)].forecastOther += v }
            }
        }
        for (r, key) in view.leadTimes.keys.enumerated() {
            let n = view.leadTimes.values[r]
            for s in spans.spans(key.x) {
                if key.z != 0 { sums[Int(s)].promoLeadTimes.add(key.w, n) } else { sums[Int(s)].otherLeadTimes.add(key.w, n) }
            }
        }
        for (r, key) in view.supplierLeadTimes.keys.enumerated() {
            let n = view.supplierLeadTimes.values[r]
            for s in spans.spans(key.x) { sums[Int(s)].supplierLeadTimes.add(key.z, n) }
        }
        for (r, key) in view.supplierOnTime.keys.enumerated() {
            for s in spans.spans(key.x) { sums[Int(s)].supplierOnTime += view.supplierOnTime.values[r] }
        }
        let (measured, below) = measuredCampaigns(spans)
        let shortfall = topShortfall(spans)
        return periods.indices.map { i in
            var f = PeriodFigures(period: periods[i])
            apply(sums[i], to: &f)
            f.campaignsMeasured = measured[i]
            f.campaignsBelowTarget = below[i].count
            f.campaignsBelowTargetIDs = below[i]
            f.stockoutCampaignShare = measured[i] == 0 ? nil : Double(below[i].count) / Double(measured[i])
            f.topShortfall = shortfall[i]
            return f
        }
    }

    /// The ratios and sums of one period (everything but the campaign counts and `top_shortfall`).
    func apply(_ s: PeriodSums, to f: inout PeriodFigures) {
        f.promoFillRate = s.promoQty == 0 ? nil : s.promoOts / s.promoQty
        f.otherFillRate = s.otherQty == 0 ? nil : s.otherOts / s.otherQty
        f.promoUnitsOrdered = s.promoQty
        f.promoShortfallValue = s.promoShortfall
        if view.has(.inventory) {
            let days = f.period.days(asOf: asOf)
            f.inventoryTurnsPromoted = Self.turns(cogs: s.cogsPromoted, inventoryValue: s.valuePromoted, snapshots: s.snapshots, days: days)
            f.inventoryTurnsOther = Self.turns(cogs: s.cogsOther, inventoryValue: s.valueOther, snapshots: s.snapshots, days: days)
        }
        if view.has(.freight) {
            f.totalFreightSpend = s.freightTotal
            f.emergencyFreightSpend = s.freightEmergency
            f.emergencyFreightShare = s.freightTotal == 0 ? nil : s.freightEmergency / s.freightTotal
            f.promoEmergencyFreightSpend = s.freightPromoEmergency
        }
        if view.has(.returns) {
            let shipped = s.shippedPromo + s.shippedOther
            f.returnRate = shipped == 0 ? nil : (s.returnedPromo + s.returnedOther) / shipped
            f.promoReturnRate = s.shippedPromo == 0 ? nil : s.returnedPromo / s.shippedPromo
            f.otherReturnRate = s.shippedOther == 0 ? nil : s.returnedOther / s.shippedOther
        }
        if view.has(.forecast) {
            (f.forecastAccuracy, f.forecastBias) = Self.forecastFigures(s.forecastPromo + s.forecastOther)
            f.promoForecastAccuracy = Self.forecastFigures(s.forecastPromo).accuracy
            f.otherForecastAccuracy = Self.forecastFigures(s.forecastOther).accuracy
        }
        (f.promoLeadTimeMedian, f.promoLeadTimeP90) = s.promoLeadTimes.medianAndP90()
        (f.otherLeadTimeMedian, f.otherLeadTimeP90) = s.otherLeadTimes.medianAndP90()
        if view.has(.purchaseOrders), view.has(.receipts) {
            (f.supplierLeadTimeMedian, f.supplierLeadTimeP90) = s.supplierLeadTimes.medianAndP90()
            f.supplierOnTimeRate = s.supplierOnTime.y == 0 ? nil : s.supplierOnTime.x / s.supplierOnTime.y
        }
    }

    /// `max(0, 1 − Σ error / Σ weight)` and `Σ signed / Σ weight`; both `nil` when no pair has a forecast
    /// row or the weight is 0.
    static func forecastFigures(_ v: SIMD4<Double>) -> (accuracy: Double?, bias: Double?) {
        guard v[3] > 0, v[1] != 0 else { return (nil, nil) }
        return (Swift.max(0, 1 - v[0] / v[1]), v[2] / v[1])
    }

    /// Per period, the campaigns measured (a line promotional for them due in it) and, by id, those below
    /// target.
    func measuredCampaigns(_ spans: SpanIndex) -> (measured: [Int], below: [[String]]) {
        var due = KeyIndex()
        var sums: [SIMD2<Double>] = []
        let sets = aggregates.campaignSets
        for (r, key) in view.skuDue.keys.enumerated() {
            let v = SIMD2(view.skuDue.values[r][0], view.skuDue.values[r][1])
            let members = sets[Int(UInt32(bitPattern: key.z))]
            for s in spans.spans(key.x) {
                for c in members {
                    let (i, isNew) = due.index(KeyIndex.key(Int(s), c))
                    if isNew { sums.append(.zero) }
                    sums[i] += v
                }
            }
        }
        var measured = [Int](repeating: 0, count: spans.count)
        var below = [[String]](repeating: [], count: spans.count)
        let target = config.targets.promoFillRate
        for (i, key) in due.order.enumerated() {
            let s = KeyIndex.high(key), c = Int(KeyIndex.low(key))
            measured[s] += 1
            // A campaign whose due lines order 0 units has no fill rate, so it is not below target.
            if sums[i].x > 0, sums[i].y / sums[i].x < target { below[s].append(aggregates.master.campaigns[c].id) }
        }
        return (measured, below.map { $0.sorted(by: Self.byteOrder) })
    }

    /// Per period, up to ten SKUs with shortfall value > 1e-9, by shortfall value descending, then SKU.
    func topShortfall(_ spans: SpanIndex) -> [[ShortfallSKU]] {
        var pairs = KeyIndex()
        var sums: [SIMD4<Double>] = []
        var firstSet: [Int32] = []
        var moreSets: [Int: Set<Int32>] = [:]
        for (r, key) in view.skuDue.keys.enumerated() {
            let v = view.skuDue.values[r]
            for s in spans.spans(key.x) {
                let (i, isNew) = pairs.index(KeyIndex.key(Int(s), key.y))
                if isNew {
                    sums.append(.zero)
                    firstSet.append(key.z)
                } else if firstSet[i] != key.z {
                    moreSets[i, default: []].insert(key.z)
                }
                sums[i] += v
            }
        }
        var candidates = [[Int]](repeating: [], count: spans.count)
        for i in 0..<pairs.count where sums[i][2] > Self.shortfallEpsilon {
            candidates[KeyIndex.high(pairs.order[i])].append(i)
        }
        let sku = aggregates.master.products.map(\.sku)
        let campaigns = aggregates.master.campaigns, sets = aggregates.campaignSets
        return candidates.map { list in
            let worst = Self.worstFirst(list.map { (pair: $0, value: sums[$0][2], sku: sku[Int(KeyIndex.low(pairs.order[$0]))]) })
            return worst.prefix(Self.topShortfallCount).map { i in
                let p = Int(KeyIndex.low(pairs.order[i]))
                var ids = Set(sets[Int(UInt32(bitPattern: firstSet[i]))])
                for set in moreSets[i] ?? [] { ids.formUnion(sets[Int(UInt32(bitPattern: set))]) }
                return ShortfallSKU(sku: sku[p], category: categoryName(of: p), dueUnits: sums[i][0], onTimeUnits: sums[i][1],
                                    shortfallValue: sums[i][2],
                                    campaignIDs: ids.map { campaigns[Int($0)].id }.sorted(by: Self.byteOrder))
            }
        }
    }

    /// Rows by shortfall value descending, then SKU ascending (byte order).
    ///
    /// Values are compared as the decimals they stand for: two SKUs that each lost 23.10 may hold
    /// 23.1 and 23.099999999999998 after binary addition, and must tie (and be ordered by SKU), not be
    /// ordered by rounding noise. `orderingKey` rounds to a millionth of a currency unit, far below any
    /// price and far above the rounding error of the sums.
    static func worstFirst(_ rows: [(pair: Int, value: Double, sku: String)]) -> [Int] {
        rows.map { (pair: $0.pair, key: orderingKey($0.value), sku: $0.sku) }
            .sorted { a, b in a.key != b.key ? a.key > b.key : byteOrder(a.sku, b.sku) }
            .map(\.pair)
    }

    /// A shortfall value rounded to six decimals for ordering; beyond 2^53 / 10^6 (where a double has no
    /// such decimals) the value itself, rounded to 15 significant digits.
    static func orderingKey(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        if abs(value) < 9e9 { return (value * 1e6).rounded() / 1e6 }
        let scale = pow(10, 14 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }
}
