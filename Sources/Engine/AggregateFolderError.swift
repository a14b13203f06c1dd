import ScorecardCore

/// An aggregate folder that cannot be read: a missing or malformed file, a name no table knows. Not the
/// user's input but an engine's output, so a build that meets one fails with exit 1.
public struct AggregateFolderError: ScorecardFailure, Error {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }

    init(_ message: String, file: String, line: Int? = nil) {
        diagnostics = [Diagnostic("aggregate folder: \(message)", at: SourceLocation(file: file, line: line))]
    }
}
