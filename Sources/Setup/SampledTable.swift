import Ingest
import ScorecardCore

/// The header and the sampled rows of one file, read with the scorecard's own CSV reader in the
/// detected encoding and delimiter.
struct SampledTable: Sendable {
    var header: [String]
    /// Data rows with as many fields as the header (a trailing empty field is dropped; shorter rows are
    /// padded with empty values), in file order: the head's rows, then each block's.
    var rows: [[String]]
    /// The delimiter, one ASCII byte.
    var delimiter: UInt8
    /// Whether any value in the sample is quoted.
    var quoted: Bool
    /// Whether every row of the file is in `rows`.
    var isComplete: Bool

    /// The delimiters tried, in the order ties are broken.
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Picks the delimiter that splits the header into the most columns while splitting the rows of the
    /// head into the same number of fields (a decimal comma in a `;` file splits rows unevenly, so `,`
    /// loses there).
    static func detectDelimiter(_ head: [UInt8], encoding: CSVDialect.Encoding) -> UInt8 {
        let probe = Array(head.prefix(256 << 10))
        var best: (delimiter: UInt8, consistency: Double, columns: Int)?
        for d in delimiters {
            let counts = fieldCounts(probe, delimiter: d, encoding: encoding, limit: 500)
            guard let h = counts.first, h >= 2 else { continue }
            let rows = counts.dropFirst()
            let consistent = rows.isEmpty ? 1 : Double(rows.filter { $0 == h || $0 == h + 1 }.count) / Double(rows.count)
            if let b = best, (b.consistency, b.columns) >= (consistent, h) { continue }
            best = (d, consistent, h)
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    private static func fieldCounts(_ bytes: [UInt8], delimiter: UInt8, encoding: CSVDialect.Encoding, limit: Int) -> [Int] {
        let reader = CSVReader(bytes: bytes, delimiter: delimiter, encoding: encoding)
        var counts: [Int] = []
        while counts.count < limit, (try? reader.next()) == true { counts.append(reader.fieldCount) }
        return counts
    }

    /// Parses the sample; `nil` when it has no header line.
    static func parse(_ sample: FileSample, encoding: CSVDialect.Encoding, delimiter: UInt8) -> SampledTable? {
        let headReader = CSVReader(bytes: sample.head, delimiter: delimiter, encoding: encoding)
        guard (try? headReader.next()) == true else { return nil }
        var header = (0..<headReader.fieldCount).map { headReader.string($0) }
        // A trailing delimiter on the header line adds a nameless column.
        while header.count > 1, header.last == "" { header.removeLast() }
        var rows: [[String]] = []
        collect(headReader, width: header.count, into: &rows)
        for block in sample.blocks {
            var blockRows: [[String]] = []
            let reader = CSVReader(bytes: block, delimiter: delimiter, encoding: encoding)
            let total = collect(reader, width: header.count, into: &blockRows)
            // A block that starts inside a quoted field splits wrongly: most of its rows have the wrong width.
            if total > 0, blockRows.count * 2 >= total { rows += blockRows }
        }
        let quoted = sample.head.contains(UInt8(ascii: "\"")) || sample.blocks.contains { $0.contains(UInt8(ascii: "\"")) }
        return SampledTable(header: header, rows: rows, delimiter: delimiter, quoted: quoted, isComplete: sample.isComplete)
    }

    /// Appends the reader's remaining records that fit the header; returns how many records it read.
    @discardableResult
    private static func collect(_ reader: CSVReader, width: Int, into rows: inout [[String]]) -> Int {
        var total = 0
        while (try? reader.next()) == true {
            total += 1
            var n = reader.fieldCount
            // A trailing delimiter adds an empty field.
            while n > width, reader.field(n - 1).isEmpty { n -= 1 }
            guard n == width || (n < width && n > width / 2) else { continue }
            var row = (0..<n).map { reader.string($0) }
            while row.count < width { row.append("") }
            rows.append(row)
        }
        return total
    }
}
