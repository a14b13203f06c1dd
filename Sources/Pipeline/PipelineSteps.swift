import Foundation
import Ingest
import Logging
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
