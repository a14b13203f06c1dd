import ScorecardCore

/// Freight in the segment views: a row of an order counts in each view holding some of the order's lines,
/// with its cost times the share of the order's value in that view (docs/segments.md).
extension MetricsAccumulator {
    /// Splits the freight rows of orders among the views of their lines, now that every line is known.
    ///
    /// share(order, view) = Σ qty_ordered × unit_price of the order's lines in the view ÷ the same over all
    /// its lines; when that is 0, the count of its lines in the view ÷ the count of all its lines. A row is
    /// promotional in a view when the order has a promotional line in that view.
    ///
    /// Order by order: the lines and the freight rows of each order are grouped with a counting sort by
    /// order index (two index arrays), so the cost is a few bytes per line, not a table of (order, view).
    mutating func attributeOrderFreight() {
        guard !segments.isEmpty, !orderFreight.isEmpty else { return }
        let orders = orderFreight.reduce(0) { Swift.max($0, Int($1.order) + 1) }
        var hasFreight = [Bool](repeating: false, count: orders)
        for f in orderFreight { hasFreight[Int(f.order)] = true }
        // The lines of each order with freight, together (order by order, in line order).
        var lineStart = [Int32](repeating: 0, count: orders + 1)
        for l in 0..<lines.count {
            let o = Int(lines.order[l])
            if o < orders, hasFreight[o] { lineStart[o + 1] += 1 }
        }
        for o in 0..<orders { lineStart[o + 1] += lineStart[o] }
        var linesOf = [Int32](repeating: 0, count: Int(lineStart[orders]))
        var fill = lineStart
        for l in 0..<lines.count {
            let o = Int(lines.order[l])
            guard o < orders, hasFreight[o] else { continue }
            linesOf[Int(fill[o])] = Int32(l)
            fill[o] += 1
        }
        // The freight rows of each order, together, in arrival order.
        var rowStart = [Int32](repeating: 0, count: orders + 1)
        for f in orderFreight { rowStart[Int(f.order) + 1] += 1 }
        for o in 0..<orders { rowStart[o + 1] += rowStart[o] }
        var rowsOf = [Int32](repeating: 0, count: orderFreight.count)
        fill = rowStart
        for (i, f) in orderFreight.enumerated() {
            rowsOf[Int(fill[Int(f.order)])] = Int32(i)
            fill[Int(f.order)] += 1
        }
        // Per order: its value and line count, and per view of it the same and the union of campaigns.
        var views: [Int32] = [], value: [Double] = [], count: [Int32] = [], sets: [UInt32] = []
        for o in 0..<orders where hasFreight[o] {
            views.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            count.removeAll(keepingCapacity: true)
            sets.removeAll(keepingCapacity: true)
            var total = 0.0, lineCount: Int32 = 0
            for k in Int(lineStart[o])..<Int(lineStart[o + 1]) {
                let l = Int(linesOf[k])
                let v = lines.qty[l] * lines.price[l]
                total += v
                lineCount += 1
                for d in 0..<dimensionCount {
                    let view = lineView(d, l)
                    guard view > 0 else { continue }
                    let i: Int
                    if let known = views.firstIndex(of: view) { i = known } else {
                        i = views.count
                        views.append(view)
                        value.append(0)
                        count.append(0)
                        sets.append(0)
                    }
                    value[i] += v
                    count[i] += 1
                    sets[i] = index.sets.union(sets[i], lines.campaignSet[l])
                }
            }
            guard lineCount > 0 else { continue }
            for r in Int(rowStart[o])..<Int(rowStart[o + 1]) {
                let f = orderFreight[Int(rowsOf[r])]
                for i in views.indices {
                    let share = total != 0 ? value[i] / total : Double(count[i]) / Double(lineCount)
                    let cost = f.cost * share
                    let promotional = sets[i] != 0
                    let v = Int(views[i])
                    tables[v].freight.add(.key(f.day), SIMD4(cost, f.emergency ? cost : 0, f.emergency && promotional ? cost : 0, 0))
                    if f.emergency, promotional {
                        for c in index.members(sets[i]) { tables[v].campaignFreight.add(.key(c), cost) }
                    }
                }
            }
        }
    }
}
