import Foundation
import Ingest
import Logging
import Metrics
import ScorecardCore

/// One `scorecard check`: the configure, ingest and metrics steps of a build, without rendering,
/// validating or publishing; takes no lock and writes nothing.
///
/// For a data pipeline's CI before the weekly build: it fails (exit status 2) exactly where a build
/// would fail on the inputs or the configuration, and otherwise summarises what was read.
public struct Check: Sendable {
    public var options: BuildOptions
    public var logger: Logger

    public init(options: BuildOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Reads every source and computes every figure.
    /// - Returns: per source, files, row counts, date range and the top rejection reasons; the as-of
    ///   date and the report window.
    public func run() throws -> CheckSummary {
        let steps = PipelineSteps(logger: logger)
        let settings = try steps.step("configure") { try BuildSettings.resolve(options) }
        defer { if let folder = settings.temporaryDirectory { try? FileManager.default.removeItem(atPath: folder) } }
        var sink = DateRangeSink(MetricsAccumulator(config: settings.config))
        // The same warnings as a build (rows before the report window, an as-of date in the future); not the
        // build's settings warnings, which are about the site (e-mailed links).
        let ingest = try steps.ingest(settings, into: &sink, today: options.today)
        let report = steps.step("metrics") { sink.wrapped.finish(asOf: ingest.asOf) }
        return CheckSummary(ingest: ingest, report: report, dateRanges: sink.ranges, asOfGiven: settings.config.asOf != nil)
    }
}
