import Testing
import ScorecardCore
@testable import Ingest

/// `pdf:` and `email.attach`.
@Suite struct ConfigOfficeTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "scorecard.yml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func pdfIsReadWithWhereTheBrowserIsNamed() throws {
        let config = try ConfigLoader.parse("title: X\npdf:\n  chromium: /usr/bin/chromium\n  timeout_seconds: 30\n", file: "scorecard.yml")
        #expect(config.pdf?.chromium == "/usr/bin/chromium")
        #expect(config.pdf?.timeoutSeconds == 30)
        #expect(config.pdf?.location == SourceLocation(file: "scorecard.yml", line: 3, column: 13))
        let defaults = try ConfigLoader.parse("pdf: {}\n", file: "scorecard.yml")
        #expect(defaults.pdf == PDFConfig(chromium: "chromium", timeoutSeconds: 120, location: SourceLocation(file: "scorecard.yml", line: 1, column: 1)))
        #expect(try ConfigLoader.parse("pdf:\n", file: "scorecard.yml").pdf == nil)
        #expect(try ConfigLoader.parse("title: X\n", file: "scorecard.yml").pdf == nil)
    }

    @Test(arguments: [
        ("pdf:\n  browser: chromium\n", "scorecard.yml:2:3: error: unknown key pdf.browser"),
        ("pdf:\n  timeout_seconds: 0\n", "scorecard.yml:2:20: error: pdf.timeout_seconds must be a number of seconds from 1 to 3600"),
        ("pdf:\n  chromium: [a]\n", "scorecard.yml:2:13: error: pdf.chromium must be a string"),
        ("pdf:\n  chromium: \"\"\n", "scorecard.yml:2:13: error: pdf.chromium must name the browser to print with (e.g. chromium)"),
        ("pdf: chromium\n", "scorecard.yml:1:6: error: pdf must be a mapping"),
        ("email:\n  attach: [xlsx, docx]\n", "scorecard.yml:2:18: error: email.attach: unknown attachment \"docx\" (known: xlsx, pdf)"),
        ("email:\n  attach: {a: 1}\n", "scorecard.yml:2:11: error: email.attach must be a list of: xlsx, pdf"),
        ("email:\n  attach: [pdf]\n", "scorecard.yml:2:12: error: email.attach: pdf attaches the week's PDF, which needs pdf: in the config (the browser to print with)"),
    ])
    func mistakesAreErrorsOnTheirLine(yaml: String, message: String) {
        #expect(problems(yaml) == [message])
    }

    @Test func attachmentsAreReadInOrderWithoutRepeats() throws {
        #expect(try ConfigLoader.parse("email:\n  attach: XLSX\n", file: "f").email.attach == [.xlsx])
        #expect(try ConfigLoader.parse("email:\n  attach: [pdf, xlsx, pdf]\npdf: {}\n", file: "f").email.attach == [.pdf, .xlsx])
        #expect(try ConfigLoader.parse("email:\n  attach: []\n", file: "f").email.attach == [])
        #expect(try ConfigLoader.parse("email:\n  to: a@b.c\n", file: "f").email.attach == [])
    }
}
