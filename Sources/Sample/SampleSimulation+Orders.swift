import ScorecardCore

/// Sales: order lines, their (partial, late, backordered) shipments, returns and outbound freight.
extension SampleSimulation {
    static let returnReasons = (
        values: ["DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED", "CHANGED_MIND"], weights: [30, 15, 15, 40]
    )
    /// Emergency service levels as carriers really write them: mixed case, stray spaces. One carrier
    /// exports time stamps rather than dates.
    static let emergencyLevels: [(level: StaticString, carrier: StaticString, timestamps: Bool)] = [
        ("EXPEDITED", "UPS", false), ("Expedited", "UPS", false), ("expedited ", "UPS", false),
        ("AIR", "DHL Express", true), (" Air", "DHL Express", true),
        ("NEXT_DAY", "FedEx", false), ("next_day", "FedEx", false), ("Next_Day", "FedEx", false),
    ]
    static let standardLevels: [(level: StaticString, carrier: StaticString, timestamps: Bool)] = [
        ("STANDARD", "DPD", false), ("STANDARD", "DB Schenker", false), ("GROUND", "UPS", false),
        ("ECONOMY", "GLS", false),
    ]

    /// Days the warehouse needs before a line ships, per category: fresh cheese leaves the same day, gift
    /// baskets are assembled first, kitchenware comes from an outside warehouse.
    static let handlingDays = [1, 1, 1, 2, 0, 2, 3, 4]
    /// One line in this many ships, per its ERP delivery, before it was ordered (booked late): the rare negative
    /// lead time real exports have.
    static let backdatedEvery = 20_000

    /// Writes a day's `lines` order lines, grouped into orders of one to six lines.
    func writeOrders(on day: Day, lines: Int) {
        guard lines > 0 else { return }
        prepareDraws(on: day)
        let active = campaigns.indices.filter { campaigns[$0].isActive(on: day) }
        // A day far busier than usual (campaigns) backs the warehouse up: some lines leave a day later.
        let offset = day - firstDay
        let load = baseDayWeight > 0 ? dayWeights[offset] / (baseDayWeight * dayFactor(day)) : 1
        let congestion = min(0.5, max(0, load - 1.1))
        var remaining = lines
        while remaining > 0 {
            let size = min(remaining, 1 + rng.pick([40, 25, 15, 10, 6, 4]))
            remaining -= size
            writeOrder(on: day, lines: size, active: active, congestion: congestion)
        }
    }

    private func writeOrder(on day: Day, lines: Int, active: [Int], congestion: Double) {
        orderNumber += 1
        shipments.removeAll(keepingCapacity: true)
        orderLines.removeAll(keepingCapacity: true)
        orderPromotional = false
        orderPromoShort = false
        let wholesale = rng.chance(Self.wholesaleShare)
        for line in 1...lines {
            writeLine(on: day, lineNo: 10 * line, wholesale: wholesale, active: active, congestion: congestion)
        }
        // The region is decided once the order's lines are shipped: in the story, most promotional orders
        // that miss their date are East's (`SampleRegions`).
        let storyRunning = storyStart.map { day >= $0 } ?? false
        let region = SampleRegions.draw(&regionRNG, promotional: orderPromotional, short: orderPromoShort,
                                        storyRunning: storyRunning)
        for l in orderLines {
            orders.id("SO-", orderNumber, width: 7)
            orders.int(l.lineNo)
            orders.day(l.day)
            orders.day(l.requested)
            orders.field(products[l.product].sku)
            orders.quantity(l.qty)
            orders.cents(l.price)
            orders.field(region.map { SampleRegions.names[$0] } ?? "")
            orders.endRow()
        }
        if badRowDue(.orders, every: 2000) { writeBadOrderLine(on: day, lineNo: 10 * lines + 10, region: region) }
        writeFreight()
    }

    private func writeLine(on day: Day, lineNo: Int, wholesale: Bool, active: [Int], congestion: Double) {
        let p = drawProduct()
        let qty = drawQuantity(p, wholesale: wholesale)
        var discount = wholesale ? rng.int(in: 0...5) : 0
        var promotional = false
        var uplift = 1.0
        var soldOut = false
        for c in active where campaigns[c].matches[p] {
            promotional = true
            uplift = max(uplift, campaigns[c].actualUplift)
            soldOut = soldOut || campaigns[c].capsSupply
            discount = max(discount, campaigns[c].discountPercent)
            for (i, item) in campaigns[c].items.enumerated() where campaigns[c].item(item, matches: p, in: products) {
                itemOrdered[c][i] += qty
            }
        }
        let price = products[p].listPrice * (100 - discount) / 100
        let handling = Self.handlingDays[products[p].category]
        // During a campaign the shop promises two days more.
        let requested = day + handling + (wholesale ? rng.int(in: 3...8) : rng.int(in: 2...5)) + (promotional ? 2 : 0)
        orderLines.append((lineNo, day, requested, p, qty, price))

        // Shipping: after the category's handling days, later under a campaign's load (the stronger its
        // uplift, the longer); from stock when there is enough, otherwise what there is now and the rest
        // after the product's next receipt (late, and usually expedited).
        var first = day + handling + (wholesale ? rng.int(in: 1...2) : rng.int(in: 0...1))
        if promotional { first = first + 1 + rng.int(in: 0...min(2, Int(uplift) - 1)) }
        if congestion > 0 && rng.chance(congestion) { first = first + 1 }
        if first.isoWeekday == 7 { first = first + 1 }
        if rng.chance(0.02) { first = max(first, requested + rng.int(in: 1...6)) }  // warehouse backlog
        linesWritten += 1
        if linesWritten % Self.backdatedEvery == Self.backdatedEvery / 2 { backdatedDue = true }
        if wholesale { wholesaleOrdered[p] += qty }
        var shipped = 0
        var onTime = 0
        var lastShip = first
        var late = false
        func ship(_ date: Day, _ q: Int, expedited: Bool = false) {
            guard date <= lastDay, q > 0 else { return }
            writeDelivery(lineNo: lineNo, date: date, qty: q)
            addShipment(date, value: q * price / 100, expedited: expedited)
            shipped += q
            lastShip = max(lastShip, date)
            if date > requested { late = true } else { onTime += q }
        }
        defer {
            if promotional { orderPromotional = true }
            if promotional && onTime < qty { orderPromoShort = true }
        }
        let step = products[p].step
        if stock[p] >= qty {
            let chance = rng.unit()
            if backdatedDue && day - 3 >= firstDay {
                // Goods issued the day before the order was keyed in.
                backdatedDue = false
                let date = day - 1
                ship(date.isoWeekday == 7 ? date - 1 : date, qty)
            } else if chance < 0.003 && stock[p] >= qty + step {
                ship(first, qty + step)  // an over-shipment
                stock[p] -= step
            } else if chance < 0.033 && qty >= 2 * step {
                let part = max(step, qty * rng.int(in: 30...80) / 100 / step * step)
                ship(first, part)
                ship(first + rng.int(in: 1...7), qty - part)
            } else if chance < 0.037 && qty >= 2 * step {
                // Short-closed: part of the line was damaged in picking and never sent.
                let part = max(step, qty * rng.int(in: 30...80) / 100 / step * step)
                ship(first, part)
                stock[p] += qty - part
            } else {
                ship(first, qty)
            }
            stock[p] -= qty
        } else {
            let now = stock[p] / step * step
            stock[p] -= now
            ship(first, now)
            let rest = qty - now
            // While suppliers are sold out (or cannot scale for a campaign), some customers give up the rest:
            // the line never completes.
            let inflexible = promotional && products[p].inflexibleSupply
            let cancelled = soldOut ? rng.chance(0.3) : (inflexible ? rng.chance(0.15) : false)
            if !cancelled {
                if nextReceipt(p) == nil { rushOrder(p, on: day, missing: rest) }
                backorder[p] += rest
                let wait = soldOut ? 7 * rng.int(in: 0...1) : 0
                var date = max(first, nextReceipt(p) ?? first + 14) + rng.int(in: 1...2) + wait
                if date.isoWeekday == 7 { date = date + 1 }
                ship(date, rest, expedited: rng.chance(0.75))
            }
        }
        if shipped > 0 { maybeReturn(p, lineNo: lineNo, ordered: day, shipped: shipped, lastShip: lastShip, late: late) }
    }

    private func writeDelivery(lineNo: Int, date: Day, qty: Int) {
        deliveryNumber += 1
        deliveries.id("SO-", orderNumber, width: 7)
        deliveries.int(lineNo)
        deliveries.day(date)
        deliveries.quantity(qty)
        deliveries.id("DL-", deliveryNumber, width: 8)
        deliveries.endRow()
        if badRowDue(.deliveries, every: 2000) {
            deliveryNumber += 1
            badDeliveries += 1
            deliveries.id("SO-", orderNumber, width: 7)
            if badDeliveries % 2 == 1 {
                deliveries.int(990)  // a line the order does not have
                deliveries.day(date)
            } else {
                deliveries.int(lineNo)
                deliveries.raw("Date Not Captured")
            }
            deliveries.quantity(qty)
            deliveries.id("DL-", deliveryNumber, width: 8)
            deliveries.endRow()
        }
    }

    /// Most lines are kept; the milk frother, from its promotion on, comes back defective far more often.
    private func maybeReturn(_ p: Int, lineNo: Int, ordered: Day, shipped: Int, lastShip: Day, late: Bool) {
        let defective = p == frother && campaigns.contains { $0.triggersDefects && ordered >= $0.start }
        let probability = defective ? 0.3 : (products[p].isKg ? 0.01 : 0.025)
        guard rng.chance(probability) else { return }
        let step = products[p].step
        var qty = products[p].isKg
            ? max(step, shipped * rng.int(in: 25...100) / 100 / step * step)
            : (rng.chance(0.7) ? step : shipped)
        qty = min(qty, shipped)
        let date = lastShip + rng.int(in: 3...28)
        guard date <= lastDay else { return }
        returnNumber += 1
        returns.id("SO-", orderNumber, width: 7)
        returns.int(lineNo)
        returns.day(date)
        returns.quantity(qty)
        returns.id("RMA-", returnNumber, width: 6)
        if defective && rng.chance(0.9) {
            returns.raw("DEFECTIVE")
        } else if late && rng.chance(0.5) {
            returns.raw("LATE_DELIVERY")
        } else {
            returns.field(rng.pick(Self.returnReasons.values, weights: Self.returnReasons.weights))
        }
        returns.endRow()
        if badRowDue(.returns, every: 400) {
            // A return booked against a line the order does not have.
            returnNumber += 1
            returns.id("SO-", orderNumber, width: 7)
            returns.int(990)
            returns.day(date)
            returns.quantity(qty)
            returns.id("RMA-", returnNumber, width: 6)
            returns.raw("WRONG_ITEM")
            returns.endRow()
        }
    }

    /// An order line the ERP exported badly: an unknown SKU, or no order date.
    private func writeBadOrderLine(on day: Day, lineNo: Int, region: Int?) {
        orders.id("SO-", orderNumber, width: 7)
        orders.int(lineNo)
        let unknown = orderNumber % 2 == 0
        if unknown { orders.day(day) } else { orders.raw("Date Not Captured") }
        orders.day(day + 3)
        orders.field(unknown ? unknownSKU : products[orderNumber % products.count].sku)
        orders.quantity(100)
        orders.cents(products[orderNumber % products.count].listPrice)
        orders.field(region.map { SampleRegions.names[$0] } ?? "")
        orders.endRow()
    }

    private func addShipment(_ day: Day, value: Int, expedited: Bool) {
        if let i = shipments.firstIndex(where: { $0.day == day }) {
            shipments[i].value += value
            shipments[i].expedited = shipments[i].expedited || expedited
        } else {
            shipments.append((day, value, expedited))
        }
    }

    /// One freight row per ship date of the order: standard parcels, or emergency service for backorders
    /// (and a few customers who pay for next-day delivery).
    private func writeFreight() {
        for s in shipments {
            shipmentNumber += 1
            let emergency = s.expedited || rng.chance(0.015)
            let service = emergency ? rng.pick(Self.emergencyLevels) : rng.pick(Self.standardLevels)
            freight.id("FRT-", shipmentNumber, width: 7)
            if service.timestamps {
                freight.timestamp(s.day, hour: rng.int(in: 6...19), minute: rng.int(in: 0...59))
            } else {
                freight.day(s.day)
            }
            freight.raw(service.level)
            if badRowDue(.freight, every: 1000) {
                freight.raw("n/a")  // the carrier's invoice had not arrived
            } else {
                freight.cents(emergency ? 1_500 + s.value * 6 / 100 : 490 + s.value * 15 / 1000)
            }
            freight.id("SO-", orderNumber, width: 7)
            freight.raw(service.carrier)
            freight.endRow()
        }
    }
}
