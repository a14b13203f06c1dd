import ScorecardCore

/// Where the shortfall came from: the SKUs that lost the most promotional value per period, and every
/// SKU of every campaign.
extension MetricsAccumulator {
    /// How many SKUs `top_shortfall` lists, and the value below which a SKU lost nothing.
    static let topShortfallCount = 10
    static let shortfallEpsilon = 1e-9

    /// A shortfall value on the grid of 1e-9 that orders and ties SKUs: two sums that are equal in decimals
    /// (27 × 4.79 and 3 × 43.11) come out of binary floating point a few ulps apart, and those ulps must not
    /// decide which SKU comes first (the reference sums in exact decimals). Exact for values below 9e6.
    static func decimalKey(_ value: Double) -> Double { (value * 1e9).rounded() }

    /// Per period, up to ten SKUs with shortfall value > 1e-9, by shortfall value descending, then SKU.
    func topShortfall(_ skus: SKUSums, periods: Int) -> [[ShortfallSKU]] {
        var candidates = [[Int]](repeating: [], count: periods)
        for i in 0..<skus.index.count where skus.shortfall[i] > Self.shortfallEpsilon {
            let p = skus.owner(i)
            if p >= 0, p < periods { candidates[p].append(i) }
        }
        let sku = masterData.products.map(\.sku)
        return candidates.map { list in
            list.sorted { a, b in
                let va = Self.decimalKey(skus.shortfall[a]), vb = Self.decimalKey(skus.shortfall[b])
                if va != vb { return va > vb }
                return MetricsAccumulator.byteOrder(sku[Int(skus.product(a))], sku[Int(skus.product(b))])
            }
            .prefix(Self.topShortfallCount)
            .map { i in
                let p = Int(skus.product(i))
                return ShortfallSKU(sku: sku[p], category: categoryName(of: p), dueUnits: skus.due[i], onTimeUnits: skus.onTime[i],
                                    shortfallValue: skus.shortfall[i],
                                    campaignIDs: index.members(skus.sets[i]).map { masterData.campaigns[Int($0)].id }
                                        .sorted(by: MetricsAccumulator.byteOrder))
            }
        }
    }

    /// `campaign_skus`: every (campaign, SKU) with a line in lines(C), for the reported campaigns, by
    /// campaign as `campaigns`, then shortfall value descending, then SKU.
    func campaignSKUFigures(_ campaigns: [CampaignFigures]) -> [CampaignSKUFigures] {
        let skus = campaignSKUs
        var rowsOf = [[Int]](repeating: [], count: masterData.campaigns.count)
        for i in 0..<skus.index.count { rowsOf[skus.owner(i)].append(i) }
        // Lead times per pair, sorted once.
        var leadTimes = [[Int32]](repeating: [], count: skus.index.count)
        for (pair, days) in skus.leadTimes { leadTimes[Int(pair)].append(days) }
        var campaignIndex: [String: Int] = [:]
        for (c, campaign) in masterData.campaigns.enumerated() where campaignIndex[campaign.id] == nil { campaignIndex[campaign.id] = c }
        let sku = masterData.products.map(\.sku)
        let withStock = isPresent(.inventory)
        var out: [CampaignSKUFigures] = []
        for campaign in campaigns {
            guard let c = campaignIndex[campaign.campaignID] else { continue }
            let rows = rowsOf[c].sorted { a, b in
                let va = Self.decimalKey(skus.shortfall[a]), vb = Self.decimalKey(skus.shortfall[b])
                if va != vb { return va > vb }
                return MetricsAccumulator.byteOrder(sku[Int(skus.product(a))], sku[Int(skus.product(b))])
            }
            for i in rows {
                let p = skus.product(i)
                var lead = leadTimes[i]
                out.append(CampaignSKUFigures(
                    campaignID: campaign.campaignID, sku: sku[Int(p)], category: categoryName(of: Int(p)),
                    orderedUnits: skus.ordered[i], dueUnits: skus.due[i], onTimeUnits: skus.onTime[i],
                    fillRate: skus.due[i] == 0 ? nil : skus.onTime[i] / skus.due[i], shortfallValue: skus.shortfall[i],
                    leadTimeMedian: NearestRank.medianAndP90(&lead).median,
                    stockOnHand: withStock ? stock.stock(of: p) : nil))
            }
        }
        return out
    }

    /// The category name of a product.
    func categoryName(of product: Int) -> String {
        let k = Int(products.category[product])
        return k >= 0 && k < masterData.categories.count ? masterData.categories[k] : ""
    }
}
