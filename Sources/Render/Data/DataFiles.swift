import Metrics
import ScorecardCore

/// The machine-readable files of the site: `data/kpis.json`, `data/weeks.csv`, `data/campaigns.csv`,
/// `data/rejected.csv` (docs/site.md).
///
/// The required keys come first, in docs/figures.md's order, with the same meaning in every file; what only the
/// pages need (categories, campaign items, reasons, daily series) is added under new top-level keys of
/// `kpis.json`, so each week, month and campaign entry holds exactly the spec's keys.
public enum DataFiles {
    public static func render(report: Report, ingest: IngestSummary) -> [String: [UInt8]] {
        var files = [
            "data/kpis.json": Array(kpisJSON(report: report, ingest: ingest).utf8),
            "data/weeks.csv": Array(table(periodColumns, report.weeks).utf8),
            "data/campaigns.csv": Array(table(campaignColumns, report.campaigns).utf8),
            "data/campaign_skus.csv": Array(table(campaignSKUColumns, report.campaignSKUs).utf8),
            "data/rejected.csv": Array(rejectedCSV(ingest.rejections).utf8),
        ]
        if !report.segments.isEmpty {
            files[SitePaths.segmentsData] = Array(segmentsJSON(report: report, folders: SegmentFolders(report.segments)).utf8)
        }
        return files
    }

    /// `period`, `start`, `end`, then every period key of docs/figures.md in its table order.
    static let periodColumns: [(String, @Sendable (PeriodFigures) -> DataValue)] = [
        ("period", { .string($0.period.label) }),
        ("start", { .string($0.period.start.description) }),
        ("end", { .string($0.period.end.description) }),
        ("promo_fill_rate", { .number($0.promoFillRate) }),
        ("other_fill_rate", { .number($0.otherFillRate) }),
        ("promo_units_ordered", { .number($0.promoUnitsOrdered) }),
        ("promo_shortfall_value", { .number($0.promoShortfallValue) }),
        ("campaigns_measured", { .integer($0.campaignsMeasured) }),
        ("campaigns_below_target", { .integer($0.campaignsBelowTarget) }),
        ("stockout_campaign_share", { .number($0.stockoutCampaignShare) }),
        ("inventory_turns_promoted", { .number($0.inventoryTurnsPromoted) }),
        ("inventory_turns_other", { .number($0.inventoryTurnsOther) }),
        ("total_freight_spend", { .number($0.totalFreightSpend) }),
        ("emergency_freight_spend", { .number($0.emergencyFreightSpend) }),
        ("emergency_freight_share", { .number($0.emergencyFreightShare) }),
        ("promo_emergency_freight_spend", { .number($0.promoEmergencyFreightSpend) }),
        ("return_rate", { .number($0.returnRate) }),
        ("promo_return_rate", { .number($0.promoReturnRate) }),
        ("other_return_rate", { .number($0.otherReturnRate) }),
        ("forecast_accuracy", { .number($0.forecastAccuracy) }),
        ("promo_lead_time_median", { .days($0.promoLeadTimeMedian) }),
        ("promo_lead_time_p90", { .days($0.promoLeadTimeP90) }),
        ("other_lead_time_median", { .days($0.otherLeadTimeMedian) }),
        ("other_lead_time_p90", { .days($0.otherLeadTimeP90) }),
        ("promo_forecast_accuracy", { .number($0.promoForecastAccuracy) }),
        ("other_forecast_accuracy", { .number($0.otherForecastAccuracy) }),
        ("forecast_bias", { .number($0.forecastBias) }),
        ("top_shortfall", { p in
            .objects(p.topShortfall.map { s in
                [("sku", .string(s.sku)), ("category", .string(s.category)), ("due_units", .number(s.dueUnits)),
                 ("on_time_units", .number(s.onTimeUnits)), ("shortfall_value", .number(s.shortfallValue))]
            })
        }),
        ("supplier_lead_time_median", { .days($0.supplierLeadTimeMedian) }),
        ("supplier_lead_time_p90", { .days($0.supplierLeadTimeP90) }),
        ("supplier_on_time_rate", { .number($0.supplierOnTimeRate) }),
    ]

    /// `campaign_id`, `name`, `start`, `end`, then every campaign key of docs/figures.md in its table order.
    static let campaignColumns: [(String, @Sendable (CampaignFigures) -> DataValue)] = [
        ("campaign_id", { .string($0.campaignID) }),
        ("name", { .string($0.name) }),
        ("start", { .string($0.start.description) }),
        ("end", { .string($0.end.description) }),
        ("status", { .string($0.status.rawValue) }),
        ("ordered_units", { .number($0.orderedUnits) }),
        ("planned_units", { .number($0.plannedUnits) }),
        ("plan_attainment", { .number($0.planAttainment) }),
        ("fill_rate", { .number($0.fillRate) }),
        ("shortfall_value", { .number($0.shortfallValue) }),
        ("below_target", { .bool($0.belowTarget) }),
        ("return_rate", { .number($0.returnRate) }),
        ("emergency_freight_spend", { .number($0.emergencyFreightSpend) }),
        ("readiness", { .number($0.readiness) }),
        ("at_risk", { .bool($0.atRisk) }),
        ("lead_time_median", { .days($0.leadTimeMedian) }),
        ("lead_time_p90", { .days($0.leadTimeP90) }),
        ("inbound_units", { .number($0.inboundUnits) }),
        ("readiness_with_inbound", { .number($0.readinessWithInbound) }),
    ]

    /// `campaign_skus`: one row per campaign and SKU with a promotional line.
    static let campaignSKUColumns: [(String, @Sendable (CampaignSKUFigures) -> DataValue)] = [
        ("campaign_id", { .string($0.campaignID) }),
        ("sku", { .string($0.sku) }),
        ("category", { .string($0.category) }),
        ("ordered_units", { .number($0.orderedUnits) }),
        ("due_units", { .number($0.dueUnits) }),
        ("on_time_units", { .number($0.onTimeUnits) }),
        ("fill_rate", { .number($0.fillRate) }),
        ("shortfall_value", { .number($0.shortfallValue) }),
        ("lead_time_median", { .days($0.leadTimeMedian) }),
        ("stock_on_hand", { .number($0.stockOnHand) }),
    ]

    static func kpisJSON(report: Report, ingest: IngestSummary) -> String {
        var j = JSONWriter()
        j.beginObject()
        j.newline()
        j.key("schema_version"); j.number(1)
        j.newline()
        j.key("as_of"); j.string(report.asOf.description)
        j.newline()
        j.key("targets")
        j.beginObject()
        j.key("promo_fill_rate"); j.number(report.targets.promoFillRate)
        j.key("stockout_campaign_share"); j.number(report.targets.stockoutCampaignShare)
        j.key("figures")
        j.beginObject()
        for t in report.targets.figures {
            j.key(t.key)
            j.beginObject()
            if let min = t.min { j.key("min"); j.number(min) }
            if let max = t.max { j.key("max"); j.number(max) }
            j.endObject()
        }
        j.endObject()
        j.endObject()
        j.newline()
        j.key("sources")
        j.beginObject()
        for s in ingest.sources {
            j.newline()
            j.key(s.source.rawValue)
            j.beginObject()
            j.key("rows"); j.number(s.rows)
            j.key("rejected"); j.number(s.rejected)
            j.key("ignored_after_as_of"); j.number(s.ignoredAfterAsOf)
            j.endObject()
        }
        j.endObject()
        j.newline()
        j.key("weeks"); objects(periodColumns, report.weeks, into: &j)
        j.newline()
        j.key("months"); objects(periodColumns, report.months, into: &j)
        j.newline()
        j.key("campaigns"); objects(campaignColumns, report.campaigns, into: &j)
        j.newline()
        j.key("campaign_skus"); objects(campaignSKUColumns, report.campaignSKUs, into: &j)
        j.newline()
        if let comparisons = report.comparisons {
            j.key("comparisons"); writeComparisons(comparisons, into: &j)
            j.newline()
        }
        if !report.segments.isEmpty {
            writeSegmentsSummary(report, into: &j)
            j.newline()
        }
        writeDetails(report, into: &j)
        j.newline()
        j.endObject()
        return j.document
    }

    /// `comparisons`: the as-of week and month, each with its ranges (`start`, `end` and every period key).
    static func writeComparisons(_ comparisons: Comparisons, into j: inout JSONWriter) {
        j.beginObject()
        for (key, c) in [("week", comparisons.week), ("month", comparisons.month)] {
            j.newline()
            j.key(key)
            j.beginObject()
            j.key("period"); j.string(c.period.label)
            for (name, range) in [("last_year", c.lastYear), ("year_to_date", c.yearToDate),
                                  ("year_to_date_last_year", c.yearToDateLastYear)] {
                j.newline()
                j.key(name)
                j.beginObject()
                // `period` is the as-of week or month's; a range is named by its dates.
                for (column, value) in periodColumns where column != "period" {
                    j.key(column)
                    value(range).write(to: &j)
                }
                j.endObject()
            }
            j.endObject()
        }
        j.newline()
        j.endObject()
    }

    /// An array of objects, one a line, with the columns as keys.
    static func objects<Row>(_ columns: [(String, @Sendable (Row) -> DataValue)], _ rows: [Row], into j: inout JSONWriter) {
        j.beginArray()
        for row in rows {
            j.newline()
            j.beginObject()
            for (key, value) in columns {
                j.key(key)
                value(row).write(to: &j)
            }
            j.endObject()
        }
        j.endArray()
    }

    /// Keys whose value is a list: kpis.json only, not a CSV cell.
    static let listKeys: Set<String> = ["top_shortfall"]

    /// A CSV table of the columns that hold one value a row.
    static func table<Row>(_ columns: [(String, @Sendable (Row) -> DataValue)], _ rows: [Row]) -> String {
        let scalar = columns.filter { !listKeys.contains($0.0) }
        var csv = CSVWriter(header: scalar.map(\.0))
        for row in rows { csv.row(scalar.map { $0.1(row).csv }) }
        return csv.text
    }

    static func rejectedCSV(_ rejections: [Rejection]) -> String {
        var csv = CSVWriter(header: ["source", "file", "line", "column", "field", "reason", "detail"])
        for r in rejections {
            let l = r.location
            csv.row([l.source?.rawValue ?? "", l.file, l.line.map(String.init) ?? "", l.columnLabel ?? "",
                     l.field ?? "", r.reason.rawValue, r.detail])
        }
        return csv.text
    }
}
