import Foundation
import Ingest
import ScorecardCore
import Testing
@testable import Setup

/// Encoding, delimiter, number style and date format of one file, from its bytes.
@Suite struct SniffingTests {
    static func inspect(_ text: String, name: String = "x.csv", limits: FileSample.Limits = FileSample.Limits()) throws -> FileGroup {
        let folder = try DataFolderFixture([name: text])
        let inspection = ExportInspection.inspect(dataDirectory: folder.path, limits: limits)
        return try #require(inspection.groups.first)
    }

    static func inspect(bytes: [UInt8]) throws -> FileGroup {
        let folder = try DataFolderFixture()
        try folder.write("x.csv", bytes)
        return try #require(ExportInspection.inspect(dataDirectory: folder.path).groups.first)
    }

    // MARK: encoding

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        let plain = try Self.inspect(bytes: Array("sku,name\nA,Küche\n".utf8))
        #expect(plain.encoding.encoding == .utf8)
        #expect(!plain.encoding.byteOrderMark)
        let bom = try Self.inspect(bytes: [0xEF, 0xBB, 0xBF] + Array("sku,name\nA,Küche\n".utf8))
        #expect(bom.encoding.encoding == .utf8)
        #expect(bom.encoding.byteOrderMark)
        #expect(bom.header == ["sku", "name"], "the byte-order mark is not part of the first header")
    }

    @Test func windows1252IsTheSingleByteUmlaut() throws {
        // "Küche" with ü as the single byte 0xFC, and € as 0x80.
        let bytes = Array("sku;name;price\nA;K".utf8) + [0xFC] + Array("che;".utf8) + [0x80] + Array("5\n".utf8)
        let g = try Self.inspect(bytes: bytes)
        #expect(g.encoding.encoding == .windows1252)
        #expect(g.rows.first?[1] == "Küche")
    }

    @Test func neitherEncodingIsSkippedWithAReason() throws {
        let folder = try DataFolderFixture()
        try folder.write("utf16.csv", [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00])
        let inspection = ExportInspection.inspect(dataDirectory: folder.path)
        #expect(inspection.groups.isEmpty)
        #expect(inspection.skipped.first?.reason.contains("neither UTF-8 nor windows-1252") == true)
    }

    // MARK: delimiter and quoting

    @Test(arguments: [
        ("a;b;c\n1,5;2;3\n4,25;5;6\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a,b,c\n\"x;y\",2,3\n\"p;q\",5,6\n", ","),
        ("a|b\n1|2\n", "|"),
        ("\"Order, Id\";Qty\n1;2\n", ";"),
    ])
    func delimiter(text: String, expected: String) throws {
        let g = try Self.inspect(text)
        #expect(g.delimiter == Array(expected.utf8)[0])
    }

    @Test func quotedValuesAreReadWhole() throws {
        let g = try Self.inspect("sku,description,price\nA,\"Tasse, 5\"\" groß\",\"1,234.50\"\n")
        #expect(g.quoted)
        #expect(g.rows == [["A", "Tasse, 5\" groß", "1,234.50"]])
    }

    // MARK: numbers

    @Test func decimalCommaWithDotGrouping() throws {
        let g = try Self.inspect("sku;cost;price\nA;1.234,50;12,75\nB;3,5;1.999,00\n")
        #expect(g.numbers.style == NumberStyle(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")))
        #expect(g.numbers.ambiguousWith.isEmpty)
    }

    @Test func usGroupingInQuotedNumbers() throws {
        let g = try Self.inspect("sku,cost,qty\nA,\"1,234.50\",\"2,000\"\nB,\"12.75\",\"5\"\n")
        #expect(g.numbers.style == NumberStyle(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: ",")))
    }

    @Test func integersOnlyNeedNoSeparators() throws {
        let g = try Self.inspect("sku,qty\nA,1\nB,20\n")
        #expect(g.numbers.style == .plain)
        #expect(g.numbers.ambiguousWith.isEmpty)
    }

    /// `1.000` is 1 or 1000: undecidable from this file alone, settled by a file of the same export that
    /// shows `4.500,00`, and said so.
    @Test func ambiguousGroupingFollowsAnotherFileOfTheSameDelimiter() throws {
        let folder = try DataFolderFixture(["a.csv": "campaign;planned\nK1;1.000\nK2;2.500\n",
                                            "b.csv": "campaign;budget\nK1;4.500,00\n"])
        let groups = ExportInspection.inspect(dataDirectory: folder.path).groups
        let a = try #require(groups.first { $0.files[0].path == "a.csv" })
        #expect(a.numbers.style == NumberStyle(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")))
        #expect(a.numbers.settledBy?.contains("b.csv") == true)
    }

    @Test func ambiguousGroupingAloneFollowsTheDelimiterConvention() throws {
        let semicolon = try Self.inspect("campaign;planned\nK1;1.000\n")
        #expect(semicolon.numbers.style.decimal == UInt8(ascii: ","))
        #expect(semicolon.numbers.settledBy != nil)
        let comma = try Self.inspect("campaign,planned\nK1,1.000\n")
        #expect(comma.numbers.style.decimal == UInt8(ascii: "."))
        #expect(comma.numbers.settledBy != nil)
    }

    // MARK: dates

    @Test(arguments: [
        ("02.03.2026;15.03.2026", "dd.MM.yyyy", false),
        ("02.03.2026 09:15:00;15.03.2026 00:00:00", "dd.MM.yyyy", true),
        ("3/2/26;3/15/26", "M/d/yy", false),
        ("3/2/2026 10:00;12/31/2026 22:56", "M/d/yyyy", true),
        ("2-Mar-26;15-Mar-26", "d-MMM-yy", false),
        ("02-MAR-2026;15-MAR-2026", "dd-MMM-yyyy", false),
        ("2026-03-02;2026-03-15", "yyyy-MM-dd", false),
        ("2026-03-02T08:00:00Z;2026-03-15T10:00:00Z", "yyyy-MM-dd", true),
        ("20260302;20260315", "yyyyMMdd", false),
    ])
    func dateFormat(values: String, pattern: String, hasTime: Bool) throws {
        let v = values.split(separator: ";")
        let g = try Self.inspect("id;when\n1;\(v[0])\n2;\(v[1])\n")
        #expect(g.dates.pattern == pattern)
        #expect(g.dates.hasTime == hasTime)
        #expect(g.columns[1].isDate)
        #expect(!g.columns[0].isDate)
    }

    /// Day and month order is decided by the one value above 12, whichever side it is on, and the
    /// decision names that value.
    @Test(arguments: [
        ("03/04/2026", "13/04/2026", "dd/MM/yyyy"),
        ("03/04/2026", "04/13/2026", "MM/dd/yyyy"),
    ])
    func dayAndMonthDecidedByAValueAbove12(ordinary: String, deciding: String, expected: String) throws {
        var text = "order;date\n"
        for k in 0..<50 { text += "\(k);\(ordinary)\n" }
        text += "50;\(deciding)\n"
        let g = try Self.inspect(text)
        #expect(g.dates.pattern == expected)
        #expect(g.dates.ambiguousWith == nil)
        #expect(g.dates.deciding == deciding)
    }

    /// Without a value above 12 both orders read every value: the choice is made by convention and said so.
    @Test func undecidableDayAndMonthIsSaidSo() throws {
        let g = try Self.inspect("order,date,qty\n1,03/04/2026,1.5\n2,05/06/2026,2\n")
        #expect(g.dates.ambiguousWith != nil)
        #expect(g.dates.pattern == "MM/dd/yyyy", "US convention for / with a decimal point")
        #expect(g.dates.settledBy?.contains("cannot be told apart") == true)
        let de = try Self.inspect("order;date;qty\n1;03/04/2026;1,5\n2;05/06/2026;2\n")
        #expect(de.dates.pattern == "dd/MM/yyyy", "day first with a decimal comma")
    }

    /// One file whose dates decide settles the same order in another file that cannot.
    @Test func undecidedDayAndMonthFollowsAnotherFile() throws {
        let folder = try DataFolderFixture(["orders.csv": "order,date\n1,03/04/2026\n",
                                            "deliveries.csv": "order,shipped\n1,04/25/2026\n"])
        let groups = ExportInspection.inspect(dataDirectory: folder.path).groups
        let orders = try #require(groups.first { $0.files[0].path == "orders.csv" })
        #expect(orders.dates.pattern == "MM/dd/yyyy")
        #expect(orders.dates.settledBy?.contains("deliveries.csv") == true)
    }

    /// A date column empty for the first thousands of rows of a large file is still found, from the
    /// blocks sampled further in (the head alone would see an empty column).
    @Test func aDateColumnWhoseFirstRowsAreEmpty() throws {
        var text = "order_id,line_no,shipped\n"
        for k in 0..<20_000 { text += "SO-\(k),10,\n" }
        for k in 20_000..<40_000 { text += "SO-\(k),10,\(k % 28 + 1).03.2026\n" }
        var limits = FileSample.Limits()
        limits.wholeFile = 64 << 10
        limits.head = 16 << 10
        limits.blockSize = 8 << 10
        let g = try Self.inspect(text, limits: limits)
        #expect(!g.isComplete, "the file is sampled, not read whole")
        #expect(g.columns[2].isDate)
        #expect(g.columns[2].empty > 0)
        #expect(g.dates.style.order == .dmy && g.dates.style.separator == ".")
    }

    @Test func blocksAreCutToWholeLines() throws {
        let folder = try DataFolderFixture()
        var text = "a,b\n"
        for k in 0..<10_000 { text += "\(k),\(k * 2)\n" }
        try folder.write("x.csv", Array(text.utf8))
        var limits = FileSample.Limits()
        limits.wholeFile = 1000
        limits.head = 500
        limits.blockSize = 300
        let sample = try #require(FileSample.read(folder.path + "/x.csv", limits: limits))
        #expect(!sample.isComplete)
        #expect(sample.blocks.count == limits.blocks)
        for block in sample.blocks {
            let lines = String(decoding: block, as: UTF8.self).split(separator: "\n")
            for line in lines {
                let parts = line.split(separator: ",")
                #expect(parts.count == 2 && Int(parts[1]) == Int(parts[0])! * 2, "\(line)")
            }
        }
    }

    /// Two date-like columns in different formats: the file's date_format reads one; the other is
    /// named, not silently misread.
    @Test func aColumnInAnotherDateFormatIsNotReadable() throws {
        let g = try Self.inspect("order,created,due\n1,2026-03-02,3/15/2026\n2,2026-03-03,3/16/2026\n3,2026-03-04,3/20/2026\n")
        #expect(g.dates.found)
        #expect(g.dates.otherStyleColumns.count == 1)
        let readable = g.columns.filter(\.isDate).map(\.header)
        #expect(readable.count == 1)
    }
}
