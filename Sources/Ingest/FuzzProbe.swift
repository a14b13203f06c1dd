import ScorecardCore

/// Narrow entry points for the fuzzers in Fuzz/ (a separate package): the reader, number parser and date
/// patterns stay internal, so that their byte-level interfaces can change freely, and nothing here is on
/// a hot path.
public enum FuzzProbe {
    /// One record as the reader gives it.
    public struct Record: Equatable, Sendable {
        /// Physical line the record starts on.
        public var line: Int
        /// Fields, trimmed and unescaped; empty when the record is longer than the reader's limit.
        public var fields: [[UInt8]]
        /// The record was longer than the limit and skipped without being split into fields.
        public var isOversized: Bool
    }

    /// Every record of `path`, or the reader's failure (as text) after the records read before it.
    /// - Parameters:
    ///   - chunkSize: bytes per `read(2)`; `nil` for the reader's default (2 MiB).
    ///   - maxRecordBytes: the longest record split into fields; `nil` for the reader's default (1 MiB).
    public static func records(path: String, dialect: CSVDialect, chunkSize: Int? = nil,
                               maxRecordBytes: Int? = nil) -> (records: [Record], failure: String?) {
        var out: [Record] = []
        do {
            let reader = try CSVReader(path: path, delimiter: dialect.delimiter, encoding: dialect.encoding,
                                       chunkSize: chunkSize ?? CSVReader.defaultChunkSize,
                                       maxRecordBytes: maxRecordBytes ?? CSVReader.maxRecordBytes)
            while try reader.next() {
                let fields = (0..<reader.fieldCount).map { Array(reader.field($0)) }
                out.append(Record(line: reader.line, fields: fields, isOversized: reader.isOversized))
            }
            return (out, nil)
        } catch {
            return (out, "\(error)")
        }
    }

    /// The number a trimmed field holds in this dialect, or `nil`.
    public static func number(_ bytes: [UInt8], decimal: UInt8, thousands: UInt8?) -> Double? {
        let parser = NumberParser(decimal: decimal, thousands: thousands)
        return bytes.withUnsafeBufferPointer { parser.parse($0) }
    }

    /// The date a trimmed field holds under `pattern`, or `nil` (also when the pattern is not accepted).
    public static func date(_ bytes: [UInt8], pattern: String) -> Day? {
        guard let p = DatePattern(pattern) else { return nil }
        return bytes.withUnsafeBufferPointer { p.parse($0, months: months) }
    }

    /// Built once: `DatePattern.parse(_:)` builds a table per call.
    private static let months = DatePattern.MonthTable()

    /// One row of a sheet as the workbook reader gives it.
    public struct SheetRow: Equatable, Sendable {
        /// The sheet row number.
        public var number: Int
        /// Per column up to the last value: the cell's kind (`CellKind` raw value) and text.
        public var cells: [(kind: UInt8, text: [UInt8])]
        public var isOversized: Bool
        public var hasTooManyCells: Bool

        public static func == (a: SheetRow, b: SheetRow) -> Bool {
            a.number == b.number && a.isOversized == b.isOversized && a.hasTooManyCells == b.hasTooManyCells
                && a.cells.count == b.cells.count && zip(a.cells, b.cells).allSatisfy { $0.kind == $1.kind && $0.text == $1.text }
        }
    }

    /// Every row of every sheet of the workbook at `path` (its sheet names first), or the reader's error (as
    /// text) after what was read before it.
    public static func workbook(path: String) -> (sheets: [String], rows: [[SheetRow]], failure: String?) {
        var names: [String] = []
        var out: [[SheetRow]] = []
        do throws(WorkbookError) {
            let book = try Workbook(path: path)
            names = book.sheets.map(\.name)
            for sheet in book.sheets {
                out.append([])
                let reader = try book.rows(of: sheet)
                while try reader.next() {
                    let cells = (0..<reader.width).map { (reader.kind($0).rawValue, Array(reader.field($0))) }
                    out[out.count - 1].append(SheetRow(number: reader.rowNumber, cells: cells, isOversized: reader.isOversized,
                                                       hasTooManyCells: reader.hasTooManyCells))
                }
            }
            return (names, out, nil)
        } catch {
            return (names, out, error.description)
        }
    }

    /// A number written as the workbook reader writes number cells.
    public static func shortestDecimal(_ value: Double) -> String { ShortestDecimal.text(value) }

    /// Whether `date_format` accepts `pattern`.
    public static func isDatePattern(_ pattern: String) -> Bool { DatePattern(pattern) != nil }
}
