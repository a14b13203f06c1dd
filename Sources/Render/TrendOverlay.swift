import Metrics
import ScorecardCore

/// What a trend chart draws beside this year's values: the campaigns whose windows overlap its periods,
/// shaded and labelled (at most eight, the largest by ordered units), so a reader sees a curve against
/// the promotions that shaped it.
struct TrendOverlay: Sendable {
    static let maxCampaigns = 8

    /// The shaded campaigns, in the order they are labelled (by start, then id).
    var campaigns: [CampaignFigures]
    var bands: [LineChart.Band]

    /// - Parameters:
    ///   - periods: the chart's periods, oldest first.
    ///   - campaigns: the candidates (the report's campaigns, or those of one category).
    init(periods: [Period], campaigns: [CampaignFigures], asOf: Day) {
        guard let first = periods.first, let last = periods.last else {
            self.campaigns = []
            bands = []
            return
        }
        let end = Swift.min(last.end, asOf)
        let overlapping = campaigns.filter { $0.start <= end && $0.end >= first.start }
        let largest = overlapping.sorted {
            $0.orderedUnits != $1.orderedUnits ? $0.orderedUnits > $1.orderedUnits : $0.campaignID.utf8.lexicographicallyPrecedes($1.campaignID.utf8)
        }.prefix(Self.maxCampaigns)
        let shown = largest.sorted {
            $0.start != $1.start ? $0.start < $1.start : $0.campaignID.utf8.lexicographicallyPrecedes($1.campaignID.utf8)
        }
        /// The position of the start of `day` in period slots.
        func slot(_ day: Day) -> Double {
            if day < first.start { return 0 }
            for (i, p) in periods.enumerated() where p.contains(day) {
                return Double(i) + Double(day - p.start) / Double(p.end - p.start + 1)
            }
            return Double(periods.count)
        }
        self.campaigns = shown
        bands = shown.map { c in
            let from = Swift.max(c.start, first.start), to = Swift.min(c.end, end)
            // To the end of its last day in the chart.
            return LineChart.Band(from: slot(from), to: Swift.min(slot(to) + Self.dayWidth(to, periods), Double(periods.count)),
                                  label: c.campaignID, description: "\(c.campaignID) (\(c.start) to \(c.end))")
        }
    }

    /// One day's width in slots at `day`.
    static func dayWidth(_ day: Day, _ periods: [Period]) -> Double {
        periods.first { $0.contains(day) }.map { 1 / Double($0.end - $0.start + 1) } ?? 0
    }

    /// The year-earlier values of `window` (each period's, 364 days or a year back) where `periods` has them.
    static func lastYear(of window: [PeriodFigures], in periods: [PeriodFigures]) -> [PeriodFigures?] {
        let byStart = Dictionary(periods.map { ($0.period.start, $0) }, uniquingKeysWith: { a, _ in a })
        return window.map { w in
            byStart[w.period.kind == .week ? w.period.start - 364 : w.period.start.addingYears(-1)]
        }
    }
}
