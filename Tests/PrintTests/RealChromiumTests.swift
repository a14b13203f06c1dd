import Foundation
@testable import Print
import ScorecardCore
import Testing

/// The printer with the machine's Chromium, when it has one (skipped otherwise).
@Suite struct RealChromiumTests {
    static let chromium = Browser.locate("chromium", base: "/") ?? Browser.locate("chromium-browser", base: "/")
        ?? Browser.locate("google-chrome", base: "/")

    @Test(.enabled(if: chromium != nil, "needs Chromium on PATH"), .timeLimit(.minutes(2)))
    func chromiumPrintsThePageTheSameBytesTwiceWithoutLinksToTheFolder() throws {
        let browser = try #require(Self.chromium)
        let f = try PrintFixture()
        let printer = ChromiumPrinter(browser: browser, timeoutSeconds: 60)
        let asOf = Day(year: 2026, month: 11, day: 15)!
        try printer.print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/a.pdf", in: f.site, asOf: asOf)
        try printer.print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/b.pdf", in: f.site, asOf: asOf)
        let a = try Data(contentsOf: URL(fileURLWithPath: f.site + "/weeks/2026-W46/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: f.site + "/weeks/2026-W46/b.pdf"))
        #expect(a.starts(with: Array("%PDF-".utf8)))
        #expect(a.count > 1000)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("D:20261115000000"))
        #expect(!text.contains("file://"), "a link to the folder it was printed from")
        #expect(a == b, "two prints of the same page differ")
    }
}
