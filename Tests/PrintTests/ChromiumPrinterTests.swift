import Foundation
@testable import Print
import ScorecardCore
import Testing

/// The printer with stand-in browsers: a PDF lands in the site only when the browser wrote one; a
/// failure, a hang or no file is an error naming the page; the browser's helpers die with it.
@Suite struct ChromiumPrinterTests {
    static let asOf = Day(year: 2026, month: 11, day: 15)!

    func printer(_ browser: String, timeout: Int = 20) -> ChromiumPrinter { ChromiumPrinter(browser: browser, timeoutSeconds: timeout) }

    @Test func aPrintWritesThePDFWithTheAsOfDateAndNoOutwardLinks() throws {
        let f = try PrintFixture()
        try printer(try f.printingBrowser()).print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/scorecard-2026-W46.pdf",
                                                   in: f.site, asOf: Self.asOf)
        let pdf = try String(contentsOfFile: f.site + "/weeks/2026-W46/scorecard-2026-W46.pdf", encoding: .utf8)
        #expect(pdf.hasPrefix("%PDF-1.4"))
        #expect(pdf.contains("/CreationDate (D:20261115000000+00'00')"))
        #expect(pdf.contains("/ModDate (D:20261115000000+00'00')"))
        let arguments = try String(contentsOfFile: f.root + "/arguments", encoding: .utf8)
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir="] {
            #expect(arguments.contains(flag), "\(flag)")
        }
        // The page printed is a copy beside the page (its stylesheet resolves) without links out of it.
        #expect(arguments.contains("/weeks/2026-W46/.print-"))
        let printed = try String(contentsOfFile: f.root + "/printed.html", encoding: .utf8)
        #expect(printed.contains("<a>Scorecard</a>"))
        #expect(printed.contains("<a href=\"#top\">top</a>"))
        #expect(printed.contains("<a class=\"x\">outside</a>"))
        #expect(printed.contains("href=\"../../assets/style.css\""))
        // The copy and the profile folder are gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: f.site + "/weeks/2026-W46").sorted()
        #expect(left == ["index.html", "scorecard-2026-W46.pdf"])
    }

    @Test func aBrowserThatFailsIsAnErrorWithWhatItSaid() throws {
        let f = try PrintFixture()
        let browser = try f.browser("failing", "echo 'ERROR: cannot open display' >&2; exit 3")
        #expect {
            try printer(browser).print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/w.pdf", in: f.site, asOf: Self.asOf)
        } throws: { error in
            let message = (error as? PrintError)?.description ?? ""
            return message.contains("exited with status 3: ERROR: cannot open display") && message.contains("weeks/2026-W46/index.html")
        }
        #expect(!FileManager.default.fileExists(atPath: f.site + "/weeks/2026-W46/w.pdf"))
    }

    @Test func aBrowserThatWritesNoPDFIsAnError() throws {
        let f = try PrintFixture()
        let browser = try f.browser("silent", "printf 'not a pdf' > \"$out\"; exit 0")
        #expect {
            try printer(browser).print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/w.pdf", in: f.site, asOf: Self.asOf)
        } throws: { error in
            (error as? PrintError)?.description.contains("exited without writing a PDF") == true
        }
        #expect(!FileManager.default.fileExists(atPath: f.site + "/weeks/2026-W46/w.pdf"))
    }

    @Test func aHungBrowserIsStoppedWithItsHelpersAtTheDeadline() throws {
        let f = try PrintFixture()
        // The "browser" starts a helper, records its pid, and hangs.
        let browser = try f.browser("hanging", "sleep 300 & echo $! > \"\(f.root)/helper\"; sleep 300")
        let start = Date()
        #expect {
            try printer(browser, timeout: 1).print(page: "weeks/2026-W46/index.html", to: "weeks/2026-W46/w.pdf", in: f.site, asOf: Self.asOf)
        } throws: { error in
            (error as? PrintError)?.description.contains("did not finish within 1 s (pdf.timeout_seconds)") == true
        }
        #expect(Date().timeIntervalSince(start) < 10)
        let helper = try #require(Int32(try String(contentsOfFile: f.root + "/helper", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed with the group (a zombie reaped by init may take a moment to disappear).
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(helper, 0) != 0
            if !gone { usleep(100_000) }
        }
        #expect(gone, "helper \(helper) still runs")
    }

    @Test func aMissingPageIsAnError() throws {
        let f = try PrintFixture()
        #expect(throws: PrintError.self) {
            try printer(try f.printingBrowser()).print(page: "weeks/2026-W01/index.html", to: "weeks/2026-W01/w.pdf", in: f.site, asOf: Self.asOf)
        }
    }
}
