import Metrics
import ScorecardCore

/// `categories/NAME/index.html`: one category's figures over the last 13 weeks, their week-by-week
/// trends (fill rate, inventory turns, return rate, lead time, weeks of cover), and the campaigns that
/// promoted it.
struct CategoryPage: Sendable {
    var site: SiteContext
    var category: CategoryFigures
    var path: String

    func values() -> [String: Any] {
        let f = site.formatter
        let c = category
        let report = site.report
        var v = PageContext(site: site).values(path: path, title: "Category \(c.category)", current: SitePaths.categories)
        v["name"] = c.category
        v["window"] = "\(report.categoryWindow.lowerBound) to \(report.categoryWindow.upperBound)"
        v["promoted"] = c.promoted
        func defLink(_ key: String) -> String {
            SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor(key, in: .category)))
        }
        func row(_ key: String, _ label: String, _ value: String, _ isNull: Bool, _ reason: String) -> [String: Any] {
            ["href": defLink(key), "label": label, "value": value, "isNull": isNull, "reason": reason]
        }
        let present = report.present
        func missing(_ sources: SourceName...) -> String? {
            sources.first { !present.contains($0) }.map { "no \($0.rawValue) export" }
        }
        v["figures"] = [
            row("units_ordered", "Units ordered (due)", f.quantity(c.unitsOrdered), false, ""),
            row("fill_rate", "Fill rate", f.percent(c.fillRate), c.fillRate == nil, "no line due"),
            row("inventory_turns", "Inventory turns", f.turns(c.inventoryTurns), c.inventoryTurns == nil,
                missing(.inventory) ?? "no stock snapshot or no stock value"),
            row("return_rate", "Return rate", f.percent(c.returnRate), c.returnRate == nil, missing(.returns) ?? "nothing shipped"),
            row("lead_time_median", "Lead time, median", f.days(c.leadTimeMedian), c.leadTimeMedian == nil, "no line completed"),
            row("weeks_of_cover", "Weeks of cover", f.turns(c.weeksOfCover), c.weeksOfCover == nil,
                missing(.inventory) ?? "nothing shipped"),
            row("supplier_lead_time_median", "Supplier lead time, median", f.days(c.supplierLeadTimeMedian),
                c.supplierLeadTimeMedian == nil, missing(.purchaseOrders, .receipts) ?? "no purchase-order line received"),
        ]

        let weeks = c.trend
        let labels = weeks.map { "W" + $0.week.label.suffix(2) }
        // The campaigns that promoted the category, shaded; the same weeks a year earlier, fainter.
        let names = Dictionary(report.campaigns.map { ($0.campaignID, $0) }, uniquingKeysWith: { a, _ in a })
        let overlay = TrendOverlay(periods: weeks.map(\.week), campaigns: c.campaignIDs.compactMap { names[$0] }, asOf: report.asOf)
        let lastYear = c.lastYearTrend
        let hasLastYear = lastYear.contains { $0 != nil }
        func chart(_ name: String, _ title: String, _ yTitle: String, _ kind: ValueKind, _ series: String,
                   _ value: (CategoryWeek) -> Double?) -> LineChart {
            var lines = [LineChart.Series(name: series, values: weeks.map(value))]
            if hasLastYear {
                lines.append(.init(name: "\(series), a year earlier", values: lastYear.map { $0.flatMap(value) }, faintOf: 0))
            }
            return LineChart(id: "chart-category-\(name)", title: title, xTitle: "Week", yTitle: yTitle, labels: labels, series: lines,
                             kind: kind, reference: nil, bands: overlay.bands)
        }
        v["charts"] = [
            chart("fill", "Fill rate", "Fill rate", .percent, "Fill rate") { $0.fillRate },
            chart("turns", "Inventory turns (annualised)", "Turns", .turns, "Inventory turns") { $0.inventoryTurns },
            chart("returns", "Return rate", "Return rate", .percent, "Return rate") { $0.returnRate },
            chart("lead", "Order-to-ship lead time, median", "Days", .days, "Lead time, median") { $0.leadTimeMedian },
            chart("cover", "Weeks of cover", "Weeks", .turns, "Weeks of cover") { $0.weeksOfCover },
        ].map { ["chartMarkup": $0.markup(f), "caption": $0.title] }
        v["hasLastYearLine"] = hasLastYear
        v["lastYearLine"] = "A fainter line shows the same weeks a year earlier"
            + (lastYear.allSatisfy { $0 != nil } ? "." : ", where the report has them.")
        v["hasBands"] = !overlay.campaigns.isEmpty
        v["bands"] = overlay.campaigns.map { campaign -> [String: Any] in
            let target = site.campaignPath(campaign.campaignID)
            return ["text": "\(campaign.campaignID) \(campaign.name) (\(campaign.start) to \(campaign.end))", "hasHref": target != nil,
                    "href": target.map { SitePaths.link(from: path, to: $0) } ?? ""]
        }
        v["trendHeads"] = weeks.map { w -> [String: Any] in
            let target = site.weeks.contains { $0.period == w.week } ? SitePaths.link(from: path, to: SitePaths.week(w.week.label)) : nil
            return ["label": w.week.label, "hasHref": target != nil, "href": target ?? ""]
        }
        func trendRow(_ label: String, _ values: [String]) -> [String: Any] {
            ["label": label, "cells": values.map { ["value": $0] }]
        }
        v["trendRows"] = [
            trendRow("Fill rate", weeks.map { f.percent($0.fillRate) }),
            trendRow("Inventory turns", weeks.map { f.turns($0.inventoryTurns) }),
            trendRow("Return rate", weeks.map { f.percent($0.returnRate) }),
            trendRow("Lead time, median", weeks.map { f.days($0.leadTimeMedian) }),
            trendRow("Weeks of cover", weeks.map { f.turns($0.weeksOfCover) }),
        ]
        v["trendCaption"] = "Week by week, \(weeks.first?.week.label ?? "") to \(weeks.last?.week.label ?? "")"

        v["hasCampaigns"] = !c.campaignIDs.isEmpty
        v["campaigns"] = c.campaignIDs.compactMap { names[$0] }.map { campaign -> [String: Any] in
            let target = site.campaignPath(campaign.campaignID)
            return [
                "name": "\(campaign.name) (\(campaign.campaignID))", "hasHref": target != nil,
                "href": target.map { SitePaths.link(from: path, to: $0) } ?? "",
                "window": "\(campaign.start) to \(campaign.end)", "status": CampaignPage.statusWord(campaign.status),
                "fillRate": f.percent(campaign.fillRate), "readiness": f.percent(campaign.readiness),
            ]
        }
        return v
    }
}
