import ScorecardCore

/// A page could not be printed to PDF (exit status 1: nothing is published, the previous site stays).
public struct PrintError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }

    public init(_ message: String, path: String? = nil) {
        diagnostics = [Diagnostic(message, at: path.map { SourceLocation(file: $0) })]
    }
}
