import Metrics
import ScorecardCore
import Testing
@testable import Render

/// Category pages live at readable slugs; their former folders send readers on.
@Suite struct CategoryPagesTests {
    @Test func categoryPagesAreAtTheirSlugsAndLinkedFromTheCategoriesPage() throws {
        let site = try SiteRendererTests.render()
        #expect(site.files["categories/garden-patio/index.html"] != nil)
        #expect(site.files["categories/kitchen/index.html"] != nil)
        let index = SiteRendererTests.text(site, "categories/index.html")
        #expect(index.contains("href=\"garden-patio/index.html\""))
        #expect(index.contains("href=\"kitchen/index.html\""))
    }

    @Test func theFormerFolderOfACategoryRedirectsToItsPage() throws {
        let site = try SiteRendererTests.render()
        // "Garden & <Patio>" used to be written as the bytes of the name in `_XX` escapes.
        let former = "categories/Garden_20_26_20_3CPatio_3E/index.html"
        let html = SiteRendererTests.text(site, former)
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../garden-patio/index.html\" />"))
        #expect(html.contains("<a href=\"../garden-patio/index.html\">categories/garden-patio/</a>"))
        #expect(html.contains("Category Garden &amp; &lt;Patio&gt;"))
        #expect(!html.contains("<script"))
        #expect(SiteRendererTests.text(site, "categories/Kitchen/index.html").contains("url=../kitchen/index.html"))
        // A name whose former folder is its slug needs no redirect (and must not overwrite its page).
        var report = ReportFixture.report()
        report.categories = [CategoryFigures(category: "tea", promoted: false, unitsOrdered: 1, fillRate: nil, inventoryTurns: nil, returnRate: nil)]
        let plain = try SiteRendererTests.render(report: report)
        #expect(SiteRendererTests.text(plain, "categories/tea/index.html").contains("<h1>Category tea</h1>"))
        #expect(plain.files.keys.filter { $0.hasPrefix("categories/") }.sorted() == ["categories/index.html", "categories/tea/index.html"])
    }
}
