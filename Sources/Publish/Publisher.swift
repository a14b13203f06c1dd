import ScorecardCore

/// Publishes a built site into `OUT` atomically, one build at a time, keeping closed monthly archives.
public struct Publisher: Sendable {
    /// The output folder readers are served from.
    public var out: String

    public init(out: String) {
        self.out = out
    }
}

/// Publishing failed; the previously published site is unchanged (exit status 1).
public struct PublishError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { false }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Publisher {
    /// Takes the build lock of `out` (a `flock` on a file beside it, released when the process dies);
    /// waits up to `wait` seconds for a running build, then throws.
    public func lock(waitSeconds: Int) throws(PublishError) -> BuildLock {
        throw PublishError(diagnostics: [Diagnostic("publishing is not implemented yet")])
    }

    /// A new, empty staging folder beside `out` (same file system, so the swap is a rename); removes
    /// staging folders left by killed builds first.
    public func makeStaging() throws(PublishError) -> String {
        throw PublishError(diagnostics: [Diagnostic("publishing is not implemented yet")])
    }

    /// `YYYY-MM` of every archived month snapshot in the published site, in order.
    public func archivedMonths() -> [String] { [] }

    /// Writes `files` (paths relative to the site root) under `staging`.
    public func write(_ files: [String: [UInt8]], to staging: String) throws(PublishError) {
        throw PublishError(diagnostics: [Diagnostic("publishing is not implemented yet")])
    }

    /// Marks the closed months of this build as archived in `staging`, and copies every month already
    /// archived in `out` over the freshly rendered one, except those in `rebuild`.
    public func carryArchives(into staging: String, closedMonths: [String], rebuild: Set<String>) throws(PublishError) {
        throw PublishError(diagnostics: [Diagnostic("publishing is not implemented yet")])
    }

    /// Replaces `out` with `staging` so that readers see either the old site or the new one, never a mix.
    public func swap(staging: String) throws(PublishError) {
        throw PublishError(diagnostics: [Diagnostic("publishing is not implemented yet")])
    }
}

/// Held for the duration of one build; released by `release()` or when the process exits.
public final class BuildLock: Sendable {
    public let path: String
    let descriptor: Int32
    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }
}

extension BuildLock {
    /// Releases the lock (idempotent).
    public func release() {}
}
