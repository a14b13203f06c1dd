import Metrics
import ScorecardCore

/// One campaign's page: status and window, ordered against planned, fill rate, shortfall, returns and
/// emergency freight attributed to it, the daily chart, and item by item what is promoted and (for an
/// upcoming campaign) what stock covers it.
struct CampaignPage: Sendable {
    /// Rows shown in the SKU and item tables; the full lists are in data/campaign_skus.csv and
    /// data/kpis.json, so a campaign of thousands of SKUs still makes a page of bounded size.
    static let maxRows = 500

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
        v["statusHref"] = SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor("status", in: .campaign)))
        v["belowTargetHref"] = SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor("below_target", in: .campaign)))
        v["atRiskHref"] = SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor("at_risk", in: .campaign)))
        v["window"] = "\(c.start) to \(c.end) (\(c.end - c.start + 1) day\(c.end == c.start ? "" : "s"))"

        var alerts: [[String: Any]] = []
        if c.belowTarget {
            alerts.append(["message": "Fill rate \(f.percent(c.fillRate)) is below the target of \(f.targetPercent(report.targets.promoFillRate)).",
                           "href": "#skus", "linkText": "See which SKUs ran short"])
        }
        if c.atRisk {
            var message = "At risk: stock on hand covers \(f.percent(c.readiness)) of the planned units"
            if let withInbound = c.readinessWithInbound {
                message += withInbound < 1
                    ? "; with the purchase orders due before the start, \(f.percent(withInbound))."
                    : "; the purchase orders due before the start cover the rest."
            } else {
                message += "."
            }
            alerts.append(["message": message, "href": "#readiness", "linkText": "See item by item"])
        }
        v["hasAlerts"] = !alerts.isEmpty
        v["alerts"] = alerts

        func row(_ label: String, _ value: String, _ note: String = "", key: String) -> [String: Any] {
            ["label": label, "value": value, "hasNote": !note.isEmpty, "note": note,
             "href": SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor(key, in: .campaign)))]
        }
        var figures = [
            row("Units ordered", f.quantity(c.orderedUnits), key: "ordered_units"),
            row("Units planned", f.quantity(c.plannedUnits), key: "planned_units"),
            row("Ordered against planned", f.percent(c.planAttainment), c.planAttainment == nil ? "nothing planned" : "",
                key: "plan_attainment"),
            row("Fill rate", f.percent(c.fillRate),
                c.fillRate == nil ? "no lines due yet" : (c.belowTarget ? "below" : "meets") + " the target of " + f.targetPercent(report.targets.promoFillRate),
                key: "fill_rate"),
            row("Shortfall value", f.money(c.shortfallValue), key: "shortfall_value"),
            row("Lead time, median", f.days(c.leadTimeMedian), c.leadTimeMedian == nil ? "no line complete yet" : "", key: "lead_time_median"),
            row("Lead time, 90th percentile", f.days(c.leadTimeP90), c.leadTimeP90 == nil ? "no line complete yet" : "",
                key: "lead_time_p90"),
            row("Return rate", f.percent(c.returnRate),
                c.returnRate == nil ? (present.contains(.returns) ? "nothing shipped" : "no returns export") : "", key: "return_rate"),
            row("Emergency (expedited) freight spend", f.money(c.emergencyFreightSpend),
                c.emergencyFreightSpend == nil && !present.contains(.freight) ? "no freight export" : "", key: "emergency_freight_spend"),
        ]
        if c.status == .upcoming {
            figures.append(row("Readiness (stock on hand)", f.percent(c.readiness),
                               c.readiness == nil ? (present.contains(.inventory) ? "nothing planned" : "no inventory export")
                                   : (c.atRisk ? "at risk: stock covers less than planned" : "stock covers every planned unit"),
                               key: "readiness"))
            figures.append(row("Inbound units due before the start", f.quantity(c.inboundUnits),
                               c.inboundUnits == nil ? "no purchase_orders export" : "", key: "inbound_units"))
            figures.append(row("Readiness with inbound", f.percent(c.readinessWithInbound),
                               c.readinessWithInbound == nil
                                   ? (!present.contains(.purchaseOrders) ? "no purchase_orders export"
                                       : !present.contains(.inventory) ? "no inventory export" : "nothing planned")
                                   : (c.readinessWithInbound! < 1 ? "stock and inbound cover less than planned" : "stock and inbound cover every planned unit"),
                               key: "readiness_with_inbound"))
        }
        v["figures"] = figures

        // Every SKU of the campaign, worst first.
        let skus = site.campaignSKUs[c.campaignID] ?? []
        let skuDef = { (key: String) in SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor(key, in: .campaignSKU))) }
        v["skuHeads"] = [("ordered_units", "Units ordered"), ("due_units", "Units due"), ("on_time_units", "Shipped on time"), ("fill_rate", "Fill rate"),
                         ("shortfall_value", "Shortfall value"), ("lead_time_median", "Lead time, median"), ("stock_on_hand", "Stock on hand")]
            .map { ["href": skuDef($0.0), "label": $0.1] }
        v["hasSKUs"] = !skus.isEmpty
        v["skus"] = skus.prefix(Self.maxRows).map { s -> [String: Any] in
            [
                "sku": s.sku, "category": s.category, "ordered": f.quantity(s.orderedUnits), "due": f.quantity(s.dueUnits),
                "onTime": f.quantity(s.onTimeUnits), "fillRate": f.percent(s.fillRate), "shortfall": f.money(s.shortfallValue),
                "short": s.shortfallValue > 1e-9, "leadTime": f.days(s.leadTimeMedian),
                "stock": s.stockOnHand.map { f.quantity($0) } ?? (present.contains(.inventory) ? ValueFormatter.null : "no inventory export"),
            ]
        }
        v["skuCaption"] = "Every SKU ordered in this campaign, worst shortfall first" + (skus.count > Self.maxRows
            ? " (the first \(Self.maxRows) of \(skus.count); all are in data/campaign_skus.csv)" : "")
        v["skusCSV"] = SitePaths.link(from: path, to: "data/campaign_skus.csv")
        v["workbookHref"] = SitePaths.link(from: path, to: DataFiles.workbookPath)

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
        let withInbound = upcoming && present.contains(.purchaseOrders)
        v["withInbound"] = withInbound
        v["hasItems"] = !c.items.isEmpty
        v["items"] = c.items.prefix(Self.maxRows).map { item -> [String: Any] in
            let covered = item.stock.map { min($0, item.plannedUnits) }
            let coveredWithInbound = item.inbound.map { min((item.stock ?? 0) + $0, item.plannedUnits) }
            // Short by what neither stock nor (when known) inbound covers.
            let available = (item.stock ?? 0) + (item.inbound ?? 0)
            let short = item.stock != nil || item.inbound != nil ? max(0, item.plannedUnits - available) : 0
            return [
                "item": item.sku.map { "SKU \($0)" } ?? "Category \(item.category)",
                "category": item.category,
                "planned": f.quantity(item.plannedUnits),
                "stock": f.quantity(item.stock),
                "inbound": f.quantity(item.inbound),
                "covered": f.quantity(covered),
                "coveredWithInbound": f.quantity(coveredWithInbound),
                "hasStock": item.stock != nil || item.inbound != nil,
                "isShort": short > 0,
                "short": f.quantity(short),
            ]
        }
        v["itemsNote"] = c.items.count > Self.maxRows
            ? "The first \(Self.maxRows) of \(c.items.count) items are shown; data/kpis.json lists them all." : ""
        v["hasItemsNote"] = c.items.count > Self.maxRows
        v["itemsCaption"] = upcoming
            ? "What marketing promotes and what supply chain holds (stock at the latest snapshot on or before \(report.asOf)"
                + (withInbound ? ", and open purchase orders due before \(c.start))" : ")")
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
