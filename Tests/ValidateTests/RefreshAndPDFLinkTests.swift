import Foundation
import Testing
@testable import Validate

/// A `<meta http-equiv="refresh">` is followed like a link, and a link to a PDF that is there resolves
/// like any other file.
@Suite("Refresh and PDF links", .serialized)
struct RefreshAndPDFLinkTests {
    func problems(_ files: [String: String]) throws -> [String] {
        let site = try TemporarySite(files)
        defer { site.remove() }
        return SiteValidator().validate(directory: site.path).map { "\($0.location?.description ?? "?"): \($0.message)" }
    }

    static func redirect(to url: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content="0; url=\(url)" />
        <title>moved</title>
        </head>
        <body><main><p><a href="\(url)">moved</a></p></main></body>
        </html>

        """
    }

    @Test func aRefreshToAPageThatExistsIsClean() throws {
        #expect(try problems([
            "categories/Tea/index.html": Self.redirect(to: "../tea/index.html"),
            "categories/tea/index.html": page("<h1>Tea</h1>", css: "../../a.css"),
            "a.css": "",
        ]) == [])
    }

    @Test func aRefreshToNowhereIsReported() throws {
        let found = try problems([
            "categories/Tea/index.html": Self.redirect(to: "../gone/index.html").replacingOccurrences(of: "<a href=\"../gone/index.html\">", with: "<a>"),
        ])
        #expect(found == ["categories/Tea/index.html:5: link \"../gone/index.html\" does not resolve to a file in the site (categories/gone/index.html)"])
    }

    @Test(arguments: [
        ("0; url=../x/index.html", "../x/index.html"),
        ("0;URL='a b.html'", "a b.html"),
        ("5 ; url = \"q.html\"", "q.html"),
        ("0", nil),
        ("0; nothing", nil),
    ] as [(String, String?)])
    func refreshContent(content: String, url: String?) {
        #expect(PageWalker.refreshURL(content: content) == url)
    }

    @Test func aLinkToAPDFThatExistsResolvesAndOneThatDoesNotIsReported() throws {
        let month = page(#"<p><a href="scorecard-2026-10.pdf">PDF of this month</a></p>"#, css: "../../a.css")
        #expect(try problems(["months/2026-10/index.html": month, "months/2026-10/scorecard-2026-10.pdf": "%PDF-1.4\n", "a.css": ""]) == [])
        let missing = try problems(["months/2026-10/index.html": month, "a.css": ""])
        #expect(missing.count == 1)
        #expect(missing.first?.contains("scorecard-2026-10.pdf") == true)
    }
}
