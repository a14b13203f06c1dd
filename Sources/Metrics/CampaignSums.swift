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
    /// Per campaign, per day from `dailyStart` to min(end, A): units ordered and on-time shipped.
    var dailyOrdered: [[Double]]
    var dailyOnTime: [[Double]]
    /// The first day of each campaign's daily series: its start, or the report's first day when it started
    /// before that (an "always on" campaign from 1900 would otherwise make a page of 46,000 days).
    var dailyStart: [Day] = []
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
    mutating func prepareDaily(campaigns: [Campaign], reportStart: Day, asOf: Day) {
        dailyStart = campaigns.map { Swift.max($0.start, reportStart) }
        for (c, campaign) in campaigns.enumerated() {
            let n = Swift.max(0, Swift.min(campaign.end, asOf) - dailyStart[c] + 1)
            dailyOrdered[c] = Array(repeating: 0, count: n)
            dailyOnTime[c] = Array(repeating: 0, count: n)
        }
    }
}
