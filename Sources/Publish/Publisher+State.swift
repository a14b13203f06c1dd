extension Publisher {
    /// What is at `out` now.
    enum PublishedState: Equatable {
        /// Nothing yet: the first build.
        case missing
        /// A link to one of our versions, `.OUT.build-<token>`, named by `version`.
        case version(String)
        /// A real folder (a plain site from before, or one a user made).
        case directory
        /// Something this publisher must not replace; the message says what and why.
        case foreign(String)
    }

    var publishedState: PublishedState {
        switch POSIX.entry(at: out) {
        case .missing:
            return .missing
        case .directory:
            return .directory
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
