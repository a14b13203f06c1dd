import Metrics
import ScorecardCore

/// One period figure of kpis.md as the pages and the digest show it: label, unit, target, and why it
/// can be `null`.
struct PeriodFigure: Sendable {
    /// A target the figure is held against.
    enum Target: Sendable {
        /// Good when at or above (`promo_fill_rate`).
        case atLeast(KeyPath<Config.Targets, Double> & Sendable)
        /// Alert when above (`stockout_campaign_share`).
        case atMost(KeyPath<Config.Targets, Double> & Sendable)
    }

    /// The kpis.md key, also the row's id on the page.
    var key: String
    var label: String
    var kind: ValueKind
    var value: @Sendable (PeriodFigures) -> Double?
    var target: Target?
    /// The optional source without which the figure is always `null`.
    var needs: SourceName?
    /// Why the figure is `null` although its source is present (a 0 denominator).
    var emptyReason: String

    /// Why `value` is `null` for this report: the missing export first, else the empty denominator.
    func nullReason(present: Set<SourceName>) -> String {
        if let needs, !present.contains(needs) { return "no \(needs.rawValue) export" }
        return emptyReason
    }

    /// `target` as text (`at least 95 %`), or `nil` when the figure has none.
    func targetText(_ targets: Config.Targets, formatter: ValueFormatter) -> String? {
        switch target {
        case .atLeast(let path)?: return "at least " + formatter.targetPercent(targets[keyPath: path])
        case .atMost(let path)?: return "at most " + formatter.targetPercent(targets[keyPath: path])
        case nil: return nil
        }
    }

    /// Whether `value` misses its target; `false` without a target or a value.
    func missesTarget(_ value: Double?, targets: Config.Targets) -> Bool {
        guard let value else { return false }
        switch target {
        case .atLeast(let path)?: return value < targets[keyPath: path]
        case .atMost(let path)?: return value > targets[keyPath: path]
        case nil: return false
        }
    }

    /// Every period figure, promotional next to non-promotional, in the order pages list them.
    static let all: [PeriodFigure] = [
        PeriodFigure(key: "promo_fill_rate", label: "Fill rate, promotional", kind: .percent, value: { $0.promoFillRate },
                     target: .atLeast(\.promoFillRate), needs: nil, emptyReason: "no promotional lines due"),
        PeriodFigure(key: "other_fill_rate", label: "Fill rate, non-promotional", kind: .percent, value: { $0.otherFillRate },
                     target: nil, needs: nil, emptyReason: "no non-promotional lines due"),
        PeriodFigure(key: "promo_units_ordered", label: "Units ordered, promotional", kind: .quantity,
                     value: { $0.promoUnitsOrdered }, target: nil, needs: nil, emptyReason: ""),
        PeriodFigure(key: "promo_shortfall_value", label: "Shortfall value, promotional", kind: .money,
                     value: { $0.promoShortfallValue }, target: nil, needs: nil, emptyReason: ""),
        PeriodFigure(key: "campaigns_measured", label: "Campaigns measured", kind: .count,
                     value: { Double($0.campaignsMeasured) }, target: nil, needs: nil, emptyReason: ""),
        PeriodFigure(key: "campaigns_below_target", label: "Campaigns below the fill-rate target", kind: .count,
                     value: { Double($0.campaignsBelowTarget) }, target: nil, needs: nil, emptyReason: ""),
        PeriodFigure(key: "stockout_campaign_share", label: "Stockout campaign share", kind: .percent,
                     value: { $0.stockoutCampaignShare }, target: .atMost(\.stockoutCampaignShare), needs: nil,
                     emptyReason: "no campaigns measured"),
        PeriodFigure(key: "inventory_turns_promoted", label: "Inventory turns, promoted categories", kind: .turns,
                     value: { $0.inventoryTurnsPromoted }, target: nil, needs: .inventory,
                     emptyReason: "no stock snapshot or no stock value"),
        PeriodFigure(key: "inventory_turns_other", label: "Inventory turns, other categories", kind: .turns,
                     value: { $0.inventoryTurnsOther }, target: nil, needs: .inventory,
                     emptyReason: "no stock snapshot or no stock value"),
        PeriodFigure(key: "return_rate", label: "Return rate", kind: .percent, value: { $0.returnRate },
                     target: nil, needs: .returns, emptyReason: "nothing shipped"),
        PeriodFigure(key: "promo_return_rate", label: "Return rate, promotional", kind: .percent,
                     value: { $0.promoReturnRate }, target: nil, needs: .returns, emptyReason: "nothing promotional shipped"),
        PeriodFigure(key: "other_return_rate", label: "Return rate, non-promotional", kind: .percent,
                     value: { $0.otherReturnRate }, target: nil, needs: .returns, emptyReason: "nothing non-promotional shipped"),
        PeriodFigure(key: "total_freight_spend", label: "Freight spend", kind: .money, value: { $0.totalFreightSpend },
                     target: nil, needs: .freight, emptyReason: "no freight"),
        PeriodFigure(key: "emergency_freight_spend", label: "Emergency freight spend", kind: .money,
                     value: { $0.emergencyFreightSpend }, target: nil, needs: .freight, emptyReason: "no freight"),
        PeriodFigure(key: "emergency_freight_share", label: "Emergency freight share", kind: .percent,
                     value: { $0.emergencyFreightShare }, target: nil, needs: .freight, emptyReason: "no freight spend"),
        PeriodFigure(key: "promo_emergency_freight_spend", label: "Emergency freight spend, promotional orders", kind: .money,
                     value: { $0.promoEmergencyFreightSpend }, target: nil, needs: .freight, emptyReason: "no freight"),
        PeriodFigure(key: "forecast_accuracy", label: "Forecast accuracy", kind: .percent, value: { $0.forecastAccuracy },
                     target: nil, needs: .forecast, emptyReason: "no forecast for this period"),
    ]

    /// Promotional and non-promotional figures side by side: (row label, promotional key, other key).
    static let pairs: [(label: String, promo: String, other: String)] = [
        ("Fill rate", "promo_fill_rate", "other_fill_rate"),
        ("Inventory turns", "inventory_turns_promoted", "inventory_turns_other"),
        ("Return rate", "promo_return_rate", "other_return_rate"),
    ]

    static func named(_ key: String) -> PeriodFigure? { all.first { $0.key == key } }
}
