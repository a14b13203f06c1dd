import Foundation
@_exported import ZIPFoundation

/// Small `.xlsx` workbooks written by the tests from XML they control: the parts of a minimal package
/// (content types, relationships, workbook, styles, shared strings, sheets), any of which a test may
/// replace, drop or add to, zipped with ZIPFoundation.
public struct TestWorkbook {
    /// Sheet name and the rows inside `<sheetData>` (`<row>` elements as XML).
    public var sheets: [(name: String, rows: String)]
    /// The shared strings, each the inside of an `<si>` (`<t>text</t>`, or rich text runs).
    public var sharedStrings: [String] = []
    /// The `numFmtId` of each cell format (`s="k"` is the k-th); 0 is General.
    public var cellFormats: [Int] = [0]
    /// Custom number formats: id (164 and up) → format code.
    public var numberFormats: [Int: String] = [:]
    public var date1904 = false
    /// Parts replaced or added (path → content), after the standard ones are made.
    public var replaced: [String: [UInt8]] = [:]
    /// Parts left out.
    public var dropped: Set<String> = []
    public var compression: CompressionMethod = .deflate

    public init(sheets: [(name: String, rows: String)], sharedStrings: [String] = []) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
    }

    /// One sheet "Sheet1" with these rows.
    public init(rows: String, sharedStrings: [String] = []) {
        self.init(sheets: [("Sheet1", rows)], sharedStrings: sharedStrings)
    }

    public static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The parts, in the order written.
    public var parts: [(String, [UInt8])] {
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
    public func bytes() throws -> [UInt8] {
        try Self.zip(parts, compression: compression)
    }

    /// A zip of `parts`, written by ZIPFoundation in memory.
    public static func zip(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
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
public enum Cells {
    public static func shared(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
    public static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(TestWorkbook.escaped(text))</t></is></c>" }
    public static func number(_ ref: String, _ v: String, style: Int? = nil) -> String {
        "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(v)</v></c>"
    }
    public static func boolean(_ ref: String, _ v: Bool) -> String { "<c r=\"\(ref)\" t=\"b\"><v>\(v ? 1 : 0)</v></c>" }
    public static func row(_ r: Int?, _ cells: String...) -> String { "<row\(r.map { " r=\"\($0)\"" } ?? "")>\(cells.joined())</row>" }
    /// A row of inline strings from column A on.
    public static func texts(_ r: Int, _ values: [String]) -> String {
        "<row r=\"\(r)\">" + values.enumerated().map { inline(letter($0.offset) + String(r), $0.element) }.joined() + "</row>"
    }
    public static func letter(_ k: Int) -> String { String(UnicodeScalar(UInt8(65 + k))) }
}

extension TestWorkbook {
    /// A workbook of CSV tables, one sheet each, typed as a person would have typed them into a
    /// spreadsheet: plain decimals as number cells, `yyyy-MM-dd` dates as date cells (format 14, the
    /// 1900 system), everything else as shared strings.
    public static func fromCSV(_ tables: [(name: String, csv: String)]) -> TestWorkbook {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var sheets: [(String, String)] = []
        for (name, csv) in tables {
            var rows = ""
            for (r, fields) in parseCSV(csv).enumerated() {
                var cells = ""
                for (c, v) in fields.enumerated() where !v.isEmpty {
                    let ref = column(c) + String(r + 1)
                    if r > 0, let serial = serial(v) {
                        cells += Cells.number(ref, String(serial), style: 1)
                    } else if r > 0, isPlainNumber(v) {
                        cells += Cells.number(ref, v)
                    } else {
                        let k = index[v] ?? { strings.append("<t xml:space=\"preserve\">\(escaped(v))</t>"); index[v] = strings.count - 1; return strings.count - 1 }()
                        cells += Cells.shared(ref, k)
                    }
                }
                rows += "<row r=\"\(r + 1)\">\(cells)</row>"
            }
            sheets.append((name, rows))
        }
        var book = TestWorkbook(sheets: sheets, sharedStrings: strings)
        book.cellFormats = [0, 14]
        return book
    }

    static func column(_ k: Int) -> String {
        var n = k + 1, out = ""
        while n > 0 { out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out; n = (n - 1) / 26 }
        return out
    }

    static func isPlainNumber(_ v: String) -> Bool {
        let u = Array(v.utf8)
        var i = u.first == UInt8(ascii: "-") ? 1 : 0
        var digits = 0, points = 0
        while i < u.count {
            if u[i] >= 48, u[i] <= 57 { digits += 1 } else if u[i] == UInt8(ascii: ".") { points += 1 } else { return false }
            i += 1
        }
        return digits > 0 && points <= 1 && u.last != UInt8(ascii: ".")
    }

    /// The 1900-system serial of a `yyyy-MM-dd` date from 1900-03-01 on.
    static func serial(_ v: String) -> Int? {
        let u = Array(v.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Int(String(v.prefix(4))), let m = Int(String(v.dropFirst(5).prefix(2))), let d = Int(String(v.suffix(2))) else { return nil }
        // Days from 1899-12-30 (Howard Hinnant's days_from_civil, relative).
        func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
            let yy = m <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
            return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        }
        return days(y, m, d) - days(1899, 12, 30)
    }

    /// RFC 4180 fields of `text` (quotes, doubled quotes, line breaks inside quotes).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var it = Array(text).makeIterator()
        var pending: Character?
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n": row.append(field); field = ""; rows.append(row); row = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
