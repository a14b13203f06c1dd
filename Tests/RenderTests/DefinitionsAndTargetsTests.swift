import Foundation
import Metrics
import ScorecardCore
import Testing
@testable import Render

/// Issue 12: every figure explained and targeted. The definitions page, the links to it, targets on any
/// figure (status words and alerts), and the headline tiles.
@Suite struct DefinitionsAndTargetsTests {
    static func text(_ site: RenderedSite, _ path: String) -> String { SiteRendererTests.text(site, path) }

    @Test func pagesListExactlyThePeriodKeys() {
        #expect(PeriodFigure.all.map(\.key) == FigureKeys.period)
        let defined = FigureDefinition.period.map(\.key)
        for key in FigureKeys.period { #expect(defined.contains(key), "\(key) has no definition") }
        #expect(defined.contains("top_shortfall"))
    }

    @Test func everyAnchorIsUniqueAndOnTheDefinitionsPage() throws {
        let anchors = FigureDefinition.all.map(\.anchor)
        #expect(Set(anchors).count == anchors.count, "\(anchors)")
        // Keys are anchors as they are; a key an earlier section used gets its section's prefix.
        #expect(FigureDefinition.anchor("return_rate", in: .period) == "return_rate")
        #expect(FigureDefinition.anchor("return_rate", in: .campaign) == "campaign-return_rate")
        #expect(FigureDefinition.anchor("readiness", in: .campaign) == "readiness")
        #expect(FigureDefinition.anchor("fill_rate", in: .campaignSKU) == "campaign-sku-fill_rate")
        #expect(FigureDefinition.anchor("weeks_of_cover", in: .category) == "weeks_of_cover")
        let site = try SiteRendererTests.render()
        let page = Self.text(site, "definitions/index.html")
        let ids = Set(PageChecks.ids(page))
        for anchor in anchors { #expect(ids.contains(anchor), "#\(anchor) missing") }
    }

    @Test func everyDefinitionIsLinkedFromAPage() throws {
        let site = try SiteRendererTests.render()
        var linked = Set<String>()
        for (path, bytes) in site.files where path.hasSuffix(".html") && path != "definitions/index.html" {
            for link in PageChecks.links(String(decoding: bytes, as: UTF8.self)) {
                guard PageChecks.resolve(link, from: path) == "definitions/index.html", let hash = link.firstIndex(of: "#") else { continue }
                linked.insert(String(link[link.index(after: hash)...]))
            }
        }
        for d in FigureDefinition.all { #expect(linked.contains(d.anchor), "nothing links to #\(d.anchor)") }
    }

    static func targetedConfig() -> Config {
        var config = ReportFixture.config()
        config.targets.figures = [
            Config.FigureTarget(key: "emergency_freight_share", max: 0.10),  // W46: 20 % → missed
            Config.FigureTarget(key: "promo_return_rate", max: 0.06),        // W46: 5 % → met
            Config.FigureTarget(key: "forecast_accuracy", min: 0.70),        // W46: null → no data
        ]
        return config
    }

    static func targetedReport() -> Report {
        var report = ReportFixture.report()
        report.targets = targetedConfig().targets
        return report
    }

    /// The figures table row of `key` on a page.
    static func row(_ html: String, _ key: String) -> String {
        guard let start = html.range(of: "<tr id=\"\(key)\">") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func targetsOnThreeFiguresGiveStatusWordsAndAlerts() throws {
        let site = try SiteRendererTests.render(config: Self.targetedConfig(), report: Self.targetedReport())
        let page = Self.text(site, "index.html")
        #expect(Self.row(page, "emergency_freight_share").contains("at most 10 %"))
        #expect(Self.row(page, "emergency_freight_share").contains("✗</span> Above threshold"))
        #expect(Self.row(page, "promo_return_rate").contains("✓</span> Target met"))
        #expect(Self.row(page, "forecast_accuracy").contains("at least 70 %"))
        #expect(Self.row(page, "forecast_accuracy").contains("No data"))
        // A missed target is an alert linking to its row; met and no data are not.
        #expect(page.contains("Emergency freight share is 20.0 %: above its target (at most 10 %). <a href=\"#emergency_freight_share\">"))
        #expect(!page.contains("Return rate, promotional is"))
        #expect(!page.contains("Forecast accuracy is"))
        // The digest says the same.
        let eml = Self.text(site, "email/latest.eml").replacingOccurrences(of: "=\r\n", with: "")
        #expect(eml.contains("Emergency freight share: 20.0 %; target at most 10 %, ABOVE THRESHOLD"))
        #expect(eml.contains("Return rate, promotional: 5.0 %; target at most 6 %, Target met"))
        #expect(eml.contains("target at least 70 %, No data"))
        // kpis.json lists them as given.
        let json = Self.text(site, "data/kpis.json")
        #expect(json.contains("\"figures\":{\"emergency_freight_share\":{\"max\":0.1},\"promo_return_rate\":{\"max\":0.06},\"forecast_accuracy\":{\"min\":0.7}}"))
    }

    @Test func headlineTilesWithSparklines() throws {
        let site = try SiteRendererTests.render()
        let page = Self.text(site, "index.html")
        let tiles = page.components(separatedBy: "<li class=\"tile ").dropFirst()
        #expect(tiles.count == 6)
        let names = tiles.map { tile -> String in
            guard let a = tile.range(of: "\">", range: tile.range(of: "<a href=")!.upperBound..<tile.endIndex) else { return "" }
            return String(tile[a.upperBound..<(tile.range(of: "</a>")?.lowerBound ?? tile.endIndex)])
        }
        #expect(names == ["Fill rate, promotional", "Stockout campaign share", "Inventory turns, promoted categories",
                          "Emergency freight share", "Return rate, promotional", "Forecast accuracy"])
        // The promotional fill rate misses 95 %: word and icon, change, and a sparkline with a text alternative.
        let fill = String(tiles.first ?? "")
        #expect(fill.hasPrefix("tile-bad"))
        #expect(fill.contains("✗</span> Below target"))
        #expect(fill.contains("−1.9 pts"))
        #expect(fill.contains("<svg class=\"spark\""))
        #expect(fill.contains("<title id=\"spark-promo_fill_rate-title\">Fill rate, promotional over the last 4 periods: 97.0 % in 2026-W43, 93.1 % in 2026-W46; lowest 93.1 %, highest 97.0 %</title>"))
    }

    @Test func alertsLinkToTheRowThatExplainsThem() throws {
        let site = try SiteRendererTests.render()
        let page = Self.text(site, "index.html")
        let ids = Set(PageChecks.ids(page))
        // Campaign below target → its SKU table; at risk → its readiness; stockout share → the shortfall section.
        #expect(page.contains("campaigns/C-1/index.html#skus"))
        #expect(page.contains("/index.html#readiness"))
        #expect(page.contains("<a href=\"#shortfall\">"))
        #expect(ids.contains("shortfall") && ids.contains("emergency_freight_share"))
        let campaign = Self.text(site, "campaigns/C-1/index.html")
        #expect(PageChecks.ids(campaign).contains("skus"))
        #expect(campaign.contains("<a href=\"#skus\">See which SKUs ran short</a>"))
    }

    @Test func weekPagesShowWhereTheShortfallCameFrom() throws {
        let site = try SiteRendererTests.render()
        let page = Self.text(site, "weeks/2026-W46/index.html")
        #expect(page.contains("Where the shortfall came from"))
        #expect(page.contains("<th scope=\"row\">SKU-&lt;2&gt;</th>"))
        // Linked to the campaign's SKU table on week pages, plain text on (archivable) month pages.
        #expect(page.contains("../../campaigns/C-1/index.html#skus"))
        #expect(page.contains("Lead time, median"))
    }
}
