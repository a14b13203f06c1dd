import Foundation
import Testing
import ScorecardCore
import WorkbookFixtures
@testable import Ingest

/// Sources given as workbooks: the config keys, typing of numbers and dates by cell kind, and rejections
/// named `book.xlsx[Sheet]:row:COLUMN`.
@Suite struct WorkbookSourceTests {
    /// Ingests `Fixtures.minimal` with `files` added or replaced, under `yaml`.
    static func ingest(_ files: [String: [UInt8]], yaml: String) throws -> (IngestSummary, CollectingSink) {
        var all = Fixtures.minimal
        for (k, v) in files { all[k] = v }
        return try Fixtures.withFolder(all) { dir in
            let config = try ConfigLoader.parse(yaml, file: dir + "/scorecard.yml")
            var sink = CollectingSink()
            let summary = try Ingestor(config: config, dataDirectory: dir, logger: Fixtures.logger).run(into: &sink)
            return (summary, sink)
        }
    }

    /// The problems of a run that fails, paths relative to the data folder.
    static func failure(_ files: [String: [UInt8]], yaml: String) throws -> [String] {
        var all = Fixtures.minimal
        for (k, v) in files { all[k] = v }
        return try Fixtures.withFolder(all) { dir in
            let config = try ConfigLoader.parse(yaml, file: dir + "/scorecard.yml")
            var sink = CollectingSink()
            do throws(IngestFailure) {
                _ = try Ingestor(config: config, dataDirectory: dir, logger: Fixtures.logger).run(into: &sink)
                Issue.record("expected an IngestFailure")
                return []
            } catch {
                return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
            }
        }
    }

    /// A campaign calendar as marketing keeps it: a title block above the header on row 3, dates as date
    /// cells (built-in format 14, a custom `dd.mm.yyyy`, a plain number), as text in the source's
    /// `date_format`, and a budget as text with a decimal comma.
    static func calendar() throws -> [UInt8] {
        var book = TestWorkbook(sheets: [
            ("Notizen", Cells.texts(1, ["nichts"])),
            ("Kalender", Cells.texts(1, ["Kampagnenkalender 2026"]) + Cells.row(2, Cells.inline("A2", "Stand:"), Cells.number("B2", "46082", style: 1))
                + Cells.texts(3, ["Kampagne", "Bezeichnung", "Start", "Ende", "Budget"])
                + Cells.row(4, Cells.inline("A4", "C1"), Cells.inline("B4", "März"), Cells.number("C4", "46082", style: 1),
                            Cells.number("D4", "46112.5", style: 2), Cells.number("E4", "1500"))
                + Cells.row(5, Cells.inline("A5", "C2"), Cells.inline("B5", "April"), Cells.inline("C5", "01.04.2026"),
                            Cells.number("D5", "46142"), Cells.inline("E5", "1.234,50"))
                + Cells.row(17, Cells.inline("A17", "C3"), Cells.inline("B17", "Mai"), Cells.inline("C17", "Mai 2026"),
                            Cells.number("D17", "46173", style: 1))
                + Cells.row(18, Cells.inline("A18", "C4"), Cells.inline("B18", "Juni"), Cells.number("C18", "46174", style: 1),
                            Cells.number("D18", "46203", style: 1), Cells.boolean("E18", true))),
        ])
        book.cellFormats = [0, 14, 164]
        book.numberFormats = [164: "dd.mm.yyyy"]
        return try book.bytes()
    }

    static let calendarYAML = """
        targets: {max_rejected_share: 1}
        sources:
          campaigns:
            path: "Marketing/Kampagnenkalender 2026.xlsx"
            sheet: "Kalender"
            header_row: 3
            decimal: ","
            thousands: "."
            date_format: "dd.MM.yyyy"
            columns: {campaign_id: "Kampagne", name: "Bezeichnung", start_date: "Start", end_date: "Ende", budget: "Budget"}
        """

    @Test func aCalendarWithATitleBlockIsReadByCellKind() throws {
        let (summary, sink) = try Self.ingest(["Marketing/Kampagnenkalender 2026.xlsx": Self.calendar(), "campaigns.csv": []],
                                              yaml: Self.calendarYAML)
        let campaigns = sink.master?.campaigns ?? []
        #expect(campaigns.map(\.id) == ["C1", "C2"])
        #expect(campaigns.map { "\($0.start)…\($0.end)" } == ["2026-03-01…2026-03-31", "2026-04-01…2026-04-30"])
        #expect(campaigns.map(\.budget) == [1500, 1234.5])
        let stats = summary.sources.first { $0.source == .campaigns }
        #expect(stats?.files.map(\.path) == ["Marketing/Kampagnenkalender 2026.xlsx[Kalender]"])
        #expect(stats?.rows == 4)
        let rejected = summary.rejections.map { "\($0.location) \($0.reason.rawValue): \($0.detail)" }
        #expect(rejected == [
            "Marketing/Kampagnenkalender 2026.xlsx[Kalender]:17:C date does not parse: start_date \"Mai 2026\"",
            "Marketing/Kampagnenkalender 2026.xlsx[Kalender]:18:E number does not parse: budget \"TRUE\"",
        ])
        #expect(summary.rejections.first?.location.columnLabel == "C")
    }

    @Test func aNumericSKUReadsAsItsDigits() throws {
        var files: [String: [UInt8]] = [:]
        files["products.csv"] = Fixtures.bytes("sku,category,unit_cost,list_price\nA,Tools,1,2\n1700106,Tools,1,2\n1447296446.7,Tools,1,2\n")
        files["campaign_items.csv"] = nil
        files["items.xlsx"] = try TestWorkbook(rows: Cells.texts(1, ["campaign_id", "sku", "category", "planned_units"])
            + Cells.row(2, Cells.inline("A2", "C1"), Cells.number("B2", "1700106"), Cells.number("D2", "10"))
            + Cells.row(3, Cells.inline("A3", "C1"), Cells.number("B3", "1.7001060E6"), Cells.number("D3", "2.5E1"))
            + Cells.row(4, Cells.inline("A4", "C1"), Cells.number("B4", "1447296446.7"), Cells.number("D4", "1"))).bytes()
        let (summary, sink) = try Self.ingest(files, yaml: "sources:\n  campaign_items: {path: items.xlsx}\n")
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        #expect(sink.master?.items.map(\.plannedUnits) == [10, 25, 1])
        #expect(sink.master?.items.map(\.product) == [1, 1, 2])
    }

    @Test(arguments: [(59.0, "1900-02-28"), (61, "1900-03-01"), (1, "1900-01-01"), (46082.99, "2026-03-01"), (2_958_465, "9999-12-31")])
    func serialsOfThe1900System(serial: Double, day: String) {
        #expect(ExcelDate.day(serial: serial, date1904: false)?.description == day)
    }

    @Test(arguments: [0.0, 60, 60.5, -1, 2_958_466, .nan, .infinity])
    func serialsThatNameNoDay(serial: Double) {
        #expect(ExcelDate.day(serial: serial, date1904: false) == nil)
    }

    @Test func serialsOfThe1904System() {
        #expect(ExcelDate.day(serial: 0, date1904: true)?.description == "1904-01-01")
        #expect(ExcelDate.day(serial: 59, date1904: true)?.description == "1904-02-29")
        #expect(ExcelDate.day(serial: 44620, date1904: true)?.description == "2026-03-01")
    }

    /// Serials 59, 60 and 61 in a date column, and a 1904 workbook, end to end.
    @Test func thePhantomLeapDayIsRejectedAndThe1904SystemIsRead() throws {
        let rows = Cells.texts(1, ["campaign_id", "name", "start_date", "end_date"])
            + Cells.row(2, Cells.inline("A2", "C59"), Cells.inline("B2", "n"), Cells.number("C2", "59"), Cells.number("D2", "61"))
            + Cells.row(3, Cells.inline("A3", "C60"), Cells.inline("B3", "n"), Cells.number("C3", "60"), Cells.number("D3", "61"))
        let (summary, sink) = try Self.ingest(["c.xlsx": TestWorkbook(rows: rows).bytes()],
                                              yaml: "targets: {max_rejected_share: 1}\nsources:\n  campaigns: {path: c.xlsx}\n")
        #expect(sink.master?.campaigns.map { "\($0.id) \($0.start) \($0.end)" } == ["C59 1900-02-28 1900-03-01"])
        #expect(summary.rejections.filter { $0.location.source == .campaigns }.map { "\($0.location) \($0.detail)" } == [
            "c.xlsx[Sheet1]:3:C start_date 60 is Excel's 1900-02-29, a day that never was",
        ])

        var old = TestWorkbook(rows: Cells.texts(1, ["campaign_id", "name", "start_date", "end_date"])
            + Cells.row(2, Cells.inline("A2", "C1"), Cells.inline("B2", "n"), Cells.number("C2", "44620", style: 1), Cells.number("D2", "44650")))
        old.date1904 = true
        old.cellFormats = [0, 14]
        let (_, sink1904) = try Self.ingest(["c.xlsx": old.bytes()], yaml: "sources:\n  campaigns: {path: c.xlsx}\n")
        #expect(sink1904.master?.campaigns.map { "\($0.start) \($0.end)" } == ["2026-03-01 2026-03-31"])
    }

    @Test func digitsAboveTheLastSerialAreReadWithTheDateFormat() throws {
        let rows = Cells.texts(1, ["campaign_id", "name", "start_date", "end_date"])
            + Cells.row(2, Cells.inline("A2", "C1"), Cells.inline("B2", "n"), Cells.number("C2", "20260301"), Cells.number("D2", "20260331"))
        let (_, sink) = try Self.ingest(["c.xlsx": TestWorkbook(rows: rows).bytes()],
                                        yaml: "sources:\n  campaigns: {path: c.xlsx, date_format: yyyyMMdd}\n")
        #expect(sink.master?.campaigns.map { "\($0.start) \($0.end)" } == ["2026-03-01 2026-03-31"])
    }

    @Test func aMissingSheetAndAnEmptyHeaderRowFailWithTheWorkbookNamed() throws {
        let book = try Self.calendar()
        let missing = try Self.failure(["k.xlsx": book], yaml: "sources:\n  campaigns: {path: k.xlsx, sheet: Plan}\n")
        #expect(missing == ["k.xlsx: error: campaigns: the workbook has no sheet \"Plan\"; its sheets are \"Notizen\", \"Kalender\" [campaigns]"])
        let empty = try Self.failure(["k.xlsx": book], yaml: "sources:\n  campaigns: {path: k.xlsx, sheet: Kalender, header_row: 9}\n")
        #expect(empty == ["k.xlsx[Kalender]: error: campaigns: header_row 9 is empty: the sheet has no value on that row [campaigns]"])
        let columns = try Self.failure(["k.xlsx": book], yaml: "sources:\n  campaigns: {path: k.xlsx, sheet: Kalender}\n")
        #expect(columns.count == 1)
        #expect(columns.first?.hasPrefix("k.xlsx[Kalender]:1: error: campaigns lacks required columns 'campaign_id', 'name'") == true, "\(columns)")
    }

    @Test func sheetAndHeaderRowAreForWorkbooksOnly() throws {
        let got = try Self.failure([:], yaml: "sources:\n  campaigns: {header_row: 2}\n")
        #expect(got == ["campaigns.csv: error: sources.campaigns.header_row is set, but this file is read as CSV (only .xlsx and .xlsm files are workbooks) [campaigns]"])
    }

    @Test(arguments: [
        ("sheet: [a]", "sources.campaigns.sheet must be a string"),
        ("sheet: \"\"", "sources.campaigns.sheet must be a sheet name, not empty"),
        ("header_row: 0", "sources.campaigns.header_row must be a row number from 1 to 1048576"),
        ("header_row: -2", "sources.campaigns.header_row must be a row number from 1 to 1048576"),
        ("header_row: two", "sources.campaigns.header_row must be an integer"),
        ("header_rows: 2", "unknown key sources.campaigns.header_rows"),
    ])
    func configKeysAreChecked(line: String, message: String) throws {
        do throws(ConfigError) {
            _ = try ConfigLoader.parse("sources:\n  campaigns:\n    \(line)\n", file: "scorecard.yml")
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["scorecard.yml:3:\(line.hasPrefix("header_rows") ? 5 : line.firstIndex(of: ":")!.utf16Offset(in: line) + 7): error: \(message)"])
        }
    }

    @Test func configKeysAreRead() throws {
        let config = try ConfigLoader.parse("sources:\n  campaigns: {path: k.xlsx, sheet: Kalender, header_row: \"3\"}\n", file: "x.yml")
        #expect(config.sources[.campaigns]?.sheet == "Kalender")
        #expect(config.sources[.campaigns]?.headerRow == 3)
    }
}
