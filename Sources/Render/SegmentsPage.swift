import Metrics
import ScorecardCore

/// `segments/index.html` (every dimension) and `segments/DIM/index.html` (one dimension): the values side by
/// side for the as-of week and month, worst promotional fill rate first, the whole company first, with
/// each value's 13-week promotional fill rate drawn small on one scale.
struct SegmentsPage: Sendable {
    var site: SiteContext
    /// `nil` for the index of every dimension.
    var dimension: DimensionReport?
    var path: String

    /// The six figures the scorecard opens with.
    static let figureKeys = ScorecardPage.tileKeys

    func values() -> [String: Any] {
        let title = dimension?.label ?? "Segments"
        var v = PageContext(site: site).values(path: path, title: title, current: SitePaths.segments)
        v["heading"] = title
        v["isIndex"] = dimension == nil
        v["asOfWeek"] = site.weeks[site.asOfWeek].period.label
        v["asOfMonth"] = site.months.last?.period.label ?? ""
        v["figureHeads"] = Self.figureKeys.compactMap(PeriodFigure.named).map { f -> [String: Any] in
            ["label": f.label, "href": SitePaths.link(from: path, to: SitePaths.definition(f.key))]
        }
        let dimensions = dimension.map { [$0] } ?? site.segments
        v["dimensions"] = dimensions.map { d -> [String: Any] in
            [
                "key": d.key, "label": d.label, "href": SitePaths.link(from: path, to: SitePaths.segment(d.key)),
                "count": String(d.views.count), "source": d.source == .orders ? "the order lines" : "the products",
                "weekRows": rows(d, month: false), "monthRows": rows(d, month: true),
                "weekCaption": "\(d.label), week \(site.weeks[site.asOfWeek].period.label): the headline figures of each value, worst promotional fill rate first",
                "monthCaption": "\(d.label), month \(site.months.last?.period.label ?? ""): the same figures",
                "multiples": multiples(d),
            ]
        }
        return v
    }

    /// The company, then each value: the six headline figures with their target status, and (weeks) the
    /// year-to-date promotional fill rate with its change against last year to date.
    func rows(_ d: DimensionReport, month: Bool) -> [[String: Any]] {
        let f = site.formatter
        let company: (label: String, figures: PeriodFigures?, comparison: Comparison?, href: String?) =
            ("Whole company", month ? site.months.last : site.weeks[site.asOfWeek],
             month ? site.report.comparisons?.month : site.report.comparisons?.week, nil)
        let views = d.views.map { view in
            (label: view.label, figures: month ? view.months.last : view.weeks.last,
             comparison: month ? view.comparisons?.month : view.comparisons?.week,
             href: Optional(SitePaths.link(from: path, to: site.segmentFolders.page(d.key, view))))
        }
        return ([company] + views).enumerated().map { n, row -> [String: Any] in
            let cells = Self.figureKeys.compactMap(PeriodFigure.named).map { figure -> [String: Any] in
                let value = row.figures.flatMap(figure.value)
                let standing = figure.standing(value, targets: site.report.targets)
                return [
                    "label": figure.label, "value": f.format(value, as: figure.kind),
                    "hasStatus": standing != nil, "status": standing?.text ?? "", "statusIcon": standing?.icon ?? "",
                    "statusKind": standing?.kind ?? "",
                ]
            }
            let ytd = row.comparison?.yearToDate.promoFillRate, ytdLastYear = row.comparison?.yearToDateLastYear.promoFillRate
            return [
                "label": row.label, "isCompany": n == 0, "hasHref": row.href != nil, "href": row.href ?? "",
                "cells": cells, "hasYearToDate": !month,
                "yearToDate": f.percent(ytd), "yearToDateChange": f.change(from: ytdLastYear, to: ytd, as: .percent),
            ]
        }
    }

    /// Each value's last 13 weeks of promotional fill rate, on one scale with the company's.
    func multiples(_ d: DimensionReport) -> [[String: Any]] {
        let f = site.formatter
        let target = PeriodFigure.named("promo_fill_rate")?.target(site.report.targets)?.min ?? site.report.targets.promoFillRate
        func last13(_ weeks: [PeriodFigures]) -> [PeriodFigures] { Array(weeks.suffix(ScorecardPage.trendLength)) }
        let company = last13(site.weeks)
        let series = [("Whole company", company, "company")] + d.views.map { view in
            (view.label, last13(view.weeks), site.segmentFolders.folder(d.key, view))
        }
        let all = series.flatMap { $0.1.compactMap(\.promoFillRate) } + [target]
        let scale = ChartScale(covering: all, floorAtZero: false)
        return series.enumerated().map { n, s -> [String: Any] in
            let chart = SmallMultiple(id: "multiple-\(d.key)-\(n)", title: "\(s.0): promotional fill rate",
                                      values: s.1.map(\.promoFillRate), periods: s.1.map(\.period.label), scale: scale, target: target)
            return ["chartMarkup": chart.markup(f), "label": s.0]
        }
    }
}
