#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardCore

/// A streaming RFC 4180 reader over a file's bytes.
///
/// Why hand-written rather than a CSV library: exports reach tens of millions of rows, and the libraries
/// available (CSV.swift, SwiftCSV) build a `String` per field (SwiftCSV loads the whole file first): on a
/// 200 MB orders export CSV.swift 2.5.2 tokenizes about 20 MB/s, this reader about 1 GB/s, and the whole
/// of orders ingestion (numbers, dates, keys, validation) runs above 200 MB/s on one core
/// (Benchmarks/run-reader.sh). This reader reads the file in large chunks
/// with `read(2)`, tokenizes bytes, and exposes each field as a byte range into its buffer, so numbers,
/// dates and keys are parsed from bytes and a `String` is made only for values that are kept. It also
/// knows the physical line each record starts on, which rejections must name, and reports the two
/// fatal problems (invalid encoding, unterminated quote) with file and line.
///
/// Dialect: any single-byte delimiter; quotes open a field only at its start (after spaces), `""` inside
/// quotes is a quote, delimiters and line breaks inside quotes are data; LF, CRLF (and a lone CR) end a
/// record; the final line break is optional; a UTF-8 byte-order mark is skipped; windows-1252 input is
/// transcoded to UTF-8 chunk by chunk; values are trimmed of white space; empty lines are skipped.
///
/// Bounded memory: a record (one row, with any line breaks inside quotes) longer than `maxRecordBytes`
/// (1 MiB of UTF-8 by default) is not split into fields: the reader skips to its end without keeping it
/// and reports it as `isOversized`, so a 50 MB field or a line of ten million delimiters costs a scan, not
/// memory (the buffer stays at most 4 MiB, the field table at most one entry per byte of the limit).
/// Whether a record is oversized depends on its length alone, never on where chunks fall.
package final class CSVReader {
    package enum Failure: Error, Equatable {
        case cannotOpen(String)
        case invalidEncoding(line: Int)
        case unterminatedQuote(line: Int)
    }

    let delimiter: UInt8
    let encoding: CSVDialect.Encoding
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var length = 0
    private var position = 0
    private var eof = false
    private var atFileStart = true
    private var raw: UnsafeMutablePointer<UInt8>?
    private let rawCapacity: Int
    /// The least free space a refill reads into.
    private let minimumRead: Int

    /// Field `k` of the current record is `buffer[starts[k]..<ends[k]]` (trimmed, unescaped).
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var quoted: UnsafeMutablePointer<Bool>
    private var fieldCapacity = 64
    /// Number of fields of the current record.
    package private(set) var fieldCount = 0
    /// Physical line (1-based) the current record starts on.
    package private(set) var line = 0
    private var nextLine = 1
    /// Bytes consumed so far, for throughput and progress.
    private(set) var bytesRead = 0
    /// Whether records are checked for invalid UTF-8: always for UTF-8 input; for windows-1252 once a byte
    /// without a character has been transcoded (as 0xFF).
    private var validates: Bool
    /// The current record is longer than `recordLimit` bytes: it has no fields (`fieldCount` is 0).
    package private(set) var isOversized = false
    /// The longest record split into fields, in bytes of UTF-8 without its line break.
    let recordLimit: Int

    /// The default `read(2)` size.
    static let defaultChunkSize = 1 << 21
    /// The default `recordLimit`: far above any real row, and the reader's buffer stays a few MiB.
    static let maxRecordBytes = 1 << 20

    /// Opens `path` for reading.
    /// - Parameter chunkSize: bytes per `read(2)`; large so that each call amortises over many records.
    /// - Parameter maxRecordBytes: records longer than this are skipped and reported as `isOversized`.
    package init(path: String, delimiter: UInt8, encoding: CSVDialect.Encoding, chunkSize: Int = CSVReader.defaultChunkSize,
         maxRecordBytes: Int = CSVReader.maxRecordBytes) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        self.fd = fd
        self.delimiter = delimiter
        self.encoding = encoding
        self.recordLimit = max(maxRecordBytes, 1)
        self.validates = encoding == .utf8
        // windows-1252 expands to at most 3 UTF-8 bytes per byte.
        let chunkSize = max(chunkSize, 3)
        // At least 3, so that the first read can hold a whole byte-order mark.
        self.rawCapacity = encoding == .windows1252 ? max(chunkSize / 3, 3) : 0
        self.minimumRead = encoding == .windows1252 ? rawCapacity * 3 : chunkSize / 2
        self.capacity = chunkSize
        self.buffer = .allocate(capacity: chunkSize)
        if encoding == .windows1252 { raw = .allocate(capacity: rawCapacity) }
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        quoted = .allocate(capacity: fieldCapacity)
    }

    /// Reads records from bytes already in memory (a sample of a file, for `scorecard init`), transcoding
    /// windows-1252 up front; a UTF-8 byte-order mark at the start is skipped. The bytes are taken as the
    /// whole input: a record cut off at their end is returned as it is.
    package init(bytes: [UInt8], delimiter: UInt8, encoding: CSVDialect.Encoding) {
        fd = -1
        self.delimiter = delimiter
        self.encoding = encoding
        recordLimit = CSVReader.maxRecordBytes
        // Undefined windows-1252 bytes became U+FFFD, so only UTF-8 input can be invalid.
        validates = encoding == .utf8
        rawCapacity = 0
        minimumRead = 0
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        var decoded: [UInt8] = []
        if encoding == .windows1252 {
            decoded.reserveCapacity(input.count)
            for c in input {
                if c < 0x80 { decoded.append(c); continue }
                // An undefined byte becomes U+FFFD, so a sample is always readable; sniffing decides the encoding.
                let u = Windows1252.scalar(c)
                decoded.append(contentsOf: String(Unicode.Scalar(u == 0 ? 0xFFFD : u).map(Character.init) ?? "\u{FFFD}").utf8)
            }
        } else {
            decoded = Array(input)
        }
        capacity = max(decoded.count, 1)
        buffer = .allocate(capacity: capacity)
        buffer.initialize(from: decoded, count: decoded.count)
        length = decoded.count
        eof = true
        atFileStart = false
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        quoted = .allocate(capacity: fieldCapacity)
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
        raw?.deallocate()
        starts.deallocate()
        ends.deallocate()
        quoted.deallocate()
    }

    /// The bytes of field `k` (trimmed; quotes removed); empty when the record has fewer fields.
    @inline(__always)
    package func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        guard k < fieldCount else { return UnsafeBufferPointer(start: buffer, count: 0) }
        return UnsafeBufferPointer(start: buffer + starts[k], count: ends[k] - starts[k])
    }

    /// Field `k` as a `String`, for values that are kept or shown.
    package func string(_ k: Int) -> String { String(decoding: field(k), as: UTF8.self) }

    /// Advances to the next non-empty record; `false` at the end of the file.
    package func next() throws(Failure) -> Bool {
        isOversized = false
        while true {
            if position >= length {
                if eof { return false }
                try fill()
                continue
            }
            switch try tokenize() {
            case .needMore:
                // The unfinished record already holds more than the limit (its last byte may be a CR
                // waiting for an LF): skip the rest instead of growing the buffer for it.
                if length - position > recordLimit + 1 {
                    try skipOversizedRecord()
                    return true
                }
                try fill()
            case .record:
                if fieldCount == 1, starts[0] == ends[0], !quoted[0] { continue }  // an empty line
                return true
            case .tooLong:
                try skipOversizedRecord()
                return true
            }
        }
    }

    private enum Outcome { case record, needMore, tooLong }

    /// Splits the record at `position` into fields, or asks for more bytes when it is not complete yet
    /// (the whole record is then tokenized again after the refill: simpler than resumable state, and a
    /// record straddles a chunk boundary only once per chunk).
    @inline(__always)
    private func tokenize() throws(Failure) -> Outcome {
        let b = buffer
        let n = length
        let delim = delimiter
        var i = position
        var k = 0
        var newlinesInQuotes = 0
        var recordEnd = 0
        var next = 0
        fields: while true {
            if k == fieldCapacity {
                // More fields than fit, and the record is already over the limit: no need for room for them.
                if i - position > recordLimit { return .tooLong }
                growFields()
            }
            // Leading spaces, then maybe an opening quote.
            var j = i
            while j < n, b[j] == 32 || (b[j] == 9 && delim != 9) { j += 1 }
            var isQuoted = false
            if j < n, b[j] == UInt8(ascii: "\"") {
                isQuoted = true
                j += 1
                while true {
                    while j < n, b[j] != UInt8(ascii: "\"") {
                        if b[j] == 10 { newlinesInQuotes += 1 }
                        j += 1
                    }
                    if j >= n {
                        if eof { throw .unterminatedQuote(line: nextLine) }
                        return .needMore
                    }
                    if j + 1 < n, b[j + 1] == UInt8(ascii: "\"") { j += 2; continue }
                    if j + 1 >= n, !eof { return .needMore }
                    j += 1
                    break
                }
            } else if j >= n, !eof {
                return .needMore
            }
            starts[k] = i
            quoted[k] = isQuoted
            // The rest of the field, unquoted.
            while j < n {
                let c = b[j]
                if c == delim {
                    ends[k] = j
                    k += 1
                    i = j + 1
                    continue fields
                }
                if c == 10 {
                    ends[k] = j; k += 1
                    recordEnd = j; next = j + 1
                    break fields
                }
                if c == 13 {
                    if j + 1 >= n, !eof { return .needMore }
                    ends[k] = j; k += 1
                    recordEnd = j
                    next = (j + 1 < n && b[j + 1] == 10) ? j + 2 : j + 1
                    break fields
                }
                j += 1
            }
            if !eof { return .needMore }
            ends[k] = j; k += 1
            recordEnd = j; next = j
            break fields
        }
        if recordEnd - position > recordLimit {
            // Too long, although it fitted in the buffer this time: the same outcome as when it did not.
            fieldCount = 0
            isOversized = true
            line = nextLine
            nextLine += 1 + newlinesInQuotes
            bytesRead += next - position
            position = next
            return .record
        }
        if validates, let bad = invalidUTF8(from: position, to: recordEnd) {
            var l = nextLine
            for x in position..<bad where b[x] == 10 { l += 1 }
            throw .invalidEncoding(line: l)
        }
        fieldCount = k
        line = nextLine
        nextLine += 1 + newlinesInQuotes
        bytesRead += next - position
        position = next
        for f in 0..<k { finish(f) }
        return .record
    }

    /// Unescapes a quoted field in place (it only shrinks) and trims it.
    @inline(__always)
    private func finish(_ f: Int) {
        var s = starts[f]
        var e = ends[f]
        let b = buffer
        if quoted[f] {
            while b[s] != UInt8(ascii: "\"") { s += 1 }
            var r = s + 1
            var w = s
            var inQuotes = true
            while r < e {
                let c = b[r]
                if inQuotes, c == UInt8(ascii: "\"") {
                    if r + 1 < e, b[r + 1] == UInt8(ascii: "\"") { b[w] = c; w += 1; r += 2; continue }
                    inQuotes = false
                    r += 1
                    continue
                }
                b[w] = c; w += 1; r += 1
            }
            e = w
        }
        // White space: ASCII space, tab, line breaks, vertical tab, form feed, and the no-break space
        // (U+00A0) that spreadsheet exports leave around values.
        while s < e {
            let c = b[s]
            if c == 32 || (c >= 9 && c <= 13) { s += 1; continue }
            if c == 0xC2, s + 1 < e, b[s + 1] == 0xA0 { s += 2; continue }
            break
        }
        while e > s {
            let c = b[e - 1]
            if c == 32 || (c >= 9 && c <= 13) { e -= 1; continue }
            if c == 0xA0, e - 2 >= s, b[e - 2] == 0xC2 { e -= 2; continue }
            break
        }
        starts[f] = s
        ends[f] = e
    }

    private enum SkipState { case fieldStart, unquoted, quoted, quoteSeen, afterCR }

    /// Consumes the record at `position` up to its end, the way `tokenize` would split it (quotes open a
    /// field only at its start; line breaks inside quotes are data), without keeping it: each chunk is
    /// scanned and dropped, so memory stays at the buffer's size whatever the record's length.
    private func skipOversizedRecord() throws(Failure) {
        let delim = delimiter
        let firstLine = nextLine
        var newlinesInQuotes = 0
        var state = SkipState.fieldStart
        var i = position
        scan: while true {
            let b = buffer
            let n = length
            while i < n {
                let c = b[i]
                switch state {
                case .fieldStart:
                    if c == 32 || (c == 9 && delim != 9) { i += 1; continue }
                    if c == UInt8(ascii: "\"") { state = .quoted; i += 1; continue }
                    state = .unquoted  // the same byte again, as the start of unquoted data
                case .quoted:
                    if c == UInt8(ascii: "\"") { state = .quoteSeen } else if c == 10 { newlinesInQuotes += 1 }
                    i += 1
                case .quoteSeen:
                    // `""` is a quote inside the field; anything else follows the closing quote.
                    if c == UInt8(ascii: "\"") { state = .quoted; i += 1 } else { state = .unquoted }
                case .unquoted:
                    i += 1
                    if c == delim { state = .fieldStart } else if c == 10 { break scan } else if c == 13 { state = .afterCR }
                case .afterCR:
                    if c == 10 { i += 1 }
                    break scan
                }
            }
            bytesRead += i - position
            position = i
            if eof {
                if state == .quoted { throw .unterminatedQuote(line: firstLine) }
                break scan
            }
            try fill()
            i = position
        }
        bytesRead += i - position
        position = i
        fieldCount = 0
        isOversized = true
        line = firstLine
        nextLine = firstLine + 1 + newlinesInQuotes
    }

    private func growFields() {
        let c = fieldCapacity * 2
        let s = UnsafeMutablePointer<Int>.allocate(capacity: c); s.update(from: starts, count: fieldCapacity)
        let e = UnsafeMutablePointer<Int>.allocate(capacity: c); e.update(from: ends, count: fieldCapacity)
        let q = UnsafeMutablePointer<Bool>.allocate(capacity: c); q.update(from: quoted, count: fieldCapacity)
        starts.deallocate(); ends.deallocate(); quoted.deallocate()
        starts = s; ends = e; quoted = q
        fieldCapacity = c
    }

    /// Keeps the unread tail, then reads the next chunk behind it (growing the buffer for a record
    /// larger than it).
    private func fill() throws(Failure) {
        if position > 0 {
            let tail = length - position
            if tail > 0 { buffer.update(from: buffer + position, count: tail) }
            length = tail
            position = 0
        }
        let want = minimumRead
        if capacity - length < want {
            let c = max(capacity * 2, length + want)
            let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            nb.update(from: buffer, count: length)
            buffer.deallocate()
            buffer = nb
            capacity = c
        }
        if let raw {
            let space = min(rawCapacity, (capacity - length) / 3)
            let got = atFileStart ? readAtLeast(3, raw, space) : readFully(raw, space)
            if got == 0 { eof = true; return }
            var src = 0
            if atFileStart, got >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { src = 3 }
            atFileStart = false
            var w = length
            for x in src..<got {
                let c = raw[x]
                if c < 0x80 { buffer[w] = c; w += 1; continue }
                let u = Windows1252.scalar(c)
                if u == 0 {
                    // A byte windows-1252 leaves undefined becomes a byte UTF-8 never has, and records are
                    // validated from now on: the record holding it fails like invalid UTF-8 does, on the
                    // same line whatever the chunk size.
                    buffer[w] = 0xFF; w += 1
                    validates = true
                    continue
                }
                if u < 0x800 {
                    buffer[w] = UInt8(0xC0 | (u >> 6)); buffer[w + 1] = UInt8(0x80 | (u & 0x3F)); w += 2
                } else {
                    buffer[w] = UInt8(0xE0 | (u >> 12)); buffer[w + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                    buffer[w + 2] = UInt8(0x80 | (u & 0x3F)); w += 3
                }
            }
            length = w
        } else {
            let got = atFileStart ? readAtLeast(3, buffer + length, capacity - length) : readFully(buffer + length, capacity - length)
            if got == 0 { eof = true; return }
            if atFileStart, got >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            atFileStart = false
            length += got
        }
    }

    /// Reads at least `minimum` bytes (fewer only at the end of the file), so that a byte-order mark is
    /// seen whole whatever the chunk size or the reads' sizes.
    private func readAtLeast(_ minimum: Int, _ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var total = readFully(p, count)
        while total > 0, total < min(minimum, count) {
            let more = readFully(p + total, count - total)
            if more == 0 { break }
            total += more
        }
        return total
    }

    /// Reads until `count` bytes or the end of the file; 0 only at the end.
    private func readFully(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var total = 0
        while total < count {
            let r = read(fd, p + total, count - total)
            if r < 0 {
                if errno == EINTR { continue }
                break
            }
            if r == 0 { break }
            total += r
            // One chunk is enough; a short read is fine as long as something came.
            if total >= count / 2 { break }
        }
        return total
    }

    /// The offset of the first byte that is not valid UTF-8 in `from..<to`, or `nil`.
    @inline(__always)
    private func invalidUTF8(from: Int, to: Int) -> Int? {
        let b = buffer
        var i = from
        // ASCII fast path, eight bytes at a time.
        while i + 8 <= to {
            let w = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < to {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minimum: UInt32 = 0
            var u: UInt32
            if c & 0xE0 == 0xC0 { need = 1; u = UInt32(c & 0x1F); minimum = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; u = UInt32(c & 0x0F); minimum = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; u = UInt32(c & 0x07); minimum = 0x10000 }
            else { return i }
            guard i + need < to else { return i }
            for x in 1...need {
                let cc = b[i + x]
                guard cc & 0xC0 == 0x80 else { return i }
                u = (u << 6) | UInt32(cc & 0x3F)
            }
            guard u >= minimum, u <= 0x10FFFF, !(0xD800...0xDFFF).contains(u) else { return i }
            i += need + 1
        }
        return nil
    }
}
