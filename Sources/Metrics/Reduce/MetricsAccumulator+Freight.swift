import ScorecardCore

/// Freight in the segment views: a row of an order counts in each view holding some of the order's lines,
/// with its cost times the share of the order's value in that view (docs/segments.md).
extension MetricsAccumulator {
    /// Splits the freight rows of orders among the views of their lines, now that every line is known.
    ///
    /// share(order, view) = Σ qty_ordered × unit_price of the order's lines in the view ÷ the same over all
    /// its lines; when that is 0, the count of its lines in the view ÷ the count of all its lines. A row is
    /// promotional in a view when the order has a promotional line in that view.
    mutating func attributeOrderFreight() {
        guard !segments.isEmpty, !orderFreight.isEmpty else { return }
        let orders = orderFreight.reduce(0) { Swift.max($0, Int($1.order) + 1) }
        var hasFreight = [Bool](repeating: false, count: orders)
        for f in orderFreight { hasFreight[Int(f.order)] = true }
        var revenue = [Double](repeating: 0, count: orders)
        var count = [Int32](repeating: 0, count: orders)
        var pairs = KeyIndex()
        var pairRevenue: [Double] = [], pairCount: [Int32] = [], pairSet: [UInt32] = []
        for l in 0..<lines.count {
            let o = Int(lines.order[l])
            guard o < orders, hasFreight[o] else { continue }
            let value = lines.qty[l] * lines.price[l]
            revenue[o] += value
            count[o] += 1
            for d in 0..<dimensionCount {
                let v = lineView(d, l)
                guard v > 0 else { continue }
                let (i, isNew) = pairs.index(KeyIndex.key(o, v))
                if isNew {
                    pairRevenue.append(0)
                    pairCount.append(0)
                    pairSet.append(0)
                }
                pairRevenue[i] += value
                pairCount[i] += 1
                pairSet[i] = index.sets.union(pairSet[i], lines.campaignSet[l])
            }
        }
        // The (order, view) pairs of each order, together.
        let sorted = (0..<pairs.count).sorted { pairs.order[$0] < pairs.order[$1] }
        var range: [Int32: Range<Int>] = [:]
        var start = 0
        while start < sorted.count {
            let o = Int32(KeyIndex.high(pairs.order[sorted[start]]))
            var end = start + 1
            while end < sorted.count, KeyIndex.high(pairs.order[sorted[end]]) == Int(o) { end += 1 }
            range[o] = start..<end
            start = end
        }
        for f in orderFreight {
            let o = Int(f.order)
            guard let r = range[f.order], count[o] > 0 else { continue }
            for i in sorted[r] {
                let v = Int(KeyIndex.low(pairs.order[i]))
                let share = revenue[o] != 0 ? pairRevenue[i] / revenue[o] : Double(pairCount[i]) / Double(count[o])
                let cost = f.cost * share
                let promotional = pairSet[i] != 0
                tables[v].freight.add(.key(f.day), SIMD4(cost, f.emergency ? cost : 0, f.emergency && promotional ? cost : 0, 0))
                if f.emergency, promotional {
                    for c in index.members(pairSet[i]) { tables[v].campaignFreight.add(.key(c), cost) }
                }
            }
        }
    }
}
