import ScorecardCore

/// `definitions/index.html`: every figure of kpis.json in plain words, its formula, the exports it needs
/// and what "—" means for it, one anchor per key, so that every figure's name on every page can link to
/// its definition. It depends on no data, so archived months may link to it.
struct DefinitionsPage: Sendable {
    var site: SiteContext
    var path = SitePaths.definitions

    func values() -> [String: Any] {
        var v = PageContext(site: site).values(path: path, title: "Definitions", current: SitePaths.definitions)
        v["terms"] = FigureDefinition.terms.map { ["term": $0.term, "text": $0.text] }
        v["comparisons"] = FigureDefinition.comparisons.map { ["term": $0.term, "text": $0.text] }
        v["sections"] = FigureDefinition.Section.allCases.map { section -> [String: Any] in
            [
                "heading": section.heading,
                "id": "section-" + section.anchorPrefix + "figures",
                "where": "data/kpis.json: \(section.rawValue)",
                "definitions": FigureDefinition.all.filter { $0.section == section }.map { d -> [String: Any] in
                    let target = site.report.targets.figure(d.key).flatMap { _ in
                        d.section == .period ? PeriodFigure.named(d.key)?.targetText(site.report.targets, formatter: site.formatter) : nil
                    }
                    return [
                        "anchor": d.anchor, "key": d.key, "name": d.name, "meaning": d.meaning, "formula": d.formula,
                        "needs": d.needs.isEmpty ? "the five required exports" : "the required exports and " + d.needs.map(\.rawValue).joined(separator: " and "),
                        "whenNull": d.whenNull,
                        "hasTarget": target != nil, "target": target ?? "",
                    ]
                },
            ]
        }
        return v
    }
}
