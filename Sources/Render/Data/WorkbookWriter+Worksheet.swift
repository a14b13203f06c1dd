import ScorecardCore

extension WorkbookWriter {
    /// Excel's day 0 of the 1900 date system, so that serial 1 is 1900-01-01 for every date from
    /// 1900-03-01 on (Excel counts a 1900-02-29 that did not exist).
    static let serialEpoch = Day(year: 1899, month: 12, day: 30)!

    /// `xl/worksheets/sheetN.xml`: a frozen, bold header row with an autofilter, then the rows.
    func worksheet(_ sheet: WorkbookSheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columns = sheet.headers.count
        let rows = sheet.rows.prefix(rowCount(sheet))
        let last = WorkbookXML.reference(column: max(columns, 1) - 1, row: rows.count + 1)
        var xml = Self.declaration
        xml += "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\">"
        xml += "<dimension ref=\"A1:\(last)\"/>"
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        xml += "</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columns > 0 {
            xml += "<cols>"
            for (n, width) in Self.widths(sheet, rows: rows).enumerated() {
                xml += "<col min=\"\(n + 1)\" max=\"\(n + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += "<row r=\"1\">"
        for (c, header) in sheet.headers.enumerated() {
            let n = strings.number(WorkbookXML.clippedForCell(header))
            xml += "<c r=\"\(WorkbookXML.reference(column: c, row: 1))\" s=\"\(Style.header.rawValue)\" t=\"s\"><v>\(n)</v></c>"
        }
        xml += "</row>"
        for (r, row) in rows.enumerated() {
            let rowNumber = r + 2
            xml += "<row r=\"\(rowNumber)\">"
            for (c, cell) in row.prefix(columns).enumerated() {
                xml += Self.cell(cell, at: WorkbookXML.reference(column: c, row: rowNumber), strings: &strings)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if columns > 0 { xml += "<autoFilter ref=\"A1:\(last)\"/>" }
        xml += "</worksheet>"
        return xml
    }

    /// One `<c>` element; an empty cell is not written.
    static func cell(_ cell: WorkbookCell, at ref: String, strings: inout SharedStrings) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            return "<c r=\"\(ref)\" t=\"s\"><v>\(strings.number(WorkbookXML.clippedForCell(text)))</v></c>"
        case .number(let value, let format):
            guard value.isFinite else { return "" }
            return "<c r=\"\(ref)\" s=\"\(Style(format).rawValue)\"><v>\(value.description)</v></c>"
        case .date(let day):
            // Before 1900-03-01 a serial number would be off by Excel's phantom leap day: write the text.
            let serial = day - serialEpoch
            guard serial >= 61 else { return Self.cell(.text(day.description), at: ref, strings: &strings) }
            return "<c r=\"\(ref)\" s=\"\(Style.date.rawValue)\"><v>\(serial)</v></c>"
        case .bool(let b):
            return "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
        }
    }

    /// Each column's width in characters: its longest value as shown (the header with room for the bold
    /// face and the filter button), plus padding, within `minWidth`…`maxWidth`.
    static func widths(_ sheet: WorkbookSheet, rows: ArraySlice<[WorkbookCell]>) -> [Int] {
        var longest = sheet.headers.map { $0.count + 3 }
        for row in rows {
            for (c, cell) in row.prefix(longest.count).enumerated() {
                longest[c] = max(longest[c], shownLength(cell))
            }
        }
        return longest.map { min(maxWidth, max(minWidth, $0 + 2)) }
    }

    /// About how many characters a spreadsheet shows for `cell` in its format.
    static func shownLength(_ cell: WorkbookCell) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let text):
            // The longest line; a long text is cut by `maxWidth` anyway.
            return text.split(separator: "\n", omittingEmptySubsequences: false).lazy.map { $0.prefix(maxWidth + 1).count }.max() ?? 0
        case .date: return 10
        case .bool: return 5
        case .number(let value, let format):
            guard value.isFinite else { return 0 }
            let sign = value < 0 ? 1 : 0
            switch format {
            case .integer: return sign + groupedDigits(abs(value).rounded())
            case .decimal: return sign + groupedDigits(abs(value).rounded(.down)) + 3
            case .percent: return sign + String(Int(min(abs(value * 100), 1e15).rounded(.down))).count + 3
            }
        }
    }

    /// Characters of a whole number written with thousands separators (`1,234,567` is 9).
    static func groupedDigits(_ whole: Double) -> Int {
        let digits = String(Int(min(whole, 1e15))).count
        return digits + (digits - 1) / 3
    }
}
