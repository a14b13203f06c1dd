import Metrics
import ScorecardCore

/// `campaigns/index.html`: every campaign of the report, active first, then upcoming, then ended.
struct CampaignsIndexPage: Sendable {
    var site: SiteContext
    var path = SitePaths.campaigns

    func values() -> [String: Any] {
        let f = site.formatter
        var v = PageContext(site: site).values(path: path, title: "Campaigns", current: SitePaths.campaigns)
        v["target"] = f.targetPercent(site.report.targets.promoFillRate)
        v["horizon"] = String(site.config.readiness.horizonDays)
        let def = { (key: String) in SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor(key, in: .campaign))) }
        for key in ["status", "ordered_units", "planned_units", "fill_rate", "below_target", "readiness", "at_risk", "readiness_with_inbound"] {
            v["def_" + key] = def(key)
        }
        v["groups"] = [CampaignFigures.Status.active, .upcoming, .ended].map { status -> [String: Any] in
            let campaigns = site.report.campaigns.filter { $0.status == status }
            let word = CampaignPage.statusWord(status)
            return [
                "heading": "\(word) campaigns",
                "groupID": "campaigns-\(status.rawValue)",
                "isEmpty": campaigns.isEmpty,
                "isUpcoming": status == .upcoming,
                "count": f.count(campaigns.count),
                "campaigns": campaigns.map { c -> [String: Any] in
                    [
                        "name": c.name,
                        "href": site.campaignPath(c.campaignID).map { SitePaths.link(from: path, to: $0) } ?? "",
                        "campaignID": c.campaignID,
                        "window": "\(c.start) to \(c.end)",
                        "ordered": f.quantity(c.orderedUnits),
                        "planned": f.quantity(c.plannedUnits),
                        "fillRate": f.percent(c.fillRate),
                        "belowTarget": c.belowTarget,
                        "readiness": f.percent(c.readiness),
                        "readinessWithInbound": f.percent(c.readinessWithInbound),
                        "atRisk": c.atRisk,
                    ]
                },
            ]
        }
        return v
    }
}
