import ScorecardCore

/// The rows of one sheet, streamed from its XML one row at a time, each as cells by column: the text a
/// CSV export of the sheet would hold, and what kind of value it is (`CellKind`).
///
/// Cells: shared strings (`t="s"`), inline strings (`t="inlineStr"`, rich text runs joined, phonetic runs
/// left out), formula text results (`t="str"`), numbers (`t="n"` or none), booleans (`t="b"`, as `TRUE` /
/// `FALSE`), errors (`t="e"`, as their text, e.g. `#N/A`) and ISO dates (`t="d"`). A formula's cached value
/// is the cell's value; a formula without one is an empty cell. Columns come from each cell's reference
/// (`r="B7"`), rows from each row's `r`; where one is missing, cells and rows count on from the previous.
/// Rows without any value are skipped. Merged cells hold their value in the top-left cell only, which is
/// how the file stores them; hidden rows are read like the others.
///
/// Limits, as for a CSV row: a row whose values add up to more than 1 MiB (`CSVReader.maxRecordBytes`) is
/// `isOversized` and holds no cells; a row with a cell beyond column XFD, or with more than 16,384 cells,
/// `hasTooManyCells` and holds none either. Memory is one row's values and a table of 16,384 columns.
package final class SheetReader {
    package let sheetName: String
    package let date1904: Bool
    /// The sheet row of the current row (1-based, as Excel shows it).
    package private(set) var rowNumber = 0
    package private(set) var isOversized = false
    package private(set) var hasTooManyCells = false
    /// One more than the last column holding a value in the current row.
    package private(set) var width = 0

    private let workbook: Workbook
    private let xml: XMLPartReader
    private let plain = NumberParser(decimal: UInt8(ascii: "."), thousands: nil)
    private var done = false

    private struct Cell {
        var column: Int32
        var kind: CellKind
        var shared: Int32  // index of a shared string, or -1
        var start: Int
        var length: Int
        var number: Double
    }

    /// The current row's cells, and per column the index of its cell (or -1).
    private var cells: [Cell] = []
    private let slots: UnsafeMutablePointer<Int32>
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 12
    private var length = 0
    /// Bytes of the current row's values (shared strings included) and one per cell, as a CSV line would
    /// count them with its delimiters.
    private var rowBytes = 0

    static let maxRowBytes = CSVReader.maxRecordBytes

    init(workbook: Workbook, sheetName: String, reader: XMLPartReader) {
        self.workbook = workbook
        self.sheetName = sheetName
        self.date1904 = workbook.date1904
        xml = reader
        slots = .allocate(capacity: SheetColumn.maxCount)
        slots.initialize(repeating: -1, count: SheetColumn.maxCount)
        bytes = .allocate(capacity: capacity)
    }

    deinit {
        slots.deallocate()
        bytes.deallocate()
    }

    // MARK: the current row

    /// The kind of the value in `column` (0-based), `.empty` when it has none.
    @inline(__always)
    package func kind(_ column: Int) -> CellKind {
        guard column >= 0, column < SheetColumn.maxCount, case let s = slots[column], s >= 0 else { return .empty }
        return cells[Int(s)].kind
    }

    /// The text of `column` (0-based): empty when it has no value.
    @inline(__always)
    package func field(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0, column < SheetColumn.maxCount, case let s = slots[column], s >= 0 else {
            return UnsafeBufferPointer(start: bytes, count: 0)
        }
        let c = cells[Int(s)]
        if c.shared >= 0 { return workbook.sharedStrings.string(Int(c.shared)) }
        return UnsafeBufferPointer(start: bytes + c.start, count: c.length)
    }

    /// The number of a `.number` or `.date` cell.
    package func number(_ column: Int) -> Double? {
        let k = kind(column)
        guard k == .number || k == .date else { return nil }
        return cells[Int(slots[column])].number
    }

    package func string(_ column: Int) -> String { String(decoding: field(column), as: UTF8.self) }

    /// Moves to the next row that holds a value; `false` after the last.
    package func next() throws(WorkbookError) -> Bool {
        do throws(WorkbookError) {
            return try advance()
        } catch {
            var e = error
            e.sheet = sheetName
            if e.row == nil, rowNumber > 0 { e.row = rowNumber }
            done = true
            throw e
        }
    }

    /// Moves to the header: row `headerRow` when given (an error when that row is empty or missing), else
    /// the first row with a value (an error when there is none).
    package func moveToHeader(_ headerRow: Int?) throws(WorkbookError) {
        while try next() {
            guard let headerRow else { return }
            if rowNumber == headerRow { return }
            if rowNumber > headerRow { break }
        }
        throw WorkbookError(headerRow.map { .emptyHeaderRow($0) } ?? .emptySheet, sheet: sheetName)
    }

    // MARK: reading

    private enum Collecting { case none, value, inline }

    private func advance() throws(WorkbookError) -> Bool {
        guard !done else { return false }
        var inRow = false
        var inCell = false
        var inInline = false
        var phoneticDepth: Int32 = -1
        var collecting = Collecting.none
        // The cell being read.
        var column = -1
        var type = CellType.number
        var style = -1
        var cellStart = 0
        var cellCount = 0
        var nonEmpty = false
        while try xml.read() {
            let node = xml.nodeType
            if node == XMLPartReader.Node.element.rawValue {
                if xml.isNamed("row") {
                    startRow()
                    var number: Int?
                    xml.forEachAttribute { if xml.isNamed("r") { number = Self.rowNumber(xml.value) } }
                    rowNumber = number ?? rowNumber + 1
                    if xml.isEmptyElement { continue }
                    inRow = true
                    column = -1
                    cellCount = 0
                    nonEmpty = false
                    continue
                }
                guard inRow else { continue }
                if xml.isNamed("c") {
                    var ref: Int?
                    type = .number
                    style = -1
                    xml.forEachAttribute {
                        if xml.isNamed("r") { ref = Self.column(xml.value) }
                        else if xml.isNamed("t") { type = CellType(xml.value) }
                        else if xml.isNamed("s") { style = Self.smallInt(xml.value) ?? -1 }
                    }
                    column = ref ?? column + 1
                    cellCount += 1
                    if column >= SheetColumn.maxCount || cellCount > SheetColumn.maxCount { hasTooManyCells = true }
                    cellStart = length
                    if xml.isEmptyElement { continue }
                    inCell = true
                    inInline = false
                    collecting = .none
                    continue
                }
                guard inCell else { continue }
                if xml.isNamed("v") {
                    if !xml.isEmptyElement { collecting = .value }
                } else if xml.isNamed("is") {
                    if !xml.isEmptyElement { inInline = true; type = .inline }
                } else if inInline, phoneticDepth < 0, xml.isNamed("t") {
                    if !xml.isEmptyElement { collecting = .inline }
                } else if inInline, xml.isNamed("rPh") {
                    if !xml.isEmptyElement { phoneticDepth = xml.depth }
                }
            } else if node == XMLPartReader.Node.endElement.rawValue {
                if inCell, xml.isNamed("c") {
                    inCell = false
                    collecting = .none
                    phoneticDepth = -1
                    if try finishCell(column: column, type: type, style: style, start: cellStart) { nonEmpty = true }
                } else if inRow, xml.isNamed("row") {
                    inRow = false
                    if nonEmpty || isOversized || hasTooManyCells {
                        if isOversized || hasTooManyCells { clearCells() }
                        return true
                    }
                    startRow()
                } else if xml.isNamed("v") || xml.isNamed("t") {
                    collecting = .none
                } else if xml.isNamed("rPh"), xml.depth == phoneticDepth {
                    phoneticDepth = -1
                } else if xml.isNamed("is") {
                    inInline = false
                } else if xml.isNamed("sheetData") {
                    // The rest (merged cells, page setup) is read too, so that a damaged or cut-off part
                    // is found (its checksum is checked at its end).
                    while try xml.read() {}
                    break
                }
            } else if collecting != .none {
                if node == XMLPartReader.Node.text.rawValue || node == XMLPartReader.Node.cdata.rawValue
                    || node == XMLPartReader.Node.whitespace.rawValue || node == XMLPartReader.Node.significantWhitespace.rawValue {
                    append(xml.value)
                }
            }
        }
        done = true
        return false
    }

    /// What the `t` attribute says.
    private enum CellType {
        case number, shared, inline, formulaText, boolean, error, isoDate

        init(_ v: UnsafeBufferPointer<UInt8>) {
            switch v.count {
            case 1:
                switch v[0] {
                case UInt8(ascii: "s"): self = .shared
                case UInt8(ascii: "b"): self = .boolean
                case UInt8(ascii: "e"): self = .error
                case UInt8(ascii: "d"): self = .isoDate
                default: self = .number
                }
            case 3 where v[0] == UInt8(ascii: "s"): self = .formulaText
            case 9 where v[0] == UInt8(ascii: "i"): self = .inline
            default: self = .number
            }
        }
    }

    private func startRow() {
        clearCells()
        isOversized = false
        hasTooManyCells = false
        rowBytes = 0
    }

    private func clearCells() {
        for c in cells { slots[Int(c.column)] = -1 }
        cells.removeAll(keepingCapacity: true)
        length = 0
        width = 0
    }

    /// Appends text of the current cell, unless the row is already over its limit.
    private func append(_ v: UnsafeBufferPointer<UInt8>) {
        guard !isOversized, !hasTooManyCells, v.count > 0 else { return }
        rowBytes += v.count
        if rowBytes > Self.maxRowBytes { isOversized = true; return }
        reserve(v.count)
        (bytes + length).update(from: v.baseAddress!, count: v.count)
        length += v.count
    }

    private func reserve(_ extra: Int) {
        guard length + extra > capacity else { return }
        var c = capacity * 2
        while c < length + extra { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: bytes, count: length)
        bytes.deallocate()
        bytes = b
        capacity = c
    }

    /// Turns the text collected since `start` into the cell's value; `true` when the cell holds one.
    private func finishCell(column: Int, type: CellType, style: Int, start: Int) throws(WorkbookError) -> Bool {
        guard !isOversized, !hasTooManyCells, column >= 0, column < SheetColumn.maxCount else { length = start; return false }
        var (s, e) = CellText.trimmed(bytes, start, length)
        guard s < e else { length = start; return false }
        var cell = Cell(column: Int32(column), kind: .text, shared: -1, start: s, length: e - s, number: 0)
        switch type {
        case .shared:
            let index = Self.smallInt(UnsafeBufferPointer(start: bytes + s, count: e - s))
            guard let index, index < workbook.sharedStrings.count else {
                throw WorkbookError(.sharedStringIndex(cell: SheetColumn.letters(column + 1) + String(rowNumber),
                                                       index: String(decoding: UnsafeBufferPointer(start: bytes + s, count: e - s), as: UTF8.self),
                                                       count: workbook.sharedStrings.count), row: rowNumber)
            }
            length = start
            let text = workbook.sharedStrings.string(index)
            guard !text.isEmpty else { return false }
            rowBytes += text.count - (e - s)
            if rowBytes > Self.maxRowBytes { isOversized = true; return false }
            cell = Cell(column: Int32(column), kind: .text, shared: Int32(index), start: 0, length: text.count, number: 0)
        case .inline, .formulaText:
            if UnsafeBufferPointer(start: bytes + s, count: e - s).contains(UInt8(ascii: "_")) {
                let decoded = CellText.finished(Array(UnsafeBufferPointer(start: bytes + s, count: e - s))[...])
                length = start
                guard !decoded.isEmpty else { return false }
                decoded.withUnsafeBufferPointer { reserve($0.count); (bytes + length).update(from: $0.baseAddress!, count: $0.count) }
                s = length
                length += decoded.count
                e = length
                cell.start = s
                cell.length = e - s
            }
        case .boolean:
            let v = UnsafeBufferPointer(start: bytes + s, count: e - s)
            let truth: Bool? = v.count == 1 ? (v[0] == UInt8(ascii: "1") ? true : v[0] == UInt8(ascii: "0") ? false : nil) : nil
            if let truth {
                length = start
                replace(with: truth ? Self.trueText : Self.falseText, into: &cell)
                cell.kind = .boolean
            }
        case .error:
            cell.kind = .error
        case .isoDate:
            cell.kind = .isoDate
        case .number:
            let v = UnsafeBufferPointer(start: bytes + s, count: e - s)
            let value: Double?
            if ShortestDecimal.isCanonical(v) {
                value = plain.parse(v)
            } else {
                value = plain.parse(v) ?? Double(String(decoding: v, as: UTF8.self))
            }
            guard let value, value.isFinite else { break }  // kept as text
            cell.number = value
            let isDate = style >= 0 && style < workbook.dateStyles.count && workbook.dateStyles[style]
            if isDate, let day = ExcelDate.day(serial: value, date1904: date1904) {
                length = start
                replace(with: Array(day.description.utf8), into: &cell)
                cell.kind = .date
            } else {
                if !ShortestDecimal.isCanonical(v) {
                    var text: [UInt8] = []
                    ShortestDecimal.append(value, to: &text)
                    length = start
                    replace(with: text, into: &cell)
                }
                cell.kind = isDate ? .date : .number
            }
        }
        if slots[column] >= 0 {
            cells[Int(slots[column])] = cell  // a second cell for the same column: the later one wins
        } else {
            slots[column] = Int32(cells.count)
            cells.append(cell)
        }
        width = max(width, column + 1)
        rowBytes += 1
        return true
    }

    private static let trueText = Array("TRUE".utf8)
    private static let falseText = Array("FALSE".utf8)

    /// Writes `text` as the cell's text at the end of the row's bytes.
    private func replace(with text: [UInt8], into cell: inout Cell) {
        reserve(text.count)
        text.withUnsafeBufferPointer { (bytes + length).update(from: $0.baseAddress!, count: $0.count) }
        cell.start = length
        cell.length = text.count
        length += text.count
    }

    // MARK: references

    /// The 0-based column of a cell reference (`B7` → 1); `nil` when it does not start with 1 to 3 letters.
    static func column(_ r: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, n = 0
        while i < r.count, i < 4 {
            let c = r[i] | 0x20
            guard c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") else { break }
            n = n * 26 + Int(c - UInt8(ascii: "a")) + 1
            i += 1
        }
        guard i > 0, i <= 3 else { return nil }
        return n - 1
    }

    /// A row number: 1 to 9 digits.
    static func rowNumber(_ r: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let n = smallInt(r), n >= 1 else { return nil }
        return n
    }

    /// A non-negative integer of at most 9 digits.
    static func smallInt(_ r: UnsafeBufferPointer<UInt8>) -> Int? {
        guard r.count > 0, r.count <= 9 else { return nil }
        var n = 0
        for c in r {
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }
}
