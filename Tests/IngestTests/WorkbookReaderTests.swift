import Foundation
import Testing
import ScorecardCore
import WorkbookFixtures
@testable import Ingest

/// The workbook reader on small workbooks written by the tests: cell types, references, rows, dates.
@Suite struct WorkbookReaderTests {
    struct Row: Equatable, CustomStringConvertible {
        var number: Int
        var cells: [String]  // "A:text" per non-empty cell, kind in brackets when not text
        var description: String { "\(number): \(cells)" }
    }

    /// Every row of `sheet` (the first when `nil`), each cell as `COLUMN=text` with `(kind)` for non-text.
    static func rows(_ workbook: TestWorkbook, sheet: String? = nil) throws -> [Row] {
        try Fixtures.withFolder(["book.xlsx": workbook.bytes()]) { dir in
            let book = try Workbook(path: dir + "/book.xlsx")
            let reader = try book.rows(of: book.sheet(named: sheet))
            var out: [Row] = []
            while try reader.next() {
                var cells: [String] = []
                for c in 0..<reader.width where reader.kind(c) != .empty {
                    let k = reader.kind(c)
                    cells.append("\(SheetColumn.letters(c + 1))=\(reader.string(c))" + (k == .text ? "" : "(\(k))"))
                }
                if reader.isOversized { cells.append("oversized") }
                if reader.hasTooManyCells { cells.append("too many cells") }
                out.append(Row(number: reader.rowNumber, cells: cells))
            }
            return out
        }
    }

    @Test func sharedAndInlineStringsNumbersBooleansAndFormulas() throws {
        var book = TestWorkbook(rows: Cells.row(1, Cells.shared("A1", 0), Cells.inline("B1", "inline"), Cells.number("C1", "12.5"),
                                                Cells.boolean("D1", true), Cells.boolean("E1", false))
            + "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>UPPER(B1)</f><v>INLINE</v></c><c r=\"B2\"><f>1+1</f><v>2</v></c><c r=\"C2\"><f>B2*2</f></c>"
            + "<c r=\"D2\" t=\"e\"><f>NA()</f><v>#N/A</v></c></row>",
            sharedStrings: ["<t>shared</t>"])
        book.compression = .deflate
        let rows = try Self.rows(book)
        #expect(rows == [
            Row(number: 1, cells: ["A=shared", "B=inline", "C=12.5(number)", "D=TRUE(boolean)", "E=FALSE(boolean)"]),
            // C2's formula has no cached value: an empty cell.
            Row(number: 2, cells: ["A=INLINE", "B=2(number)", "D=#N/A(error)"]),
        ])
    }

    @Test func richTextRunsAreJoinedAndPhoneticRunsLeftOut() throws {
        let book = TestWorkbook(rows: Cells.row(1, Cells.shared("A1", 0), Cells.shared("B1", 1), Cells.shared("C1", 2),
                                                "<c r=\"D1\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">line </t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is></c>"),
                                sharedStrings: ["<r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">text</t></r>",
                                                "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/>",
                                                "<t xml:space=\"preserve\">  padded\u{A0} </t>"])
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=Rich text", "B=東京", "C=padded", "D=inline"])])
    }

    @Test func escapedCharactersAreDecoded() throws {
        let book = TestWorkbook(rows: Cells.row(1, Cells.shared("A1", 0), Cells.inline("B1", "a_x005F_x0041_b")),
                                sharedStrings: ["<t>Line 1_x000D_\nLine 2</t>"])
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=Line 1\r\nLine 2", "B=a_x0041_b"])])
    }

    @Test func columnsAndRowsWithoutReferencesCountOn() throws {
        let rows = "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
            + "<row r=\"5\"><c r=\"C5\"><v>1</v></c><c><v>2</v></c><c r=\"AA5\"><v>3</v></c></row><row><c><v>4</v></c></row>"
        #expect(try Self.rows(TestWorkbook(rows: rows)) == [
            Row(number: 1, cells: ["A=a", "B=b"]),
            Row(number: 5, cells: ["C=1(number)", "D=2(number)", "AA=3(number)"]),
            Row(number: 6, cells: ["A=4(number)"]),
        ])
    }

    @Test func emptyRowsAreSkippedButCounted() throws {
        // Row 2 has only a styled empty cell and a formula without a value; row 3 is empty; row 4 holds spaces.
        let rows = Cells.texts(1, ["h"]) + "<row r=\"2\"><c r=\"A2\" s=\"0\"/><c r=\"B2\"><f>A1</f></c></row><row r=\"3\"/>"
            + Cells.texts(4, ["  "]) + Cells.texts(7, ["x"])
        #expect(try Self.rows(TestWorkbook(rows: rows)).map(\.number) == [1, 7])
    }

    @Test func mergedCellsReadAsTheirTopLeftValue() throws {
        let rows = Cells.texts(1, ["merged", ""]) + Cells.row(2, Cells.number("B2", "1"))
        var book = TestWorkbook(rows: rows)
        book.replaced["xl/worksheets/sheet1.xml"] = Array("""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>
            """.utf8)
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=merged"]), Row(number: 2, cells: ["B=1(number)"])])
    }

    @Test func hiddenRowsAndSheetsAreRead() throws {
        var book = TestWorkbook(sheets: [("Hidden", "<row r=\"1\" hidden=\"1\"><c r=\"A1\"><v>1</v></c></row>"), ("Other", Cells.texts(1, ["o"]))])
        book.replaced["xl/workbook.xml"] = Array("""
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hidden" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId2"/></sheets></workbook>
            """.utf8)
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=1(number)"])])
        #expect(try Self.rows(book, sheet: "Other") == [Row(number: 1, cells: ["A=o"])])
    }

    @Test(arguments: [
        ("1700106", "1700106"), ("1447296446.7", "1447296446.7"), ("1.7E6", "1700000"), ("1700106.0", "1700106"),
        ("1E21", "1000000000000000000000"), ("1E-6", "0.000001"), ("-0", "0"), ("1.2345678901234568E+20", "123456789012345680000"),
        ("0.30000000000000004", "0.30000000000000004"), ("-12.50", "-12.5"), ("007", "7"),
    ])
    func numbersReadAsTheirShortestDecimal(stored: String, shown: String) throws {
        let rows = try Self.rows(TestWorkbook(rows: Cells.row(1, Cells.number("A1", stored))))
        #expect(rows == [Row(number: 1, cells: ["A=\(shown)(number)"])])
    }

    @Test func dateFormattedCellsReadAsDays() throws {
        var book = TestWorkbook(rows: Cells.row(1, Cells.number("A1", "46082", style: 1), Cells.number("B1", "46082.75", style: 2),
                                                Cells.number("C1", "46082", style: 3), Cells.number("D1", "46082", style: 0),
                                                Cells.number("E1", "1.5", style: 4)))
        // 14 is built-in m/d/yyyy; 164 a custom dd.mm.yyyy; 22 built-in date and time; 165 elapsed hours.
        book.cellFormats = [0, 14, 22, 164, 165]
        book.numberFormats = [164: "dd.mm.yyyy", 165: "[h]:mm:ss"]
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=2026-03-01(date)", "B=2026-03-01(date)", "C=2026-03-01(date)",
                                                               "D=46082(number)", "E=1.5(number)"])])
    }

    @Test func theFirstSheetIsTheDefaultAndAMissingSheetNamesTheOthers() throws {
        let book = TestWorkbook(sheets: [("Kalender", Cells.texts(1, ["k"])), ("Positionen", Cells.texts(1, ["p"]))])
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=k"])])
        #expect(try Self.rows(book, sheet: "Positionen") == [Row(number: 1, cells: ["A=p"])])
        #expect(throws: WorkbookError(.missingSheet("Plan", available: ["Kalender", "Positionen"]))) { try Self.rows(book, sheet: "Plan") }
        let message = WorkbookError(.missingSheet("Plan", available: ["Kalender", "Positionen"])).description
        #expect(message == "the workbook has no sheet \"Plan\"; its sheets are \"Kalender\", \"Positionen\"")
    }

    @Test func storedPartsReadLikeDeflatedOnes() throws {
        var book = TestWorkbook(rows: Cells.row(1, Cells.shared("A1", 0), Cells.number("B1", "3")), sharedStrings: ["<t>s</t>"])
        book.compression = .none
        #expect(try Self.rows(book) == [Row(number: 1, cells: ["A=s", "B=3(number)"])])
    }
}
