/// An `.xlsx` / `.xlsm` workbook opened for reading: its sheets in workbook order, its date system, which
/// cell styles show dates, and its shared strings. Sheets are read one row at a time (`SheetReader`).
///
/// What is read, in the order a package is built: `_rels/.rels` (which part is the workbook, usually
/// `xl/workbook.xml`), the workbook (sheet names and their relationship ids, `workbookPr date1904`), its
/// relationships (the part of each sheet, the styles and the shared strings; targets relative to the
/// workbook's folder or absolute), the styles (`cellXfs` and their `numFmtId`, custom `numFmts`) and the
/// shared strings. Element names are matched without their namespace, so Strict Open XML reads too.
package final class Workbook: @unchecked Sendable {
    package struct Sheet: Sendable, Equatable {
        package var name: String
        /// The part holding its cells; `nil` when the workbook's relationships do not name one.
        package var part: String?
    }

    /// The path the file was opened with.
    package let path: String
    package let sheets: [Sheet]
    /// Dates are serials of the 1904 system (`<workbookPr date1904="1"/>`).
    package let date1904: Bool
    let file: WorkbookFile
    let directory: ZipDirectory
    /// Per cell style (`s`), whether its number format shows a date or a time.
    let dateStyles: [Bool]
    let sharedStrings: SharedStrings

    /// Opens the workbook at `path` and reads everything but the sheets' cells.
    package init(path: String) throws(WorkbookError) {
        self.path = path
        file = try WorkbookFile(path: path)
        directory = try ZipDirectory.read(file)
        let main = try Self.mainPart(directory: directory, file: file)
        guard directory.part(main) != nil else { throw WorkbookError(.missingPart(main)) }
        let relations = try Self.relationships(of: main, directory: directory, file: file)
        let (names, date1904) = try Self.readWorkbook(main, directory: directory, file: file)
        self.date1904 = date1904
        sheets = names.map { Sheet(name: $0.name, part: $0.id.flatMap { relations.byID[$0] }) }
        let folder = Self.folder(of: main)
        let stylesPart = relations.byType("styles") ?? Self.resolve("styles.xml", from: folder)
        dateStyles = directory.part(stylesPart) != nil ? try Self.readStyles(stylesPart, directory: directory, file: file) : []
        let stringsPart = relations.byType("sharedStrings") ?? Self.resolve("sharedStrings.xml", from: folder)
        sharedStrings = directory.part(stringsPart) != nil ? try Self.readSharedStrings(stringsPart, directory: directory, file: file) : SharedStrings()
    }

    /// The sheet called `name` (exactly, as Excel shows it), or the first sheet in workbook order.
    package func sheet(named name: String?) throws(WorkbookError) -> Sheet {
        guard let first = sheets.first else { throw WorkbookError(.noSheets) }
        guard let name else { return first }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        throw WorkbookError(.missingSheet(name, available: sheets.map(\.name)))
    }

    /// Starts reading the rows of `sheet`.
    package func rows(of sheet: Sheet) throws(WorkbookError) -> SheetReader {
        guard let part = sheet.part else { throw WorkbookError(.missingPart("the part of sheet \"\(sheet.name)\""), sheet: sheet.name) }
        do throws(WorkbookError) {
            return try SheetReader(workbook: self, sheetName: sheet.name, reader: open(part))
        } catch {
            var e = error
            e.sheet = sheet.name
            throw e
        }
    }

    /// A reader over part `name`.
    func open(_ name: String) throws(WorkbookError) -> XMLPartReader {
        try Self.open(name, directory: directory, file: file)
    }

    static func open(_ name: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> XMLPartReader {
        guard let part = directory.part(name) else { throw WorkbookError(.missingPart(name)) }
        return try XMLPartReader(stream: PartStream(file: file, part: part), name: part.name)
    }

    // MARK: the package's parts

    /// Relationships of one part: by id, and the targets by type.
    struct Relationships {
        var byID: [String: String] = [:]
        var typed: [(type: String, target: String)] = []

        /// The first target whose type ends in `/suffix`.
        func byType(_ suffix: String) -> String? {
            typed.first { $0.type.hasSuffix("/" + suffix) }?.target
        }
    }

    /// The workbook part: the `officeDocument` relationship of the package, else `xl/workbook.xml`.
    private static func mainPart(directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> String {
        if directory.part("_rels/.rels") != nil {
            let rels = try readRelationships("_rels/.rels", base: "", directory: directory, file: file)
            if let main = rels.byType("officeDocument") { return main }
        }
        return "xl/workbook.xml"
    }

    private static func relationships(of part: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> Relationships {
        let folder = folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let rels = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard directory.part(rels) != nil else { throw WorkbookError(.missingPart(rels)) }
        return try readRelationships(rels, base: folder, directory: directory, file: file)
    }

    private static func readRelationships(_ part: String, base: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> Relationships {
        let xml = try open(part, directory: directory, file: file)
        var out = Relationships()
        while try xml.read() {
            guard xml.nodeType == XMLPartReader.Node.element.rawValue, xml.isNamed("Relationship") else { continue }
            var id: String?, type = "", target: String?, external = false
            xml.forEachAttribute {
                if xml.isNamed("Id") { id = String(decoding: xml.value, as: UTF8.self) }
                else if xml.isNamed("Type") { type = String(decoding: xml.value, as: UTF8.self) }
                else if xml.isNamed("Target") { target = String(decoding: xml.value, as: UTF8.self) }
                else if xml.isNamed("TargetMode") { external = String(decoding: xml.value, as: UTF8.self) == "External" }
            }
            guard let target, !external else { continue }
            let resolved = resolve(target, from: base)
            if let id, out.byID[id] == nil { out.byID[id] = resolved }
            out.typed.append((type, resolved))
        }
        return out
    }

    /// Sheet names with their relationship ids, and the date system. Like every part, read to its end, so
    /// that its checksum is checked.
    private static func readWorkbook(_ part: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError)
        -> (sheets: [(name: String, id: String?)], date1904: Bool) {
        let xml = try open(part, directory: directory, file: file)
        var sheets: [(String, String?)] = []
        var date1904 = false
        while try xml.read() {
            guard xml.nodeType == XMLPartReader.Node.element.rawValue else { continue }
            if xml.isNamed("sheet") {
                var name: String?, id: String?
                xml.forEachAttribute {
                    if xml.isNamed("name") { name = String(decoding: xml.value, as: UTF8.self) }
                    else if xml.isNamed("id") { id = String(decoding: xml.value, as: UTF8.self) }
                }
                if let name { sheets.append((name, id)) }
            } else if xml.isNamed("workbookPr") {
                if let v = xml.attribute("date1904") { date1904 = v == "1" || v == "true" }
            }
        }
        return (sheets, date1904)
    }

    /// Per cell format (`cellXfs`), whether it shows a date.
    private static func readStyles(_ part: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> [Bool] {
        let xml = try open(part, directory: directory, file: file)
        var custom: [Int: Bool] = [:]
        var formats: [Int] = []
        var xfsDepth: Int32 = -1
        while try xml.read() {
            let type = xml.nodeType
            if type == XMLPartReader.Node.endElement.rawValue {
                if xfsDepth >= 0, xml.isNamed("cellXfs") { xfsDepth = -1 }
                continue
            }
            guard type == XMLPartReader.Node.element.rawValue else { continue }
            if xml.isNamed("numFmt") {
                var id: Int?, code = ""
                xml.forEachAttribute {
                    if xml.isNamed("numFmtId") { id = Int(String(decoding: xml.value, as: UTF8.self)) }
                    else if xml.isNamed("formatCode") { code = String(decoding: xml.value, as: UTF8.self) }
                }
                if let id { custom[id] = NumberFormatCode.isDate(code) }
            } else if xml.isNamed("cellXfs") {
                if !xml.isEmptyElement { xfsDepth = xml.depth }
            } else if xfsDepth >= 0, xml.depth == xfsDepth + 1, xml.isNamed("xf") {
                formats.append(xml.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            }
        }
        return formats.map { custom[$0] ?? NumberFormatCode.isBuiltInDate($0) }
    }

    private static func readSharedStrings(_ part: String, directory: ZipDirectory, file: WorkbookFile) throws(WorkbookError) -> SharedStrings {
        let xml = try open(part, directory: directory, file: file)
        let out = SharedStrings()
        var text: [UInt8] = []
        var inItem = false
        var collecting = false
        var phoneticDepth: Int32 = -1
        while try xml.read() {
            let type = xml.nodeType
            switch type {
            case XMLPartReader.Node.element.rawValue:
                if xml.isNamed("si") {
                    text.removeAll(keepingCapacity: true)
                    if xml.isEmptyElement { out.append([]) } else { inItem = true }
                } else if inItem, xml.isNamed("rPh") {
                    if !xml.isEmptyElement { phoneticDepth = xml.depth }
                } else if inItem, phoneticDepth < 0, xml.isNamed("t") {
                    collecting = !xml.isEmptyElement
                }
            case XMLPartReader.Node.endElement.rawValue:
                if xml.isNamed("t") { collecting = false }
                else if xml.isNamed("rPh"), xml.depth == phoneticDepth { phoneticDepth = -1 }
                else if inItem, xml.isNamed("si") {
                    out.append(text)
                    inItem = false
                    collecting = false
                    phoneticDepth = -1
                }
            case XMLPartReader.Node.text.rawValue, XMLPartReader.Node.cdata.rawValue, XMLPartReader.Node.whitespace.rawValue,
                 XMLPartReader.Node.significantWhitespace.rawValue:
                if collecting, text.count <= SharedStrings.keptBytes { text += xml.value.prefix(SharedStrings.keptBytes + 1 - text.count) }
            default:
                break
            }
        }
        return out
    }

    // MARK: paths inside the package

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// A relationship target resolved against `base` (the folder of the part that names it): absolute
    /// targets (`/xl/worksheets/sheet1.xml`) lose their `/`; `..` and `.` are resolved.
    static func resolve(_ target: String, from base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }
}
