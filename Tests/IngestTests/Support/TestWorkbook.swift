import Foundation
import ZIPFoundation

/// Small `.xlsx` workbooks written by the tests from XML they control: the parts of a minimal package
/// (content types, relationships, workbook, styles, shared strings, sheets), any of which a test may
/// replace, drop or add to, zipped with ZIPFoundation.
struct TestWorkbook {
    /// Sheet name and the rows inside `<sheetData>` (`<row>` elements as XML).
    var sheets: [(name: String, rows: String)]
    /// The shared strings, each the inside of an `<si>` (`<t>text</t>`, or rich text runs).
    var sharedStrings: [String] = []
    /// The `numFmtId` of each cell format (`s="k"` is the k-th); 0 is General.
    var cellFormats: [Int] = [0]
    /// Custom number formats: id (164 and up) → format code.
    var numberFormats: [Int: String] = [:]
    var date1904 = false
    /// Parts replaced or added (path → content), after the standard ones are made.
    var replaced: [String: [UInt8]] = [:]
    /// Parts left out.
    var dropped: Set<String> = []
    var compression: CompressionMethod = .deflate

    init(sheets: [(name: String, rows: String)], sharedStrings: [String] = []) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
    }

    /// One sheet "Sheet1" with these rows.
    init(rows: String, sharedStrings: [String] = []) {
        self.init(sheets: [("Sheet1", rows)], sharedStrings: sharedStrings)
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The parts, in the order written.
    var parts: [(String, [UInt8])] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var out: [(String, String)] = []
        out.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>
            """))
        out.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        let sheetList = sheets.enumerated().map { k, s in "<sheet name=\"\(Self.escaped(s.name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>" }.joined()
        out.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(rel)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
            """))
        var rels = sheets.indices.map { k in "<Relationship Id=\"rId\(k + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>" }.joined()
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        out.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """))
        let fmts = numberFormats.keys.sorted().map { "<numFmt numFmtId=\"\($0)\" formatCode=\"\(Self.escaped(numberFormats[$0]!))\"/>" }.joined()
        let xfs = cellFormats.map { "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" }.joined()
        out.append(("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(main)"><numFmts count="\(numberFormats.count)">\(fmts)</numFmts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="\(cellFormats.count)">\(xfs)</cellXfs></styleSheet>
            """))
        out.append(("xl/sharedStrings.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(main)" count="\(sharedStrings.count)" uniqueCount="\(sharedStrings.count)">\(sharedStrings.map { "<si>\($0)</si>" }.joined())</sst>
            """))
        for (k, s) in sheets.enumerated() {
            out.append(("xl/worksheets/sheet\(k + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)" xmlns:r="\(rel)"><sheetData>\(s.rows)</sheetData></worksheet>
                """))
        }
        var result = out.filter { !dropped.contains($0.0) }.map { ($0.0, replaced[$0.0] ?? Array($0.1.utf8)) }
        for (name, bytes) in replaced.sorted(by: { $0.key < $1.key }) where !result.contains(where: { $0.0 == name }) {
            result.append((name, bytes))
        }
        return result
    }

    /// The workbook as the bytes of a zip file.
    func bytes() throws -> [UInt8] {
        try Self.zip(parts, compression: compression)
    }

    /// A zip of `parts`, written by ZIPFoundation in memory.
    static func zip(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }
}

/// Cells for `<row>` XML in tests.
enum Cells {
    static func shared(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
    static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(TestWorkbook.escaped(text))</t></is></c>" }
    static func number(_ ref: String, _ v: String, style: Int? = nil) -> String {
        "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(v)</v></c>"
    }
    static func boolean(_ ref: String, _ v: Bool) -> String { "<c r=\"\(ref)\" t=\"b\"><v>\(v ? 1 : 0)</v></c>" }
    static func row(_ r: Int?, _ cells: String...) -> String { "<row\(r.map { " r=\"\($0)\"" } ?? "")>\(cells.joined())</row>" }
    /// A row of inline strings from column A on.
    static func texts(_ r: Int, _ values: [String]) -> String {
        "<row r=\"\(r)\">" + values.enumerated().map { inline(letter($0.offset) + String(r), $0.element) }.joined() + "</row>"
    }
    static func letter(_ k: Int) -> String { String(UnicodeScalar(UInt8(65 + k))) }
}
