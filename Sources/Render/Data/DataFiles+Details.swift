import Metrics
import ScorecardCore

/// The breakdowns beyond docs/figures.md's keys, under their own top-level keys of `kpis.json`.
extension DataFiles {
    /// `categories`: one row per category, over the category window.
    static let categoryColumns: [(String, @Sendable (CategoryFigures) -> DataValue)] = [
        ("category", { .string($0.category) }),
        ("promoted", { .bool($0.promoted) }),
        ("units_ordered", { .number($0.unitsOrdered) }),
        ("fill_rate", { .number($0.fillRate) }),
        ("inventory_turns", { .number($0.inventoryTurns) }),
        ("return_rate", { .number($0.returnRate) }),
        ("lead_time_median", { .days($0.leadTimeMedian) }),
        ("weeks_of_cover", { .number($0.weeksOfCover) }),
        ("supplier_lead_time_median", { .days($0.supplierLeadTimeMedian) }),
    ]

    static func writeDetails(_ report: Report, into j: inout JSONWriter) {
        for (key, periods) in [("week_details", report.weeks), ("month_details", report.months)] {
            j.key(key)
            j.beginArray()
            for p in periods {
                j.newline()
                j.beginObject()
                j.key("period"); j.string(p.period.label)
                j.key("campaigns_below_target_ids")
                j.beginArray()
                for id in p.campaignsBelowTargetIDs { j.string(id) }
                j.endArray()
                j.endObject()
            }
            j.endArray()
            j.newline()
        }

        j.key("category_window")
        j.beginObject()
        j.key("start"); j.string(report.categoryWindow.lowerBound.description)
        j.key("end"); j.string(report.categoryWindow.upperBound.description)
        j.endObject()
        j.newline()
        j.key("categories"); objects(categoryColumns, report.categories, into: &j)
        j.newline()

        j.key("campaign_details")
        j.beginArray()
        for c in report.campaigns {
            j.newline()
            j.beginObject()
            j.key("campaign_id"); j.string(c.campaignID)
            j.key("channel"); j.string(c.channel)
            j.key("items")
            j.beginArray()
            for i in c.items {
                j.beginObject()
                j.key("sku"); j.string(i.sku)
                j.key("category"); j.string(i.category)
                j.key("planned_units"); j.number(i.plannedUnits)
                j.key("stock"); j.number(i.stock)
                j.key("inbound"); j.number(i.inbound)
                j.endObject()
            }
            j.endArray()
            j.key("return_reasons")
            j.beginArray()
            for r in c.returnReasons {
                j.beginObject()
                j.key("reason_code"); j.string(r.reasonCode)
                j.key("qty_returned"); j.number(r.quantity)
                j.endObject()
            }
            j.endArray()
            j.key("daily")
            j.beginArray()
            for d in c.daily {
                j.beginObject()
                j.key("date"); j.string(d.day.description)
                j.key("ordered_units"); j.number(d.orderedUnits)
                j.key("on_time_shipped_units"); j.number(d.onTimeShippedUnits)
                j.endObject()
            }
            j.endArray()
            j.endObject()
        }
        j.endArray()
    }
}
