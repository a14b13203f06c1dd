import ScorecardCore

/// The built site has problems; nothing was published (exit status 1).
public struct ValidationFailure: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
