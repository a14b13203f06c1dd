import ScorecardCore

/// The Spark engine could not produce the aggregates: no `spark-submit`, a job that failed, a cluster
/// out of reach. Exit 1, with Spark's last error lines; nothing is published.
public struct SparkFailure: ScorecardFailure, Error {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }

    init(_ message: String, lastLines: [String] = []) {
        diagnostics = [Diagnostic(message)] + lastLines.map { Diagnostic("spark: \($0)") }
    }
}
