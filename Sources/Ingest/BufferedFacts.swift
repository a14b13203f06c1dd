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
    var stats: [FileStats] = []
    var rejections: [Rejection] = []
    var problems: [Diagnostic] = []

    init(source: SourceName) { self.source = source }
}
