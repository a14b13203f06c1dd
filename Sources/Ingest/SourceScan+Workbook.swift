import ScorecardCore

/// Sources read from a sheet of a workbook: opening the sheet at its header, and the typing rules of
/// docs/inputs.md ("Workbooks") for numbers and dates, which depend on what kind of cell a value is in.
extension SourceScan {
    /// Opens file `k` as a workbook at the configured sheet (default the first) and header row (default the
    /// first row with a value), and maps its header; `false` (with a problem recorded) when it cannot be used.
    func openSheet(_ k: Int) -> Bool {
        let file = files[k]
        let options = config.sources[source]
        do throws(WorkbookError) {
            let book = try Workbook(path: file.path)
            let which = try book.sheet(named: options?.sheet)
            currentDisplay = "\(file.display)[\(which.name)]"
            let s = try book.rows(of: which)
            try s.moveToHeader(options?.headerRow)
            let at = SourceLocation(file: currentDisplay, line: s.rowNumber, source: source, inSheet: true)
            if s.isOversized {
                problems.append(Diagnostic("\(source) header row is longer than \(Self.rowLimitText)", at: at))
                return false
            }
            if s.hasTooManyCells {
                problems.append(Diagnostic("\(source) header row \(Self.tooManyCellsText)", at: at))
                return false
            }
            guard mapHeader((0..<s.width).map { s.string($0) }, at: at, inSheet: true) else { return false }
            sheet = s
            return true
        } catch {
            problems.append(diagnostic(error, file))
            return false
        }
    }

    /// Reads up to the next usable row of the open sheet; `false` at its end or on a fatal problem.
    func advance(_ s: SheetReader) -> Bool {
        do throws(WorkbookError) {
            while try s.next() {
                rowsInFile += 1
                let at = SourceLocation(file: currentDisplay, line: s.rowNumber, source: source, inSheet: true)
                if s.isOversized {
                    count(Rejection(location: at, reason: .tooLong, detail: "longer than \(Self.rowLimitText), the most a row may hold; not read"))
                    continue
                }
                if s.hasTooManyCells {
                    count(Rejection(location: at, reason: .wrongFieldCount, detail: Self.tooManyCellsText))
                    continue
                }
                // Cells right of the header's columns have no header: they feed no column and are ignored.
                for c in 0..<canonical.count {
                    let i = columnIndex[c]
                    if i >= 0 {
                        row[c] = s.field(i)
                        kinds[c] = s.kind(i)
                        values[c] = s.number(i) ?? 0
                    } else {
                        row[c] = UnsafeBufferPointer(start: nil, count: 0)
                        kinds[c] = .empty
                    }
                }
                return true
            }
        } catch {
            problems.append(diagnostic(error, files[fileIndex]))
        }
        return false
    }

    static let tooManyCellsText = "has a cell beyond column XFD or more than 16,384 cells, the most a sheet row has"

    /// A problem of the workbook, at the sheet and row where it is known.
    private func diagnostic(_ error: WorkbookError, _ file: SourceFile) -> Diagnostic {
        let display = error.sheet.map { "\(file.display)[\($0)]" } ?? file.display
        return Diagnostic("\(source): \(error)", at: SourceLocation(file: display, line: error.row, source: source, inSheet: error.sheet != nil))
    }

    /// A required non-negative number from a sheet: a number cell as stored (whatever its format); a text
    /// cell parsed with the source's `decimal` and `thousands`; anything else (`TRUE`, `#N/A`) does not parse.
    func sheetNumber(_ c: Int) throws(RejectedRow) -> Double {
        let v: Double
        switch kinds[c] {
        case .number, .date:
            v = values[c]
        default:
            guard let parsed = numbers.parse(bytes(c)) else { throw reject(.badNumber, c) }
            v = parsed
        }
        if v < 0 { throw reject(.negative, c) }
        return v
    }

    /// A required date from a sheet: a number cell (date-formatted or not) is a serial day number of the
    /// workbook's date system; a number above the last serial (9999-12-31) is tried as digits with the
    /// source's `date_format` (`20261115` with `yyyyMMdd`); a text cell is parsed with `date_format`; an ISO
    /// date cell (`t="d"`) by its date.
    func sheetDate(_ c: Int) throws(RejectedRow) -> Day {
        let b = bytes(c)
        switch kinds[c] {
        case .number, .date:
            let v = values[c]
            let date1904 = sheet?.date1904 ?? false
            if let d = ExcelDate.day(serial: v, date1904: date1904) { return d }
            if v > 0, !ExcelDate.isInRange(v, date1904: date1904), let d = dates.parse(b, months: months) { return d }
            if !date1904, v.rounded(.down) == Double(ExcelDate.phantomLeapDay) {
                throw reject(.badDate, c, "\(canonical[c]) \(quoted(c)) is Excel's 1900-02-29, a day that never was")
            }
            throw reject(.badDate, c, "\(canonical[c]) \(quoted(c)) is not a day: a date cell holds days counted from \(date1904 ? "1904-01-01 (0)" : "1900-01-01 (1)") to 9999-12-31")
        case .isoDate:
            guard let d = Self.isoDates.parse(b, months: months) else { throw reject(.badDate, c) }
            return d
        case .text:
            guard let d = dates.parse(b, months: months) else { throw reject(.badDate, c) }
            return d
        default:
            throw reject(.badDate, c)
        }
    }

    private static let isoDates = DatePattern("yyyy-MM-dd")!
}
