import Metrics
import ScorecardCore

/// The machine-readable files of the site: `data/kpis.json`, `data/weeks.csv`, `data/campaigns.csv`,
/// `data/rejected.csv` (shared/spec/output.md).
///
/// The required keys come first, in kpis.md's order, with the same meaning in every file; what only the
/// pages need (categories, campaign items, reasons, daily series) is added under new top-level keys of
/// `kpis.json`, so each week, month and campaign entry holds exactly the spec's keys.
public enum DataFiles {
    public static func render(report: Report, ingest: IngestSummary) -> [String: [UInt8]] {
        [
            "data/kpis.json": Array(kpisJSON(report: report, ingest: ingest).utf8),
            "data/weeks.csv": Array(table(periodColumns, report.weeks).utf8),
            "data/campaigns.csv": Array(table(campaignColumns, report.campaigns).utf8),
            "data/rejected.csv": Array(rejectedCSV(ingest.rejections).utf8),
        ]
    }

    /// `period`, `start`, `end`, then every period key of kpis.md in its table order.
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
    ]

    /// `campaign_id`, `name`, `start`, `end`, then every campaign key of kpis.md in its table order.
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
        writeDetails(report, into: &j)
        j.newline()
        j.endObject()
        return j.document
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

    static func table<Row>(_ columns: [(String, @Sendable (Row) -> DataValue)], _ rows: [Row]) -> String {
        var csv = CSVWriter(header: columns.map(\.0))
        for row in rows { csv.row(columns.map { $0.1(row).csv }) }
        return csv.text
    }

    static func rejectedCSV(_ rejections: [Rejection]) -> String {
        var csv = CSVWriter(header: ["source", "file", "line", "column", "field", "reason", "detail"])
        for r in rejections {
            let l = r.location
            csv.row([l.source?.rawValue ?? "", l.file, l.line.map(String.init) ?? "", l.column.map(String.init) ?? "",
                     l.field ?? "", r.reason.rawValue, r.detail])
        }
        return csv.text
    }
}
