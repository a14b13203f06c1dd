/// The keys of the figures in `data/kpis.json`, shared by the config (which may set a target on any
/// period figure), the pages, the definitions and the data files, so that they cannot drift apart.
public enum FigureKeys {
    /// Every numeric figure of a week or a month, in the order pages list them (`top_shortfall`, a
    /// list, is not among them).
    public static let period: [String] = [
        "promo_fill_rate", "other_fill_rate", "promo_units_ordered", "promo_shortfall_value",
        "campaigns_measured", "campaigns_below_target", "stockout_campaign_share",
        "inventory_turns_promoted", "inventory_turns_other",
        "return_rate", "promo_return_rate", "other_return_rate",
        "total_freight_spend", "emergency_freight_spend", "emergency_freight_share", "promo_emergency_freight_spend",
        "forecast_accuracy", "promo_forecast_accuracy", "other_forecast_accuracy", "forecast_bias",
        "promo_lead_time_median", "promo_lead_time_p90", "other_lead_time_median", "other_lead_time_p90",
        "supplier_lead_time_median", "supplier_lead_time_p90", "supplier_on_time_rate",
    ]
}
