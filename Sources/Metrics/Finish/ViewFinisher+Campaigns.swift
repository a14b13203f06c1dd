import ScorecardCore

/// Campaign figures: every campaign starting by A + horizon_days, with readiness of upcoming ones; and
/// every SKU of every campaign.
extension ViewFinisher {
    /// The reported campaigns' indices: `start_date <= A + horizon_days`, by start date, then id.
    func reportedCampaigns() -> [Int] {
        let campaigns = aggregates.master.campaigns
        let horizon = asOf + config.readiness.horizonDays
        return campaigns.indices
            .filter { campaigns[$0].start <= horizon }
            .sorted { a, b in
                let x = campaigns[a], y = campaigns[b]
                return x.start != y.start ? x.start < y.start : Self.byteOrder(x.id, y.id)
            }
    }

    /// - Parameter reportStart: the first day of the report; a campaign's daily series starts no earlier
    ///   (an "always on" campaign from 1900 would otherwise make a page of 46,000 days).
    func campaignFigures(reportStart: Day) -> [CampaignFigures] {
        let master = aggregates.master
        let count = master.campaigns.count
        var totals = [SIMD8<Double>](repeating: .zero, count: count)
        for (r, key) in view.campaignSKUs.keys.enumerated() { totals[Int(key.x)] += view.campaignSKUs.values[r] }
        var days = [[(day: Int32, sums: SIMD2<Double>)]](repeating: [], count: count)
        for (r, key) in view.campaignDays.keys.enumerated() { days[Int(key.x)].append((key.y, view.campaignDays.values[r])) }
        var leadTimes = [LeadTimeCounts](repeating: LeadTimeCounts(), count: count)
        for (r, key) in view.campaignLeadTimes.keys.enumerated() { leadTimes[Int(key.x)].add(key.z, view.campaignLeadTimes.values[r]) }
        var reasons = [[ReasonCount]](repeating: [], count: count)
        for (r, key) in view.campaignReturns.keys.enumerated() {
            let code = Int(key.y) < aggregates.reasonCodes.count ? aggregates.reasonCodes[Int(key.y)] : nil
            reasons[Int(key.x)].append(ReasonCount(reasonCode: code, quantity: view.campaignReturns.values[r]))
        }
        let open = openInbound()
        let withStock = view.has(.inventory), withInbound = view.has(.purchaseOrders)
        return reportedCampaigns().map { c in
            let campaign = master.campaigns[c]
            let status: CampaignFigures.Status =
                campaign.start > asOf ? .upcoming : (campaign.end >= asOf ? .active : .ended)
            var f = CampaignFigures(campaignID: campaign.id, name: campaign.name, channel: campaign.channel,
                                    start: campaign.start, end: campaign.end, status: status)
            let s = totals[c]
            f.orderedUnits = s[CampaignColumn.ordered]
            f.fillRate = s[CampaignColumn.due] == 0 ? nil : s[CampaignColumn.onTime] / s[CampaignColumn.due]
            f.shortfallValue = s[CampaignColumn.shortfall]
            f.belowTarget = f.fillRate.map { $0 < config.targets.promoFillRate } ?? false
            if view.has(.returns) {
                f.returnRate = s[CampaignColumn.shipped] == 0 ? nil : s[CampaignColumn.returned] / s[CampaignColumn.shipped]
            }
            if view.has(.freight) { f.emergencyFreightSpend = view.campaignFreight[.key(Int32(c))] }
            f.returnReasons = Self.largestFirst(reasons[c])
            f.daily = dailySeries(days[c], from: Swift.max(campaign.start, reportStart), through: Swift.min(campaign.end, asOf))
            (f.leadTimeMedian, f.leadTimeP90) = leadTimes[c].medianAndP90()
            let upcoming = status == .upcoming
            var planned = 0.0, ready = 0.0, readyWithInbound = 0.0, inboundUnits = 0.0
            for i in campaignItems[c] {
                let item = master.items[i]
                let matched = viewProducts(item)
                let stock = upcoming && withStock ? matched.reduce(0.0) { $0 + self.stock($1) } : nil
                let inbound = upcoming && withInbound ? matched.reduce(0.0) { $0 + open.units(of: $1, dueBefore: campaign.start) } : nil
                planned += item.plannedUnits
                if let stock { ready += Swift.min(stock, item.plannedUnits) }
                if let inbound {
                    inboundUnits += inbound
                    readyWithInbound += Swift.min((stock ?? 0) + inbound, item.plannedUnits)
                }
                f.items.append(CampaignItemFigures(sku: item.product.map { master.products[Int($0)].sku },
                                                   category: itemCategory(item), plannedUnits: item.plannedUnits,
                                                   stock: stock, inbound: inbound))
            }
            f.plannedUnits = planned
            f.planAttainment = planned == 0 ? nil : f.orderedUnits / planned
            f.readiness = upcoming && withStock && planned != 0 ? ready / planned : nil
            f.atRisk = f.readiness.map { $0 < 1 } ?? false
            f.inboundUnits = upcoming && withInbound ? inboundUnits : nil
            f.readinessWithInbound = upcoming && withStock && withInbound && planned != 0 ? readyWithInbound / planned : nil
            return f
        }
    }

    /// Units ordered and shipped on time per order day from `first` to `last` (0 on days without lines).
    func dailySeries(_ days: [(day: Int32, sums: SIMD2<Double>)], from first: Day, through last: Day) -> [CampaignDay] {
        guard first <= last else { return [] }
        var series = (0...(last - first)).map { CampaignDay(day: first + $0, orderedUnits: 0, onTimeShippedUnits: 0) }
        for (day, sums) in days {
            let d = Int(day) - Int(first.rawValue)
            guard d >= 0, d < series.count else { continue }
            series[d].orderedUnits += sums.x
            series[d].onTimeShippedUnits += sums.y
        }
        return series
    }

    /// Reasons by quantity, largest first (ties by code, "not given" last).
    static func largestFirst(_ list: [ReasonCount]) -> [ReasonCount] {
        list.sorted { a, b in
            if a.quantity != b.quantity { return a.quantity > b.quantity }
            switch (a.reasonCode, b.reasonCode) {
            case let (x?, y?): return byteOrder(x, y)
            case (_?, nil): return true
            default: return false
            }
        }
    }

    /// The promoted category, or the SKU's category.
    func itemCategory(_ item: CampaignItem) -> String {
        let k = item.category ?? item.product.map { products.category[Int($0)] } ?? -1
        return Int(k) >= 0 && Int(k) < aggregates.master.categories.count ? aggregates.master.categories[Int(k)] : ""
    }

    /// The open purchase-order quantities at S by product and due date.
    func openInbound() -> OpenInbound {
        var byProduct = [[(due: Int32, qty: Double)]](repeating: [], count: products.count)
        for (r, key) in view.inboundOpen.keys.enumerated() where Int(key.x) >= 0 && Int(key.x) < products.count {
            byProduct[Int(key.x)].append((key.y, view.inboundOpen.values[r]))
        }
        return OpenInbound(byProduct: byProduct)
    }

    /// `campaign_skus`: every (campaign, SKU) with a line in lines(C), for the reported campaigns, by
    /// campaign as `campaigns`, then shortfall value descending, then SKU.
    func campaignSKUFigures(_ campaigns: [CampaignFigures]) -> [CampaignSKUFigures] {
        let master = aggregates.master
        var rowsOf = [[Int]](repeating: [], count: master.campaigns.count)
        for (r, key) in view.campaignSKUs.keys.enumerated() { rowsOf[Int(key.x)].append(r) }
        var leadTimes: [SIMD2<Int32>: LeadTimeCounts] = [:]
        for (r, key) in view.campaignLeadTimes.keys.enumerated() {
            leadTimes[SIMD2(key.x, key.y), default: LeadTimeCounts()].add(key.z, view.campaignLeadTimes.values[r])
        }
        var campaignIndex: [String: Int] = [:]
        for (c, campaign) in master.campaigns.enumerated() where campaignIndex[campaign.id] == nil { campaignIndex[campaign.id] = c }
        let sku = master.products.map(\.sku)
        let withStock = view.has(.inventory)
        var out: [CampaignSKUFigures] = []
        for campaign in campaigns {
            guard let c = campaignIndex[campaign.campaignID] else { continue }
            let rows = Self.worstFirst(rowsOf[c].map { r in
                (pair: r, value: view.campaignSKUs.values[r][CampaignColumn.shortfall], sku: sku[Int(view.campaignSKUs.keys[r].y)])
            })
            for r in rows {
                let key = view.campaignSKUs.keys[r], s = view.campaignSKUs.values[r]
                let p = key.y
                out.append(CampaignSKUFigures(
                    campaignID: campaign.campaignID, sku: sku[Int(p)], category: categoryName(of: Int(p)),
                    orderedUnits: s[CampaignColumn.ordered], dueUnits: s[CampaignColumn.due], onTimeUnits: s[CampaignColumn.onTime],
                    fillRate: s[CampaignColumn.due] == 0 ? nil : s[CampaignColumn.onTime] / s[CampaignColumn.due],
                    shortfallValue: s[CampaignColumn.shortfall],
                    leadTimeMedian: leadTimes[SIMD2(key.x, p)]?.medianAndP90().median,
                    stockOnHand: withStock ? stock(p) : nil))
            }
        }
        return out
    }
}

/// Open purchase-order quantities at the snapshot date S, per product, with their due dates.
struct OpenInbound: Sendable {
    let byProduct: [[(due: Int32, qty: Double)]]

    /// `inbound_i` for one product: the open quantity of its PO lines due before `start`.
    func units(of product: Int32, dueBefore start: Day) -> Double {
        guard Int(product) >= 0, Int(product) < byProduct.count else { return 0 }
        var total = 0.0
        for line in byProduct[Int(product)] where line.due < start.rawValue { total += line.qty }
        return total
    }
}
