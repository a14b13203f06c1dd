#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Publisher {
    /// Replaces `out` with `staging` so that readers see either the old site or the new one, never a mix.
    ///
    /// A new link to `staging` is renamed over the link at `out` (`rename(2)` replaces atomically); a
    /// real folder at `out` is exchanged with the link in one call and kept aside. The replaced
    /// version is then removed; if that is interrupted, the next build removes it.
    public func swap(staging: String) throws(PublishError) {
        let version = String(staging.split(separator: "/").last ?? "")
        guard isOurs(version, prefix: buildPrefix), inParent(version) == staging || staging == version else {
            throw PublishError("not a staging folder of \(out)", path: staging)
        }
        let state = publishedState
        if case .foreign(let problem) = state { throw PublishError(problem, path: out) }

        let link = inParent(linkPrefix + POSIX.token())
        guard symlink(version, link) == 0 else {
            throw PublishError("cannot create the link to the new site: \(POSIX.message())", path: link)
        }
        switch state {
        case .missing, .version:
            guard rename(link, out) == 0 else {
                let problem = POSIX.message()
                unlink(link)
                throw PublishError("cannot publish into \(out): \(problem)", path: out)
            }
            if case .version(let old) = state, old != version { try? POSIX.removeTree(inParent(old)) }
        case .directory:
            try replaceDirectory(with: link)
        case .foreign:
            break
        }
    }

    /// Swaps the link in for the real folder at `out`, then keeps that folder as `.OUT.original`.
    private func replaceDirectory(with link: String) throws(PublishError) {
        if POSIX.exchange(link, out) {
            // `link` now names the old folder.
            keepAside(link)
            return
        }
        // No atomic exchange on this system: two renames, with a moment where `out` is missing.
        let aside = asideName()
        guard rename(out, aside) == 0 else {
            let problem = POSIX.message()
            unlink(link)
            throw PublishError("cannot move the existing folder aside: \(problem)", path: out)
        }
        guard rename(link, out) == 0 else {
            let problem = POSIX.message()
            _ = rename(aside, out)
            unlink(link)
            throw PublishError("cannot publish into \(out): \(problem)", path: out)
        }
        if POSIX.list(aside).isEmpty { try? POSIX.removeTree(aside) }
    }

    private func keepAside(_ folder: String) {
        if POSIX.list(folder).isEmpty {
            try? POSIX.removeTree(folder)
        } else {
            _ = rename(folder, asideName())
        }
    }

    /// `.OUT.original`, or the first free `.OUT.original-N`.
    private func asideName() -> String {
        var candidate = inParent(originalName)
        var n = 2
        while POSIX.entry(at: candidate) != .missing {
            candidate = inParent(originalName + "-\(n)")
            n += 1
        }
        return candidate
    }
}
