import Foundation
@testable import Print
import Testing

@Suite struct PrintPartsTests {
    @Test(arguments: [
        ("<a href=\"../x.html\">x</a>", "<a>x</a>"),
        ("<a class=\"c\" href=\"https://e.com/\" rel=\"prev\">e</a>", "<a class=\"c\" rel=\"prev\">e</a>"),
        ("<a href=\"#top\">top</a>", "<a href=\"#top\">top</a>"),
        ("<link rel=\"stylesheet\" href=\"../s.css\" /><abbr title=\"t\">A</abbr>", "<link rel=\"stylesheet\" href=\"../s.css\" /><abbr title=\"t\">A</abbr>"),
        ("<p>a &lt;a href=\"x\"&gt; b</p>", "<p>a &lt;a href=\"x\"&gt; b</p>"),
    ])
    func printableCopyKeepsOnlyLinksWithinThePage(html: String, printed: String) {
        #expect(PrintableCopy.html(html) == printed)
    }

    @Test func pdfDatesBecomeTheAsOfDateAtTheSameLength() {
        let pdf = Array("%PDF-1.4\n<</CreationDate (D:20261205213442+00'00')\n/ModDate (D:20261205213442-05'00')>>\n/CreationDate (D:2026)".utf8)
        let out = PDFDates.neutralized(pdf, yyyymmdd: "20261115")
        #expect(out.count == pdf.count)
        #expect(String(decoding: out, as: UTF8.self)
            == "%PDF-1.4\n<</CreationDate (D:20261115000000+00'00')\n/ModDate (D:20261115000000+00'00')>>\n/CreationDate (D:2026)")
    }

    @Test func theBrowserIsFoundOnThePathOrByItsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-browser-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: folder + "/bin/chromium"))
        chmod(folder + "/bin/chromium", 0o755)
        try Data("".utf8).write(to: URL(fileURLWithPath: folder + "/bin/not-executable"))
        #expect(Browser.locate("chromium", base: "/", path: "/nonexistent:" + folder + "/bin") == folder + "/bin/chromium")
        #expect(Browser.locate("chromium", base: "/", path: "/nonexistent") == nil)
        #expect(Browser.locate("bin/chromium", base: folder, path: "") == folder + "/bin/chromium")
        #expect(Browser.locate(folder + "/bin/chromium", base: "/elsewhere", path: "") == folder + "/bin/chromium")
        #expect(Browser.locate("not-executable", base: "/", path: folder + "/bin") == nil)
        #expect(Browser.locate("bin", base: folder, path: folder) == nil)
    }
}
