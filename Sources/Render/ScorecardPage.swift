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
        let viewTitle = site.view.map { $0.title + ", " } ?? ""
        var v = PageContext(site: site).values(
            path: path,
            title: viewTitle + (isMonth ? "month " : site.view == nil ? "Week " : "week ") + p.period.label,
            current: site.view != nil ? SitePaths.segments : isMonth ? SitePaths.months : SitePaths.index,
            stylesheet: closed ? SitePaths.monthStylesheet(p.period.label) : SitePaths.stylesheet)
        v["heading"] = site.view?.title ?? ((isMonth ? "Month " : "Week ") + p.period.label)
        v["isView"] = site.view != nil
        v["weekLabel"] = p.period.label
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

        // Alerts: the as-of week's also say which segment values miss the fill-rate target.
        let asOfWeek = !isMonth && index == site.asOfWeek
        var alerts = AlertRules(report: report, formatter: f).alerts(in: periods, at: index, includeUpcoming: asOfWeek)
        if asOfWeek, site.view == nil { alerts += AlertRules(report: report, formatter: f).segmentAlerts(site.segments, folders: site.segmentFolders) }
        v["hasAlerts"] = !alerts.isEmpty
        v["alertSummary"] = alerts.isEmpty ? "No alerts this \(unit)." : "\(alerts.count) alert\(alerts.count == 1 ? "" : "s") this \(unit)."
        v["alerts"] = alerts.map { alert -> [String: Any] in
            [
                "kind": alert.kind.rawValue,
                "message": alert.message,
                "hasAnchor": alert.anchor != nil,
                "anchor": alert.link.map { SitePaths.link(from: path, to: $0) } ?? alert.anchor.map { "#" + $0 } ?? "",
                "anchorText": alert.anchorText,
                "hasItems": !alert.items.isEmpty,
                "items": alert.items.map { item -> [String: Any] in
                    // Month pages never link to campaign pages: an archived month must stay valid on its own.
                    let target = isMonth ? nil : item.link ?? item.campaignID.flatMap { site.campaignPath($0) }
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

        // Every figure, against the previous period, a year earlier and (the as-of week and month) the
        // year to date.
        let year = site.yearComparison(periods, at: index)
        v["figures"] = PeriodFigure.all.map { figure -> [String: Any] in
            var row = figure.row(p, previous: previous, site: site).values
            row["href"] = definitionLink(figure.key)
            row.merge(comparisonCells(figure, p, year), uniquingKeysWith: { _, new in new })
            return row
        }
        v["changeHeading"] = previous.map { "Change against \($0.period.label)" } ?? "Change against the previous \(unit)"
        v["changeNote"] = previous.map { "change against \($0.period.label)" } ?? "no earlier \(unit) in the report, so no change"
        v["changeLabel"] = previous?.period.label ?? "the previous \(unit) (none in the report)"
        v["lastYearHeading"] = year.lastYear == nil ? "Change against last year" : "Change against \(year.lastYearLabel)"
        v["lastYearLabel"] = year.lastYearLabel
        v["comparisonsHref"] = SitePaths.link(from: path, to: SitePaths.definition("comparisons"))
        v["lastYearRange"] = year.lastYear.map { "\($0.period.start) to \($0.period.end)" } ?? ""
        v["lastYearNote"] = year.lastYear == nil
            ? "no \(unit) a year earlier in the report" : "against \(year.lastYearLabel) last year"
        v["hasYearToDate"] = year.hasYearToDate
        v["yearToDateNote"] = year.yearToDate.map { ytd in
            "year to date \(ytd.period.start) to \(ytd.period.end), against "
                + (year.yearToDateLastYear.map { "\($0.period.start) to \($0.period.end)" } ?? "last year")
        } ?? ""

        // Trend: the last 13 periods up to this one.
        let first = max(0, index - Self.trendLength + 1)
        let window = Array(periods[first...index])
        let labels = window.map { shortLabel($0.period) }
        v["trendHeading"] = "Trend over the last \(window.count) \(unit)\(window.count == 1 ? "" : "s")"
        v["trendCaption"] = "Every figure, \(window.first?.period.label ?? "") to \(p.period.label)"
        let overlay = TrendOverlay(periods: window.map(\.period), campaigns: report.campaigns, asOf: report.asOf)
        let lastYear = TrendOverlay.lastYear(of: window, in: periods)
        v["charts"] = charts(window, labels: labels, lastYear: lastYear, bands: overlay.bands).map {
            ["chartMarkup": $0.markup(f), "caption": $0.title]
        }
        v["hasLastYearLine"] = lastYear.contains { $0 != nil }
        v["lastYearLine"] = "A fainter line shows the same \(unit)s a year earlier"
            + (lastYear.allSatisfy { $0 != nil } ? "." : ", where the report has them.")
        v["hasBands"] = !overlay.campaigns.isEmpty
        v["bands"] = overlay.campaigns.map { c -> [String: Any] in
            // Month pages link only to section pages (an archived month must stay valid on its own).
            let target = isMonth ? nil : site.campaignPath(c.campaignID)
            return ["text": "\(c.campaignID) \(c.name) (\(c.start) to \(c.end))", "hasHref": target != nil,
                    "href": target.map { SitePaths.link(from: path, to: $0) } ?? ""]
        }
        v["trendHeads"] = window.map { w -> [String: Any] in
            // Week pages link the other weeks; month pages link nothing but the sections (see `isMonth`).
            // A view has no week pages of its own.
            let target = isMonth || site.view != nil || w.period == p.period ? nil : SitePaths.link(from: path, to: SitePaths.week(w.period.label))
            return ["label": w.period.label, "hasHref": target != nil, "href": target ?? ""]
        }
        v["trendRows"] = PeriodFigure.all.map { figure -> [String: Any] in
            ["label": figure.label, "cells": window.map { ["value": f.format(figure.value($0), as: figure.kind)] }]
        }

        // Moving between weeks (week pages only).
        let hasPrevious = !isMonth && site.view == nil && index > 0
        let hasNext = !isMonth && site.view == nil && index + 1 < periods.count
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
        if let view = site.view { v.merge(viewValues(view), uniquingKeysWith: { _, new in new }) }
        return v
    }

    /// What only a view's page shows: the way back to its dimension, its campaigns, and its weeks and
    /// months (a view has no week or month pages of its own).
    func viewValues(_ view: ViewContext) -> [String: Any] {
        let f = site.formatter
        var v: [String: Any] = [:]
        v["dimensionHref"] = SitePaths.link(from: path, to: SitePaths.segment(view.dimension.key))
        v["dimensionLabel"] = view.dimension.label
        v["viewNote"] = "The scorecard of \(view.dimension.label) \(view.view.label): every figure over "
            + (view.view.isOther ? "the values of \(view.dimension.label) that have no view of their own" : "its rows only")
            + ", week \(periods[index].period.label)."
        // Sources the company has but the view does not (an order dimension maps only some of them).
        let exported = Set(site.ingest.sources.map(\.source))
        let absent = SourceName.allCases.filter { source in !source.isRequired && exported.contains(source) && !view.view.present.contains(source) }
            .map(\.words)
        let listed = Prose.listed(absent)
        v["hasAbsent"] = !absent.isEmpty
        v["absentNote"] = absent.isEmpty ? "" : "\(listed.prefix(1).uppercased())\(listed.dropFirst()) "
            + "\(absent.count == 1 ? "is" : "are") not mapped to \(view.dimension.label), so the figures that need "
            + "\(absent.count == 1 ? "it" : "them") show “—” here."

        v["viewCampaigns"] = site.report.campaigns.map { c -> [String: Any] in
            let target = site.campaignPath(c.campaignID)
            return [
                "name": "\(c.name) (\(c.campaignID))", "hasHref": target != nil,
                "href": target.map { SitePaths.link(from: path, to: $0) } ?? "",
                "dates": "\(c.start) to \(c.end)", "status": CampaignPage.statusWord(c.status),
                "ordered": f.quantity(c.orderedUnits), "fillRate": f.percent(c.fillRate), "below": c.belowTarget,
                "readiness": f.percent(c.readiness), "atRisk": c.atRisk, "readinessWithInbound": f.percent(c.readinessWithInbound),
            ]
        }
        v["hasViewCampaigns"] = !site.report.campaigns.isEmpty
        func rows(_ list: [PeriodFigures]) -> [[String: Any]] {
            list.reversed().map { w in
                [
                    "label": w.period.label, "range": "\(w.period.start) to \(w.period.end)",
                    "promoFillRate": f.percent(w.promoFillRate), "otherFillRate": f.percent(w.otherFillRate),
                    "stockoutShare": f.percent(w.stockoutCampaignShare), "freightShare": f.percent(w.emergencyFreightShare),
                    "shortfall": f.money(w.promoShortfallValue),
                ]
            }
        }
        v["viewWeeks"] = rows(site.weeks)
        v["viewMonths"] = rows(site.months)
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
        let year = site.yearComparison(periods, at: index)
        return Self.tileKeys.compactMap { PeriodFigure.named($0) }.map { figure -> [String: Any] in
            var row = figure.row(p, previous: previous, site: site).values
            row.merge(comparisonCells(figure, p, year), uniquingKeysWith: { _, new in new })
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
        return value == nil ? "\(text) (\(site.nullReason(figure)))" : text
    }

    /// `W46` for weeks, `2026-11` for months.
    func shortLabel(_ period: Period) -> String {
        period.kind == .week ? "W" + period.label.suffix(2) : period.label
    }

    /// The cells comparing a figure with a year earlier: the change against last year's value, and for
    /// the as-of week and month the year to date and its change against last year to date. A change
    /// against a `null` is "—".
    func comparisonCells(_ figure: PeriodFigure, _ p: PeriodFigures, _ year: YearComparison) -> [String: Any] {
        let f = site.formatter
        let value = figure.value(p)
        let lastYear = year.lastYear.flatMap(figure.value)
        let ytd = year.yearToDate.flatMap(figure.value), ytdLastYear = year.yearToDateLastYear.flatMap(figure.value)
        return [
            "hasLastYear": year.lastYear != nil,
            "lastYear": f.format(lastYear, as: figure.kind),
            "lastYearLabel": year.lastYearLabel,
            "lastYearChange": f.change(from: lastYear, to: value, as: figure.kind),
            "hasLastYearChange": lastYear != nil && value != nil,
            "hasYearToDate": year.hasYearToDate,
            "yearToDate": f.format(ytd, as: figure.kind),
            "yearToDateLastYear": f.format(ytdLastYear, as: figure.kind),
            "yearToDateChange": f.change(from: ytdLastYear, to: ytd, as: figure.kind),
        ]
    }

    /// - Parameters:
    ///   - lastYear: each period's year-earlier figures where the report has them: a fainter line of
    ///     each chart's first series.
    ///   - bands: the campaign windows to shade.
    func charts(_ window: [PeriodFigures], labels: [String], lastYear: [PeriodFigures?], bands: [LineChart.Band]) -> [LineChart] {
        let targets = site.report.targets
        let f = site.formatter
        let unit = isMonth ? "Month" : "Week"
        let slug = isMonth ? "month" : "week"
        let hasLastYear = lastYear.contains { $0 != nil }
        /// A chart of `series` (name, figure) over the window, the first one also a year earlier.
        func chart(_ name: String, _ title: String, _ yTitle: String, _ kind: ValueKind,
                   _ series: [(String, @Sendable (PeriodFigures) -> Double?)], reference: (Double, String)? = nil) -> LineChart {
            var lines = series.map { LineChart.Series(name: $0.0, values: window.map($0.1)) }
            if hasLastYear, let (first, value) = series.first {
                lines.append(.init(name: "\(first), a year earlier", values: lastYear.map { $0.flatMap(value) },
                                   faintOf: 0))
            }
            return LineChart(id: "chart-\(slug)-\(name)", title: title, xTitle: unit, yTitle: yTitle, labels: labels, series: lines,
                             kind: kind, reference: reference, bands: bands)
        }
        return [
            chart("fill", "Fill rate, promotional and non-promotional", "Fill rate", .percent,
                  [("Promotional", { $0.promoFillRate }), ("Non-promotional", { $0.otherFillRate })],
                  reference: (targets.promoFillRate, "Target " + f.targetPercent(targets.promoFillRate))),
            chart("stockout", "Stockout campaign share", "Share of campaigns", .percent,
                  [("Campaigns below target", { $0.stockoutCampaignShare })],
                  reference: (targets.stockoutCampaignShare, "Threshold " + f.targetPercent(targets.stockoutCampaignShare))),
            chart("jumps", "Emergency freight share and return rate", "Rate", .percent,
                  [("Emergency freight share", { $0.emergencyFreightShare }), ("Return rate", { $0.returnRate })]),
            chart("lead", "Order-to-ship lead time, median", "Days", .days,
                  [("Promotional", { $0.promoLeadTimeMedian }), ("Non-promotional", { $0.otherLeadTimeMedian })]),
            chart("forecast", "Forecast accuracy, promoted and other SKU-weeks", "Accuracy", .percent,
                  [("Promoted SKU-weeks", { $0.promoForecastAccuracy }), ("Other SKU-weeks", { $0.otherForecastAccuracy })]),
        ]
    }
}
