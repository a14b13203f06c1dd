import ScorecardCore

/// Thrown by a row's checks: carries the `Rejection` out of the first check that fails.
struct RejectedRow: Error {
    var rejection: Rejection
}
