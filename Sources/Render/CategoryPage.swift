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
        let slug = "category"
        v["charts"] = [
            LineChart(id: "chart-\(slug)-fill", title: "Fill rate", xTitle: "Week", yTitle: "Fill rate", labels: labels,
                      series: [.init(name: "Fill rate", values: weeks.map(\.fillRate))], kind: .percent, reference: nil),
            LineChart(id: "chart-\(slug)-turns", title: "Inventory turns (annualised)", xTitle: "Week", yTitle: "Turns", labels: labels,
                      series: [.init(name: "Inventory turns", values: weeks.map(\.inventoryTurns))], kind: .turns, reference: nil),
            LineChart(id: "chart-\(slug)-returns", title: "Return rate", xTitle: "Week", yTitle: "Return rate", labels: labels,
                      series: [.init(name: "Return rate", values: weeks.map(\.returnRate))], kind: .percent, reference: nil),
            LineChart(id: "chart-\(slug)-lead", title: "Order-to-ship lead time, median", xTitle: "Week", yTitle: "Days", labels: labels,
                      series: [.init(name: "Lead time, median", values: weeks.map(\.leadTimeMedian))], kind: .days, reference: nil),
            LineChart(id: "chart-\(slug)-cover", title: "Weeks of cover", xTitle: "Week", yTitle: "Weeks", labels: labels,
                      series: [.init(name: "Weeks of cover", values: weeks.map(\.weeksOfCover))], kind: .turns, reference: nil),
        ].map { ["chartMarkup": $0.markup(f), "caption": $0.title] }
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

        let names = Dictionary(report.campaigns.map { ($0.campaignID, $0) }, uniquingKeysWith: { a, _ in a })
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
