import Logging
import ScorecardCore

/// Reads every source (docs/inputs.md), validates each row, and streams the used records to a
/// `RecordSink` in the order the sink's documentation gives.
///
/// Rejected rows are collected (never thrown); the build fails with `IngestFailure` only for the
/// problems the spec lists as fatal, all of them gathered first.
public struct Ingestor: Sendable {
    public var config: Config
    /// The folder relative source paths are resolved against.
    public var dataDirectory: String
    public var logger: Logger

    public init(config: Config, dataDirectory: String, logger: Logger) {
        self.config = config
        self.dataDirectory = dataDirectory
        self.logger = logger
    }

    /// Reads every source into `sink`.
    /// - Returns: rows read, rejected and ignored per source and file, every rejection, the as-of date.
    /// - Throws: `IngestFailure` (a user error: exit 2) listing every fatal problem.
    public func run<Sink: RecordSink>(into sink: inout Sink) throws(IngestFailure) -> IngestSummary {
        // Find every source and check every header first, so that all such problems are reported at once
        // and nothing is streamed from a build that cannot succeed.
        var files: [SourceName: [SourceFile]] = [:]
        var problems: [Diagnostic] = []
        for source in SourceName.allCases {
            let (found, lookedFor, primary) = SourceLocator.locate(source, config: config, dataDirectory: dataDirectory)
            if found.isEmpty {
                if source.isRequired {
                    problems.append(Diagnostic("required source \(source) is missing: looked for \(lookedFor)",
                                               at: SourceLocation(file: primary, source: source)))
                }
                continue
            }
            files[source] = found
            problems += SourceScan.checkHeaders(source: source, files: found, config: config, logger: logger)
        }
        if files[.receipts] != nil, files[.purchaseOrders] == nil {
            let found = files[.receipts]?.map(\.display).joined(separator: ", ") ?? "receipts"
            problems.append(Diagnostic("receipts are given without purchase_orders: receipts only count against purchase-order lines, so add the purchase_orders export or remove receipts",
                                       at: SourceLocation(file: found, source: .receipts)))
        }
        if !problems.isEmpty { throw IngestFailure(diagnostics: problems) }

        var run = IngestRun(config: config, files: files, logger: logger)
        return try run.run(into: &sink)
    }
}

/// The build cannot go on because of its inputs (exit status 2).
public struct IngestFailure: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { true }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
