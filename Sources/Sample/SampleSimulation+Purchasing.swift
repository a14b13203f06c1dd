import ScorecardCore

/// Inbound supply: purchase-order lines raised by the buyers, and the goods receipts that fill the stock.
///
/// Each product is ordered up to a target every few weeks (its category's review cycle) from one supplier,
/// whose quoted lead time and reliability depend on it; campaigns that build stock get an extra line due a few
/// days before their start. A line's receipts are decided when it is raised (on time, late, split, short,
/// or held back while a supply-capped campaign runs) and wait in a few slots per product until their day,
/// when they raise the stock on hand and are written to `receipts`.
extension SampleSimulation {
    /// Pending receipts kept per product; a product whose slots are nearly full is not ordered again yet.
    static let pendingSlots = 12
    /// Days beyond the last day that the plan reaches (purchase horizons, the forecast, upcoming campaigns).
    static let planningDays = 240
    /// Safety stock: this share of the demand planned over lead time and review cycle.
    static let safetyShare = 0.3
    /// A pending receipt's PO line is kept as `po × lineNumbers + line_no`.
    static let lineNumbers = 1_000_000

    func supplier(of p: Int) -> SampleSupplier {
        SampleSupplier.byCategory[products[p].category][products[p].supplier]
    }

    /// The stock a product is ordered up to on `day`: planned demand over lead time, review cycle and cover,
    /// safety stock on top, and room for one large wholesale order.
    func orderUpTo(_ p: Int, on day: Day) -> Int {
        let category = products[p].category
        let lead = supplier(of: p).quotedDays.upperBound
        let cycle = 7 * SampleSupplier.reviewWeeks[category]
        let horizon = lead + cycle + SampleSupplier.coverDays[category]
        let largest = (products[p].isKg ? Self.wholesaleKg : Self.wholesalePieces).values.last ?? 0
        let planned = plannedDemand(p, from: day, days: horizon)
            + Self.safetyShare * plannedDemand(p, from: day, days: lead + cycle)
        return Int(planned) + largest
    }

    /// The stock every product opens with: its order-up-to level less most of what would be in transit (no
    /// purchase order is dated before the first day), enough until the first orders' receipts arrive.
    func openStock() {
        for p in products.indices {
            let step = products[p].step
            let inTransit = 0.75 * plannedDemand(p, from: firstDay, days: supplier(of: p).quotedDays.upperBound)
            stock[p] = (orderUpTo(p, on: firstDay) - Int(inTransit)) / step * step
        }
    }

    /// Monday's purchasing: regular orders of the products whose review week it is, and build-up lines for
    /// campaigns about to need them. One purchase order per supplier and day; its lines numbered 10, 20, ….
    func purchase(monday: Day) {
        let week = (monday - firstDay) / 7
        for (category, suppliers) in productsBySupplier.enumerated() {
            for (s, members) in suppliers.enumerated() {
                let name = SampleSupplier.byCategory[category][s].name
                var po = 0
                var lineNo = 0
                func line(_ p: Int, due: Day, qty: Int) {
                    if po == 0 {
                        purchaseOrderNumber += 1
                        po = purchaseOrderNumber
                    }
                    lineNo += 10
                    raise(p, po: po, lineNo: lineNo, ordered: monday, due: due, qty: qty, supplier: name)
                }
                for p in members where pendingCount[p] <= Self.pendingSlots - 3 {
                    let quoted = supplier(of: p).quotedDays
                    let pack = products[p].purchasePack
                    let horizon = quoted.upperBound + 7 * SampleSupplier.reviewWeeks[category]
                        + SampleSupplier.coverDays[category]
                    // A campaign that builds stock is bought whole when the regular horizon first reaches it,
                    // due a few days before its start; later regular orders count it as on order.
                    for c in campaigns where c.buildMatches[p] && c.start >= monday + horizon
                        && c.start < monday + horizon + 7 && pendingCount[p] <= Self.pendingSlots - 3 {
                        let volume = Int(plannedDemand(p, from: c.start, days: c.end - c.start + 1))
                        guard volume > 0 else { continue }
                        let due = weekdayOnOrBefore(max(monday + quoted.lowerBound, c.start - supplyRNG.int(in: 4...9)))
                        line(p, due: due, qty: (volume + pack - 1) / pack * pack)
                    }
                    guard (week + p / SampleProduct.categories.count) % SampleSupplier.reviewWeeks[category] == 0,
                          pendingCount[p] <= Self.pendingSlots - 3 else { continue }
                    let position = stock[p] + onOrder[p] - backorder[p]
                    let wanted = orderUpTo(p, on: monday) - position
                    // Not worth an order below half a pack or a quarter of the cycle's usual demand.
                    let cycleDemand = plannedDemand(p, from: monday, days: 7 * SampleSupplier.reviewWeeks[category],
                                                    campaigns: false)
                    guard wanted > 0, wanted >= pack / 2, Double(wanted) >= cycleDemand / 4 else { continue }
                    let quotedDay = monday + supplyRNG.int(in: quoted)
                    let due = supplyRNG.chance(0.5) ? weekdayOnOrAfter(quotedDay) : weekdayOnOrBefore(quotedDay)
                    line(p, due: due, qty: (wanted + pack - 1) / pack * pack)
                }
            }
        }
    }

    /// A rush order when a customer's line cannot be served and nothing is on order: express from the product's
    /// supplier (half its shortest quoted lead time), on time, in one receipt.
    func rushOrder(_ p: Int, on day: Day, missing: Int) {
        guard pendingCount[p] < Self.pendingSlots else { return }
        let pack = products[p].purchasePack
        let qty = (missing + Int(plannedDemand(p, from: day, days: 14)) + pack - 1) / pack * pack
        let due = weekdayOnOrAfter(day + max(2, supplier(of: p).quotedDays.lowerBound / 2))
        purchaseOrderNumber += 1
        writePurchaseOrderLine(p, po: purchaseOrderNumber, lineNo: 10, ordered: day, due: due, qty: qty,
                               supplier: supplier(of: p).name)
        addPending(p, day: due, qty: qty, po: purchaseOrderNumber, lineNo: 10)
    }

    /// Writes one purchase-order line and decides its receipts.
    private func raise(_ p: Int, po: Int, lineNo: Int, ordered: Day, due: Day, qty: Int, supplier name: String) {
        writePurchaseOrderLine(p, po: po, lineNo: lineNo, ordered: ordered, due: due, qty: qty, supplier: name)
        let step = products[p].step
        let late = supplyRNG.chance(supplier(of: p).lateShare * (products[p].inflexibleSupply ? 1.5 : 1))
        var arrival = late
            ? weekdayOnOrAfter(due + supplyRNG.int(in: 2...12))
            : max(ordered + 1, early(due - supplyRNG.int(in: 0...2), due: due))
        func receive(_ day: Day, _ q: Int) {
            addPending(p, day: day, qty: q, po: po, lineNo: lineNo)
        }
        if let capped = supplyCap(p, on: arrival), qty > capped.cap {
            // The supplier is sold out while the campaign runs: what it can, then the rest after the campaign.
            let first = capped.cap / step * step
            if first > 0 { receive(arrival, first) }
            arrival = weekdayOnOrAfter(capped.end + supplyRNG.int(in: 3...14))
            receive(arrival, qty - first)
            return
        }
        let split = supplyRNG.unit()
        if split < 0.03 && qty >= 3 * step {
            // Three deliveries.
            let a = max(step, qty * supplyRNG.int(in: 30...50) / 100 / step * step)
            let b = max(step, (qty - a) * supplyRNG.int(in: 40...70) / 100 / step * step)
            receive(arrival, a)
            let second = weekdayOnOrAfter(arrival + supplyRNG.int(in: 2...8))
            receive(second, b)
            receive(weekdayOnOrAfter(second + supplyRNG.int(in: 2...8)), qty - a - b)
        } else if split < 0.15 && qty >= 2 * step {
            // A partial delivery, the rest a few days later.
            let a = max(step, qty * supplyRNG.int(in: 50...85) / 100 / step * step)
            receive(arrival, a)
            receive(weekdayOnOrAfter(arrival + supplyRNG.int(in: 2...10)), qty - a)
        } else if split < 0.16 && qty >= 10 * step {
            // Short-shipped and never completed: the line stays open.
            receive(arrival, qty * supplyRNG.int(in: 88...97) / 100 / step * step)
        } else {
            receive(arrival, qty)
        }
    }

    /// When a receipt on `day` is capped by its supplier: the end of the campaign that caps it, and how much
    /// the supplier still delivers (half a usual week when sold out for the season, the usual cycle's volume
    /// for an inflexible supplier).
    private func supplyCap(_ p: Int, on day: Day) -> (end: Day, cap: Int)? {
        var result: (end: Day, cap: Int)?
        for c in campaigns where c.matches[p] && c.start - 7 <= day && day <= c.end {
            let weeks: Double
            if c.capsSupply {
                weeks = 0.5
            } else if products[p].inflexibleSupply && c.plannedUplift > 1 {
                weeks = Double(SampleSupplier.reviewWeeks[products[p].category])
            } else {
                continue
            }
            let cap = Int(plannedDemand(p, from: day, days: Int(7 * weeks), campaigns: false))
            if let r = result {
                result = (max(r.end, c.end), min(r.cap, cap))
            } else {
                result = (c.end, cap)
            }
        }
        return result
    }

    private func writePurchaseOrderLine(_ p: Int, po: Int, lineNo: Int, ordered: Day, due: Day, qty: Int,
                                        supplier name: String) {
        purchaseOrders.id("PO-", po, width: 10)
        purchaseOrders.int(lineNo)
        purchaseOrders.day(ordered)
        purchaseOrders.day(due)
        purchaseOrders.field(products[p].sku)
        purchaseOrders.quantity(qty)
        purchaseOrders.field(name)
        purchaseOrders.endRow()
    }

    /// Keeps a receipt until its day, in date order per product (those after the last day stay on order).
    private func addPending(_ p: Int, day: Day, qty: Int, po: Int, lineNo: Int) {
        guard qty > 0, pendingCount[p] < Self.pendingSlots else { return }
        let base = p * Self.pendingSlots
        var i = base + pendingCount[p]
        while i > base && pendingDay[i - 1] > day.rawValue {
            pendingDay[i] = pendingDay[i - 1]
            pendingQty[i] = pendingQty[i - 1]
            pendingLine[i] = pendingLine[i - 1]
            i -= 1
        }
        pendingDay[i] = day.rawValue
        pendingQty[i] = qty
        pendingLine[i] = po * Self.lineNumbers + lineNo
        pendingCount[p] += 1
        onOrder[p] += qty
    }

    /// The day of the product's next receipt, if one is on its way.
    func nextReceipt(_ p: Int) -> Day? {
        pendingCount[p] > 0 ? Day(rawValue: pendingDay[p * Self.pendingSlots]) : nil
    }

    /// Books the day's receipts: writes them, raises the stock, and serves the backorders promised from them.
    /// Backorders the receipts cannot cover came in by air freight.
    func receive(on day: Day) {
        var shortfallCost = 0
        for p in products.indices where pendingCount[p] > 0 && pendingDay[p * Self.pendingSlots] == day.rawValue {
            while pendingCount[p] > 0 && pendingDay[p * Self.pendingSlots] == day.rawValue {
                let qty = popPending(p, writingOn: day)
                stock[p] += qty
                onOrder[p] -= qty
            }
            stock[p] -= backorder[p]
            backorder[p] = 0
            if stock[p] < 0 {
                shortfallCost += -stock[p] * products[p].unitCost / 100
                stock[p] = 0
            }
        }
        if shortfallCost > 0 { writeInboundAirFreight(arriving: day, goodsValue: shortfallCost) }
    }

    /// The receipts the warehouse posted early on the Monday after the last day, before the export ran: a few,
    /// so the as-of date has something to leave out.
    func receiveAfterLastDay() {
        let day = lastDay + 1
        for p in products.indices {
            while pendingCount[p] > 0 && pendingDay[p * Self.pendingSlots] == day.rawValue {
                if supplyRNG.chance(0.15) {
                    _ = popPending(p, writingOn: day)
                } else {
                    _ = popPending(p, writingOn: nil)
                }
            }
        }
    }

    /// Removes the product's first pending receipt, writing it when `day` is given; returns its quantity.
    private func popPending(_ p: Int, writingOn day: Day?) -> Int {
        let base = p * Self.pendingSlots
        let qty = pendingQty[base]
        if let day {
            receiptNumber += 1
            receipts.id("PO-", pendingLine[base] / Self.lineNumbers, width: 10)
            receipts.int(pendingLine[base] % Self.lineNumbers)
            receipts.day(day)
            receipts.quantity(qty)
            receipts.id("GR-", receiptNumber, width: 8)
            receipts.endRow()
        }
        let n = pendingCount[p]
        for i in base..<(base + n - 1) {
            pendingDay[i] = pendingDay[i + 1]
            pendingQty[i] = pendingQty[i + 1]
            pendingLine[i] = pendingLine[i + 1]
        }
        pendingCount[p] = n - 1
        return qty
    }

    /// Suppliers deliver on weekdays: a weekend day moves to the Monday after …
    func weekdayOnOrAfter(_ day: Day) -> Day {
        let w = day.isoWeekday
        return w >= 6 ? day + (8 - w) : day
    }

    /// An early delivery that would fall on a weekend comes on the due date instead.
    func early(_ day: Day, due: Day) -> Day { day.isoWeekday >= 6 ? due : day }

    /// … or, when the goods are early anyway, to the Friday before.
    func weekdayOnOrBefore(_ day: Day) -> Day {
        let w = day.isoWeekday
        return w >= 6 ? day - (w - 5) : day
    }
}
