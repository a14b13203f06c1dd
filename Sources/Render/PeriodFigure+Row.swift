import Metrics
import ScorecardCore

extension PeriodFigure {
    /// How a figure stands against its target.
    enum Standing: Sendable {
        case met, belowTarget, aboveThreshold

        var text: String {
            switch self {
            case .met: return "Target met"
            case .belowTarget: return "Below target"
            case .aboveThreshold: return "Above threshold"
            }
        }
    }

    /// `nil` without a target or a value.
    func standing(_ value: Double?, targets: Config.Targets) -> Standing? {
        guard let value, let target else { return nil }
        guard missesTarget(value, targets: targets) else { return .met }
        if case .atMost = target { return .aboveThreshold }
        return .belowTarget
    }

    /// The template values of this figure for period `p`, shared by the scorecard pages and the digest so
    /// both say the same thing: label, value (or "—" and why), target, whether it misses it, and the
    /// change against `previous`.
    func row(_ p: PeriodFigures, previous: PeriodFigures?, report: Report, formatter f: ValueFormatter) -> (values: [String: Any], standing: Standing?) {
        let value = self.value(p)
        let target = targetText(report.targets, formatter: f)
        let standing = standing(value, targets: report.targets)
        let values: [String: Any] = [
            "key": key,
            "label": label,
            "value": f.format(value, as: kind),
            "isNull": value == nil,
            "nullReason": value == nil ? nullReason(present: report.present) : "",
            "hasTarget": target != nil,
            "target": target ?? "",
            "misses": standing == .belowTarget || standing == .aboveThreshold,
            "change": previous == nil ? ValueFormatter.null : f.change(from: previous.flatMap(self.value), to: value, as: kind),
        ]
        return (values, standing)
    }
}
