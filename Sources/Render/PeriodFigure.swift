import Metrics
import ScorecardCore

/// One period figure as the pages and the digest show it: label, unit, its target, and why it can be
/// `null`. `all` lists every numeric period key (`FigureKeys.period`), in that order.
struct PeriodFigure: Sendable {
    /// The kpis.json key, also the row's id on the page and the anchor of its definition.
    var key: String
    var label: String
    var kind: ValueKind
    var value: @Sendable (PeriodFigures) -> Double?
    /// The optional sources without which the figure is always `null`.
    var needs: [SourceName]
    /// Why the figure is `null` although its sources are present (a 0 denominator).
    var emptyReason: String

    init(_ key: String, _ label: String, _ kind: ValueKind, needs: [SourceName] = [], empty: String = "",
         _ value: @escaping @Sendable (PeriodFigures) -> Double?) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
        self.needs = needs
        self.emptyReason = empty
    }

    /// Why `value` is `null` for this report: a missing export first, else the empty denominator.
    func nullReason(present: Set<SourceName>) -> String {
        if let missing = needs.first(where: { !present.contains($0) }) { return "no \(missing.rawValue) export" }
        return emptyReason
    }

    /// The threshold the figure is held against: `targets.figures.KEY` when configured, else the fill-rate
    /// target for `promo_fill_rate` and the stockout threshold for `stockout_campaign_share`.
    func target(_ targets: Config.Targets) -> Config.FigureTarget? {
        if let configured = targets.figure(key) { return configured }
        switch key {
        case "promo_fill_rate": return Config.FigureTarget(key: key, min: targets.promoFillRate)
        case "stockout_campaign_share": return Config.FigureTarget(key: key, max: targets.stockoutCampaignShare)
        default: return nil
        }
    }

    /// The target as text (`at least 95 %`, `at most 10 days`, `between 1 and 10 days`), or `nil`.
    func targetText(_ targets: Config.Targets, formatter f: ValueFormatter) -> String? {
        guard let t = target(targets) else { return nil }
        switch (t.min, t.max) {
        case let (lo?, hi?): return "between \(f.threshold(lo, as: kind)) and \(f.threshold(hi, as: kind))"
        case let (lo?, nil): return "at least " + f.threshold(lo, as: kind)
        case let (nil, hi?): return "at most " + f.threshold(hi, as: kind)
        case (nil, nil): return nil
        }
    }

    /// Every numeric period figure, in `FigureKeys.period` order.
    static let all: [PeriodFigure] = [
        PeriodFigure("promo_fill_rate", "Fill rate, promotional", .percent, empty: "no promotional lines due") { $0.promoFillRate },
        PeriodFigure("other_fill_rate", "Fill rate, non-promotional", .percent, empty: "no non-promotional lines due") { $0.otherFillRate },
        PeriodFigure("promo_units_ordered", "Units ordered, promotional", .quantity) { $0.promoUnitsOrdered },
        PeriodFigure("promo_shortfall_value", "Shortfall value, promotional", .money) { $0.promoShortfallValue },
        PeriodFigure("campaigns_measured", "Campaigns measured", .count) { Double($0.campaignsMeasured) },
        PeriodFigure("campaigns_below_target", "Campaigns below the fill-rate target", .count) { Double($0.campaignsBelowTarget) },
        PeriodFigure("stockout_campaign_share", "Stockout campaign share", .percent, empty: "no campaigns measured") {
            $0.stockoutCampaignShare
        },
        PeriodFigure("inventory_turns_promoted", "Inventory turns, promoted categories", .turns, needs: [.inventory],
                     empty: "no stock snapshot or no stock value") { $0.inventoryTurnsPromoted },
        PeriodFigure("inventory_turns_other", "Inventory turns, other categories", .turns, needs: [.inventory],
                     empty: "no stock snapshot or no stock value") { $0.inventoryTurnsOther },
        PeriodFigure("return_rate", "Return rate", .percent, needs: [.returns], empty: "nothing shipped") { $0.returnRate },
        PeriodFigure("promo_return_rate", "Return rate, promotional", .percent, needs: [.returns],
                     empty: "nothing promotional shipped") { $0.promoReturnRate },
        PeriodFigure("other_return_rate", "Return rate, non-promotional", .percent, needs: [.returns],
                     empty: "nothing non-promotional shipped") { $0.otherReturnRate },
        PeriodFigure("total_freight_spend", "Freight spend", .money, needs: [.freight], empty: "no freight") { $0.totalFreightSpend },
        PeriodFigure("emergency_freight_spend", "Emergency freight spend", .money, needs: [.freight], empty: "no freight") {
            $0.emergencyFreightSpend
        },
        PeriodFigure("emergency_freight_share", "Emergency freight share", .percent, needs: [.freight], empty: "no freight spend") {
            $0.emergencyFreightShare
        },
        PeriodFigure("promo_emergency_freight_spend", "Emergency freight spend, promotional orders", .money, needs: [.freight],
                     empty: "no freight") { $0.promoEmergencyFreightSpend },
        PeriodFigure("forecast_accuracy", "Forecast accuracy", .percent, needs: [.forecast],
                     empty: "no forecast for this period") { $0.forecastAccuracy },
        PeriodFigure("promo_forecast_accuracy", "Forecast accuracy, promoted SKU-weeks", .percent, needs: [.forecast],
                     empty: "no forecast for a promoted SKU-week") { $0.promoForecastAccuracy },
        PeriodFigure("other_forecast_accuracy", "Forecast accuracy, other SKU-weeks", .percent, needs: [.forecast],
                     empty: "no forecast for another SKU-week") { $0.otherForecastAccuracy },
        PeriodFigure("forecast_bias", "Forecast bias (+ over, − under)", .signedPercent, needs: [.forecast],
                     empty: "no forecast for this period") { $0.forecastBias },
        PeriodFigure("promo_lead_time_median", "Lead time, promotional, median", .days,
                     empty: "no promotional line completed") { $0.promoLeadTimeMedian },
        PeriodFigure("promo_lead_time_p90", "Lead time, promotional, 90th percentile", .days,
                     empty: "no promotional line completed") { $0.promoLeadTimeP90 },
        PeriodFigure("other_lead_time_median", "Lead time, non-promotional, median", .days,
                     empty: "no non-promotional line completed") { $0.otherLeadTimeMedian },
        PeriodFigure("other_lead_time_p90", "Lead time, non-promotional, 90th percentile", .days,
                     empty: "no non-promotional line completed") { $0.otherLeadTimeP90 },
        PeriodFigure("supplier_lead_time_median", "Supplier lead time, median", .days, needs: [.purchaseOrders, .receipts],
                     empty: "no purchase-order line received") { $0.supplierLeadTimeMedian },
        PeriodFigure("supplier_lead_time_p90", "Supplier lead time, 90th percentile", .days, needs: [.purchaseOrders, .receipts],
                     empty: "no purchase-order line received") { $0.supplierLeadTimeP90 },
        PeriodFigure("supplier_on_time_rate", "On-time receipt rate", .percent, needs: [.purchaseOrders, .receipts],
                     empty: "no purchase-order line due") { $0.supplierOnTimeRate },
    ]

    /// Promotional and non-promotional figures side by side: (row label, promotional key, other key).
    static let pairs: [(label: String, promo: String, other: String)] = [
        ("Fill rate", "promo_fill_rate", "other_fill_rate"),
        ("Inventory turns", "inventory_turns_promoted", "inventory_turns_other"),
        ("Return rate", "promo_return_rate", "other_return_rate"),
        ("Lead time, median", "promo_lead_time_median", "other_lead_time_median"),
        ("Lead time, 90th percentile", "promo_lead_time_p90", "other_lead_time_p90"),
        ("Forecast accuracy", "promo_forecast_accuracy", "other_forecast_accuracy"),
    ]

    static func named(_ key: String) -> PeriodFigure? { all.first { $0.key == key } }
}
