import Engine
import Foundation
import Ingest
import Logging
import Metrics
import ScorecardCore

/// The named steps `build` and `check` share: a failing step's error carries the step's name, and the
/// ingest step adds the warnings every run prints.
struct PipelineSteps {
    var logger: Logger

    func step<T>(_ name: String, _ body: () throws -> T) throws -> T {
        logger.debug("step \(name)")
        do {
            return try body()
        } catch let failure as any ScorecardFailure {
            throw StepFailure(step: name, failure: failure)
        } catch {
            throw StepFailure(step: name, failure: UnexpectedFailure(diagnostics: [Diagnostic("\(error)")]))
        }
    }

    func step<T>(_ name: String, _ body: () -> T) -> T {
        logger.debug("step \(name)")
        return body()
    }

    /// The reduce stage, by the configured engine: the exports into the aggregate tables, with what was
    /// read (rows, rejections, warnings). The built-in engine streams them here; the Spark engine runs its
    /// job and reads the folder it writes.
    func reduce(_ settings: BuildSettings, today: Day?) throws -> (ingest: IngestSummary, aggregates: Aggregates) {
        switch settings.config.engine {
        case .builtin:
            var accumulator = MetricsAccumulator(config: settings.config)
            let ingest = try self.ingest(settings, into: &accumulator, today: today)
            let aggregates = step("metrics") { accumulator.aggregates(asOf: ingest.asOf) }
            return (ingest, aggregates)
        case .spark:
            var contents = try step("ingest") {
                try SparkEngine(config: settings.config, dataDirectory: settings.dataDirectory, logger: logger).reduce()
            }
            // The same failure as the built-in engine's when a source rejects too many rows.
            let problems = contents.ingest.rejectedShareProblems(maxShare: settings.config.targets.maxRejectedShare)
            if !problems.isEmpty { throw StepFailure(step: "ingest", failure: IngestFailure(diagnostics: problems)) }
            contents.ingest.warnings = AsOfCheck.warnings(contents.ingest, given: settings.config.asOf != nil, today: today ?? AsOfCheck.today())
                + contents.ingest.warnings
            return (contents.ingest, contents.aggregates)
        }
    }

    /// The ingest step: every source into `sink`, with the warnings about rows before the report window
    /// and, when the as-of date was taken from the data, about one after `today` (the machine's date).
    func ingest<Sink: RecordSink>(_ settings: BuildSettings, into sink: inout Sink, today: Day?) throws -> IngestSummary {
        var ingest = try step("ingest") {
            try Ingestor(config: settings.config, dataDirectory: settings.dataDirectory, logger: logger).run(into: &sink)
        }
        ingest.warnings = AsOfCheck.warnings(ingest, given: settings.config.asOf != nil, today: today ?? AsOfCheck.today())
            + ingest.warnings
        return ingest
    }
}
