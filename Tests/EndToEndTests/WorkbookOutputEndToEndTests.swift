import Foundation
import Testing

/// `data/scorecard.xlsx` opened by a real spreadsheet: LibreOffice converts every sheet to CSV (and the
/// workbook to PDF) without complaint, and each value equals the one in `data/kpis.json`. Skipped where
/// LibreOffice (`soffice`) is not installed.
@Suite(.serialized) struct WorkbookOutputEndToEndTests {
    static let soffice = ExternalTool.find("soffice")

    /// Sheet name → the `kpis.json` array it holds.
    static let sheets = [("Weeks", "weeks"), ("Months", "months"), ("Campaigns", "campaigns"), ("Campaign SKUs", "campaign_skus"),
                         ("Categories", "categories")]

    @Test(.enabled(if: soffice != nil, "needs LibreOffice (soffice on PATH)"))
    func libreOfficeOpensTheWorkbookAndItsValuesAreThoseOfKpisJSON() throws {
        let soffice = try #require(Self.soffice)
        let tmp = try TemporaryDirectory()
        let build = try ScorecardProcess.run(["build", "--out", tmp.path("site").path], in: tmp.url)
        try #require(build.status == 0, "stderr: \(build.stderr)")
        let workbook = tmp.path("site/data/scorecard.xlsx").path
        // A profile of its own, so that a LibreOffice the user has open does not take the job.
        let profile = "-env:UserInstallation=file://" + tmp.path("profile").path
        // Filter options: comma, double quote, UTF-8, from line 1, …, raw values (not as shown), every sheet (-1).
        let csv = try ExternalTool.run(soffice, [profile, "--headless", "--convert-to",
                                                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                 "--outdir", tmp.path("csv").path, workbook])
        try #require(csv.status == 0, "soffice: \(csv.stderr)")
        let pdf = try ExternalTool.run(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", tmp.path("pdf").path, workbook])
        #expect(pdf.status == 0, "soffice: \(pdf.stderr)")
        #expect(((try? FileManager.default.attributesOfItem(atPath: tmp.path("pdf/scorecard.pdf").path)[.size]) as? Int ?? 0) > 1000)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("site/data/kpis.json"))) as? [String: Any])
        var compared = 0
        for (sheet, key) in Self.sheets {
            let text = try String(contentsOf: tmp.path("csv/scorecard-\(sheet).csv"), encoding: .utf8)
            let rows = ExternalTool.csvRows(text)
            let objects = try #require(json[key] as? [[String: Any]], "kpis.json has \(key)")
            try #require(rows.count == objects.count + 1, "\(sheet): \(rows.count - 1) rows, kpis.json \(key) has \(objects.count)")
            let header = rows[0]
            #expect(!header.isEmpty)
            for (object, row) in zip(objects, rows.dropFirst()) {
                for (column, name) in header.enumerated() {
                    let cell = column < row.count ? row[column] : ""
                    let value = try #require(object[name], "\(sheet): kpis.json \(key) has no \(name)")
                    #expect(Self.same(cell, value), "\(sheet) \(name): sheet \"\(cell)\", kpis.json \(value)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    /// A cell as LibreOffice exports it (raw: `93.1234567890123%`, `2026-11-15`, `TRUE`) against a JSON value.
    static func same(_ cell: String, _ value: Any) -> Bool {
        switch value {
        case is NSNull:
            return cell.isEmpty
        case let s as String:
            return cell == s
        case let n as NSNumber:
            // Foundation reads JSON's true and false as numbers too; the sheet must say TRUE or FALSE for them.
            if cell == "TRUE" || cell == "FALSE" { return (n as? Bool) == (cell == "TRUE") }
            let expected = n.doubleValue
            let actual = cell.hasSuffix("%") ? Double(cell.dropLast()).map { $0 / 100 } : Double(cell)
            guard let actual else { return false }
            // LibreOffice writes 15 significant digits.
            return abs(actual - expected) <= 1e-12 * max(1, abs(expected))
        default:
            return false
        }
    }
}
