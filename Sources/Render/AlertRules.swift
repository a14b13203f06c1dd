import Metrics
import ScorecardCore

/// Decides the alerts of one period: stockout share above its threshold, campaigns below target,
/// upcoming campaigns at risk (as-of week only), and jumps of emergency freight share or return rate.
struct AlertRules: Sendable {
    /// A jump is a value at least this many times the average of the previous periods …
    static let jumpFactor = 1.5
    /// … and at least this much above it (2 percentage points), so tiny rates do not alert on noise.
    static let jumpMinimum = 0.02
    /// How many previous periods make the average.
    static let jumpLookback = 4

    var report: Report
    var formatter: ValueFormatter

    /// - Parameters:
    ///   - index: the period's index in `periods` (`report.weeks` or `report.months`).
    ///   - includeUpcoming: list upcoming campaigns at risk (only for the as-of week: readiness is measured at A).
    func alerts(in periods: [PeriodFigures], at index: Int, includeUpcoming: Bool) -> [Alert] {
        let p = periods[index]
        let unit = p.period.kind == .week ? "week" : "month"
        let targets = report.targets
        var out: [Alert] = []
        let stockout = PeriodFigure.named("stockout_campaign_share")?.target(targets)?.max ?? targets.stockoutCampaignShare
        if let share = p.stockoutCampaignShare, share > stockout {
            out.append(Alert(
                kind: .stockoutShare,
                message: "Stockout campaign share is \(formatter.percent(share)), above the threshold of "
                    + "\(formatter.targetPercent(stockout)): \(p.campaignsBelowTarget) of "
                    + "\(p.campaignsMeasured) campaigns measured are below the fill-rate target.",
                items: [], anchor: "shortfall"))
        }
        if !p.campaignsBelowTargetIDs.isEmpty {
            let names = Dictionary(report.campaigns.map { ($0.campaignID, $0.name) }, uniquingKeysWith: { a, _ in a })
            let count = p.campaignsBelowTargetIDs.count
            out.append(Alert(
                kind: .belowTarget,
                message: "\(count) \(count == 1 ? "campaign is" : "campaigns are") below the fill-rate target of "
                    + "\(formatter.targetPercent(targets.promoFillRate)) this \(unit):",
                items: p.campaignsBelowTargetIDs.map { id in
                    Alert.Item(text: names[id].map { "\($0) (\(id))" } ?? id, campaignID: names[id] == nil ? nil : id, fragment: "skus")
                },
                anchor: "shortfall"))
        }
        if includeUpcoming {
            let atRisk = report.campaigns.filter { $0.status == .upcoming && $0.atRisk }
            if !atRisk.isEmpty {
                out.append(Alert(
                    kind: .atRisk,
                    message: "\(atRisk.count) upcoming \(atRisk.count == 1 ? "campaign is" : "campaigns are") at risk: "
                        + "stock on hand covers less than the planned units:",
                    items: atRisk.map {
                        var text = "\($0.name) (\($0.campaignID)), starts \($0.start), readiness \(formatter.percent($0.readiness))"
                        if let withInbound = $0.readinessWithInbound { text += ", \(formatter.percent(withInbound)) with inbound purchase orders" }
                        return Alert.Item(text: text, campaignID: $0.campaignID, fragment: "readiness")
                    }))
            }
        }
        if let jump = jump(periods, index, \.emergencyFreightShare) {
            out.append(Alert(
                kind: .emergencyFreightJump,
                message: "Emergency freight share jumped to \(formatter.percent(jump.value)) from an average of "
                    + "\(formatter.percent(jump.average)) over the previous \(jump.count) \(unit)\(jump.count == 1 ? "" : "s").",
                items: [], anchor: "emergency_freight_share"))
        }
        if let jump = jump(periods, index, \.returnRate) {
            out.append(Alert(
                kind: .returnRateJump,
                message: "Return rate jumped to \(formatter.percent(jump.value)) from an average of "
                    + "\(formatter.percent(jump.average)) over the previous \(jump.count) \(unit)\(jump.count == 1 ? "" : "s").",
                items: [], anchor: "return_rate"))
        }
        out += figureTargetAlerts(p)
        return out
    }

    /// One alert per segment dimension whose values miss the promotional fill-rate target in the as-of
    /// week: "3 of 6 sales regions are below the fill-rate target: EMEA 71.2 %, …", worst first, each
    /// value linked to its page and the alert to the dimension's page.
    func segmentAlerts(_ dimensions: [DimensionReport], folders: SegmentFolders) -> [Alert] {
        let target = PeriodFigure.named("promo_fill_rate")?.target(report.targets)?.min ?? report.targets.promoFillRate
        return dimensions.compactMap { d -> Alert? in
            let below = d.views.filter { ($0.weeks.last?.promoFillRate).map { $0 < target } ?? false }
            guard !below.isEmpty else { return nil }
            return Alert(
                kind: .segmentBelowTarget,
                message: "\(below.count) of \(d.views.count) \(Self.plural(d.label)) \(below.count == 1 ? "is" : "are") below the fill-rate target of "
                    + "\(formatter.targetPercent(target)): "
                    + below.map { "\($0.label) \(formatter.percent($0.weeks.last?.promoFillRate))" }.joined(separator: ", "),
                items: below.map { Alert.Item(text: "\($0.label): \(formatter.percent($0.weeks.last?.promoFillRate))", link: folders.page(d.key, $0)) },
                link: SitePaths.segment(d.key))
        }
    }

    /// `Sales region` → `sales regions`; a label that does not end in a letter other than s is said as
    /// "values of LABEL".
    static func plural(_ label: String) -> String {
        guard let last = label.last, last.isLetter, last != "s", last != "S" else { return "values of \(label)" }
        return label.lowercased() + "s"
    }

    /// One alert per figure of `targets.figures` that the period misses (the stockout share has its own
    /// alert above). A `null` value is neither met nor missed.
    func figureTargetAlerts(_ p: PeriodFigures) -> [Alert] {
        report.targets.figures.compactMap { t -> Alert? in
            guard t.key != "stockout_campaign_share", let figure = PeriodFigure.named(t.key),
                  let standing = figure.standing(figure.value(p), targets: report.targets), standing.misses,
                  let target = figure.targetText(report.targets, formatter: formatter) else { return nil }
            let side = standing == .belowTarget ? "below" : "above"
            return Alert(kind: .figureTarget,
                         message: "\(figure.label) is \(formatter.format(figure.value(p), as: figure.kind)): \(side) its target (\(target)).",
                         items: [], anchor: figure.key)
        }
    }

    /// The value and the average of up to `jumpLookback` previous non-null values, when it is a jump.
    func jump(_ periods: [PeriodFigures], _ index: Int, _ key: KeyPath<PeriodFigures, Double?>)
        -> (value: Double, average: Double, count: Int)? {
        guard let value = periods[index][keyPath: key] else { return nil }
        let previous = periods[max(0, index - Self.jumpLookback)..<index].compactMap { $0[keyPath: key] }
        guard !previous.isEmpty else { return nil }
        let average = previous.reduce(0, +) / Double(previous.count)
        guard value >= average * Self.jumpFactor, value - average >= Self.jumpMinimum else { return nil }
        return (value, average, previous.count)
    }
}
