import Metrics
import ScorecardCore

/// The weekly e-mail digest of the as-of week: `email/YYYY-Www.eml` and `email/latest.eml`.
///
/// Deterministic: `Date` is the day after the as-of date at 07:00 UTC (the morning after the data
/// closes, e.g. as of Sunday 2026-11-15 → `Mon, 16 Nov 2026 07:00:00 +0000`), and `Message-ID` is made of
/// the as-of week and a hash of the title. `From` defaults to `scorecard@localhost`; `To` is left out
/// when the config names no recipient (`sendmail -t` then needs them on its command line). Links are
/// absolute, built from `base_url`; without it the digest has none (the build already warns).
struct Digest: Sendable {
    static let defaultFrom = "scorecard@localhost"
    /// How many of the week's top shortfall SKUs the digest names.
    static let shortfallSKUs = 3

    var site: SiteContext
    /// A view's own recipients (`email.segments`), instead of `email.to`.
    var recipients: [String]? = nil

    var week: PeriodFigures { site.weeks[site.asOfWeek] }

    var alerts: [Alert] {
        let rules = AlertRules(report: site.report, formatter: site.formatter)
        var alerts = rules.alerts(in: site.weeks, at: site.asOfWeek, includeUpcoming: true)
        if site.view == nil { alerts += rules.segmentAlerts(site.segments, folders: site.segmentFolders) }
        return alerts
    }

    /// The page the digest is about: the week's, or a view's.
    var pagePath: String { site.view?.path ?? SitePaths.week(week.period.label) }

    /// `Scorecard 2026-W46: promo fill rate 93.1 % (target 95 %), 2 alerts`.
    var subject: String {
        let f = site.formatter
        let rate = week.promoFillRate.map { f.percent($0) } ?? "\(ValueFormatter.null) (no promotional lines due)"
        let n = alerts.count
        let count = n == 0 ? "no alerts" : "\(n) alert\(n == 1 ? "" : "s")"
        let view = site.view.map { ", \($0.title)" } ?? ""
        return "\(site.config.title) \(week.period.label)\(view): promo fill rate \(rate) "
            + "(target \(f.targetPercent(site.report.targets.promoFillRate))), \(count)"
    }

    /// `base_url` with exactly one trailing `/`, or `nil`.
    var baseURL: String? {
        guard var base = site.config.baseURL?.trimmingSpaces, !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/"
    }

    var from: String {
        let configured = site.config.email.from?.trimmingSpaces ?? ""
        return configured.isEmpty ? Self.defaultFrom : configured
    }

    var date: String {
        let day = site.report.asOf + 1
        let c = day.civil
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let dd = c.day < 10 ? "0\(c.day)" : "\(c.day)"
        return "\(weekdays[day.isoWeekday - 1]), \(dd) \(months[c.month - 1]) \(c.year) 07:00:00 +0000"
    }

    var messageID: String {
        let hash = String(Hash.fnv1a64(site.config.title), radix: 16)
        var domain = "localhost"
        if let at = from.lastIndex(of: "@") {
            let candidate = from[from.index(after: at)...].filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
            if !candidate.isEmpty { domain = String(candidate) }
        }
        // A view's digest is a message of its own.
        let view = site.view.map { "." + String(Hash.fnv1a64($0.path), radix: 16) } ?? ""
        return "<scorecard.\(week.period.label)\(view).\(hash)@\(domain)>"
    }

    /// What "last year" and "year to date" mean in the figures: `last year: 2025-W46; year to date: 2025-12-29
    /// to 2026-11-15 against 2024-12-30 to 2025-11-16`.
    var comparisonNote: String {
        let year = site.yearComparison(site.weeks, at: site.asOfWeek)
        var parts: [String] = []
        if let ly = year.lastYear { parts.append("last year: \(year.lastYearLabel) (\(ly.period.start) to \(ly.period.end))") }
        if let ytd = year.yearToDate, let ytdLY = year.yearToDateLastYear {
            parts.append("year to date: \(ytd.period.start) to \(ytd.period.end) against \(ytdLY.period.start) to \(ytdLY.period.end)")
        }
        return parts.joined(separator: "; ")
    }

    /// The values both bodies render from.
    func values() -> [String: Any] {
        let f = site.formatter
        let report = site.report
        let p = week
        let previous = site.asOfWeek > 0 ? site.weeks[site.asOfWeek - 1] : nil
        let base = baseURL
        func link(_ path: String) -> String { base.map { $0 + path } ?? "" }
        var v: [String: Any] = [
            "subject": subject,
            "title": site.config.title,
            "week": p.period.label,
            "range": site.rangeText(p.period),
            "asOf": report.asOf.description,
            "hasLinks": base != nil,
            "scorecardURL": link(site.view?.path ?? SitePaths.index),
            "weekURL": link(pagePath),
            "isView": site.view != nil,
            "viewTitle": site.view?.title ?? "",
            "companyURL": link(SitePaths.index),
            "campaignsURL": link(SitePaths.campaigns),
            "dataQualityURL": link(SitePaths.dataQuality),
            "previousLabel": previous?.period.label ?? "none",
            "comparisonNote": comparisonNote,
            "hasComparisonNote": !comparisonNote.isEmpty,
        ]
        let alerts = self.alerts
        v["hasAlerts"] = !alerts.isEmpty
        v["alertSummary"] = alerts.isEmpty ? "No alerts this week." : "\(alerts.count) alert\(alerts.count == 1 ? "" : "s") this week."
        v["alerts"] = alerts.map { alert -> [String: Any] in
            // The part of the week's page that explains the alert, as on the page itself.
            let explanation = base == nil ? nil : alert.link.map(link) ?? alert.anchor.map { link(pagePath) + "#" + $0 }
            return [
                "message": alert.message,
                "hasLink": explanation != nil,
                "linkText": alert.anchorText,
                "linkURL": explanation ?? "",
                "hasItems": !alert.items.isEmpty,
                "items": alert.items.map { item -> [String: Any] in
                    let url = base == nil ? nil : item.link.map(link) ?? item.campaignID.flatMap { site.campaignPath($0) }
                        .map { link($0) + (item.fragment.isEmpty ? "" : "#" + item.fragment) }
                    return ["text": item.text, "hasHref": url != nil, "href": url ?? ""]
                },
            ]
        }
        // Against last year and the year to date: "…; last year 88.1 %; year to date 90.3 % (last year 92.0 %)".
        let year = site.yearComparison(site.weeks, at: site.asOfWeek)
        v["figures"] = PeriodFigure.all.enumerated().map { n, figure -> [String: Any] in
            var (row, standing) = figure.row(p, previous: previous, site: site)
            row["hasLastYear"] = year.lastYear != nil
            row["lastYear"] = f.format(year.lastYear.flatMap(figure.value), as: figure.kind)
            row["hasYearToDate"] = year.hasYearToDate
            row["yearToDate"] = f.format(year.yearToDate.flatMap(figure.value), as: figure.kind)
            row["yearToDateLastYear"] = f.format(year.yearToDateLastYear.flatMap(figure.value), as: figure.kind)
            // Misses shout; met and "no data" are said plainly.
            row["status"] = standing.map { $0.misses ? $0.text.uppercased() : $0.text } ?? ""
            row["statusColour"] = standing?.misses == true ? "#8a0018" : (standing == .met ? "#14561a" : "#444444")
            row["shade"] = n % 2 == 0 ? "#f3f5f8" : "#ffffff"
            row["hasHref"] = base != nil
            row["href"] = link(SitePaths.definition(figure.key))
            return row
        }
        // The three SKUs that lost the most promotional value this week.
        let names = Dictionary(report.campaigns.map { ($0.campaignID, $0.name) }, uniquingKeysWith: { a, _ in a })
        v["hasShortfall"] = !p.topShortfall.isEmpty
        v["shortfallURL"] = link(pagePath + "#shortfall")
        v["shortfall"] = p.topShortfall.prefix(Self.shortfallSKUs).enumerated().map { n, s -> [String: Any] in
            [
                "rank": String(n + 1), "sku": s.sku, "category": s.category, "value": f.money(s.shortfallValue),
                "due": f.quantity(s.dueUnits), "onTime": f.quantity(s.onTimeUnits),
                "campaigns": s.campaignIDs.map { id in names[id].map { "\($0) (\(id))" } ?? id }.joined(separator: ", "),
                "shade": n % 2 == 0 ? "#f3f5f8" : "#ffffff",
            ]
        }
        // Each segment dimension: its values' promotional fill rate, stockout campaign share and emergency
        // freight share this week, worst first, each linked to its page.
        v["hasSegments"] = site.view == nil && !site.segments.isEmpty
        v["segments"] = site.view != nil ? [] : site.segments.map { d -> [String: Any] in
            [
                "label": d.label, "url": link(SitePaths.segment(d.key)),
                "values": d.views.enumerated().map { n, view -> [String: Any] in
                    let w = view.weeks.last
                    return [
                        "label": view.label, "url": link(site.segmentFolders.page(d.key, view)),
                        "promoFillRate": f.percent(w?.promoFillRate), "stockoutShare": f.percent(w?.stockoutCampaignShare),
                        "freightShare": f.percent(w?.emergencyFreightShare),
                        "below": (w?.promoFillRate).map { $0 < report.targets.promoFillRate } ?? false,
                        "shade": n % 2 == 0 ? "#f3f5f8" : "#ffffff",
                    ]
                },
            ]
        }
        return v
    }

    /// The message, with both bodies rendered by `templates`, and `attachments` after them.
    func message(_ templates: TemplateSet, attachments: [MIMEAttachment] = []) throws(RenderError) -> MIMEMessage {
        let values = self.values()
        var headers: [(name: String, value: String)] = [("From", from)]
        let to = (recipients ?? site.config.email.to).map(\.trimmingSpaces).filter { !$0.isEmpty }
        if !to.isEmpty { headers.append(("To", to.joined(separator: ", "))) }
        headers += [("Subject", subject), ("Date", date), ("Message-ID", messageID)]
        return MIMEMessage(
            headers: headers,
            boundary: "=_scorecard_\(week.period.label)",
            text: try templates.render("email-text", values),
            html: try templates.render("email-html", values),
            attachments: attachments)
    }
}
