import Metrics
import ScorecardCore
import Testing
@testable import Render

@Suite struct SiteRendererTests {
    static func render(config: Config = ReportFixture.config(), report: Report = ReportFixture.report(),
                       archived: [String] = []) throws -> RenderedSite {
        try SiteRenderer(config: config, templatesDirectory: nil)
            .render(report: report, ingest: ReportFixture.ingest(), archivedMonths: archived)
    }

    static func text(_ site: RenderedSite, _ path: String) -> String {
        String(decoding: site.files[path] ?? [], as: UTF8.self)
    }

    static var pages: [String] { (try? render().files.keys.filter { $0.hasSuffix(".html") }.sorted()) ?? [] }

    @Test func everyPageTypeExists() throws {
        let site = try Self.render()
        let folder = PathSafeNames(ids: ReportFixture.report().campaigns.map(\.campaignID))
        let expected = [
            "index.html", "weeks/2026-W43/index.html", "weeks/2026-W46/index.html",
            "campaigns/index.html", "campaigns/C-1/index.html", "campaigns/C__3/index.html",
            "campaigns/\(folder.folder("BF/2026 <ü>"))/index.html",
            "categories/index.html", "months/index.html", "months/2026-10/index.html", "months/2026-11/index.html",
            "data-quality/index.html", "assets/style.css", "months/2026-10/style.css",
            "data/kpis.json", "data/weeks.csv", "data/campaigns.csv", "data/rejected.csv",
            "email/2026-W46.eml", "email/latest.eml",
        ]
        for path in expected { #expect(site.files[path] != nil, "\(path)") }
        // October is closed (ends before 2026-11-15) and carries its CSS; November is open and does not.
        #expect(site.files["months/2026-11/style.css"] == nil)
        #expect(site.files["email/latest.eml"] == site.files["email/2026-W46.eml"])
    }

    @Test func inputValuesAreEscaped() throws {
        let site = try Self.render()
        for path in site.files.keys where path.hasSuffix(".html") {
            let html = Self.text(site, path)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<b>"), "\(path)")
            #expect(!html.contains("<Patio>"), "\(path)")
        }
        let campaign = Self.text(site, "campaigns/C-1/index.html")
        #expect(campaign.contains("Autumn &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Friends&#39;"))
        #expect(campaign.contains("TV &amp; web"))
        #expect(Self.text(site, "data-quality/index.html").contains("&lt;b&gt;Date Not Captured&lt;/b&gt;"))
    }

    /// A form feed or bell in an export is valid UTF-8 (the row is kept) but not allowed in XML or HTML:
    /// it reaches the page as U+FFFD, and the page stays well-formed.
    @Test func controlCharactersInInputValuesAreReplaced() throws {
        var report = ReportFixture.report()
        let c = try #require(report.campaigns.firstIndex { $0.campaignID == "C-1" })
        report.campaigns[c].name = "Spring\u{0C}Sale\u{07} \u{9F}end\u{FFFE}"
        report.campaigns[c].channel = "web\u{01}"
        let site = try Self.render(report: report)
        let path = try #require(site.files.keys.first { $0.hasPrefix("campaigns/C-1/") })
        let html = Self.text(site, path)
        #expect(PageChecks.xmlError(site.files[path] ?? []) == nil)
        #expect(html.contains("Spring\u{FFFD}Sale\u{FFFD} \u{FFFD}end\u{FFFD}"))
        #expect(html.contains("web\u{FFFD}"))
        // Tab, line feed and ordinary text pass through untouched.
        #expect(Markup.replacingForbiddenCodePoints("a\tb\nc é €") == "a\tb\nc é €")
    }

    @Test(arguments: pages)
    func pagesAreWellFormedXMLWithUniqueIDs(path: String) throws {
        let site = try Self.render()
        let bytes = site.files[path] ?? []
        #expect(PageChecks.xmlError(bytes) == nil, "\(path)")
        let ids = PageChecks.ids(String(decoding: bytes, as: UTF8.self))
        #expect(Set(ids).count == ids.count, "\(path)")
    }

    @Test(arguments: pages)
    func everyLinkResolvesWithinTheSite(path: String) throws {
        let site = try Self.render()
        let html = Self.text(site, path)
        let links = PageChecks.links(html)
        #expect(!links.isEmpty)
        for link in links {
            #expect(!link.hasSuffix("/"), "\(path): \(link) must name index.html")
            guard let target = PageChecks.resolve(link, from: path) else {
                #expect(link.hasPrefix("#"), "\(path): \(link) is not relative")
                continue
            }
            #expect(site.files[target] != nil, "\(path): \(link) → \(target)")
        }
    }

    @Test func aClosedMonthLinksOnlyToSectionPagesAndItsOwnCSS() throws {
        let site = try Self.render()
        let path = "months/2026-10/index.html"
        let allowed: Set = [
            "index.html", "campaigns/index.html", "categories/index.html", "months/index.html", "data-quality/index.html",
            "definitions/index.html", path, "months/2026-10/style.css",
        ]
        let html = Self.text(site, path)
        #expect(html.contains("href=\"style.css\""))
        for link in PageChecks.links(html) {
            guard let target = PageChecks.resolve(link, from: path) else { continue }
            #expect(allowed.contains(target), "\(link)")
        }
        #expect(site.files["months/2026-10/style.css"] == site.files["assets/style.css"])
    }

    @Test func monthsIndexListsArchivedMonths() throws {
        let site = try Self.render(archived: ["2026-09", "not-a-month"])
        let html = Self.text(site, "months/index.html")
        #expect(html.contains("href=\"2026-09/index.html\""))
        #expect(html.contains("href=\"2026-10/index.html\""))
        #expect(html.contains("href=\"2026-11/index.html\""))
        #expect(!html.contains("not-a-month"))
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try Self.render().files == Self.render().files)
    }

    @Test func theFrontPageShowsAlertsFirst() throws {
        let html = Self.text(try Self.render(), "index.html")
        let alerts = try #require(html.range(of: "id=\"alerts-heading\""))
        let figures = try #require(html.range(of: "id=\"figures-heading\""))
        #expect(alerts.lowerBound < figures.lowerBound)
        // W46: stockout share 50 % > 5 %, C-1 below target, Black Friday at risk, emergency share 20 % vs 10 %.
        #expect(html.contains("4 alerts this week."))
        #expect(html.contains("alert-stockout-share"))
        #expect(html.contains("alert-below-target"))
        #expect(html.contains("alert-at-risk"))
        #expect(html.contains("alert-emergency-freight-jump"))
        #expect(!html.contains("alert-return-rate-jump"))
        // Null with its reason: no forecast export in the fixture.
        #expect(html.contains("(no forecast export)"))
        // The change of the promotional fill rate: 0.931 − 0.95 = −1.9 points.
        #expect(html.contains("\u{2212}1.9 pts"))
    }

    /// The optional exports that were not found, in a sentence (the fixture has returns, freight, inventory).
    @Test func theDataQualityPageNamesTheMissingExports() throws {
        let html = Self.text(try Self.render(), "data-quality/index.html")
        #expect(html.contains("No forecast, purchase orders and receipts exports were found, so the figures that need them show “—”."))
    }

    @Test func weekPagesAreNotAlertedForUpcomingCampaigns() throws {
        let html = Self.text(try Self.render(), "weeks/2026-W45/index.html")
        // W45: nothing below target, emergency share flat.
        #expect(html.contains("No alerts this week."))
    }

    @Test func anEmptyReportStillRendersEveryPage() throws {
        let empty = Report(asOf: ReportFixture.asOf, targets: Config.Targets(), present: [], weeks: [], months: [], campaigns: [],
                           categories: [], categoryWindow: ReportFixture.asOf...ReportFixture.asOf)
        let site = try Self.render(report: empty)
        #expect(site.files["index.html"] != nil)
        #expect(site.files["weeks/2026-W46/index.html"] != nil)
        #expect(site.files["months/2026-11/index.html"] != nil)
    }
}
