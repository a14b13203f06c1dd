import ScorecardCore

/// The records and counts of a source read on another thread (inventory, forecast), handed to the
/// sink afterwards in file order, once the as-of date is known.
///
/// Holding the records costs 16 bytes a row; in exchange these sources, which only need products,
/// are parsed on the second core while orders, deliveries, returns and freight are read.
struct BufferedFacts<Record: Sendable>: Sendable {
    var source: SourceName
    /// Every row that passed its checks, in file order; whether it is after the as-of date is decided on delivery.
    var records: [Record] = []
    /// `records.count` at the end of each file, for counting ignored rows per file.
    var fileEnds: [Int] = []
    /// The physical line of each record, to name it in a warning once the report window is known (the
    /// small inbound sources; the large ones keep only `earliest`).
    var lines: [Int32] = []
    /// Rows dated before the report window, for a source whose window was known while it was read.
    var early = EarlyRowTally()
    /// The earliest-dated row read (its count is meaningless): the one a warning names when some used
    /// rows turn out to be dated before the report window, as it then is one of them.
    var earliest = EarlyRowTally()
    var stats: [FileStats] = []
    var rejections: [Rejection] = []
    var problems: [Diagnostic] = []
    /// Per record, its tuple of segment values, when the source has segment columns (else empty: the
    /// default build keeps nothing more per row); and the tuples by id.
    var segments = CompactIndices()
    var segmentTuples: [[String]] = []
    /// The quantities of `DatedFact` rows that a `Float` would not hold exactly, in row order.
    var exactQuantities: [Double] = []

    init(source: SourceName) { self.source = source }

    /// The segment tuple of record `i`.
    @inline(__always) func segment(_ i: Int) -> Int32 { segments.isEmpty ? 0 : segments[i] }
}

/// A buffered row of a dated fact about a product (an inventory snapshot, a forecast week): 12 bytes,
/// made into its record when it is delivered.
///
/// The quantity is kept as a `Float` when that is exact (every whole number up to 2^24 and the usual
/// halves and quarters); any other quantity is kept exactly, as a `Double`, in the buffer's
/// `exactQuantities`, in row order, and the row holds a negative marker (quantities are never negative).
struct DatedFact: Sendable {
    var day: Day
    var product: Int32
    fileprivate var compact: Float

    fileprivate static var exactElsewhere: Float { -1 }
}

extension BufferedFacts where Record == DatedFact {
    /// Appends a row of a non-negative `quantity`.
    @inline(__always)
    mutating func append(day: Day, product: Int32, quantity: Double) {
        let f = Float(quantity)
        if Double(f) == quantity {
            records.append(DatedFact(day: day, product: product, compact: f))
        } else {
            records.append(DatedFact(day: day, product: product, compact: DatedFact.exactElsewhere))
            exactQuantities.append(quantity)
        }
    }

    /// The exact quantity of `fact`, the next record in row order; `cursor` (from 0) counts the
    /// quantities kept elsewhere so far.
    @inline(__always)
    func quantity(of fact: DatedFact, cursor: inout Int) -> Double {
        if fact.compact >= 0 { return Double(fact.compact) }
        defer { cursor += 1 }
        return exactQuantities[cursor]
    }
}

extension BufferedFacts {
    /// Before a row of `scan` is kept: closes the files the scan has moved past.
    mutating func enterRow(of scan: SourceScan) {
        while fileEnds.count < scan.fileNumber { fileEnds.append(records.count) }
    }

    /// After the scan's last row: closes the remaining files and takes its counts, rejections and problems.
    mutating func close(_ scan: SourceScan) {
        while fileEnds.count < scan.files.count { fileEnds.append(records.count) }
        stats = scan.stats
        rejections = scan.rejections
        problems = scan.problems
        segmentTuples = scan.segmentTuples
    }

    /// Keeps the current row's segment tuple beside the record just appended, when the source has
    /// segment columns.
    mutating func noteSegment(of scan: SourceScan) {
        if !scan.segmentColumns.isEmpty { segments.append(scan.segmentTuple()) }
    }

    /// `count` rows dated before the report window, named by the earliest row read.
    func earliestRows(count: Int) -> EarlyRowTally {
        var tally = earliest
        tally.count = count
        return tally
    }

    /// Where record `i` (of file `f`) is, for a warning.
    func location(record i: Int, file f: Int, field: String) -> SourceLocation {
        SourceLocation(file: f < stats.count ? stats[f].path : "\(source)", line: i < lines.count ? Int(lines[i]) : nil,
                       source: source, field: field)
    }
}
