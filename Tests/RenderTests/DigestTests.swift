import Foundation
import ScorecardCore
import Testing
@testable import Render

@Suite struct DigestTests {
    static func message(_ config: Config = ReportFixture.config()) throws -> String {
        let site = try SiteRenderer(config: config, templatesDirectory: nil)
            .render(report: ReportFixture.report(), ingest: ReportFixture.ingest(), archivedMonths: [])
        return String(decoding: site.files["email/latest.eml"] ?? [], as: UTF8.self)
    }

    /// Headers (unfolded) and the decoded bodies of the two parts, in order.
    static func parse(_ eml: String) -> (headers: [String: String], parts: [(type: String, body: String)]) {
        let split = eml.components(separatedBy: "\r\n\r\n")
        let headerBlock = split[0].replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in headerBlock.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        var parts: [(String, String)] = []
        for chunk in eml.components(separatedBy: "\r\n--=_scorecard_2026-W46").dropFirst() where !chunk.hasPrefix("--") {
            let pieces = chunk.components(separatedBy: "\r\n\r\n")
            let type = pieces[0].components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Type:") } ?? ""
            parts.append((type, decodeQuotedPrintable(pieces.dropFirst().joined(separator: "\r\n\r\n"))))
        }
        return (headers, parts)
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let u = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "="), i + 2 < u.count, let v = UInt8(String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func isMultipartAlternativeWithTextThenHTML() throws {
        let eml = try Self.message()
        let (headers, parts) = Self.parse(eml)
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "multipart/alternative; boundary=\"=_scorecard_2026-W46\"")
        #expect(parts.count == 2)
        #expect(parts.first?.type == "Content-Type: text/plain; charset=utf-8")
        #expect(parts.last?.type == "Content-Type: text/html; charset=utf-8")
        #expect(eml.hasSuffix("\r\n--=_scorecard_2026-W46--\r\n"))
    }

    @Test func headersComeFromTheConfigAndTheAsOfWeek() throws {
        let (headers, _) = Self.parse(try Self.message())
        #expect(headers["From"] == "Scorecard <scorecard@example.com>")
        #expect(headers["To"] == "planning@example.com, marketing@example.com")
        // 1 + 1 + 1 + 1 alerts (stockout share, below target, at risk, emergency freight jump).
        #expect(headers["Subject"] == "Scorecard 2026-W46: promo fill rate 93.1 % (target 95 %), 4 alerts")
        // The day after the as-of date (Sunday 2026-11-15), 07:00 UTC.
        #expect(headers["Date"] == "Mon, 16 Nov 2026 07:00:00 +0000")
        #expect(headers["Message-ID"]?.hasPrefix("<scorecard.2026-W46.") == true)
        #expect(headers["Message-ID"]?.hasSuffix("@example.com>") == true)
    }

    @Test func everyLineEndsInCRLFAndFitsTheLimit() throws {
        let eml = try Self.message()
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in eml.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
            #expect(line != ".")
        }
        #expect(eml.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func bodiesCarryFiguresAlertsAndAbsoluteLinks() throws {
        let (_, parts) = Self.parse(try Self.message())
        let text = try #require(parts.first?.body)
        let html = try #require(parts.last?.body)
        #expect(text.contains("* Fill rate, promotional: 93.1 %; target at least 95 %, BELOW TARGET; change \u{2212}1.9 pts"
            + "; last year 90.0 %; year to date 95.0 % (last year 92.0 %)"))
        // A null last year reads "—", and the ranges are named once.
        #expect(text.contains("* Fill rate, non-promotional: 97.5 %; change +0.5 pts; last year \u{2014}; year to date 97.0 % (last year 96.0 %)"))
        #expect(text.contains("FIGURES (change against 2026-W45; last year: 2025-W46 (2025-11-10 to 2025-11-16); "
            + "year to date: 2025-12-29 to 2026-11-15 against 2024-12-30 to 2025-11-16)"))
        #expect(html.contains("last year 90.0 %</span><br /><span style=\"color:#444444;font-size:13px;\">year to date 95.0 % (last year 92.0 %)</span>"))
        #expect(text.contains("Autumn <script>alert(\"x\")</script> & 'Friends' (C-1)"))
        #expect(text.contains("https://intranet.example/scorecard/campaigns/C-1/index.html"))
        #expect(html.contains("Autumn &lt;script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<link"))
        #expect(html.contains("href=\"https://intranet.example/scorecard/weeks/2026-W46/index.html\""))
        // An alert links to the part of the week's page that explains it, as on the page.
        #expect(text.contains("  See which SKUs ran short: https://intranet.example/scorecard/weeks/2026-W46/index.html#shortfall"))
        #expect(html.contains("<a href=\"https://intranet.example/scorecard/weeks/2026-W46/index.html#shortfall\" style=\"color:#0b4f8a;\">See which SKUs ran short</a>"))
    }

    @Test func withoutBaseURLThereAreNoLinks() throws {
        var config = ReportFixture.config(baseURL: nil)
        config.email.to = []
        config.email.from = nil
        let eml = try Self.message(config)
        let (headers, parts) = Self.parse(eml)
        #expect(headers["To"] == nil)
        #expect(headers["From"] == "scorecard@localhost")
        for part in parts {
            #expect(!part.body.contains("http"))
            #expect(!part.body.contains("href"))
        }
    }

    @Test func aNonASCIITitleIsAnEncodedWord() throws {
        var config = ReportFixture.config()
        config.title = "Kennzahlen Größenordnung für den Vertrieb und die Logistik, wöchentlich"
        let eml = try Self.message(config)
        let subjectLines = eml.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        let words = subjectLines.joined().replacingOccurrences(of: "Subject: ", with: "").split(separator: " ")
        var decoded = Data()
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            decoded.append(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data())
        }
        #expect(String(decoding: decoded, as: UTF8.self) == config.title + " 2026-W46: promo fill rate 93.1 % (target 95 %), 4 alerts")
    }

    @Test func quotedPrintableRoundTripsAndGuardsLineStarts() {
        let text = "a=b \nline with trailing space \n.\nFrom here\n" + String(repeating: "ü", count: 60)
        let encoded = MIMEMessage.quotedPrintable(text)
        #expect(Self.decodeQuotedPrintable(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.contains("a=3Db=20"))  // `=` encoded, the trailing space too
        #expect(lines.contains("line with trailing space=20"))
        #expect(lines.contains("=2E"))
        #expect(lines.contains("=46rom here"))
    }

    /// The whole digest against `Golden/latest.eml`. `RECORD_GOLDEN=1 swift test --filter DigestTests`
    /// re-records it, and fails so a recording is never mistaken for a pass.
    @Test func matchesTheGoldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/latest.eml")
        let eml = try Self.message()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(eml.utf8).write(to: golden)
            Issue.record("recorded \(golden.path); run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(eml == expected)
    }
}
