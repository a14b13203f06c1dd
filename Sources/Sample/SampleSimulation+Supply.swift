import ScorecardCore

/// Supply: inbound air freight, weekly snapshots in two warehouses, the weekly forecast, and the campaign plan
/// (purchase orders and receipts are in `SampleSimulation+Purchasing.swift`).
extension SampleSimulation {
    /// Inbound air freight from suppliers: not an order, so it cannot be attributed to a campaign.
    /// It carries the number of the latest purchase order, or none.
    func writeInboundAirFreight(arriving day: Day, goodsValue: Int) {
        let legs = goodsValue > 500_000 ? 2 : 1
        for leg in 0..<legs {
            shipmentNumber += 1
            freight.id("FRT-", shipmentNumber, width: 7)
            freight.day(day - 2 + leg)
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
            for (warehouse, qty) in [(0, north), (1, stock[p] - north)] {
                // Each warehouse's stock is allocated to the regions it serves, by their shares of the
                // orders, in whole steps, one storage location per region (`DC-North/East`).
                let served = SampleRegions.served(by: warehouse)
                let total = served.reduce(0) { $0 + SampleRegions.shares[$1] }
                var left = qty
                for (k, r) in served.enumerated() {
                    let part = k == served.count - 1 ? left : qty * SampleRegions.shares[r] / total / step * step
                    left -= part
                    inventory.day(day)
                    inventory.field(products[p].sku)
                    inventory.quantity(part)
                    inventory.field(SampleRegions.warehouses[warehouse] + "/" + SampleRegions.names[r])
                    inventory.field(SampleRegions.names[r])
                    inventory.endRow()
                }
                let location = SampleRegions.warehouses[warehouse]
                if badRowDue(.inventory, every: 2000) {
                    // Stock of an item the master no longer lists.
                    inventory.day(day)
                    inventory.field(unknownSKU)
                    inventory.quantity(1200)
                    inventory.field(location)
                    inventory.field("")
                    inventory.endRow()
                }
            }
        }
    }

    /// The plan for the week starting `monday`: planned demand with noise, whole pieces or half kilograms.
    ///
    /// Wholesale customers announce their orders, so for an ordinary week the plan holds what they announced
    /// (`known`, written once the week is over: `wholesaleOrdered`, give or take) and the retail demand as
    /// planned. The plan only half believes in campaigns, though: in a promoted week it keeps a third to three
    /// quarters of the planned uplift, has no announced orders and is noisier, so promoted SKU-weeks are
    /// under-forecast and weeks with many promotions are forecast worse overall. (Purchasing buys from the
    /// campaign plan itself.)
    func writeForecast(monday: Day, known: Bool) {
        for p in products.indices {
            let planned = plannedDemand(p, from: monday, days: 7)
            let usual = plannedDemand(p, from: monday, days: 7, campaigns: false)
            var units: Double
            if planned > usual * 1.000_001 {
                units = (usual + (planned - usual) * rng.double(0.35, 0.75)) * rng.double(0.7, 1.25)
            } else {
                let retail = planned * retailShare[p]
                let wholesale = known ? Double(wholesaleOrdered[p]) : planned - retail
                units = retail * rng.double(0.8, 1.2) + wholesale * rng.double(0.7, 1.3)
            }
            wholesaleOrdered[p] = 0
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
