import ScorecardCore

/// Publishing failed; the previously published site is unchanged (exit status 1).
public struct PublishError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    init(_ message: String, path: String? = nil) {
        self.init(diagnostics: [Diagnostic(message, at: path.map { SourceLocation(file: $0) })])
    }
}
