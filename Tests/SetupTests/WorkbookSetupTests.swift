import Foundation
import Ingest
import Logging
import ScorecardCore
import Testing
import WorkbookFixtures
@testable import Setup

/// `scorecard init` on workbooks: every sheet inspected, the header found below a title block, cells
/// read as the build reads them, and `path`, `sheet` and `header_row` written with why.
@Suite struct WorkbookSetupTests {
    /// Marketing's workbook: a calendar with a title block (header on row 3), dates in date cells, and the
    /// items with numeric SKUs (1700106 is a product).
    static func marketing() throws -> [UInt8] {
        var book = TestWorkbook(sheets: [
            ("Kalender", Cells.texts(1, ["Kampagnenkalender 2026"]) + Cells.row(2, Cells.inline("A2", "Stand:"), Cells.number("B2", "46082", style: 1))
                + Cells.texts(3, ["Kampagne", "Bezeichnung", "Beginn", "Ende"])
                + Cells.row(4, Cells.inline("A4", "K-01"), Cells.inline("B4", "Frühling"), Cells.number("C4", "46082", style: 1), Cells.number("D4", "46112", style: 1))
                + Cells.row(5, Cells.inline("A5", "K-02"), Cells.inline("B5", "Ostern"), Cells.number("C5", "46113", style: 1), Cells.number("D5", "46126", style: 1))),
            ("Positionen", Cells.texts(1, ["Kampagne", "Material", "Warengruppe", "Planmenge"])
                + Cells.row(2, Cells.inline("A2", "K-01"), Cells.number("B2", "1700106"), Cells.number("D2", "120"))
                + Cells.row(3, Cells.inline("A3", "K-02"), Cells.inline("C3", "Garten"), Cells.number("D3", "80.5"))),
            ("Leer", ""),
        ])
        book.cellFormats = [0, 14]
        return try book.bytes()
    }

    static func folder() throws -> DataFolderFixture {
        let folder = try DataFolderFixture([
            "products.csv": "sku,category,unit_cost,list_price\n1700106,Werkzeug,4,10\n1700107,Garten,8,20\n",
            "orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n1001,1,2026-03-02,2026-03-05,1700106,2,10\n",
            "deliveries.csv": "order_id,line_no,ship_date,qty_shipped\n1001,1,2026-03-04,2\n",
        ])
        try folder.write("Marketing/Kampagnen 2026.xlsx", marketing())
        return folder
    }

    @Test func sheetsOfOneWorkbookFeedTwoSources() throws {
        let folder = try Self.folder()
        let plan = folder.plan()
        #expect(plan.isComplete, "\(plan.missingSources)")
        let campaigns = try #require(plan.assignments[.campaigns])
        let calendar = plan.inspection.groups[campaigns.match.group]
        #expect(calendar.label == "Marketing/Kampagnen 2026.xlsx[Kalender]")
        #expect(calendar.sheet?.headerRow == 3)
        #expect(campaigns.match.columns == ["campaign_id": "Kampagne", "name": "Bezeichnung", "start_date": "Beginn", "end_date": "Ende"])
        let items = try #require(plan.assignments[.campaignItems])
        #expect(plan.inspection.groups[items.match.group].label == "Marketing/Kampagnen 2026.xlsx[Positionen]")
        #expect(items.match.columns == ["campaign_id": "Kampagne", "sku": "Material", "category": "Warengruppe", "planned_units": "Planmenge"])
        #expect(plan.inspection.skipped.map(\.path) == ["Marketing/Kampagnen 2026.xlsx[Leer]"])

        let config = plan.config(data: ".")
        #expect(config.sources[.campaigns]?.path == "Marketing/Kampagnen 2026.xlsx")
        #expect(config.sources[.campaigns]?.sheet == "Kalender")
        #expect(config.sources[.campaigns]?.headerRow == 3)
        #expect(config.sources[.campaigns]?.dateFormat == nil, "dates are date cells: no date_format needed")
        #expect(config.sources[.campaigns]?.delimiter == nil)
        #expect(config.sources[.campaignItems]?.sheet == "Positionen")
        #expect(config.sources[.campaignItems]?.headerRow == nil)
    }

    @Test func theConfigSaysWhyAndReadsBack() throws {
        let folder = try Self.folder()
        let plan = folder.plan()
        let text = ConfigWriter(plan: plan, data: ".", dataShown: ".").text()
        #expect(text.contains("    path: \"Marketing/Kampagnen 2026.xlsx\"\n    sheet: \"Kalender\"  # sheet 1 of 3 (the first, also the default)\n    header_row: 3  # rows 1–2 above it are a title, not the header (\"Kampagnenkalender 2026\")\n"), "\(text)")
        #expect(text.contains("    sheet: \"Positionen\"  # sheet 2 of 3\n    columns:"), "\(text)")
        #expect(text.contains("a workbook: numbers and dates are read as its cells store them"))
        #expect(try ConfigLoader.parse(text, file: "scorecard.yml") == plan.config(data: "."))
    }

    /// What init writes, the build reads: every row used.
    @Test func theBuildReadsWhatInitWrote() throws {
        let folder = try Self.folder()
        let report = try ExportSetup(dataDirectory: folder.path, configPath: folder.path + "/scorecard.yml").run()
        #expect(report.isComplete)
        let config = try ConfigLoader.parse(report.text, file: folder.path + "/scorecard.yml")
        var sink = NoSink()
        let summary = try Ingestor(config: config, dataDirectory: folder.path, logger: .init(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
            .run(into: &sink)
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        #expect(summary.sources.first { $0.source == .campaigns }?.used == 2)
        #expect(summary.sources.first { $0.source == .campaignItems }?.used == 2)
    }

    @Test(arguments: [
        // rows as (kinds) → expected header index
        ([["Report"], ["Kampagne", "Name", "Start"], ["K1", "x", "1"]], 1),
        ([["Erstellt von:", "Max"], ["Kampagne", "Name", "Start", "Ende"], ["K1", "x", "1", "2"]], 1),
        ([["Kampagne", "Name"], ["K1", "x"]], 0),
        ([["only"], ["one"]], 0),
    ])
    func theHeaderIsTheFirstRowThatLooksLikeOne(rows: [[String]], expected: Int) throws {
        let xml = rows.enumerated().map { Cells.texts($0.offset + 1, $0.element) }.joined()
        let sampled = try DataFolderFixture().withWorkbook(TestWorkbook(rows: xml)) { WorkbookSample.read($0) }
        #expect(sampled.sheets.first?.origin.headerRow == expected + 1)
    }

    @Test func aBrokenWorkbookIsSkippedWithTheReason() throws {
        let folder = try DataFolderFixture(["broken.xlsx": "not a zip"])
        let plan = folder.plan()
        #expect(plan.inspection.skipped.map(\.reason) == ["cannot be read as a workbook: not an .xlsx workbook: the file is not a zip archive"])
    }

    @Test func numbersAndDatesTakeTheStyleOfTheTextCells() {
        #expect(NumberStyle(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")).format(1234567.5) == "1.234.567,5")
        #expect(NumberStyle.plain.format(-0.25) == "-0.25")
        let day = Day(year: 2026, month: 3, day: 2)!
        #expect(DateStyle(order: .dmy, separator: ".", fourDigitYear: true, monthName: false).format(day) == "02.03.2026")
        #expect(DateStyle(order: .mdy, separator: "/", fourDigitYear: false, monthName: false).format(day, padded: false) == "3/2/26")
        #expect(DateStyle(order: .ymd, separator: nil, fourDigitYear: true, monthName: false).format(day, padded: false) == "20260302")
        #expect(DateStyle(order: .dmy, separator: "-", fourDigitYear: false, monthName: true).format(day) == "02-Mar-26")
    }
}

private struct NoSink: RecordSink {
    mutating func master(_ master: MasterData) {}
    mutating func orderLine(_ record: OrderLineRecord) {}
    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {}
    mutating func delivery(_ record: DeliveryRecord) {}
    mutating func returned(_ record: ReturnRecord) {}
    mutating func freight(_ record: FreightRecord) {}
    mutating func inventory(_ record: InventoryRecord) {}
    mutating func forecast(_ record: ForecastRecord) {}
    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) {}
    mutating func receipt(_ record: ReceiptRecord) {}
}

extension DataFolderFixture {
    func withWorkbook<T>(_ book: TestWorkbook, _ body: (String) throws -> T) throws -> T {
        try write("book.xlsx", book.bytes())
        return try body(path + "/book.xlsx")
    }
}
