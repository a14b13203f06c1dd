#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Publisher {
    /// A new, empty staging folder beside `out` (same file system, so the swap is a rename); removes
    /// staging folders left by killed builds first.
    ///
    /// Call it only while holding the lock: no other build can then own a staging folder.
    public func makeStaging() throws(PublishError) -> String {
        try removeLeftovers()
        while true {
            let path = inParent(buildPrefix + POSIX.token())
            if mkdir(path, 0o755) == 0 { return path }
            if errno != EEXIST {
                throw PublishError("cannot create a staging folder beside \(out): \(POSIX.message())", path: path)
            }
        }
    }

    /// Removes every version folder `out` does not point at and every temporary link: what failed,
    /// killed or out-of-disk builds left, and the version replaced by the last swap if it was killed
    /// before removing it.
    func removeLeftovers() throws(PublishError) {
        let live: String? = if case .version(let name) = publishedState { name } else { nil }
        for entry in POSIX.list(parent) where entry != live && (isOurs(entry, prefix: buildPrefix) || isOurs(entry, prefix: linkPrefix)) {
            try POSIX.removeTree(inParent(entry))
        }
    }

    /// `prefix` followed by a token only, so that `.site.build-…` of an output folder named `site` never
    /// matches the folders of one named `site.build-x` beside it.
    func isOurs(_ entry: String, prefix: String) -> Bool {
        guard entry.hasPrefix(prefix) else { return false }
        let token = entry.dropFirst(prefix.count)
        return !token.isEmpty && token.allSatisfy(\.isHexDigit)
    }

    /// Writes `files` (paths relative to the site root) under `staging`.
    public func write(_ files: [String: [UInt8]], to staging: String) throws(PublishError) {
        var made: Set<String> = [staging]
        for path in files.keys.sorted() {
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("/"),
                  components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
            else {
                throw PublishError("refusing to write a file outside the site: \"\(path)\"")
            }
            var folder = staging
            for component in components.dropLast() {
                folder += "/" + component
                if made.insert(folder).inserted { try POSIX.makeDirectories(folder) }
            }
            try POSIX.writeFile(staging + "/" + path, files[path] ?? [])
        }
    }
}
