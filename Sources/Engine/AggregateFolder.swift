import Foundation
import Metrics
import ScorecardCore

/// The boundary between the reduce stage and the finish stage: the aggregate tables of one build as a
/// folder of CSV files (and a small JSON manifest), documented in docs/aggregates.md.
///
/// The built-in engine can write it (`scorecard build --keep-aggregates DIR`), the Spark job writes it,
/// and the finish stage reads it back into `Aggregates` and the `IngestSummary` of the data-quality
/// page. Everything is named as in the exports (SKUs, categories, campaign ids, dates), never by the
/// engine's internal indices.
public enum AggregateFolder {
    /// The version of the layout; a reader refuses another.
    public static let format = 1

    /// The tables of the views, each with its key columns and value columns.
    static let tables: [(name: String, keys: [String], values: [String])] = [
        ("lines", ["view", "day", "category", "promotional"],
         ["due_units", "on_time_units", "shortfall_value", "shipped_units", "cogs", "returned_units"]),
        ("sku_due", ["view", "day", "sku", "campaign_set"], ["due_units", "on_time_units", "shortfall_value"]),
        ("freight", ["view", "day"], ["cost", "emergency_cost", "promo_emergency_cost"]),
        ("inventory", ["view", "day", "category"], ["rows", "qty_on_hand", "value"]),
        ("stock", ["view", "sku"], ["qty_on_hand"]),
        ("forecast", ["view", "week", "promotional"], ["error", "weight", "signed_error", "pairs_with_forecast"]),
        ("lead_times", ["view", "day", "category", "promotional", "days"], ["lines"]),
        ("campaign_skus", ["view", "campaign_id", "sku"],
         ["ordered_units", "due_units", "on_time_units", "shortfall_value", "shipped_units", "returned_units"]),
        ("campaign_days", ["view", "campaign_id", "day"], ["ordered_units", "on_time_units"]),
        ("campaign_freight", ["view", "campaign_id"], ["emergency_cost"]),
        ("campaign_returns", ["view", "campaign_id", "reason"], ["returned_units"]),
        ("campaign_lead_times", ["view", "campaign_id", "sku", "days"], ["lines"]),
        ("supplier_lead_times", ["view", "day", "category", "days"], ["lines"]),
        ("supplier_on_time", ["view", "day"], ["on_time_units", "ordered_units"]),
        ("inbound_open", ["view", "sku", "due_date"], ["open_units"]),
    ]
}
