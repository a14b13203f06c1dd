import ScorecardCore

/// Publishes a built site into `OUT` atomically, one build at a time, keeping closed monthly archives.
///
/// Layout beside `OUT` (all in its parent folder, so every move is a `rename(2)` on one file system):
/// - `OUT` is a symbolic link to the live version, `.OUT.build-<token>` (a relative link, so moving the
///   parent folder keeps it working). Publishing points a new link at the new version and renames it
///   over `OUT`, which is atomic: a reader sees the old tree or the new one, never a mix.
/// - `.OUT.build-<token>` folders that `OUT` does not point at are staging folders of running, failed
///   or killed builds; `.OUT.link-<token>` are links a killed build did not get to rename. The next
///   build removes both while it holds the lock.
/// - `.OUT.lock` is the `flock(2)` lock file; the kernel drops the lock when its process dies, so a
///   killed build never blocks the next one. The file itself stays (removing it would race).
/// - A real folder found at `OUT` is replaced only when it is empty or holds a scorecard site
///   (`data/kpis.json`, e.g. a first run over a plain folder from before): it is swapped out atomically
///   and kept as `.OUT.original` (or `.OUT.original-2` …), never deleted; an empty one is removed. Any
///   other folder (a user's, `--out .`) is refused before the build starts (exit 1).
/// - Files are not `fsync`ed: a killed build or a full disk cannot touch the published tree (the swap is
///   the only change to it, and the kernel keeps written data when a process dies); after a power loss
///   the last swap may be lost or, on some file systems, point at incompletely flushed files. Syncing
///   every page would make every build pay for that rare case.
public struct Publisher: Sendable {
    /// The output folder readers are served from.
    public var out: String

    public init(out: String) {
        var path = out
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.out = path
    }
}

extension Publisher {
    /// The folder holding `out`, its lock, its versions and its staging folders.
    var parent: String {
        guard let slash = out.lastIndex(of: "/") else { return "." }
        return slash == out.startIndex ? "/" : String(out[..<slash])
    }

    /// The last path component of `out`.
    var name: String {
        guard let slash = out.lastIndex(of: "/") else { return out }
        return String(out[out.index(after: slash)...])
    }

    var lockPath: String { parent + "/.\(name).lock" }
    /// Prefix of staging folders and published versions.
    var buildPrefix: String { ".\(name).build-" }
    /// Prefix of the temporary links renamed over `out`.
    var linkPrefix: String { ".\(name).link-" }
    /// Where a real folder found at `out` is kept.
    var originalName: String { ".\(name).original" }

    func inParent(_ entry: String) -> String { parent + "/" + entry }
}
