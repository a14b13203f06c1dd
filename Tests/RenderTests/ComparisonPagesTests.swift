import Metrics
import ScorecardCore
import Testing
@testable import Render

/// Pages against last year and the year to date, and the trend charts' year-earlier line and campaign
/// windows.
@Suite struct ComparisonPagesTests {
    func site(_ report: Report = ReportFixture.report()) throws -> RenderedSite {
        try SiteRendererTests.render(report: report)
    }

    /// The figures table's row of `key` on a page.
    func row(_ html: String, _ key: String) -> String {
        guard let start = html.range(of: "<tr id=\"\(key)\">"), let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theScorecardComparesWithLastYearAndTheYearToDate() throws {
        let html = SiteRendererTests.text(try site(), "index.html")
        #expect(html.contains("<th scope=\"col\" class=\"num\">Change against 2025-W46</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Year to date</th>"))
        // 93.1 % against 90.0 % a year ago: +3.1 pts; year to date 95.0 % against 92.0 %: +3.0 pts.
        let fill = row(html, "promo_fill_rate")
        #expect(fill.contains("<td class=\"num\" data-label=\"Against last year\">+3.1 pts</td>"), "\(fill)")
        #expect(fill.contains("<td class=\"num\" data-label=\"Year to date\">95.0 %</td>"))
        #expect(fill.contains("<td class=\"num\" data-label=\"Year to date against last year\">+3.0 pts</td>"))
        // Last year's non-promotional fill rate is null: the change is "—", never a number.
        let other = row(html, "other_fill_rate")
        #expect(other.contains("<td class=\"num\" data-label=\"Against last year\">\u{2014}</td>"), "\(other)")
        #expect(html.contains("year to date 2025-12-29 to 2026-11-15, against 2024-12-30 to 2025-11-16"))
        // The tiles say it too.
        #expect(html.contains("<p class=\"tile-compare\">Last year 90.0 %, +3.1 pts <span class=\"tile-target\">(2025-W46)</span></p>"))
        #expect(html.contains("<p class=\"tile-compare\">Year to date 95.0 % <span class=\"tile-target\">(last year 92.0 %)</span></p>"))
        #expect(SiteRendererTests.text(try site(), "weeks/2026-W46/index.html").contains("Change against 2025-W46"))
    }

    /// Other weeks compare with the week that started 364 days earlier, where the report has it; the
    /// fixture's report starts in 2026, so "—" and a note saying why.
    @Test func otherWeeksWithoutLastYearInTheReportSayWhy() throws {
        let html = SiteRendererTests.text(try site(), "weeks/2026-W44/index.html")
        #expect(html.contains("Change against last year"))
        #expect(html.contains("no week a year earlier in the report"))
        #expect(!html.contains(">Year to date<"))
        #expect(row(html, "promo_fill_rate").contains("data-label=\"Against last year\">\u{2014}</td>"))
    }

    /// A report reaching back a year: week 2026-W44 against 2025-W44 (364 days earlier), and the month
    /// against the same month a year earlier.
    @Test func otherWeeksAndMonthsAgainstTheSamePeriodLastYear() throws {
        var report = ReportFixture.report()
        var lastYear = ReportFixture.week(Day(iso: "2025-10-27")!, fill: 0.80, other: 0.90, share: 0, freightShare: 0.1, below: [])
        lastYear.promoUnitsOrdered = 1000
        report.weeks.insert(lastYear, at: 0)
        var october = PeriodFigures(period: .month(containing: Day(iso: "2025-10-01")!))
        october.promoFillRate = 0.9
        report.months.insert(october, at: 0)
        let site = try self.site(report)
        let week = SiteRendererTests.text(site, "weeks/2026-W44/index.html")
        #expect(week.contains("Change against 2025-W44"))
        // 0.96 − 0.80 = +16.0 pts; 1200 − 1000 = +200.
        #expect(row(week, "promo_fill_rate").contains("data-label=\"Against last year\">+16.0 pts</td>"))
        #expect(row(week, "promo_units_ordered").contains("data-label=\"Against last year\">+200</td>"))
        let month = SiteRendererTests.text(site, "months/2026-10/index.html")
        #expect(month.contains("Change against 2025-10"))
        // 0.965 − 0.9 = +6.5 pts.
        #expect(row(month, "promo_fill_rate").contains("data-label=\"Against last year\">+6.5 pts</td>"))
    }

    /// Trend charts shade the campaigns overlapping their weeks (at most eight, the largest by ordered
    /// units) and name them in the text alternative; links go in a list beside the charts.
    @Test func trendChartsShadeTheLargestCampaigns() throws {
        var report = ReportFixture.report()
        for i in 0..<10 {
            var c = CampaignFigures(campaignID: "X-\(i)", name: "Extra \(i)", channel: nil, start: Day(iso: "2026-10-20")! + i,
                                    end: Day(iso: "2026-10-30")! + i, status: .ended)
            c.orderedUnits = Double(100 * i)
            report.campaigns.append(c)
        }
        let html = SiteRendererTests.text(try site(report), "index.html")
        // C-1 (900 units), C_3 (300), X-9 … X-4 (900 … 400): eight; X-3 … X-0 and the upcoming one are left out.
        let folders = PathSafeNames(ids: report.campaigns.map(\.campaignID))
        for id in ["C-1", "C_3", "X-9", "X-8", "X-7", "X-6", "X-5", "X-4"] {
            #expect(html.contains("<li><a href=\"campaigns/\(folders.folder(id))/index.html\">\(id) "), "\(id)")
        }
        for id in ["X-3", "X-0"] { #expect(!html.contains(">\(id) "), "\(id)") }
        #expect(html.contains("<desc id=\"chart-week-fill-desc\">Shaded: the windows of campaigns C_3 (2026-10-19 to 2026-10-25), "))
        #expect(html.contains("aria-describedby=\"chart-week-fill-desc\""))
    }
}
