import ScorecardCore

/// Supply: weekly receipts against a stock target, weekly snapshots in two warehouses, the weekly forecast,
/// and the campaign plan.
extension SampleSimulation {
    /// Days of demand the stock target covers, and the safety factor on it.
    static let coverDays = 17
    static let safety = 1.4

    /// Monday's receipt brings each product back to its target (its planned demand over the cover days),
    /// except that suppliers of a supply-capped campaign deliver only half a usual week (sold out for the season).
    func replenish(monday: Day) {
        var shortfallCost = 0
        for p in products.indices {
            var target = 0.0
            var usualWeek = 0.0
            for k in 0..<Self.coverDays {
                target += expectedQuantity(p, on: monday + k, planned: true)
                if k < 7 { usualWeek += expectedQuantity(p, on: monday + k, planned: false, campaigns: false) }
            }
            let step = products[p].step
            // Safety stock on top: a share of the target, and room for one large wholesale order.
            let largest = (products[p].isKg ? Self.wholesaleKg : Self.wholesalePieces).values.last ?? 0
            let wanted = Int(target * Self.safety) + largest
            var receipt = max(0, wanted + backorder[p] - stock[p])
            let capped = campaigns.contains { $0.capsSupply && $0.matches[p] && $0.overlaps(monday, monday + 6) }
            if capped { receipt = min(receipt, Int(usualWeek / 2)) }
            receipt = (receipt + step - 1) / step * step
            stock[p] += receipt - backorder[p]
            backorder[p] = 0
            if stock[p] < 0 {
                // Promised shipments the receipt could not cover came in by air freight.
                shortfallCost += -stock[p] * products[p].unitCost / 100
                stock[p] = 0
            }
        }
        if shortfallCost > 0 { writeInboundAirFreight(arriving: monday, goodsValue: shortfallCost) }
    }

    /// Inbound air freight from suppliers: not an order, so it cannot be attributed to a campaign.
    func writeInboundAirFreight(arriving monday: Day, goodsValue: Int) {
        let legs = goodsValue > 500_000 ? 2 : 1
        for leg in 0..<legs {
            shipmentNumber += 1
            purchaseOrderNumber += rng.int(in: 1...40)
            freight.id("FRT-", shipmentNumber, width: 7)
            freight.day(monday - 2 + leg)
            freight.raw(leg == 0 ? "AIR" : "CHARTER")
            freight.cents(35_000 + goodsValue * 12 / 100 / legs)
            if rng.chance(0.5) { freight.id("PO-", purchaseOrderNumber, width: 10) } else { freight.empty() }
            freight.raw("Kuehne + Nagel")
            freight.endRow()
        }
    }

    /// Sunday's closing stock, split between the two warehouses.
    func writeSnapshot(_ day: Day) {
        for p in products.indices {
            let step = products[p].step
            let north = stock[p] * products[p].northShare / 100 / step * step
            for (location, qty) in [("DC-North", north), ("DC-South", stock[p] - north)] {
                inventory.day(day)
                inventory.field(products[p].sku)
                inventory.quantity(qty)
                inventory.field(location)
                inventory.endRow()
                if badRowDue(.inventory, every: 2000) {
                    // Stock of an item the master no longer lists.
                    inventory.day(day)
                    inventory.field(unknownSKU)
                    inventory.quantity(1200)
                    inventory.field(location)
                    inventory.endRow()
                }
            }
        }
    }

    /// The plan for the week starting `monday`: planned demand with noise, whole pieces or half kilograms.
    func writeForecast(monday: Day) {
        for p in products.indices {
            var units = 0.0
            for k in 0..<7 { units += expectedQuantity(p, on: monday + k, planned: true) }
            units *= rng.double(0.8, 1.2)
            let grain = products[p].isKg ? 50.0 : 100.0
            let qty = Int((units / grain).rounded()) * Int(grain)
            forecast.day(monday)
            forecast.field(products[p].sku)
            forecast.quantity(qty)
            forecast.endRow()
            if badRowDue(.forecast, every: 2000) {
                // Keyed on the Sunday before: not a Monday.
                forecast.day(monday - 1)
                forecast.field(products[p].sku)
                forecast.quantity(qty)
                forecast.endRow()
            }
        }
    }

    /// Each item's `planned_units`: what it ended up ordering over its attainment for campaigns with
    /// history (projected to the end date for an active one), the planned demand for the others.
    func writeCampaignItems() throws {
        let w = try CSVFileWriter(path: directory + "/campaign_items.csv")
        w.header(SourceName.campaignItems.requiredColumns + SourceName.campaignItems.optionalColumns)
        for (ci, c) in campaigns.enumerated() {
            for (ii, item) in c.items.enumerated() {
                var planned: Double
                let ordered = Double(itemOrdered[ci][ii]) / 100
                if ordered > 0 {
                    var projected = ordered
                    let from = max(c.start, firstDay)
                    if c.end > lastDay { projected *= Double(c.end - from + 1) / Double(lastDay - from + 1) }
                    planned = projected / c.attainment
                } else {
                    planned = 0
                    var day = c.start
                    while day <= c.end {
                        for p in products.indices where c.item(item, matches: p, in: products) {
                            planned += expectedQuantity(p, on: day, planned: true) / 100
                        }
                        day = day + 1
                    }
                }
                w.field(c.id)
                switch item {
                case .sku(let p):
                    w.field(products[p].sku)
                    w.empty()
                case .category(let k):
                    w.empty()
                    w.field(SampleProduct.categories[k])
                }
                w.int(max(1, Int(planned.rounded())))
                w.endRow()
            }
        }
        try w.close()
    }
}
