import ScorecardCore

/// A template that does not parse or render (exit status 1, or 2 for a `--templates` folder).
public struct RenderError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool
    public init(diagnostics: [Diagnostic], isUserError: Bool = false) {
        self.diagnostics = diagnostics
        self.isUserError = isUserError
    }
}
