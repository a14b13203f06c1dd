import Foundation
import ScorecardCore

/// Where the shortfall came from: the SKUs that lost the most promotional value per period, and every
/// SKU of every campaign.
extension MetricsAccumulator {
    /// How many SKUs `top_shortfall` lists, and the value below which a SKU lost nothing.
    static let topShortfallCount = 10
    static let shortfallEpsilon = 1e-9

    /// Per period, up to ten SKUs with shortfall value > 1e-9, by shortfall value descending, then SKU.
    func topShortfall(_ skus: SKUSums, periods: Int) -> [[ShortfallSKU]] {
        var candidates = [[Int]](repeating: [], count: periods)
        for i in 0..<skus.index.count where skus.shortfall[i] > Self.shortfallEpsilon {
            let p = skus.owner(i)
            if p >= 0, p < periods { candidates[p].append(i) }
        }
        let sku = masterData.products.map(\.sku)
        return candidates.map { list in
            worstFirst(list, skus, sku)
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
            let rows = worstFirst(rowsOf[c], skus, sku)
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

    /// Pairs by shortfall value descending, then SKU ascending (byte order).
    ///
    /// Values are compared as the decimals they stand for: two SKUs that each lost 23.10 may hold
    /// 23.1 and 23.099999999999998 after binary addition, and must tie (and be ordered by SKU), not be
    /// ordered by rounding noise. `orderingKey` rounds to a millionth of a currency unit, far below any
    /// price and far above the rounding error of the sums.
    func worstFirst(_ pairs: [Int], _ skus: SKUSums, _ sku: [String]) -> [Int] {
        let keyed = pairs.map { (pair: $0, key: Self.orderingKey(skus.shortfall[$0])) }
        return keyed.sorted { a, b in
            if a.key != b.key { return a.key > b.key }
            return MetricsAccumulator.byteOrder(sku[Int(skus.product(a.pair))], sku[Int(skus.product(b.pair))])
        }.map(\.pair)
    }

    /// A shortfall value rounded to six decimals for ordering; beyond 2^53 / 10^6 (where a double has no
    /// such decimals) the value itself, rounded to 15 significant digits.
    static func orderingKey(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        if abs(value) < 9e9 { return (value * 1e6).rounded() / 1e6 }
        let scale = pow(10, 14 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    /// The category name of a product.
    func categoryName(of product: Int) -> String {
        let k = Int(products.category[product])
        return k >= 0 && k < masterData.categories.count ? masterData.categories[k] : ""
    }
}
