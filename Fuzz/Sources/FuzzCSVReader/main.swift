// The CSV reader on fuzzed files in every dialect: delimiter, encoding, chunk size and record limit come
// from the first bytes, the file from the rest. Invariants:
// - the records (and any failure) do not depend on the chunk size;
// - with a small record limit, every record is the one the default limit gives at the same line, or is
//   reported as oversized there: skipping an oversized record never shifts what follows;
// - every field is valid UTF-8, whatever the encoding.
import FuzzSupport
import Ingest
import ScorecardCore

runFuzzer { data, size in fuzzCSVReader(data, size) }

func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var dialect = CSVDialect()
    let d = input.byte()
    // Mostly the usual delimiters; sometimes any ASCII byte the config accepts.
    let usual: [UInt8] = [44, 59, 9, 124, 32]
    if d < 200 {
        dialect.delimiter = usual[Int(d) % usual.count]
    } else {
        let b = d & 0x7F
        dialect.delimiter = (b == 34 || b == 10 || b == 13) ? 44 : b
    }
    dialect.encoding = input.byte() & 1 == 0 ? .utf8 : .windows1252
    let chunk = 3 + Int(input.byte() % 64)
    let limit = 1 + Int(input.byte())
    let path = FuzzFiles.directory + "/input.csv"
    FuzzFiles.write(input.rest, to: path)

    // A chunk larger than any input reads the file in one go, as the default 2 MiB does (which costs
    // ASan a large allocation per run).
    let whole = 1 << 16
    let small = FuzzProbe.records(path: path, dialect: dialect, chunkSize: chunk, maxRecordBytes: limit)
    let big = FuzzProbe.records(path: path, dialect: dialect, chunkSize: whole, maxRecordBytes: limit)
    sameOutcome(small, big, "chunk \(chunk) against one chunk, limit \(limit)")

    let unlimited = FuzzProbe.records(path: path, dialect: dialect, chunkSize: chunk)
    let unlimitedBig = FuzzProbe.records(path: path, dialect: dialect, chunkSize: whole)
    sameOutcome(unlimited, unlimitedBig, "chunk \(chunk) against one chunk, no limit")
    for record in unlimited.records {
        fuzzCheck(!record.isOversized, "oversized record at line \(record.line) under the default limit")
        for field in record.fields {
            fuzzCheck(String(validating: field, as: UTF8.self) != nil, "invalid UTF-8 in a field at line \(record.line)")
        }
    }
    // Skipping is exact: same records at the same lines, some replaced by an oversized marker (and
    // oversized blank lines, which the unlimited reader skips, reported).
    if small.failure == nil, unlimited.failure == nil {
        var byLine: [Int: FuzzProbe.Record] = [:]
        for r in small.records { byLine[r.line] = r }
        fuzzCheck(byLine.count == small.records.count, "two records start on one line")
        for r in unlimited.records {
            guard let s = byLine[r.line] else { fuzzCheck(false, "no record at line \(r.line) with limit \(limit)"); continue }
            fuzzCheck(s.isOversized || s == r, "record at line \(r.line) differs with limit \(limit)")
            byLine[r.line] = nil
        }
        fuzzCheck(byLine.values.allSatisfy { $0.isOversized && $0.fields.isEmpty }, "records only the limited reader found")
        for s in small.records where !s.isOversized {
            // Whatever is split into fields fits the limit (fields shrink when unquoted and trimmed).
            fuzzCheck(s.fields.reduce(0) { $0 + $1.count } <= limit, "a record over the limit at line \(s.line) was split")
        }
    }
    return 0
}

/// The same records and failure; a reader that failed may have returned fewer records first (a
/// windows-1252 byte without a character is found when its chunk is read).
func sameOutcome(_ a: (records: [FuzzProbe.Record], failure: String?), _ b: (records: [FuzzProbe.Record], failure: String?),
                 _ what: String) {
    fuzzCheck(a.failure == b.failure, "\(what): failure \(a.failure ?? "none") against \(b.failure ?? "none")")
    if a.failure == nil {
        fuzzCheck(a.records == b.records, "\(what): different records")
    } else {
        let n = min(a.records.count, b.records.count)
        fuzzCheck(Array(a.records.prefix(n)) == Array(b.records.prefix(n)), "\(what): different records before the failure")
    }
}
