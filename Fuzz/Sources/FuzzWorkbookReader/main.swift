// The workbook reader on fuzzed workbooks. The first byte chooses the form of the rest:
// - even: the rest is the .xlsx file itself (mutations of real zips: the directory, sizes, deflate data);
// - odd: the rest is split at byte 0x1E into the XML of xl/workbook.xml, xl/_rels/workbook.xml.rels,
//   xl/sharedStrings.xml, xl/styles.xml, xl/worksheets/sheet1.xml and xl/worksheets/sheet2.xml, zipped
//   uncompressed with true checksums, so that mutations reach the XML.
// Invariants: it never crashes, hangs or blows up memory (libFuzzer's limits); a failure is one line of at
// most 1,000 bytes; every cell's text is valid UTF-8; rows are numbered from 1 and hold at most 16,384
// columns, and an oversized or too-wide row holds no cells; reading the same file twice gives the same
// rows (the parts are inflated on other threads).
import FuzzSupport
import Ingest

let partNames = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
                 "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
let packageRels = Array("""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """.utf8)

func fuzzWorkbookReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte()
    let bytes: [UInt8]
    if mode & 1 == 0 {
        bytes = input.rest
    } else {
        let parts = input.rest.split(separator: 0x1E, maxSplits: partNames.count - 1, omittingEmptySubsequences: false)
        var files: [(name: String, bytes: [UInt8])] = [("_rels/.rels", packageRels)]
        for (k, part) in parts.enumerated() { files.append((partNames[k], Array(part))) }
        bytes = StoredZip.make(files)
    }
    let path = FuzzFiles.directory + "/input.xlsx"
    FuzzFiles.write(bytes, to: path)

    let first = FuzzProbe.workbook(path: path)
    if let failure = first.failure {
        fuzzCheck(!failure.contains("\n") && !failure.contains("\r"), "a failure of several lines: \(failure.debugDescription)")
        fuzzCheck(failure.utf8.count <= 1_000, "a failure of \(failure.utf8.count) bytes")
    }
    for sheet in first.rows {
        for row in sheet {
            fuzzCheck(row.number >= 1, "row number \(row.number)")
            fuzzCheck(row.cells.count <= 16_384, "\(row.cells.count) columns in row \(row.number)")
            if row.isOversized || row.hasTooManyCells { fuzzCheck(row.cells.isEmpty, "cells kept in an oversized row \(row.number)") }
            for cell in row.cells {
                fuzzCheck(String(validating: cell.text, as: UTF8.self) != nil, "invalid UTF-8 in row \(row.number)")
            }
        }
    }
    let second = FuzzProbe.workbook(path: path)
    fuzzCheck(first.sheets == second.sheets && first.rows == second.rows && first.failure == second.failure,
              "a second read differs: \(first.failure ?? "ok") against \(second.failure ?? "ok")")
    return 0
}

// Last: top-level constants above are set in order, and `runFuzzer` never returns.
runFuzzer { data, size in fuzzWorkbookReader(data, size) }
