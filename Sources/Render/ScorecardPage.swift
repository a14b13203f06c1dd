import Metrics
import ScorecardCore

/// The scorecard of one period: `index.html` (the as-of week), every week page and every month page.
///
/// Alerts first; then promotional next to non-promotional figures; then every period figure with its
/// value, target, change against the previous period and status; then the trend over the last 13 periods
/// as charts and as a table.
struct ScorecardPage: Sendable {
    static let trendLength = 13

    var site: SiteContext
    /// `site.weeks` or `site.months`.
    var periods: [PeriodFigures]
    var index: Int
    /// The page's site path.
    var path: String
    /// A month page: links only to the section index pages (it may be archived and kept unchanged),
    /// and a closed one uses its own stylesheet copy.
    var isMonth: Bool { periods[index].period.kind == .month }
    /// `index.html`: lists every week and the data downloads.
    var isFront: Bool

    func values() -> [String: Any] {
        let f = site.formatter
        let report = site.report
        let p = periods[index]
        let unit = isMonth ? "month" : "week"
        let closed = isMonth && site.isClosed(p.period)
        var v = PageContext(site: site).values(
            path: path,
            title: (isMonth ? "Month " : "Week ") + p.period.label,
            current: isMonth ? SitePaths.months : SitePaths.index,
            stylesheet: closed ? SitePaths.monthStylesheet(p.period.label) : SitePaths.stylesheet)
        v["heading"] = (isMonth ? "Month " : "Week ") + p.period.label
        v["rangeText"] = site.rangeText(p.period)
        v["isArchive"] = closed
        // With `pdf:`, the as-of week (on its page and the front page) and each closed month are printed.
        let pdf: String? = site.config.pdf == nil ? nil
            : closed ? SitePaths.monthPDF(p.period.label)
            : !isMonth && index == site.asOfWeek ? SitePaths.weekPDF(p.period.label) : nil
        v["hasPDF"] = pdf != nil
        v["pdfHref"] = pdf.map { SitePaths.link(from: path, to: $0) } ?? ""
        v["pdfText"] = isMonth ? "PDF of this month" : "PDF of this week"
        v["pdfName"] = pdf.map { String($0.split(separator: "/").last ?? "") } ?? ""
        v["unit"] = unit

        // Alerts.
        let alerts = AlertRules(report: report, formatter: f)
            .alerts(in: periods, at: index, includeUpcoming: !isMonth && index == site.asOfWeek)
        v["hasAlerts"] = !alerts.isEmpty
        v["alertSummary"] = alerts.isEmpty ? "No alerts this \(unit)." : "\(alerts.count) alert\(alerts.count == 1 ? "" : "s") this \(unit)."
        v["alerts"] = alerts.map { alert -> [String: Any] in
            [
                "kind": alert.kind.rawValue,
                "message": alert.message,
                "hasAnchor": alert.anchor != nil,
                "anchor": alert.anchor.map { "#" + $0 } ?? "",
                "anchorText": alert.anchorText,
                "hasItems": !alert.items.isEmpty,
                "items": alert.items.map { item -> [String: Any] in
                    // Month pages never link to campaign pages: an archived month must stay valid on its own.
                    let target = isMonth ? nil : item.campaignID.flatMap { site.campaignPath($0) }
                    let href = target.map { SitePaths.link(from: path, to: $0) + (item.fragment.isEmpty ? "" : "#" + item.fragment) }
                    return ["text": item.text, "hasHref": href != nil, "href": href ?? ""]
                },
            ]
        }

        v["tiles"] = tiles(index: index)
        v["hasShortfall"] = !p.topShortfall.isEmpty
        v["shortfallHref"] = definitionLink("top_shortfall")
        v["shortfall"] = shortfallRows(p)
        v["shortfallCaption"] = "The SKUs that lost the most promotional value on lines due this \(unit), worst first (up to "
            + "\(p.topShortfall.count == 10 ? "ten" : String(p.topShortfall.count)))"

        // Promotional next to non-promotional.
        let previous = index > 0 ? periods[index - 1] : nil
        v["pairs"] = PeriodFigure.pairs.compactMap { pair -> [String: Any]? in
            guard let promo = PeriodFigure.named(pair.promo), let other = PeriodFigure.named(pair.other) else { return nil }
            return [
                "label": pair.label,
                "promoHref": definitionLink(promo.key), "otherHref": definitionLink(other.key),
                "promo": cell(promo, p), "other": cell(other, p),
                "promoChange": f.change(from: previous.flatMap(promo.value), to: promo.value(p), as: promo.kind),
                "otherChange": f.change(from: previous.flatMap(other.value), to: other.value(p), as: other.kind),
            ]
        }

        // Every figure.
        v["figures"] = PeriodFigure.all.map { figure -> [String: Any] in
            var row = figure.row(p, previous: previous, report: report, formatter: f).values
            row["href"] = definitionLink(figure.key)
            return row
        }
        v["changeHeading"] = "Change against the previous \(unit)"
        v["changeNote"] = previous.map { "change against \($0.period.label)" } ?? "no earlier \(unit) in the report, so no change"

        // Trend: the last 13 periods up to this one.
        let first = max(0, index - Self.trendLength + 1)
        let window = Array(periods[first...index])
        let labels = window.map { shortLabel($0.period) }
        v["trendHeading"] = "Trend over the last \(window.count) \(unit)\(window.count == 1 ? "" : "s")"
        v["trendCaption"] = "Every figure, \(window.first?.period.label ?? "") to \(p.period.label)"
        v["charts"] = charts(window, labels: labels).map { ["chartMarkup": $0.markup(f), "caption": $0.title] }
        v["trendHeads"] = window.map { w -> [String: Any] in
            // Week pages link the other weeks; month pages link nothing but the sections (see `isMonth`).
            let target = isMonth || w.period == p.period ? nil : SitePaths.link(from: path, to: SitePaths.week(w.period.label))
            return ["label": w.period.label, "hasHref": target != nil, "href": target ?? ""]
        }
        v["trendRows"] = PeriodFigure.all.map { figure -> [String: Any] in
            ["label": figure.label, "cells": window.map { ["value": f.format(figure.value($0), as: figure.kind)] }]
        }

        // Moving between weeks (week pages only).
        let hasPrevious = !isMonth && index > 0
        let hasNext = !isMonth && index + 1 < periods.count
        v["hasPeriodNav"] = hasPrevious || hasNext
        v["hasPrevious"] = hasPrevious
        v["previousHref"] = hasPrevious ? SitePaths.link(from: path, to: SitePaths.week(periods[index - 1].period.label)) : ""
        v["previousWeek"] = hasPrevious ? periods[index - 1].period.label : ""
        v["hasNext"] = hasNext
        v["nextHref"] = hasNext ? SitePaths.link(from: path, to: SitePaths.week(periods[index + 1].period.label)) : ""
        v["nextWeek"] = hasNext ? periods[index + 1].period.label : ""

        // The front page lists every week (newest first) and the downloads.
        v["isFront"] = isFront
        v["weeks"] = !isFront ? [] : periods.indices.reversed().map { i -> [String: Any] in
            let w = periods[i]
            return [
                "label": w.period.label, "range": "\(w.period.start) to \(w.period.end)",
                "href": SitePaths.link(from: path, to: SitePaths.week(w.period.label)),
                "promoFillRate": f.percent(w.promoFillRate),
                "stockoutShare": f.percent(w.stockoutCampaignShare),
                "isAsOf": i == site.asOfWeek,
            ]
        }
        v["downloads"] = !isFront ? [] : Downloads.list.map { d -> [String: Any] in
            ["href": SitePaths.link(from: path, to: d.path), "name": d.path, "what": d.what]
        }
        return v
    }

    /// The link from this page to a figure's definition.
    func definitionLink(_ key: String) -> String { SitePaths.link(from: path, to: SitePaths.definition(key)) }

    /// The figures the scorecard opens with.
    static let tileKeys = ["promo_fill_rate", "stockout_campaign_share", "inventory_turns_promoted", "emergency_freight_share",
                           "promo_return_rate", "forecast_accuracy"]

    /// Headline tiles: value, status against target, change against the previous period, and a sparkline of
    /// the last 13 periods.
    func tiles(index: Int) -> [[String: Any]] {
        let f = site.formatter
        let p = periods[index]
        let previous = index > 0 ? periods[index - 1] : nil
        let window = Array(periods[max(0, index - Self.trendLength + 1)...index])
        return Self.tileKeys.compactMap { PeriodFigure.named($0) }.map { figure -> [String: Any] in
            var row = figure.row(p, previous: previous, report: site.report, formatter: f).values
            row["href"] = definitionLink(figure.key)
            row["changeNote"] = previous.map { "against \($0.period.label)" } ?? ""
            row["hasChange"] = previous != nil
            row["sparkMarkup"] = Sparkline(id: "spark-\(figure.key)", label: figure.label, values: window.map(figure.value),
                                           periods: window.map(\.period.label), kind: figure.kind).markup(f)
            return row
        }
    }

    /// "Where the shortfall came from": the period's `top_shortfall`, each SKU with its campaigns.
    func shortfallRows(_ p: PeriodFigures) -> [[String: Any]] {
        let f = site.formatter
        let names = Dictionary(site.report.campaigns.map { ($0.campaignID, $0.name) }, uniquingKeysWith: { a, _ in a })
        return p.topShortfall.map { s -> [String: Any] in
            [
                "sku": s.sku, "category": s.category,
                "due": f.quantity(s.dueUnits), "onTime": f.quantity(s.onTimeUnits),
                "fillRate": f.percent(s.dueUnits > 0 ? s.onTimeUnits / s.dueUnits : nil),
                "value": f.money(s.shortfallValue),
                "campaigns": s.campaignIDs.map { id -> [String: Any] in
                    // Month pages link only to section pages (archives stay valid on their own).
                    let target = isMonth ? nil : site.campaignPath(id)
                    return ["text": names[id].map { "\($0) (\(id))" } ?? id, "hasHref": target != nil,
                            "href": target.map { SitePaths.link(from: path, to: $0) + "#skus" } ?? ""]
                },
            ]
        }
    }

    /// A value with its reason when it is `null`, for the side-by-side table.
    func cell(_ figure: PeriodFigure, _ p: PeriodFigures) -> String {
        let value = figure.value(p)
        let text = site.formatter.format(value, as: figure.kind)
        return value == nil ? "\(text) (\(figure.nullReason(present: site.report.present)))" : text
    }

    /// `W46` for weeks, `2026-11` for months.
    func shortLabel(_ period: Period) -> String {
        period.kind == .week ? "W" + period.label.suffix(2) : period.label
    }

    func charts(_ window: [PeriodFigures], labels: [String]) -> [LineChart] {
        let targets = site.report.targets
        let f = site.formatter
        let unit = isMonth ? "Month" : "Week"
        let slug = isMonth ? "month" : "week"
        return [
            LineChart(
                id: "chart-\(slug)-fill", title: "Fill rate, promotional and non-promotional", xTitle: unit, yTitle: "Fill rate",
                labels: labels,
                series: [
                    .init(name: "Promotional", values: window.map(\.promoFillRate)),
                    .init(name: "Non-promotional", values: window.map(\.otherFillRate)),
                ],
                kind: .percent, reference: (targets.promoFillRate, "Target " + f.targetPercent(targets.promoFillRate))),
            LineChart(
                id: "chart-\(slug)-stockout", title: "Stockout campaign share", xTitle: unit, yTitle: "Share of campaigns",
                labels: labels, series: [.init(name: "Campaigns below target", values: window.map(\.stockoutCampaignShare))],
                kind: .percent,
                reference: (targets.stockoutCampaignShare, "Threshold " + f.targetPercent(targets.stockoutCampaignShare))),
            LineChart(
                id: "chart-\(slug)-jumps", title: "Emergency freight share and return rate", xTitle: unit, yTitle: "Rate",
                labels: labels,
                series: [
                    .init(name: "Emergency freight share", values: window.map(\.emergencyFreightShare)),
                    .init(name: "Return rate", values: window.map(\.returnRate)),
                ],
                kind: .percent, reference: nil),
            LineChart(
                id: "chart-\(slug)-lead", title: "Order-to-ship lead time, median", xTitle: unit, yTitle: "Days",
                labels: labels,
                series: [
                    .init(name: "Promotional", values: window.map(\.promoLeadTimeMedian)),
                    .init(name: "Non-promotional", values: window.map(\.otherLeadTimeMedian)),
                ],
                kind: .days, reference: nil),
            LineChart(
                id: "chart-\(slug)-forecast", title: "Forecast accuracy, promoted and other SKU-weeks", xTitle: unit, yTitle: "Accuracy",
                labels: labels,
                series: [
                    .init(name: "Promoted SKU-weeks", values: window.map(\.promoForecastAccuracy)),
                    .init(name: "Other SKU-weeks", values: window.map(\.otherForecastAccuracy)),
                ],
                kind: .percent, reference: nil),
        ]
    }
}
