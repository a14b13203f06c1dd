import Logging
import ScorecardCore

/// What became of one data row.
enum RowOutcome { case used, ignored }

/// Reads the rows of one source across its files as one table: opens each file in turn, maps its
/// header to the canonical columns, counts every row into `FileStats`, and gives typed, validating
/// access to the current row's fields.
///
/// A file may be a CSV file (`CSVReader`) or a sheet of a workbook (`SheetReader`, see
/// `SourceScan+Workbook.swift`): either way a field is a byte range, and a workbook's cells also carry
/// their kind, which decides how a number or a date is read.
///
/// A class rather than a struct: the row accessors are called several times per row, and on a struct
/// held in a `var` each call copied the whole scan (and retained its references).
///
/// Accessors throw a `Rejection` so that a row's checks read top to bottom and the first failing
/// check names the reason.
final class SourceScan {
    let source: SourceName
    let files: [SourceFile]
    let dialect: CSVDialect
    /// Header per canonical column (required columns, then optional ones).
    let headers: [String]
    let canonical: [String]
    let numbers: NumberParser
    let dates: DatePattern
    let logger: Logger
    let config: Config
    /// The canonical indices of the segment dimensions' columns in this source (`segments.D.SOURCE`), after
    /// the source's own columns; in the order of `SegmentsConfig.columns(of:)`.
    let segmentColumns: [Int]
    /// Each distinct tuple of segment values met (one value per column of `segmentColumns`), by tuple id.
    private(set) var segmentTuples: [[String]] = []
    private var segmentTupleKeys = ByteKeyTable(capacity: 64)
    private var segmentTupleBytes: [UInt8] = []

    private(set) var fileIndex = -1
    /// The index in `files` of the file the current row is from.
    var fileNumber: Int { fileIndex }
    private var reader: CSVReader?
    /// `reader` again, for the per-row path to use without reference counting.
    private var current: Unmanaged<CSVReader>?
    /// The open sheet, when the current file is a workbook.
    var sheet: SheetReader?
    /// The open file as locations name it: its display path, and `[Sheet]` after a workbook's.
    var currentDisplay = ""
    /// Per canonical column, the kind of the current row's cell (workbooks only).
    let kinds: UnsafeMutablePointer<CellKind>
    /// Per canonical column, the number of a numeric cell (workbooks only).
    let values: UnsafeMutablePointer<Double>
    /// Rows of the open file, added to its `FileStats` when it is done (one counter, not an array
    /// element, on the per-row path).
    var rowsInFile = 0
    private var headerCount = 0
    /// Field index per canonical column (the 0-based sheet column in a workbook); -1 when an optional
    /// column is absent.
    var columnIndex: [Int] = []
    /// The highest field index a required column needs.
    var lastRequired = 0
    var stats: [FileStats] = []
    private(set) var rejections: [Rejection] = []
    /// Fatal problems: invalid encoding, unterminated quote, unreadable file, missing columns.
    var problems: [Diagnostic] = []
    /// The current row's value per canonical column, gathered once per row: the accessors read it
    /// through a constant pointer, without reference counting or exclusivity checks.
    let row: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    let months = DatePattern.MonthTable()

    init(source: SourceName, files: [SourceFile], config: Config, logger: Logger) {
        self.source = source
        self.files = files
        self.dialect = config.dialect(for: source)
        let mapping = config.sources[source]?.columns ?? [:]
        let segments = config.segments.columns(of: source)
        let own = source.requiredColumns + source.optionalColumns
        canonical = own + segments.map { "segments.\(config.segments.dimensions[$0.dimension].key).\(source)" }
        headers = own.map { mapping[$0] ?? $0 } + segments.map(\.header)
        segmentColumns = Array(own.count..<canonical.count)
        numbers = NumberParser(decimal: dialect.decimal, thousands: dialect.thousands)
        // The config loader has checked the pattern; the default is the fallback for a Config built in code.
        dates = DatePattern(dialect.dateFormat) ?? DatePattern("yyyy-MM-dd")!
        self.logger = logger
        self.config = config
        row = .allocate(capacity: canonical.count)
        row.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: canonical.count)
        kinds = .allocate(capacity: canonical.count)
        kinds.initialize(repeating: .empty, count: canonical.count)
        values = .allocate(capacity: canonical.count)
        values.initialize(repeating: 0, count: canonical.count)
    }

    deinit {
        row.deallocate()
        kinds.deallocate()
        values.deallocate()
    }

    /// Checks that every file opens and has every required column, without reading data rows.
    static func checkHeaders(source: SourceName, files: [SourceFile], config: Config, logger: Logger) -> [Diagnostic] {
        let scan = SourceScan(source: source, files: files, config: config, logger: logger)
        var problems: [Diagnostic] = []
        for k in files.indices {
            scan.problems = []
            _ = scan.open(k)
            problems += scan.problems
        }
        return problems
    }

    /// Opens file `k` and maps its header; `false` (with a problem recorded) when it cannot be used.
    private func open(_ k: Int) -> Bool {
        let file = files[k]
        reader = nil
        current = nil
        sheet = nil
        currentDisplay = file.display
        if file.isWorkbook { return openSheet(k) }
        if let o = config.sources[source], o.sheet != nil || o.headerRow != nil {
            problems.append(Diagnostic("sources.\(source).\(o.sheet != nil ? "sheet" : "header_row") is set, but this file is read as CSV (only .xlsx and .xlsm files are workbooks)",
                                       at: SourceLocation(file: file.display, source: source)))
            return false
        }
        do throws(CSVReader.Failure) {
            let r = try CSVReader(path: file.path, delimiter: dialect.delimiter, encoding: dialect.encoding)
            guard try r.next() else {
                problems.append(Diagnostic("\(source) file is empty: no header line", at: SourceLocation(file: file.display, line: 1, source: source)))
                return false
            }
            if r.isOversized {
                problems.append(Diagnostic("\(source) header line is longer than \(Self.rowLimitText)",
                                           at: SourceLocation(file: file.display, line: r.line, source: source)))
                return false
            }
            var found: [String] = []
            for f in 0..<r.fieldCount { found.append(r.string(f)) }
            guard mapHeader(found, at: SourceLocation(file: file.display, line: r.line, source: source)) else { return false }
            headerCount = r.fieldCount
            reader = r
            current = Unmanaged.passUnretained(r)
            return true
        } catch {
            problems.append(failure(error, file))
            return false
        }
    }

    /// Finds every canonical column among the header's fields; `false` (with a problem) when a required
    /// one is missing. A sheet's header has empty cells between its names, which the problem leaves out.
    func mapHeader(_ found: [String], at location: SourceLocation, inSheet: Bool = false) -> Bool {
        var index: [Int] = []
        var missing: [String] = []
        lastRequired = 0
        for (c, header) in headers.enumerated() {
            let i = found.firstIndex(of: header) ?? -1
            let required = c < source.requiredColumns.count
            // A segment column must be in the header, but a short row reads it as empty: it never rejects
            // a row.
            if i < 0, required || segmentColumns.contains(c) {
                let name = canonical[c]
                missing.append(header == name ? "'\(name)'" : "'\(name)' (header '\(header)')")
            }
            if required { lastRequired = max(lastRequired, i) }
            index.append(i)
        }
        if !missing.isEmpty {
            // Quoted like a rejected value, and only the first headers: the line stays short whatever
            // the header holds.
            let named = inSheet ? found.filter { !$0.isEmpty } : found
            var list = named.prefix(Self.headersListed).map { "'\(Rejection.quoted($0))'" }.joined(separator: ", ")
            if named.count > Self.headersListed { list += " and \(named.count - Self.headersListed) more" }
            problems.append(Diagnostic("\(source) lacks required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); headers found: \(list)",
                                       at: location))
            return false
        }
        columnIndex = index
        return true
    }

    private func failure(_ error: CSVReader.Failure, _ file: SourceFile) -> Diagnostic {
        switch error {
        case .cannotOpen(let why):
            return Diagnostic("cannot read \(source) file: \(why)", at: SourceLocation(file: file.display, source: source))
        case .invalidEncoding(let line):
            return Diagnostic("\(source) file is not valid \(dialect.encoding.rawValue)", at: SourceLocation(file: file.display, line: line, source: source))
        case .unterminatedQuote(let line):
            return Diagnostic("\(source) file ends inside a quoted field that starts on this line", at: SourceLocation(file: file.display, line: line, source: source))
        }
    }

    /// Moves to the next data row that has the right number of fields (rejecting those that do not);
    /// `false` after the last file.
    func next() -> Bool {
        while true {
            if let u = current {
                // Borrowed without retaining it: this runs once per row.
                if u._withUnsafeGuaranteedRef({ advance($0) }) { return true }
                stats[fileIndex].rows += rowsInFile
                rowsInFile = 0
                current = nil
                reader = nil
            } else if let s = sheet {
                if advance(s) { return true }
                stats[fileIndex].rows += rowsInFile
                rowsInFile = 0
                sheet = nil
            }
            fileIndex += 1
            guard fileIndex < files.count else { return false }
            stats.append(FileStats(path: files[fileIndex].display))
            logger.info("reading \(source) from \(files[fileIndex].display)")
            _ = open(fileIndex)
            stats[fileIndex].path = currentDisplay
        }
    }

    /// Reads up to the next usable row of the open file; `false` at its end or on a fatal problem.
    private func advance(_ r: CSVReader) -> Bool {
        do throws(CSVReader.Failure) {
            while try r.next() {
                rowsInFile += 1
                if r.isOversized {
                    count(Rejection(location: SourceLocation(file: files[fileIndex].display, line: r.line, source: source),
                                    reason: .tooLong, detail: "longer than \(Self.rowLimitText), the most a row may hold; not read"))
                    continue
                }
                if r.fieldCount == headerCount || fieldCountIsHarmless(r) {
                    for c in 0..<canonical.count {
                        let i = columnIndex[c]
                        row[c] = i >= 0 ? r.field(i) : UnsafeBufferPointer(start: nil, count: 0)
                    }
                    return true
                }
                let rejection = Rejection(
                    location: SourceLocation(file: files[fileIndex].display, line: r.line, source: source),
                    reason: .wrongFieldCount, detail: "\(r.fieldCount) fields, the header has \(headerCount)")
                count(rejection)
            }
        } catch {
            problems.append(failure(error, files[fileIndex]))
        }
        return false
    }

    /// Headers quoted in a "lacks required columns" problem.
    static let headersListed = 40

    /// The reader's record limit in words.
    static let rowLimitText = "1 MiB (\(CSVReader.maxRecordBytes) bytes)"

    /// Extra fields that are all empty (trailing delimiters, as spreadsheets pad rows), no more of them than
    /// the header has fields, or missing fields that no required column needs, do not make a row
    /// unreadable. A line of a million delimiters is the wrong number of fields.
    private func fieldCountIsHarmless(_ r: CSVReader) -> Bool {
        if r.fieldCount > headerCount {
            if r.fieldCount > 2 * headerCount { return false }
            for f in headerCount..<r.fieldCount where r.field(f).count > 0 { return false }
            return true
        }
        return r.fieldCount > lastRequired
    }

    /// Counts the current row as used or ignored.
    func count(_ outcome: RowOutcome) {
        if outcome == .ignored { stats[fileIndex].ignoredAfterAsOf += 1 }
    }

    /// Counts the current row as rejected.
    func count(_ row: RejectedRow) { count(row.rejection) }

    func count(_ rejection: Rejection) {
        stats[fileIndex].rejected += 1
        rejections.append(rejection)
    }

    // MARK: the current row

    /// The id of the current row's tuple of segment values (0 when the source has no segment column).
    /// Values are compared exactly as read, trimmed; an empty value is a value.
    func segmentTuple() -> Int32 {
        guard !segmentColumns.isEmpty else { return 0 }
        segmentTupleBytes.removeAll(keepingCapacity: true)
        for c in segmentColumns {
            let b = bytes(c)
            // Length-prefixed, so no value can be mistaken for two.
            withUnsafeBytes(of: UInt32(b.count).littleEndian) { segmentTupleBytes.append(contentsOf: $0) }
            segmentTupleBytes.append(contentsOf: b)
        }
        let next = Int32(segmentTuples.count)
        let (id, isNew) = segmentTupleBytes.withUnsafeBufferPointer { segmentTupleKeys.insert($0, value: next) }
        if isNew { segmentTuples.append(segmentColumns.map { string($0) }) }
        return id
    }

    /// Whether an optional column exists in the current file.
    func has(_ c: Int) -> Bool { columnIndex[c] >= 0 }

    /// The trimmed bytes of canonical column `c` (empty when an optional column is absent).
    @inline(__always)
    func bytes(_ c: Int) -> UnsafeBufferPointer<UInt8> { row[c] }

    func string(_ c: Int) -> String { String(decoding: bytes(c), as: UTF8.self) }

    /// The value of column `c` clipped for quoting in a rejection (`Rejection.maxQuotedBytes`): made from
    /// at most that many bytes (plus up to 3 to finish a UTF-8 sequence), whatever the field's size.
    func quoted(_ c: Int) -> String {
        let b = bytes(c)
        let max = Rejection.maxQuotedBytes
        guard b.count > max else { return String(decoding: b, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: b[..<(max + 3)]), as: UTF8.self).clipped(toUTF8: max)
    }

    /// A required value; empty is a rejection.
    @inline(__always)
    func text(_ c: Int) throws(RejectedRow) -> UnsafeBufferPointer<UInt8> {
        let b = bytes(c)
        if b.isEmpty { throw reject(.emptyField, c, "\(canonical[c]) is empty") }
        return b
    }

    /// A required non-negative number.
    @inline(__always)
    func number(_ c: Int) throws(RejectedRow) -> Double {
        let b = try text(c)
        if sheet != nil { return try sheetNumber(c) }
        guard let v = numbers.parse(b) else { throw reject(.badNumber, c) }
        if v < 0 { throw reject(.negative, c) }
        return v
    }

    /// An optional non-negative number: `nil` when empty or absent.
    func optionalNumber(_ c: Int) throws(RejectedRow) -> Double? {
        if bytes(c).isEmpty { return nil }
        return try number(c)
    }

    /// A required date.
    @inline(__always)
    func date(_ c: Int) throws(RejectedRow) -> Day {
        let b = try text(c)
        if sheet != nil { return try sheetDate(c) }
        guard let d = dates.parse(b, months: months) else { throw reject(.badDate, c) }
        return d
    }

    /// Where canonical column `c` of the current row is.
    func location(_ c: Int) -> SourceLocation {
        let i = columnIndex[c]
        return SourceLocation(file: currentDisplay, line: currentLine, column: i >= 0 ? i + 1 : nil,
                              source: source, field: canonical[c], inSheet: sheet != nil)
    }

    /// The physical line of the current row (its row number in a sheet).
    var line: Int32 { Int32(truncatingIfNeeded: currentLine ?? 0) }

    private var currentLine: Int? { reader?.line ?? sheet?.rowNumber }

    /// A rejection of the current row at column `c`, quoting its value unless `detail` is given.
    func reject(_ reason: Rejection.Reason, _ c: Int, _ detail: String? = nil) -> RejectedRow {
        let name = canonical[c]
        let i = columnIndex[c]
        return RejectedRow(rejection: Rejection(
            location: SourceLocation(file: currentDisplay, line: currentLine, column: i >= 0 ? i + 1 : nil,
                                     source: source, field: name, inSheet: sheet != nil),
            reason: reason, detail: detail ?? "\(name) \"\(quoted(c))\""))
    }
}
