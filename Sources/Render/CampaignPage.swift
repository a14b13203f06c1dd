import Metrics
import ScorecardCore

/// One campaign's page: status and window, ordered against planned, fill rate, shortfall, returns and
/// emergency freight attributed to it, the daily chart, and item by item what is promoted and (for an
/// upcoming campaign) what stock covers it.
struct CampaignPage: Sendable {
    var site: SiteContext
    var campaign: CampaignFigures
    var path: String

    func values() -> [String: Any] {
        let f = site.formatter
        let c = campaign
        let report = site.report
        let present = report.present
        var v = PageContext(site: site).values(path: path, title: "Campaign \(c.name)", current: SitePaths.campaigns)
        v["name"] = c.name
        v["campaignID"] = c.campaignID
        v["channel"] = c.channel ?? "not given"
        v["status"] = Self.statusWord(c.status)
        v["statusKind"] = c.status.rawValue
        v["window"] = "\(c.start) to \(c.end) (\(c.end - c.start + 1) day\(c.end == c.start ? "" : "s"))"

        var alerts: [[String: Any]] = []
        if c.belowTarget {
            alerts.append(["message": "Fill rate \(f.percent(c.fillRate)) is below the target of \(f.targetPercent(report.targets.promoFillRate))."])
        }
        if c.atRisk {
            alerts.append(["message": "At risk: stock on hand covers \(f.percent(c.readiness)) of the planned units."])
        }
        v["hasAlerts"] = !alerts.isEmpty
        v["alerts"] = alerts

        func row(_ label: String, _ value: String, _ note: String = "") -> [String: Any] {
            ["label": label, "value": value, "hasNote": !note.isEmpty, "note": note]
        }
        var figures = [
            row("Units ordered", f.quantity(c.orderedUnits)),
            row("Units planned", f.quantity(c.plannedUnits)),
            row("Ordered against planned", f.percent(c.planAttainment), c.planAttainment == nil ? "nothing planned" : ""),
            row("Fill rate", f.percent(c.fillRate),
                c.fillRate == nil ? "no lines due yet" : (c.belowTarget ? "below" : "meets") + " the target of " + f.targetPercent(report.targets.promoFillRate)),
            row("Shortfall value", f.money(c.shortfallValue)),
            row("Return rate", f.percent(c.returnRate),
                c.returnRate == nil ? (present.contains(.returns) ? "nothing shipped" : "no returns export") : ""),
            row("Emergency (expedited) freight spend", f.money(c.emergencyFreightSpend),
                c.emergencyFreightSpend == nil && !present.contains(.freight) ? "no freight export" : ""),
        ]
        if c.status == .upcoming {
            figures.append(row("Readiness", f.percent(c.readiness),
                               c.readiness == nil ? (present.contains(.inventory) ? "nothing planned" : "no inventory export")
                                   : (c.atRisk ? "at risk: stock covers less than planned" : "stock covers every planned unit")))
        }
        v["figures"] = figures

        v["chartMarkup"] = DailyBarChart(id: "chart-daily", title: "Units ordered and shipped on time per order date", days: c.daily)
            .markup(f)
        v["hasDays"] = !c.daily.isEmpty
        v["start"] = c.start.description
        v["days"] = c.daily.map { d -> [String: Any] in
            ["day": d.day.description, "ordered": f.quantity(d.orderedUnits), "onTime": f.quantity(d.onTimeShippedUnits),
             "share": f.percent(d.orderedUnits > 0 ? d.onTimeShippedUnits / d.orderedUnits : nil)]
        }

        let upcoming = c.status == .upcoming
        v["isUpcoming"] = upcoming
        v["hasItems"] = !c.items.isEmpty
        v["items"] = c.items.map { item -> [String: Any] in
            let covered = item.stock.map { min($0, item.plannedUnits) }
            let short = item.stock.map { max(0, item.plannedUnits - $0) } ?? 0
            return [
                "item": item.sku.map { "SKU \($0)" } ?? "Category \(item.category)",
                "category": item.category,
                "planned": f.quantity(item.plannedUnits),
                "stock": f.quantity(item.stock),
                "covered": f.quantity(covered),
                "hasStock": item.stock != nil,
                "isShort": short > 0,
                "short": f.quantity(short),
            ]
        }
        v["itemsCaption"] = upcoming
            ? "What marketing promotes and what supply chain holds (stock at the latest snapshot on or before \(report.asOf))"
            : "What the campaign promotes"
        v["hasReasons"] = !c.returnReasons.isEmpty
        v["reasons"] = c.returnReasons.map { r -> [String: Any] in
            ["reason": r.reasonCode ?? "not given", "quantity": f.quantity(r.quantity)]
        }
        return v
    }

    static func statusWord(_ status: CampaignFigures.Status) -> String {
        switch status {
        case .upcoming: return "Upcoming"
        case .active: return "Active"
        case .ended: return "Ended"
        }
    }
}
