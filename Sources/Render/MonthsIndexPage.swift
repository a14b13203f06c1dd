import Metrics
import ScorecardCore

/// `months/index.html`: the report's months and every archived month already in the published site.
struct MonthsIndexPage: Sendable {
    var site: SiteContext
    var archived: [String]
    var path = SitePaths.months

    func values() -> [String: Any] {
        let f = site.formatter
        var v = PageContext(site: site).values(path: path, title: "Months", current: SitePaths.months)
        let byLabel = Dictionary(site.months.map { ($0.period.label, $0) }, uniquingKeysWith: { a, _ in a })
        // Only well-formed labels become links: they name folders of the published site.
        let labels = Set(byLabel.keys).union(archived.filter { Period.month(label: $0) != nil })
        v["months"] = labels.sorted(by: >).map { label -> [String: Any] in
            let m = byLabel[label]
            let state: String
            if let m {
                state = site.isClosed(m.period) ? "closed, archived" : "open, updated by every build"
            } else {
                state = "archived snapshot"
            }
            return [
                "label": label,
                "href": SitePaths.link(from: path, to: SitePaths.month(label)),
                "state": state,
                "promoFillRate": m.map { f.percent($0.promoFillRate) } ?? "see the snapshot",
                "stockoutShare": m.map { f.percent($0.stockoutCampaignShare) } ?? "see the snapshot",
            ]
        }
        return v
    }
}
