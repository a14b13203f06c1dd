import ScorecardCore

/// Per-campaign sums of the campaign figures, indexed by campaign index.
struct CampaignSums: Sendable {
    /// Σ qty_ordered over lines(C).
    var ordered: [Double]
    /// Over lines(C) with requested_date <= A.
    var dueQty: [Double]
    var dueOts: [Double]
    var shortfall: [Double]
    /// Σ qty_shipped and Σ qty_returned of the deliveries and returns of lines(C).
    var shipped: [Double]
    var returned: [Double]
    /// Σ cost of emergency freight rows whose order has a line in lines(C).
    var emergencyFreight: [Double]
    /// Per campaign, per day from its start to min(end, A): units ordered and on-time shipped.
    var dailyOrdered: [[Double]]
    var dailyOnTime: [[Double]]
    /// (campaign << 32 | reason code id) → Σ qty_returned.
    var returnReasons: [Int64: Double] = [:]

    init(campaigns: Int) {
        let zeros = [Double](repeating: 0, count: campaigns)
        ordered = zeros
        dueQty = zeros
        dueOts = zeros
        shortfall = zeros
        shipped = zeros
        returned = zeros
        emergencyFreight = zeros
        dailyOrdered = Array(repeating: [], count: campaigns)
        dailyOnTime = Array(repeating: [], count: campaigns)
    }

    /// Sizes the daily series once the as-of date is known.
    mutating func prepareDaily(campaigns: [Campaign], asOf: Day) {
        for (c, campaign) in campaigns.enumerated() {
            let n = Swift.max(0, Swift.min(campaign.end, asOf) - campaign.start + 1)
            dailyOrdered[c] = Array(repeating: 0, count: n)
            dailyOnTime[c] = Array(repeating: 0, count: n)
        }
    }
}
