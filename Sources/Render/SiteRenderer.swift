import Metrics
import ScorecardCore

/// Turns a `Report` into every page, data file and e-mail of shared/spec/output.md.
public struct SiteRenderer: Sendable {
    public var config: Config

    /// - Parameter templatesDirectory: overrides the embedded templates (`--templates DIR`).
    public init(config: Config, templatesDirectory: String?) throws(RenderError) {
        self.config = config
        _ = EmbeddedTemplates.files
    }

    /// - Parameters:
    ///   - archivedMonths: `YYYY-MM` of the month snapshots the published site already holds, listed on
    ///     `months/index.html` beside the report's own months.
    public func render(report: Report, ingest: IngestSummary, archivedMonths: [String]) throws(RenderError) -> RenderedSite {
        throw RenderError(diagnostics: [Diagnostic("rendering is not implemented yet")])
    }
}

/// A template that does not parse or render (exit status 1, or 2 for a `--templates` folder).
public struct RenderError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool
    public init(diagnostics: [Diagnostic], isUserError: Bool = false) {
        self.diagnostics = diagnostics
        self.isUserError = isUserError
    }
}
