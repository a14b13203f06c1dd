import Foundation
import Metrics
@testable import Render
import ScorecardCore
import Testing

/// The digest with attachments: `multipart/mixed` around the unchanged `multipart/alternative`, each
/// file in base64 lines of 76 characters.
@Suite struct DigestAttachmentTests {
    static func message(attach: [EmailAttachment]) throws -> String {
        var config = ReportFixture.config()
        config.email.attach = attach
        let site = try SiteRendererTests.render(config: config)
        return SiteRendererTests.text(site, "email/latest.eml")
    }

    @Test func withoutAttachmentsTheDigestIsAsBefore() throws {
        let plain = try Self.message(attach: [])
        #expect(plain.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_scorecard_2026-W46\"\r\n\r\nThe same digest"))
        #expect(!plain.contains("multipart/mixed"))
    }

    @Test func theWorkbookIsAttachedInBase64() throws {
        var config = ReportFixture.config()
        config.email.attach = [.xlsx]
        let site = try SiteRendererTests.render(config: config)
        let eml = SiteRendererTests.text(site, "email/latest.eml")
        let lines = eml.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(eml.contains("MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\"=_mixed_scorecard_2026-W46\"\r\n"))
        #expect(eml.contains("\r\n--=_mixed_scorecard_2026-W46\r\nContent-Type: multipart/alternative;\r\n boundary=\"=_scorecard_2026-W46\"\r\n"))
        #expect(eml.contains("\r\n--=_scorecard_2026-W46--\r\n"))
        let header = "Content-Type:\r\n application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;\r\n name=\"scorecard-2026-W46.xlsx\"\r\n"
            + "Content-Disposition: attachment;\r\n filename=\"scorecard-2026-W46.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        let start = try #require(eml.range(of: header))
        let end = try #require(eml.range(of: "\r\n--=_mixed_scorecard_2026-W46--\r\n"))
        let body = eml[start.upperBound..<end.lowerBound]
        let bodyLines = body.components(separatedBy: "\r\n")
        #expect(bodyLines.dropLast().allSatisfy { $0.count == 76 })
        #expect(Data(base64Encoded: bodyLines.joined()).map([UInt8].init) == site.files["data/scorecard.xlsx"])
        #expect(eml.hasSuffix("--=_mixed_scorecard_2026-W46--\r\n"))
    }

    @Test func thePDFIsAttachedAfterTheWorkbookWhenPrinted() throws {
        var config = ReportFixture.config()
        config.email.attach = [.xlsx, .pdf]
        config.pdf = PDFConfig(chromium: "/usr/bin/chromium")
        let site = try SiteRendererTests.render(config: config)
        #expect(site.prints.map(\.pdf) == ["weeks/2026-W46/scorecard-2026-W46.pdf", "months/2026-10/scorecard-2026-10.pdf"])
        let files = site.digestFiles(attachingPDF: Array("%PDF-1.4\n".utf8), named: "scorecard-2026-W46.pdf")
        #expect(files.keys.sorted() == ["email/2026-W46.eml", "email/latest.eml"])
        let eml = String(decoding: files["email/latest.eml"] ?? [], as: UTF8.self)
        let xlsx = try #require(eml.range(of: "filename=\"scorecard-2026-W46.xlsx\""))
        let pdf = try #require(eml.range(of: "Content-Type: application/pdf;\r\n name=\"scorecard-2026-W46.pdf\"\r\nContent-Disposition: attachment;\r\n filename=\"scorecard-2026-W46.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--=_mixed_scorecard_2026-W46--\r\n"))
        #expect(xlsx.lowerBound < pdf.lowerBound)
    }

    @Test func withoutPDFsNothingIsPrintedAndNoPageLinksAPDF() throws {
        let site = try SiteRendererTests.render()
        #expect(site.prints.isEmpty)
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(".pdf"), "\(path)")
        }
    }
}
