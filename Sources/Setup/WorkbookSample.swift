import Ingest
import ScorecardCore

/// Every sheet of a workbook as `scorecard init` samples it: the header row (the first row that looks like
/// one, below any title block) and the first rows under it, as the text the build will read.
///
/// Cells become text the way the build reads them, so the rest of `init` treats a sheet like a CSV file:
/// numbers and dates are whatever the cells store, and only text cells need the source's `decimal`,
/// `thousands` and `date_format`. So the styles are guessed from the text cells alone, and number and date
/// cells are then written in those styles (dates as `yyyy-MM-dd` when no text date says otherwise).
enum WorkbookSample {
    /// Data rows read per sheet; a longer sheet is sampled by its first rows.
    static let maxRows = 20_000
    /// Rows looked at for the header.
    static let headerWindow = 30

    struct Sheet {
        var origin: SheetOrigin
        var table: SampledTable
    }

    /// The sheets of the workbook at `path` that have a header, or why it cannot be read; sheets without
    /// any value are listed in `empty`.
    static func read(_ path: String) -> (sheets: [Sheet], empty: [String], error: String?) {
        do throws(WorkbookError) {
            let book = try Workbook(path: path)
            var out: [Sheet] = []
            var empty: [String] = []
            for (k, sheet) in book.sheets.enumerated() {
                let reader = try book.rows(of: sheet)
                var rows: [Row] = []
                var complete = true
                while try reader.next() {
                    if rows.count >= maxRows + headerWindow { complete = false; break }
                    rows.append(Row(reader))
                }
                guard let sampled = table(rows, complete: complete, sheet: sheet.name, index: k, count: book.sheets.count) else {
                    empty.append(sheet.name)
                    continue
                }
                out.append(sampled)
            }
            return (out, empty, nil)
        } catch {
            return ([], [], error.description)
        }
    }

    /// One row's cells: column, kind, text and the day of a date cell.
    struct Row {
        var number: Int
        var cells: [(column: Int, kind: CellKind, text: String, day: Day?, value: Double?)]

        init(_ r: SheetReader) {
            number = r.rowNumber
            cells = []
            guard !r.isOversized, !r.hasTooManyCells else { return }
            for c in 0..<r.width where r.kind(c) != .empty {
                let kind = r.kind(c)
                let value = r.number(c)
                var day: Day?
                if kind == .date, let value { day = ExcelDate.day(serial: value, date1904: r.date1904) }
                if kind == .isoDate { day = Day(iso: r.string(c).prefix(10)) }
                cells.append((c, kind, r.string(c), day, value))
            }
        }

        var textCount: Int { cells.filter { $0.kind == .text }.count }
        var isAllText: Bool { cells.allSatisfy { $0.kind == .text } }
    }

    /// The header: the first of the first rows with at least two values, all of them text, and at least
    /// three quarters as many values as the widest of the ten rows after it (so that a title block of one
    /// or two cells, "Kampagnenkalender 2026" / "Erstellt von: M. Muster", is passed over). Without such a row, the
    /// first non-empty row, as the build takes by default.
    static func headerIndex(_ rows: [Row]) -> Int? {
        guard !rows.isEmpty else { return nil }
        for k in rows.indices.prefix(headerWindow) {
            let r = rows[k]
            guard r.textCount >= 2, r.isAllText else { continue }
            let below = rows[(k + 1)..<min(rows.count, k + 11)].map(\.cells.count).max() ?? 0
            if r.cells.count * 4 >= below * 3 { return k }
        }
        return 0
    }

    private static func table(_ rows: [Row], complete: Bool, sheet: String, index: Int, count: Int) -> Sheet? {
        guard let h = headerIndex(rows) else { return nil }
        let headerRow = rows[h]
        let width = (headerRow.cells.map(\.column).max() ?? -1) + 1
        guard width > 0 else { return nil }
        var header = [String](repeating: "", count: width)
        for c in headerRow.cells { header[c.column] = c.text }
        let data = Array(rows[(h + 1)...].prefix(maxRows))

        // The styles of the text cells.
        let months = DatePattern.MonthTable()
        var fits: [Int: DateColumnFit] = [:]
        var numeric: [[String]] = []
        let patterns = DateStyle.candidates.map { ($0, $0.compiled) }
        for c in 0..<width {
            var texts = data.compactMap { r in r.cells.first { $0.column == c && $0.kind == .text }?.text }
            // Beside date cells, a text that is a date in no style ("bald", "TBD") says nothing about the
            // style of the dates typed as text, and is rejected by the build anyway.
            if data.contains(where: { r in r.cells.contains { $0.column == c && ($0.kind == .date || $0.kind == .isoDate) } }) {
                texts = texts.filter { v in patterns.contains { $0.0.parse(v, pattern: $0.1, months: months) != nil } }
            }
            if let fit = DateColumnFit.fit(texts, months: months) { fits[c] = fit } else { numeric.append(texts) }
        }
        let dates = fits.isEmpty ? nil : DateStyleGuess.guess(fits: fits)
        let numbers = NumberStyleGuess.guess(columns: numeric).style
        let dateStyle = dates?.style ?? DateStyleGuess.iso
        let padded = dates?.padded ?? true

        var out: [[String]] = []
        for r in data {
            var row = [String](repeating: "", count: width)
            for c in r.cells where c.column < width {
                switch c.kind {
                case .date, .isoDate:
                    row[c.column] = c.day.map { dateStyle.format($0, padded: padded) } ?? c.text
                case .number:
                    row[c.column] = c.value.map { numbers.format($0) } ?? c.text
                default:
                    row[c.column] = c.text
                }
            }
            out.append(row)
        }
        let titles = rows[..<h]
        let origin = SheetOrigin(name: sheet, index: index, sheetCount: count, headerRow: headerRow.number,
                                 titleRows: titles.map(\.number), title: titles.first?.cells.first?.text, textDates: dates != nil)
        return Sheet(origin: origin, table: SampledTable(header: header, rows: out, delimiter: 0, quoted: false, isComplete: complete))
    }
}
