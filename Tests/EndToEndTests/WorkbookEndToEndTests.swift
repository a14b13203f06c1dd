import Foundation
import Testing
import WorkbookFixtures

/// Workbooks as sources, on the built binary: the bundled sample with the campaign calendar and its items
/// given as one workbook of two sheets (the rest as CSV) builds exactly the same `kpis.json` as the
/// all-CSV sample, from a hand-written config and from the one `scorecard init` writes.
@Suite(.serialized) struct WorkbookEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = "2026-11-15"

    /// `tmp/csv`: the sample; `tmp/mixed`: the same with campaigns and items in `Marketing/Kampagnen.xlsx`.
    static func folders(_ tmp: TemporaryDirectory) throws {
        let fm = FileManager.default
        let sample = repository.appendingPathComponent("Samples/exports")
        try fm.copyItem(at: sample, to: tmp.path("csv"))
        try fm.copyItem(at: sample, to: tmp.path("mixed"))
        let campaigns = try String(contentsOf: sample.appendingPathComponent("campaigns.csv"), encoding: .utf8)
        let items = try String(contentsOf: sample.appendingPathComponent("campaign_items.csv"), encoding: .utf8)
        try fm.removeItem(at: tmp.path("mixed/campaigns.csv"))
        try fm.removeItem(at: tmp.path("mixed/campaign_items.csv"))
        try fm.createDirectory(at: tmp.path("mixed/Marketing"), withIntermediateDirectories: true)
        let book = TestWorkbook.fromCSV([("Kampagnen", campaigns), ("Positionen", items)])
        try Data(book.bytes()).write(to: tmp.path("mixed/Marketing/Kampagnen.xlsx"))
    }

    static func build(_ tmp: TemporaryDirectory, config: String, site: String) throws -> Data? {
        let run = try ScorecardProcess.run(["build", "--config", tmp.path(config).path, "--out", tmp.path(site).path, "--as-of", asOf,
                                                   "--base-url", "https://intranet.example.com/scorecard/"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        return try? Data(contentsOf: tmp.path("\(site)/data/kpis.json"))
    }

    @Test func aWorkbookOfTwoSheetsBuildsTheSameFiguresAsTheCSVFiles() throws {
        let tmp = try TemporaryDirectory()
        try Self.folders(tmp)
        try "data: csv\n".write(to: tmp.path("csv.yml"), atomically: true, encoding: .utf8)
        try """
            data: mixed
            sources:
              campaigns:
                path: "Marketing/Kampagnen.xlsx"
                sheet: Kampagnen
              campaign_items:
                path: "Marketing/Kampagnen.xlsx"
                sheet: Positionen
            """.write(to: tmp.path("mixed.yml"), atomically: true, encoding: .utf8)
        let expected = try Self.build(tmp, config: "csv.yml", site: "csv-site")
        let actual = try Self.build(tmp, config: "mixed.yml", site: "mixed-site")
        #expect(expected != nil)
        #expect(actual == expected, "kpis.json differs between the CSV and the workbook build")
        let quality = try String(contentsOf: tmp.path("mixed-site/data-quality/index.html"), encoding: .utf8)
        #expect(quality.contains("Marketing/Kampagnen.xlsx[Kampagnen]"))
    }

    @Test func initFindsBothSheetsAndTheBuildMatches() throws {
        let tmp = try TemporaryDirectory()
        try Self.folders(tmp)
        try "data: csv\n".write(to: tmp.path("csv.yml"), atomically: true, encoding: .utf8)
        let initRun = try ScorecardProcess.run(["init", "--data", "mixed", "--config", "init.yml"], in: tmp.url)
        let written = (try? String(contentsOf: tmp.path("init.yml"), encoding: .utf8)) ?? ""
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        #expect(initRun.stdout.contains("campaigns        Marketing/Kampagnen.xlsx[Kampagnen]"), "\(initRun.stdout)")
        #expect(initRun.stdout.contains("campaign_items   Marketing/Kampagnen.xlsx[Positionen]"), "\(initRun.stdout)")
        #expect(written.contains("    sheet: \"Positionen\""))
        let expected = try Self.build(tmp, config: "csv.yml", site: "csv-site")
        let actual = try Self.build(tmp, config: "init.yml", site: "init-site")
        #expect(actual == expected, "kpis.json differs; init wrote:\n\(written)")
    }

    @Test func aBrokenWorkbookExits2NamingIt() throws {
        let tmp = try TemporaryDirectory()
        try Self.folders(tmp)
        try Data("not a workbook".utf8).write(to: tmp.path("mixed/Marketing/Kampagnen.xlsx"))
        try "data: mixed\nsources:\n  campaigns: {path: Marketing/Kampagnen.xlsx}\n  campaign_items: {path: Marketing/Kampagnen.xlsx, sheet: Positionen}\n"
            .write(to: tmp.path("mixed.yml"), atomically: true, encoding: .utf8)
        let run = try ScorecardProcess.run(["build", "--config", tmp.path("mixed.yml").path, "--out", tmp.path("site").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Marketing/Kampagnen.xlsx: error: campaigns: not an .xlsx workbook: the file is not a zip archive [campaigns]"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("site").path))
    }
}
