/// Sums per (period or campaign, product) pair: the promotional due lines of a period's SKUs
/// (`top_shortfall`), or the lines of a campaign's SKUs (`campaign_skus`).
struct SKUSums: Sendable {
    var index = KeyIndex()
    /// Σ qty_ordered over every line (campaign SKUs; unused for periods).
    var ordered: [Double] = []
    /// Σ qty_ordered, Σ ots, Σ (qty_ordered − ots) × unit_price over the due lines.
    var due: [Double] = []
    var onTime: [Double] = []
    var shortfall: [Double] = []
    /// Union of the campaign sets of the lines (periods: which campaigns a SKU's shortfall belongs to).
    var sets: [UInt32] = []
    /// (pair index, lead time) of lines complete by A (campaign SKUs).
    var leadTimes: [(pair: Int32, days: Int32)] = []

    /// The index of (`owner`, `product`), created with zero sums.
    @inline(__always)
    mutating func pair(_ owner: Int, _ product: Int32) -> Int {
        let (i, isNew) = index.index(KeyIndex.key(owner, product))
        if isNew {
            ordered.append(0)
            due.append(0)
            onTime.append(0)
            shortfall.append(0)
            sets.append(0)
        }
        return i
    }

    func owner(_ i: Int) -> Int { KeyIndex.high(index.order[i]) }
    func product(_ i: Int) -> Int32 { KeyIndex.low(index.order[i]) }
}

/// Lead times (days) grouped the ways the figures need them; each group is sorted once at `finish`.
struct LeadTimeGroups: Sendable {
    /// Per week: promotional at `2w`, other at `2w + 1`; months the same.
    var weeks: [[Int32]]
    var months: [[Int32]]
    /// Per campaign, over lines(C) complete by A.
    var campaigns: [[Int32]]
    /// Per category, lines completed in the category window.
    var categories: [[Int32]]

    init(weeks: Int = 0, months: Int = 0, campaigns: Int = 0, categories: Int = 0) {
        self.weeks = Array(repeating: [], count: 2 * weeks)
        self.months = Array(repeating: [], count: 2 * months)
        self.campaigns = Array(repeating: [], count: campaigns)
        self.categories = Array(repeating: [], count: categories)
    }
}

extension SKUSums {
    /// Adds a promotional line due in period `period` to its SKU's sums.
    @inline(__always)
    mutating func addDue(_ period: Int, _ product: Int32, _ q: Double, _ ots: Double, _ shortfall: Double, _ set: UInt32,
                         _ campaignSets: inout CampaignSets) {
        let i = pair(period, product)
        due[i] += q
        onTime[i] += ots
        self.shortfall[i] += shortfall
        sets[i] = campaignSets.union(sets[i], set)
    }
}
