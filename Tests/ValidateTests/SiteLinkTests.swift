import Testing
@testable import Validate

@Suite("Site links")
struct SiteLinkTests {
    @Test("URLs are classified and resolved against the page's folder", arguments: [
        ("https://x/y", "weeks/2026-W46/index.html", SiteLink.external),
        ("mailto:a@b", "index.html", .external),
        ("//cdn/x", "index.html", .external),
        ("#a", "index.html", .samePage(fragment: "a")),
        ("#", "index.html", .samePage(fragment: nil)),
        ("/x", "index.html", .rootAbsolute),
        ("../../../x", "weeks/2026-W46/index.html", .escapesSite),
        ("../../index.html", "weeks/2026-W46/index.html", .inSite(path: "index.html", isFolder: false, fragment: nil)),
        ("../", "weeks/2026-W46/index.html", .inSite(path: "weeks", isFolder: true, fragment: nil)),
        ("../..", "weeks/2026-W46/index.html", .inSite(path: "", isFolder: true, fragment: nil)),
        ("C%2017/?q=1#top", "campaigns/index.html", .inSite(path: "campaigns/C 17", isFolder: true, fragment: "top")),
        ("a:b.html", "index.html", .external),  // a scheme, as browsers read it
        ("./a%3Ab.html", "index.html", .inSite(path: "a:b.html", isFolder: false, fragment: nil)),
    ])
    func classify(url: String, page: String, expected: SiteLink) {
        #expect(SiteLink(url, from: page) == expected)
    }

    @Test("percent-decoding keeps malformed escapes as written")
    func percentDecoding() {
        #expect(SiteLink.percentDecoded("a%20b%zz%4") == "a b%zz%4")
        #expect(SiteLink.percentDecoded("%C3%A9") == "é")
    }
}
