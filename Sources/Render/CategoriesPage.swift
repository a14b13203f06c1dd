import Metrics
import ScorecardCore

/// `categories/index.html`: fill rate, inventory turns and return rate by category over the report's
/// category window, promoted categories marked with a word and an icon.
struct CategoriesPage: Sendable {
    var site: SiteContext
    var path = SitePaths.categories

    func values() -> [String: Any] {
        let f = site.formatter
        let report = site.report
        var v = PageContext(site: site).values(path: path, title: "Categories", current: SitePaths.categories)
        v["window"] = "\(report.categoryWindow.lowerBound) to \(report.categoryWindow.upperBound)"
        v["hasCategories"] = !report.categories.isEmpty
        let noInventory = !report.present.contains(.inventory)
        let noReturns = !report.present.contains(.returns)
        v["notes"] = [noInventory ? "Inventory turns: no inventory export." : "", noReturns ? "Return rate: no returns export." : ""]
            .filter { !$0.isEmpty }
            .map { ["text": $0] }
        let def = { (key: String) in SitePaths.link(from: path, to: SitePaths.definition(FigureDefinition.anchor(key, in: .category))) }
        v["promotedHref"] = def("promoted")
        v["unitsHref"] = def("units_ordered")
        v["heads"] = [("fill_rate", "Fill rate"), ("inventory_turns", "Inventory turns"), ("return_rate", "Return rate"),
                      ("lead_time_median", "Lead time, median"), ("weeks_of_cover", "Weeks of cover"),
                      ("supplier_lead_time_median", "Supplier lead time, median")]
            .map { ["href": def($0.0), "label": $0.1] }
        v["categories"] = report.categories.map { c -> [String: Any] in
            [
                "category": c.category,
                "href": SitePaths.link(from: path, to: site.categoryPath(c.category)),
                "leadTime": f.days(c.leadTimeMedian),
                "cover": f.turns(c.weeksOfCover),
                "supplierLeadTime": f.days(c.supplierLeadTimeMedian),
                "promoted": c.promoted,
                "units": f.quantity(c.unitsOrdered),
                "fillRate": f.percent(c.fillRate),
                "turns": f.turns(c.inventoryTurns),
                "returnRate": f.percent(c.returnRate),
            ]
        }
        return v
    }
}
