import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Metrics
@testable import Render
import ScorecardCore
import Testing
import ZIPFoundation

/// `WorkbookWriter`: the SpreadsheetML it writes (escaping, cell types and formats, the frozen header,
/// widths, names) and the zip around it.
@Suite struct WorkbookWriterTests {
    static let asOf = Day(year: 2026, month: 11, day: 15)!

    static func writer(_ sheets: [WorkbookSheet]) -> WorkbookWriter {
        WorkbookWriter(sheets: sheets, title: "Scorecard <&> as of 2026-11-15", date: asOf)
    }

    static func part(_ writer: WorkbookWriter, _ path: String) -> String {
        String(decoding: writer.parts().first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    static let typed = WorkbookSheet(name: "Types", headers: ["text", "rate", "money", "count", "date", "flag", "null"], rows: [
        [.text("Tea & <Cups>"), .number(0.931, .percent), .number(1234.5, .decimal), .number(12, .integer),
         .date(asOf), .bool(true), .empty],
    ])

    @Test func cellsAreTypedAndFormatted() {
        let xml = Self.part(Self.writer([Self.typed]), "xl/worksheets/sheet1.xml")
        // Text is a shared string; numbers carry their style: 2 integer, 3 two decimals, 4 percent, 5 date.
        #expect(xml.contains("<c r=\"A2\" t=\"s\"><v>7</v></c>"))
        #expect(xml.contains("<c r=\"B2\" s=\"4\"><v>0.931</v></c>"))
        #expect(xml.contains("<c r=\"C2\" s=\"3\"><v>1234.5</v></c>"))
        #expect(xml.contains("<c r=\"D2\" s=\"2\"><v>12.0</v></c>"))
        // 2026-11-15 is serial 46341 in the 1900 date system (Excel's own =DATE(2026,11,15)).
        #expect(xml.contains("<c r=\"E2\" s=\"5\"><v>46341</v></c>"))
        #expect(xml.contains("<c r=\"F2\" t=\"b\"><v>1</v></c>"))
        // null: no cell at all.
        #expect(!xml.contains("r=\"G2\""))
        let styles = String(decoding: WorkbookWriter.styles.utf8, as: UTF8.self)
        #expect(styles.contains("formatCode=\"0.0%\""))
        #expect(styles.contains("formatCode=\"yyyy-mm-dd\""))
        #expect(styles.contains("<xf numFmtId=\"3\""))
        #expect(styles.contains("<xf numFmtId=\"4\""))
    }

    @Test func sharedStringsAreEscapedAndNumberedByFirstUse() {
        let strings = Self.part(Self.writer([Self.typed]), "xl/sharedStrings.xml")
        #expect(strings.contains("count=\"8\" uniqueCount=\"8\""))
        #expect(strings.contains("<si><t>text</t></si>"))
        #expect(strings.contains("<si><t>Tea &amp; &lt;Cups&gt;</t></si>"))
        let core = Self.part(Self.writer([Self.typed]), "docProps/core.xml")
        #expect(core.contains("<dc:title>Scorecard &lt;&amp;&gt; as of 2026-11-15</dc:title>"))
        #expect(core.contains("2026-11-15T00:00:00Z"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a & b < c > \"d\"", "a &amp; b &lt; c &gt; &quot;d&quot;"),
        // XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF: they are left out.
        ("bell\u{07}form\u{0C}nul\u{00}end\u{FFFE}", "bellformnulend"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("crlf\r\nand\rcr", "crlf\nand\ncr"),
        // Excel reads `_x0041_` as "A": its underscore is escaped so the text stays as written.
        ("_x0041_ and _xZZZZ_", "_x005F_x0041_ and _xZZZZ_"),
        ("Été ü 日本", "Été ü 日本"),
    ])
    func escaping(text: String, xml: String) {
        #expect(WorkbookXML.escape(text) == xml)
    }

    @Test func textWithSpacesAtItsEndsIsPreserved() {
        var strings = SharedStrings()
        _ = strings.number(" padded ")
        _ = strings.number("two\nlines")
        _ = strings.number("plain")
        #expect(strings.xml.contains("<si><t xml:space=\"preserve\"> padded </t></si>"))
        #expect(strings.xml.contains("<si><t xml:space=\"preserve\">two\nlines</t></si>"))
        #expect(strings.xml.contains("<si><t>plain</t></si>"))
    }

    @Test func theHeaderRowIsFrozenBoldAndFiltered() {
        let xml = Self.part(Self.writer([Self.typed]), "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"))
        #expect(xml.contains("<autoFilter ref=\"A1:G2\"/>"))
        #expect(xml.contains("<dimension ref=\"A1:G2\"/>"))
        let workbook = Self.part(Self.writer([Self.typed]), "xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Types'!$A$1:$G$2</definedName>"))
    }

    @Test func columnWidthsFitTheLongestValueWithinBounds() {
        let sheet = WorkbookSheet(name: "W", headers: ["a", "name", "value", "rate"], rows: [
            [.text("x"), .text(String(repeating: "long ", count: 40)), .number(1_234_567.891, .decimal), .number(-0.25, .percent)],
            [.text("y"), .text("short"), .number(2, .decimal), .number(1, .percent)],
        ])
        // "a" + 3 for bold and the filter button is under the minimum of 8; 200 characters are capped at 60;
        // "1,234,567.89" is 12 + 2; "-25.0%" and "100.0%" are 6, under the header "rate" + 3 + 2 = 9.
        #expect(WorkbookWriter.widths(sheet, rows: sheet.rows[...]) == [8, 60, 14, 9])
        let xml = Self.part(Self.writer([sheet]), "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"60\" customWidth=\"1\"/>"))
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnNames(index: Int, name: String) {
        #expect(WorkbookXML.columnName(index) == name)
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        let names = WorkbookXML.sheetNames(["Weeks", "weeks", "a/b:c*d?[e]\\f", "", "'quoted'", "History",
                                            String(repeating: "x", count: 40), String(repeating: "x", count: 40)])
        #expect(names == ["Weeks", "weeks (2)", "abcdef", "Sheet4", "quoted", "History (2)",
                          String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)"])
    }

    @Test func aSheetNameWithAnApostropheIsQuotedInRanges() {
        #expect(WorkbookXML.absoluteRange(sheet: "Bob's", columns: 3, rows: 1) == "'Bob''s'!$A$1:$C$1")
    }

    @Test func longTextIsCutToExcelsCellLimit() {
        let text = String(repeating: "é", count: 40_000)
        #expect(WorkbookXML.clippedForCell(text).utf16.count == WorkbookXML.maxCellCharacters)
    }

    @Test func thePackageHasEveryPartAndIsByteIdenticalOnRebuild() throws {
        let writer = Self.writer(DataFiles.workbookSheets(report: ReportFixture.report()))
        let first = try writer.bytes()
        let second = try writer.bytes()
        #expect(first == second)
        let archive = try Archive(data: Data(first), accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                          "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                          "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"])
        // Every entry carries the as-of date, not the time it was written.
        for entry in archive {
            let date = try #require(entry.fileAttributes[.modificationDate] as? Date)
            #expect(date == Date(timeIntervalSince1970: TimeInterval(Self.asOf.rawValue) * 86_400))
        }
        // Each part is well-formed XML.
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(entry.path): \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    @Test func theScorecardsSheetsHaveTheColumnsOfTheDataFiles() {
        let sheets = DataFiles.workbookSheets(report: DataFilesTests.report())
        #expect(sheets.map(\.name) == ["Weeks", "Months", "Campaigns", "Campaign SKUs", "Categories"])
        let csvHeader = { (path: String) in
            DataFilesTests.text(path).split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        }
        #expect(sheets[0].headers == csvHeader("data/weeks.csv"))
        #expect(sheets[1].headers == csvHeader("data/weeks.csv"))
        #expect(sheets[2].headers == csvHeader("data/campaigns.csv"))
        #expect(sheets[3].headers == csvHeader("data/campaign_skus.csv"))
        #expect(sheets[4].headers == ["category", "promoted", "units_ordered", "fill_rate", "inventory_turns", "return_rate",
                                      "lead_time_median", "weeks_of_cover", "supplier_lead_time_median"])
        #expect(sheets[0].rows.count == 1)
        #expect(sheets[2].rows.count == 1)
    }

    @Test func dataValuesBecomeTypedCells() {
        let week = DataFiles.workbookSheets(report: DataFilesTests.report())[0]
        func cell(_ key: String) -> WorkbookCell? { week.headers.firstIndex(of: key).map { week.rows[0][$0] } }
        #expect(cell("period") == .text("2026-W46"))
        #expect(cell("start") == .date(Day(year: 2026, month: 11, day: 9)!))
        #expect(cell("promo_fill_rate") == .number(0.5, .percent))
        #expect(cell("forecast_bias") == .number(-0.25, .percent))
        #expect(cell("promo_units_ordered") == .number(3, .decimal))
        #expect(cell("promo_shortfall_value") == .number(1.25, .decimal))
        #expect(cell("campaigns_measured") == .number(2, .integer))
        #expect(cell("promo_lead_time_p90") == .number(-2, .integer))
        #expect(cell("inventory_turns_other") == .number(12.5, .decimal))
        #expect(cell("other_fill_rate") == .empty)
        let campaign = DataFiles.workbookSheets(report: DataFilesTests.report())[2]
        func campaignCell(_ key: String) -> WorkbookCell? { campaign.headers.firstIndex(of: key).map { campaign.rows[0][$0] } }
        #expect(campaignCell("name") == .text("Black \"Friday\", EU\n"))
        #expect(campaignCell("readiness") == .number(0.75, .percent))
        #expect(campaignCell("at_risk") == .bool(true))
        #expect(campaignCell("planned_units") == .number(40, .decimal))
        let category = DataFiles.workbookSheets(report: DataFilesTests.report())[4]
        #expect(category.rows[0][1] == .bool(true))
        #expect(category.rows[0][7] == .number(6.5, .decimal))
    }

    @Test func datesBeforeExcelsPhantomLeapDayAreWrittenAsText() {
        var strings = SharedStrings()
        let xml = WorkbookWriter.cell(.date(Day(year: 1900, month: 1, day: 5)!), at: "A2", strings: &strings)
        #expect(xml == "<c r=\"A2\" t=\"s\"><v>0</v></c>")
        #expect(strings.xml.contains("<t>1900-01-05</t>"))
    }
}
