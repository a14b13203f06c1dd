import Foundation
import Testing
import ScorecardCore
import WorkbookFixtures
@testable import Ingest

/// Hostile and broken workbooks: each a clear error naming what is wrong, in bounded time and memory,
/// never a crash or a stall.
@Suite struct WorkbookHostileTests {
    /// Reads every row of the first sheet of `bytes`; the error, or `nil` when it reads.
    static func error(_ bytes: [UInt8]) throws -> WorkbookError? {
        try Fixtures.withFolder(["book.xlsx": bytes]) { dir in
            do throws(WorkbookError) {
                let book = try Workbook(path: dir + "/book.xlsx")
                let rows = try book.rows(of: book.sheet(named: nil))
                while try rows.next() {}
                return nil
            } catch {
                return error
            }
        }
    }

    static let header = Cells.texts(1, ["a", "b"])

    @Test func aFileThatIsNotAZip() throws {
        #expect(try Self.error(Array("order_id,line_no\n1,2\n".utf8))?.reason == .notZip(compoundFile: false))
        #expect(try Self.error([])?.reason == .notZip(compoundFile: false))
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        #expect(try Self.error(ole)?.reason == .notZip(compoundFile: true))
    }

    @Test func aLargeFileThatIsNotAZipFailsAtOnce() throws {
        let start = Date()
        let junk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20)
        #expect(try Self.error(junk)?.reason == .notZip(compoundFile: false))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func missingParts() throws {
        var book = TestWorkbook(rows: Self.header)
        book.dropped = ["xl/workbook.xml"]
        #expect(try Self.error(book.bytes())?.reason == .missingPart("xl/workbook.xml"))
        book.dropped = ["xl/worksheets/sheet1.xml"]
        #expect(try Self.error(book.bytes())?.reason == .missingPart("xl/worksheets/sheet1.xml"))
        book.dropped = ["xl/_rels/workbook.xml.rels"]
        #expect(try Self.error(book.bytes())?.reason == .missingPart("xl/_rels/workbook.xml.rels"))
        // Without styles and shared strings a workbook still reads (inline strings and numbers only).
        book.dropped = ["xl/styles.xml", "xl/sharedStrings.xml"]
        #expect(try Self.error(book.bytes()) == nil)
    }

    @Test func aPartDeclaredOver1GiBIsRefusedBeforeInflating() throws {
        var entry = RawZip.Entry.stored("xl/worksheets/sheet1.xml", [])
        entry.method = 8
        entry.data = try RawZip.deflate([])
        entry.compressedSize = UInt32(entry.data.count)
        entry.uncompressedSize = UInt32((1 << 30) + 1)
        let zip = RawZip.workbook(TestWorkbook(rows: Self.header), replacing: [entry])
        #expect(try Self.error(zip)?.reason == .partTooLarge("xl/worksheets/sheet1.xml"))
    }

    /// 64 MiB of zeros deflate to about 64 KB: a ratio near 1000 : 1.
    static func bomb() throws -> (data: [UInt8], size: Int) {
        let size = 64 << 20
        let sheet = Array("<worksheet><sheetData>".utf8) + [UInt8](repeating: 32, count: size) + Array("</sheetData></worksheet>".utf8)
        return (try RawZip.deflate(sheet), sheet.count)
    }

    @Test func aCompressionRatioOver100IsRefusedBeforeInflating() throws {
        let (data, size) = try Self.bomb()
        let entry = RawZip.Entry(name: "xl/worksheets/sheet1.xml", method: 8, data: data, crc32: 0,
                                 compressedSize: UInt32(data.count), uncompressedSize: UInt32(size))
        let error = try Self.error(RawZip.workbook(TestWorkbook(rows: Self.header), replacing: [entry]))
        #expect(error?.reason == .compressionRatio("xl/worksheets/sheet1.xml", compressed: UInt64(data.count), uncompressed: UInt64(size)))
    }

    /// The header says 2,000 bytes; the data inflates to 64 MiB: stopped while inflating, just past what
    /// was declared.
    @Test func aPartThatInflatesBeyondItsDeclaredSizeIsStopped() throws {
        let (data, _) = try Self.bomb()
        let entry = RawZip.Entry(name: "xl/worksheets/sheet1.xml", method: 8, data: data, crc32: 0,
                                 compressedSize: UInt32(data.count), uncompressedSize: 2000)
        let error = try Self.error(RawZip.workbook(TestWorkbook(rows: Self.header), replacing: [entry]))
        guard case .damagedPart(let name, let why)? = error?.reason else { Issue.record("\(String(describing: error))"); return }
        #expect(name == "xl/worksheets/sheet1.xml")
        #expect(why.contains("more than the 2000 bytes its header declares"))
    }

    @Test func aWrongChecksumIsDamage() throws {
        var entry = RawZip.Entry.stored("xl/worksheets/sheet1.xml", TestWorkbook(rows: Self.header).parts.first { $0.0 == "xl/worksheets/sheet1.xml" }!.1)
        entry.crc32 ^= 1
        let error = try Self.error(RawZip.workbook(TestWorkbook(rows: Self.header), replacing: [entry]))
        #expect(error?.reason == .damagedPart("xl/worksheets/sheet1.xml", why: "its checksum does not match"))
    }

    /// Found by FuzzWorkbookReader: with two damaged parts, which one was named depended on how far ahead
    /// the inflating threads were. Every part is now read to its end and every byte before a failure is
    /// handed over first, so the first damaged part read is named, every time.
    @Test func theSameDamageIsReportedEveryTime() throws {
        let book = TestWorkbook(rows: Self.header)
        var entries = book.parts.map { RawZip.Entry.stored($0.0, $0.1) }
        for k in entries.indices where entries[k].name == "xl/workbook.xml" || entries[k].name == "xl/styles.xml" { entries[k].crc32 ^= 1 }
        let zip = RawZip.make(entries)
        for _ in 0..<20 {
            #expect(try Self.error(zip)?.reason == .damagedPart("xl/workbook.xml", why: "its checksum does not match"))
        }
    }

    /// A non-final stored deflate block that claims 65,535 bytes, with a few after it: the stream never ends.
    /// ZIPFoundation's own `extract` would spin at the end of the file; here it is an error at once.
    @Test func aDeflateStreamThatNeverEndsIsAnError() throws {
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<worksheet><sheetData>".utf8)
        let entry = RawZip.Entry(name: "xl/worksheets/sheet1.xml", method: 8, data: data, crc32: 0,
                                 compressedSize: UInt32(data.count), uncompressedSize: 65_535)
        let start = Date()
        let error = try Self.error(RawZip.workbook(TestWorkbook(rows: Self.header), replacing: [entry]))
        #expect(error?.reason == .damagedPart("xl/worksheets/sheet1.xml", why: "its compressed data is not valid deflate data"))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func offsetsOutsideTheFileAreDamage() throws {
        let parts = TestWorkbook(rows: Self.header).parts.map { RawZip.Entry.stored($0.0, $0.1) }
        var zip = RawZip.make(parts, centralOffsetOverride: 0xFFFF_FFF0)
        #expect(try Self.error(zip)?.reason == .damagedZip("the central directory is outside the file"))
        // A ZIP64 end record whose directory offset is near 2^64 (ZIPFoundation's Archive traps on it).
        zip = RawZip.make(parts, centralOffsetOverride: 0xFFFF_FFFF)
        let end = zip.count - 22
        let record = RawZip.le32(0x0606_4B50) + [UInt8](repeating: 0, count: 28) + [UInt8](repeating: 0xFF, count: 24)
        let locator = RawZip.le32(0x0706_4B50) + RawZip.le32(0) + RawZip.le32(UInt32(end)) + RawZip.le32(0) + RawZip.le32(1)
        zip = Array(zip[..<end]) + record + locator + Array(zip[end...])
        let error = try Self.error(zip)
        guard case .damagedZip? = error?.reason else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aTruncatedWorkbook() throws {
        let zip = try TestWorkbook(rows: Self.header).bytes()
        #expect(try Self.error(Array(zip.prefix(zip.count / 2)))?.reason == .notZip(compoundFile: false))
    }

    @Test func aBillionLaughsIsNeverExpanded() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
            <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <sst><si><t>&lol9;</t></si></sst>
            """
        var book = TestWorkbook(rows: Self.header)
        book.replaced["xl/sharedStrings.xml"] = Array(laughs.utf8)
        #expect(try Self.error(book.bytes())?.reason == .documentType(part: "xl/sharedStrings.xml"))
        book = TestWorkbook(rows: Self.header)
        book.replaced["xl/worksheets/sheet1.xml"] = Array(laughs.replacingOccurrences(of: "sst", with: "worksheet").utf8)
        #expect(try Self.error(book.bytes())?.reason == .documentType(part: "xl/worksheets/sheet1.xml"))
    }

    @Test func anUndefinedEntityIsNotWellFormed() throws {
        var book = TestWorkbook(rows: Self.header)
        book.replaced["xl/sharedStrings.xml"] = Array("<sst><si><t>&xxe;</t></si></sst>".utf8)
        guard case .invalidXML(let part, _, _)? = try Self.error(book.bytes())?.reason else { Issue.record("expected invalid XML"); return }
        #expect(part == "xl/sharedStrings.xml")
    }

    @Test func deepNestingIsNotWellFormedAndNeverRecurses() throws {
        let depth = 100_000
        let rows = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>" + String(repeating: "<r>", count: depth) + String(repeating: "</r>", count: depth) + "</is></c></row>"
        let error = try Self.error(TestWorkbook(rows: Self.header + rows).bytes())
        guard case .invalidXML(let part, _, let detail)? = error?.reason else { Issue.record("\(String(describing: error))"); return }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(detail.contains("depth"), "\(detail)")
        #expect(error?.sheet == "Sheet1")
    }

    @Test func invalidUTF8IsNotWellFormed() throws {
        var book = TestWorkbook(rows: Self.header)
        book.replaced["xl/worksheets/sheet1.xml"] = Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a".utf8)
            + [0xC3, 0x28] + Array("</t></is></c></row></sheetData></worksheet>".utf8)
        guard case .invalidXML(_, let line, _)? = try Self.error(book.bytes())?.reason else { Issue.record("expected invalid XML"); return }
        #expect(line == 1)
    }

    @Test func aSharedStringIndexOutOfRange() throws {
        let book = TestWorkbook(rows: Cells.row(4, Cells.shared("B4", 7)), sharedStrings: ["<t>x</t>"])
        let error = try Self.error(book.bytes())
        #expect(error?.reason == .sharedStringIndex(cell: "B4", index: "7", count: 1))
        #expect(error?.row == 4)
    }

    /// Rows of 100,000 cells (counted on without references) or over 1 MiB of text are rejected like CSV
    /// rows, and the rows after them are read.
    @Test func rowsOverTheLimitsAreRejectedAndTheNextOnesRead() throws {
        let wide = "<row r=\"2\">" + String(repeating: "<c><v>1</v></c>", count: 100_000) + "</row>"
        let long = Cells.texts(3, [String(repeating: "x", count: CSVReader.maxRecordBytes), "y"])
        let sharedLong = Cells.row(4, Cells.shared("A4", 0), Cells.shared("B4", 0))
        // Stored: deflated, such repetitive XML would be over the 100 : 1 ratio.
        var book = TestWorkbook(rows: Self.header + wide + long + sharedLong + Cells.texts(5, ["ok", "fine"]),
                                sharedStrings: ["<t>\(String(repeating: "z", count: 600_000))</t>"])
        book.compression = .none
        let rows = try WorkbookReaderTests.rows(book)
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[1].cells == ["too many cells"])
        #expect(rows[2].cells == ["oversized"])
        #expect(rows[3].cells == ["oversized"])
        #expect(rows[4].cells == ["A=ok", "B=fine"])
    }

    @Test func rejectionsOfRowsOverTheLimitsNameTheSheetRow() throws {
        let wide = "<row r=\"3\">" + String(repeating: "<c><v>1</v></c>", count: 20_000) + "</row>"
        let rows = Cells.texts(1, ["campaign_id", "name", "start_date", "end_date"]) + wide
            + Cells.texts(4, ["C9", String(repeating: "x", count: CSVReader.maxRecordBytes + 1), "2026-03-01", "2026-03-02"])
        var book = TestWorkbook(rows: rows)
        book.compression = .none
        let (summary, _) = try WorkbookSourceTests.ingest(["c.xlsx": book.bytes()],
                                                          yaml: "targets: {max_rejected_share: 1}\nsources:\n  campaigns: {path: c.xlsx}\n")
        #expect(summary.rejections.filter { $0.location.source == .campaigns }.map { "\($0.location) \($0.reason.rawValue)" }
                == ["c.xlsx[Sheet1]:3 wrong number of fields", "c.xlsx[Sheet1]:4 row too long"])
    }

    @Test func errorsAreOneClippedLine() throws {
        let name = String(repeating: "Ä\n", count: 200)
        let text = WorkbookError(.missingSheet(name, available: (1...50).map { "Sheet \($0)" })).description
        #expect(!text.contains("\n"))
        #expect(text.utf8.count < 1000)
        #expect(text.hasSuffix("and 30 more"))
    }
}
