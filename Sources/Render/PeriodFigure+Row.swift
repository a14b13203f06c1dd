import Metrics
import ScorecardCore

extension PeriodFigure {
    /// How a figure stands against its target.
    enum Standing: Sendable {
        case met, belowTarget, aboveThreshold, noData

        var text: String {
            switch self {
            case .met: return "Target met"
            case .belowTarget: return "Below target"
            case .aboveThreshold: return "Above threshold"
            case .noData: return "No data"
            }
        }

        var misses: Bool { self == .belowTarget || self == .aboveThreshold }

        /// The icon beside the word (colour is never the only signal).
        var icon: String {
            switch self {
            case .met: return "✓"
            case .belowTarget, .aboveThreshold: return "✗"
            case .noData: return "–"
            }
        }

        /// The CSS class of the status.
        var kind: String {
            switch self {
            case .met: return "good"
            case .belowTarget, .aboveThreshold: return "bad"
            case .noData: return "nodata"
            }
        }
    }

    /// `nil` without a target; `noData` for a `null` value (neither met nor missed).
    func standing(_ value: Double?, targets: Config.Targets) -> Standing? {
        guard let t = target(targets) else { return nil }
        guard let value else { return .noData }
        if let lo = t.min, value < lo { return .belowTarget }
        if let hi = t.max, value > hi { return .aboveThreshold }
        return .met
    }

    /// The template values of this figure for period `p`, shared by the scorecard pages and the digest so
    /// both say the same thing: label, value (or "—" and why), target, status, and the change against
    /// `previous`. Why a value is "—" is the site's to say (`SiteContext.nullReason`: a view names the
    /// sources its dimension does not map).
    func row(_ p: PeriodFigures, previous: PeriodFigures?, site: SiteContext) -> (values: [String: Any], standing: Standing?) {
        let report = site.report, f = site.formatter
        let value = self.value(p)
        let target = targetText(report.targets, formatter: f)
        let standing = standing(value, targets: report.targets)
        let values: [String: Any] = [
            "key": key,
            "label": label,
            "value": f.format(value, as: kind),
            "isNull": value == nil,
            "nullReason": value == nil ? site.nullReason(self) : "",
            "hasTarget": target != nil,
            "target": target ?? "",
            "hasStatus": standing != nil,
            "status": standing?.text ?? "",
            "statusIcon": standing?.icon ?? "",
            "statusKind": standing?.kind ?? "",
            "misses": standing?.misses ?? false,
            "change": previous == nil ? ValueFormatter.null : f.change(from: previous.flatMap(self.value), to: value, as: kind),
        ]
        return (values, standing)
    }
}
