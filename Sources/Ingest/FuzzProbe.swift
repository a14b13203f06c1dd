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

    /// Whether `date_format` accepts `pattern`.
    public static func isDatePattern(_ pattern: String) -> Bool { DatePattern(pattern) != nil }
}
