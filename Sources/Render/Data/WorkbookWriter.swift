import Foundation
import ScorecardCore
import ZIPFoundation

/// Writes an Office Open XML workbook (`.xlsx`) of typed sheets: the minimal SpreadsheetML parts
/// (`[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` and its rels, `xl/styles.xml`,
/// `xl/sharedStrings.xml`, one `xl/worksheets/sheetN.xml` per sheet, `docProps/core.xml`).
///
/// Byte-identical for the same sheets: no clock anywhere (the core properties and every zip entry carry
/// `date`, the as-of date, at midnight UTC), parts in a fixed order, shared strings numbered by first use.
/// Numbers are numbers with a number format, dates are serial day numbers with a date format, text is
/// shared strings, `null` is no cell. Each sheet has a bold, frozen header row with an autofilter, and
/// column widths from its longest value (bounded). More sheets are just more `WorkbookSheet`s.
///
/// The zip container is ZIPFoundation's (deflate, CRC-32, ZIP64 when needed); its entries get the fixed
/// date, so the bytes do not depend on when or where the file was written.
struct WorkbookWriter: Sendable {
    var sheets: [WorkbookSheet]
    /// The document title (`dc:title`).
    var title: String
    /// The as-of date: `dcterms:created` and the date of every zip entry.
    var date: Day

    /// Cell styles of `xl/styles.xml`, by index.
    enum Style: Int {
        case plain = 0, header, integer, decimal, percent, date

        init(_ format: WorkbookNumberFormat) {
            switch format {
            case .integer: self = .integer
            case .decimal: self = .decimal
            case .percent: self = .percent
            }
        }
    }

    /// Column widths in characters: at least enough for a short number, at most a readable column.
    static let minWidth = 8, maxWidth = 60

    /// The `.xlsx` file.
    func bytes() throws(RenderError) -> [UInt8] {
        let modified = Date(timeIntervalSince1970: TimeInterval(date.rawValue) * 86_400)
        do {
            let archive = try Archive(accessMode: .create)
            for (path, bytes) in parts() {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            guard let data = archive.data else { throw WorkbookFailure() }
            return [UInt8](data)
        } catch {
            throw RenderError(diagnostics: [Diagnostic("cannot write the workbook: \(error)", at: SourceLocation(file: "data/scorecard.xlsx"))])
        }
    }

    private struct WorkbookFailure: Error {}

    /// Every part of the package, path and content, in the order they are zipped.
    func parts() -> [(path: String, bytes: [UInt8])] {
        let names = WorkbookXML.sheetNames(sheets.map(\.name))
        var strings = SharedStrings()
        var sheetParts: [(path: String, bytes: [UInt8])] = []
        for (n, sheet) in sheets.enumerated() {
            sheetParts.append(("xl/worksheets/sheet\(n + 1).xml", Array(worksheet(sheet, selected: n == 0, strings: &strings).utf8)))
        }
        return [
            ("[Content_Types].xml", Array(contentTypes().utf8)),
            ("_rels/.rels", Array(Self.packageRelationships.utf8)),
            ("docProps/core.xml", Array(coreProperties().utf8)),
            ("xl/workbook.xml", Array(workbook(names: names).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships().utf8)),
            ("xl/styles.xml", Array(Self.styles.utf8)),
            ("xl/sharedStrings.xml", Array(strings.xml.utf8)),
        ] + sheetParts
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func contentTypes() -> String {
        var xml = Self.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for n in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(n + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "</Types>"
        return xml
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
        + "Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    /// Title, creator and the as-of date as the creation date: no clock time.
    func coreProperties() -> String {
        var xml = Self.declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(WorkbookXML.escape(title))</dc:title>"
        xml += "<dc:creator>scorecard</dc:creator>"
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:created>"
        xml += "</cp:coreProperties>"
        return xml
    }

    func workbook(names: [String]) -> String {
        var xml = Self.declaration
        xml += "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
        xml += "<sheets>"
        for (n, name) in names.enumerated() {
            xml += "<sheet name=\"\(WorkbookXML.escape(name))\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }
        xml += "</sheets>"
        // Excel keeps each sheet's autofilter range under this hidden name.
        if !sheets.isEmpty {
            xml += "<definedNames>"
            for (n, sheet) in sheets.enumerated() {
                let range = WorkbookXML.absoluteRange(sheet: names[n], columns: sheet.headers.count, rows: rowCount(sheet) + 1)
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(n)\" hidden=\"1\">\(WorkbookXML.escape(range))</definedName>"
            }
            xml += "</definedNames>"
        }
        xml += "</workbook>"
        return xml
    }

    func workbookRelationships() -> String {
        var xml = Self.declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in sheets.indices {
            xml += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.officeRelationships)/worksheet\" Target=\"worksheets/sheet\(n + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.officeRelationships)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(Self.officeRelationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        xml += "</Relationships>"
        return xml
    }

    /// Styles by `Style`'s raw value: plain, bold header, `#,##0`, `#,##0.00`, `0.0%`, `yyyy-mm-dd`.
    static let styles = declaration
        + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// Data rows written for `sheet`: all of them, or as many as fit under the header in Excel's limit.
    func rowCount(_ sheet: WorkbookSheet) -> Int { min(sheet.rows.count, WorkbookXML.maxRows - 1) }
}
