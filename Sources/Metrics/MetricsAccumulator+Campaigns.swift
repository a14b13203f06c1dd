import ScorecardCore

/// Campaign figures: every campaign starting by A + horizon_days, with readiness of upcoming ones.
extension MetricsAccumulator {
    func campaignFigures(calendar cal: ReportCalendar, inbound: InboundSums) -> [CampaignFigures] {
        let asOf = cal.asOf
        let campaigns = masterData.campaigns
        let horizon = asOf + config.readiness.horizonDays
        var itemsOf = [[Int]](repeating: [], count: campaigns.count)
        for (i, item) in masterData.items.enumerated() where Int(item.campaign) >= 0 && Int(item.campaign) < campaigns.count {
            itemsOf[Int(item.campaign)].append(i)
        }
        let reasons = returnReasonsByCampaign()
        let reported = campaigns.indices
            .filter { campaigns[$0].start <= horizon }
            .sorted { a, b in
                let x = campaigns[a], y = campaigns[b]
                return x.start != y.start ? x.start < y.start : MetricsAccumulator.byteOrder(x.id, y.id)
            }
        return reported.map { c in
            let campaign = campaigns[c]
            let status: CampaignFigures.Status =
                campaign.start > asOf ? .upcoming : (campaign.end >= asOf ? .active : .ended)
            var f = CampaignFigures(campaignID: campaign.id, name: campaign.name, channel: campaign.channel,
                                    start: campaign.start, end: campaign.end, status: status)
            let s = campaignSums
            f.orderedUnits = s.ordered[c]
            f.fillRate = s.dueQty[c] == 0 ? nil : s.dueOts[c] / s.dueQty[c]
            f.shortfallValue = s.shortfall[c]
            f.belowTarget = f.fillRate.map { $0 < config.targets.promoFillRate } ?? false
            if isPresent(.returns) { f.returnRate = s.shipped[c] == 0 ? nil : s.returned[c] / s.shipped[c] }
            if isPresent(.freight) { f.emergencyFreightSpend = s.emergencyFreight[c] }
            f.returnReasons = reasons[c]
            f.daily = s.dailyOrdered[c].indices.map {
                CampaignDay(day: s.dailyStart[c] + $0, orderedUnits: s.dailyOrdered[c][$0], onTimeShippedUnits: s.dailyOnTime[c][$0])
            }
            var lead = leadTimes.campaigns[c]
            (f.leadTimeMedian, f.leadTimeP90) = NearestRank.medianAndP90(&lead)
            let upcoming = status == .upcoming
            let withStock = upcoming && isPresent(.inventory)
            let withInbound = upcoming && isPresent(.purchaseOrders)
            var planned = 0.0, ready = 0.0, readyWithInbound = 0.0, inboundUnits = 0.0
            for i in itemsOf[c] {
                let item = masterData.items[i]
                let stock = withStock ? itemStock(item) : nil
                let open = withInbound ? itemInbound(item, start: campaign.start, open: inbound.open) : nil
                planned += item.plannedUnits
                if let stock { ready += Swift.min(stock, item.plannedUnits) }
                if let open {
                    inboundUnits += open
                    readyWithInbound += Swift.min((stock ?? 0) + open, item.plannedUnits)
                }
                f.items.append(CampaignItemFigures(sku: item.product.map { masterData.products[Int($0)].sku },
                                                   category: itemCategory(item), plannedUnits: item.plannedUnits,
                                                   stock: stock, inbound: open))
            }
            f.plannedUnits = planned
            f.planAttainment = planned == 0 ? nil : f.orderedUnits / planned
            f.readiness = withStock && planned != 0 ? ready / planned : nil
            f.atRisk = f.readiness.map { $0 < 1 } ?? false
            f.inboundUnits = withInbound ? inboundUnits : nil
            f.readinessWithInbound = withStock && withInbound && planned != 0 ? readyWithInbound / planned : nil
            return f
        }
    }

    /// `stock_i`: Σ qty_on_hand at the latest snapshot of the products the item matches.
    func itemStock(_ item: CampaignItem) -> Double {
        if let p = item.product { return stock.stock(of: p) }
        guard let k = item.category, Int(k) >= 0, Int(k) < products.productsByCategory.count else { return 0 }
        var total = 0.0
        for p in products.productsByCategory[Int(k)] { total += stock.stock(of: p) }
        return total
    }

    /// The promoted category, or the SKU's category.
    func itemCategory(_ item: CampaignItem) -> String {
        let k = item.category ?? item.product.map { products.category[Int($0)] } ?? -1
        return Int(k) >= 0 && Int(k) < masterData.categories.count ? masterData.categories[Int(k)] : ""
    }
}
