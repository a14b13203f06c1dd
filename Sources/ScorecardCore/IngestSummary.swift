/// What ingestion read: per source and file, rows read, rejected and ignored, and every rejected row.
public struct IngestSummary: Sendable, Equatable {
    public var asOf: Day
    /// Only the sources that were present, in `SourceName` order.
    public var sources: [SourceStats]
    /// Every rejected row, in source order then file and line order.
    public var rejections: [Rejection]
    /// The reported weeks and months.
    public var window: ReportWindow
    /// Per source, the used rows dated before the report window (only sources that have some).
    public var earlyRows: [EarlyRows]
    /// The order row the as-of date was taken from, when it was not given.
    public var asOfRow: SourceLocation?
    /// What the user should know although the build succeeds (rows before the report window, a future
    /// as-of date): printed on stderr and noted on the data-quality page.
    public var warnings: [Diagnostic]

    public init(asOf: Day, sources: [SourceStats], rejections: [Rejection], window: ReportWindow? = nil,
                earlyRows: [EarlyRows] = [], asOfRow: SourceLocation? = nil, warnings: [Diagnostic] = []) {
        self.asOf = asOf
        self.sources = sources
        self.rejections = rejections
        self.window = window ?? ReportWindow(firstOrder: nil, asOf: asOf, maxWeeks: 260)
        self.earlyRows = earlyRows
        self.asOfRow = asOfRow
        self.warnings = warnings
    }
}

extension IngestSummary {
    /// How many rejected rows of a source over `max_rejected_share` are printed with the failure.
    public static let rejectedRowsShownOnFailure = 20

    /// The warnings about rows before the report window that look like mistakes: a small share of their
    /// source, or decades before the as-of date (history is only noted on the data-quality page).
    public static func earlyRowWarnings(_ early: [EarlyRows], sources: [SourceStats], asOf: Day, window: ReportWindow) -> [Diagnostic] {
        let used = Dictionary(sources.map { ($0.source, $0.used) }, uniquingKeysWith: +)
        return early.filter { $0.isLikelyMistake(usedRows: used[$0.source] ?? 0, asOf: asOf) }.map { $0.warning(window: window) }
    }

    /// The problems that fail a build (exit 2) when a source rejects more than `maxShare` of its rows:
    /// the first rejected rows of the source (nothing is published, so they go to stderr), then the count.
    public func rejectedShareProblems(maxShare share: Double) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for s in sources where s.rows > 0 && Double(s.rejected) / Double(s.rows) > share {
            let rows = rejections.filter { $0.location.source == s.source }
            for r in rows.prefix(Self.rejectedRowsShownOnFailure) {
                problems.append(Diagnostic("rejected row: \(r.reason.rawValue): \(r.detail)", at: r.location))
            }
            let more = rows.count > Self.rejectedRowsShownOnFailure ? " (the first \(Self.rejectedRowsShownOnFailure) are listed above)" : " (listed above)"
            problems.append(Diagnostic(
                "\(s.source) rejected \(s.rejected) of \(s.rows) rows, more than max_rejected_share \(share)\(more)",
                at: SourceLocation(file: s.files.map(\.path).joined(separator: ", "), source: s.source)))
        }
        return problems
    }
}

public struct SourceStats: Sendable, Equatable {
    public var source: SourceName
    public var files: [FileStats]
    public var rows: Int { files.reduce(0) { $0 + $1.rows } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var ignoredAfterAsOf: Int { files.reduce(0) { $0 + $1.ignoredAfterAsOf } }
    /// `rows − rejected − ignoredAfterAsOf`.
    public var used: Int { rows - rejected - ignoredAfterAsOf }

    public init(source: SourceName, files: [FileStats]) {
        self.source = source
        self.files = files
    }
}

public struct FileStats: Sendable, Equatable {
    /// As given to the build (relative to the data folder where it was found there).
    public var path: String
    /// Data rows read, header not counted.
    public var rows: Int
    public var rejected: Int
    public var ignoredAfterAsOf: Int

    public init(path: String, rows: Int = 0, rejected: Int = 0, ignoredAfterAsOf: Int = 0) {
        self.path = path
        self.rows = rows
        self.rejected = rejected
        self.ignoredAfterAsOf = ignoredAfterAsOf
    }
}

/// A row left out of every KPI, and why.
public struct Rejection: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case emptyField = "empty required field"
        case badNumber = "number does not parse"
        case badDate = "date does not parse"
        case negative = "negative quantity, price or cost"
        case endBeforeStart = "end_date before start_date"
        case notMonday = "week_start is not a Monday"
        case duplicateKey = "duplicate key"
        case unknownProduct = "sku not in products"
        case unknownOrderLine = "order line not in orders"
        case unknownPurchaseOrderLine = "PO line not in purchase_orders"
        case unknownCampaign = "campaign_id not in campaigns"
        case unknownCategory = "category no product has"
        case skuAndCategory = "both or neither of sku and category"
        case wrongFieldCount = "wrong number of fields"
        /// Longer than the CSV reader's limit (1 MiB): skipped without being split into fields.
        case tooLong = "row too long"
    }

    public var location: SourceLocation
    public var reason: Reason
    /// The offending value or a short explanation, e.g. `order_date "Date Not Captured"`.
    public var detail: String

    public init(location: SourceLocation, reason: Reason, detail: String) {
        self.location = location
        self.reason = reason
        self.detail = detail
    }
}
