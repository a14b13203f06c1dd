import ScorecardCore

/// Runs the CSV reader alone over a file, for the benchmark in Benchmarks/ (the reader itself stays
/// internal so that its byte-level interface can change freely).
public enum ReaderProbe {
    /// Tokenizes every record of `path` and touches every field.
    /// - Returns: records (header included), fields, and the total length of the fields' bytes.
    public static func tokenize(path: String, dialect: CSVDialect = CSVDialect()) throws -> (records: Int, fields: Int, fieldBytes: Int) {
        let reader = try CSVReader(path: path, delimiter: dialect.delimiter, encoding: dialect.encoding)
        var records = 0, fields = 0, bytes = 0
        while try reader.next() {
            records += 1
            fields += reader.fieldCount
            for k in 0..<reader.fieldCount { bytes += reader.field(k).count }
        }
        return (records, fields, bytes)
    }
}
