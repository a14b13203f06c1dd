extension Publisher {
    /// What is at `out` now.
    enum PublishedState: Equatable {
        /// Nothing yet: the first build.
        case missing
        /// A link to one of our versions, `.OUT.build-<token>`, named by `version`.
        case version(String)
        /// A real folder that is empty or holds a plain scorecard site (from before publishing used links,
        /// or copied there): replaced, and kept aside when not empty.
        case directory
        /// Something this publisher must not replace; the message says what and why.
        case foreign(String)
    }

    var publishedState: PublishedState {
        switch POSIX.entry(at: out) {
        case .missing:
            return .missing
        case .directory:
            // Replace only what is plainly ours to replace: never move a user's folder (`--out .`) away.
            if POSIX.list(out).isEmpty || POSIX.isFile(out + "/data/kpis.json") { return .directory }
            return .foreign(
                "the output folder exists and does not hold a scorecard site (no data/kpis.json); "
                    + "refusing to replace it: pass another --out, or empty or remove that folder")
        case .symlink(let target):
            if isOurs(target, prefix: buildPrefix) { return .version(target) }
            return .foreign(
                "the output folder is a symbolic link to \(target), not one made by scorecard; "
                    + "pass that folder as --out instead, or remove the link")
        case .other:
            return .foreign("the output path exists and is not a folder")
        }
    }
}
