import ScorecardCore

/// Products, campaigns and campaign items: small, held whole, resolved against by later sources.
extension IngestRun {
    mutating func readProducts() {
        guard let scan = scan(.products) else { return }
        // Canonical columns: sku, category, unit_cost, list_price, [description].
        while scan.next() {
            do throws(RejectedRow) {
                let sku = try scan.text(0)
                let category = try scan.text(1)
                let unitCost = try scan.number(2)
                let listPrice = try scan.number(3)
                if productKeys.find(sku) != nil { throw scan.reject(.duplicateKey, 0) }
                productKeys.insert(sku, value: Int32(products.count))
                let (c, isNew) = categoryKeys.insert(category, value: Int32(categories.count))
                if isNew { categories.append(String(decoding: category, as: UTF8.self)) }
                let description = scan.bytes(4).isEmpty ? nil : scan.string(4)
                products.append(Product(sku: String(decoding: sku, as: UTF8.self), category: c, unitCost: unitCost,
                                        listPrice: listPrice, description: description, segment: scan.segmentTuple()))
                scan.count(.used)
            } catch {
                scan.count(error)
            }
        }
        productSegmentTuples = scan.segmentTuples
        finish(scan)
    }

    mutating func readCampaigns() {
        guard let scan = scan(.campaigns) else { return }
        // Canonical columns: campaign_id, name, start_date, end_date, [channel], [budget].
        while scan.next() {
            do throws(RejectedRow) {
                let id = try scan.text(0)
                _ = try scan.text(1)
                let start = try scan.date(2)
                let end = try scan.date(3)
                let budget = try scan.optionalNumber(5)
                if end < start { throw scan.reject(.endBeforeStart, 3, "end_date \(end) is before start_date \(start)") }
                if campaignKeys.find(id) != nil { throw scan.reject(.duplicateKey, 0) }
                campaignKeys.insert(id, value: Int32(campaigns.count))
                campaigns.append(Campaign(id: String(decoding: id, as: UTF8.self), name: scan.string(1), start: start, end: end,
                                          channel: scan.bytes(4).isEmpty ? nil : scan.string(4), budget: budget))
                scan.count(.used)
            } catch {
                scan.count(error)
            }
        }
        finish(scan)
    }

    mutating func readCampaignItems() {
        guard let scan = scan(.campaignItems) else { return }
        // Canonical columns: campaign_id, sku, category, planned_units.
        while scan.next() {
            do throws(RejectedRow) {
                let id = try scan.text(0)
                let sku = scan.bytes(1)
                let category = scan.bytes(2)
                if sku.isEmpty == category.isEmpty {
                    throw scan.reject(.skuAndCategory, sku.isEmpty ? 1 : 2,
                                      sku.isEmpty ? "sku and category are both empty" : "sku \"\(scan.quoted(1))\" and category \"\(scan.quoted(2))\" are both set")
                }
                let planned = try scan.number(3)
                guard let campaign = campaignKeys.find(id) else { throw scan.reject(.unknownCampaign, 0) }
                var item = CampaignItem(campaign: campaign, plannedUnits: planned)
                if !sku.isEmpty {
                    guard let p = productKeys.find(sku) else { throw scan.reject(.unknownProduct, 1) }
                    item.product = p
                } else {
                    guard let c = categoryKeys.find(category) else { throw scan.reject(.unknownCategory, 2) }
                    item.category = c
                }
                items.append(item)
                scan.count(.used)
            } catch {
                scan.count(error)
            }
        }
        finish(scan)
    }
}
