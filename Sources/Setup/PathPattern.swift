#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `path:` glob for a group of files of one shape in one folder.
enum PathPattern {
    /// A glob that matches exactly `names` among `siblings` (the folder's other entries), preferring one
    /// that also matches the next export of the same series: `VBAP_2026-W10.csv`, `VBAP_2026-W11.csv` →
    /// `VBAP_*.csv` rather than `VBAP_2026-W1*.csv`.
    /// - Returns: the pattern (relative to the data folder) and the other entries it also matches, when
    ///   no pattern picks exactly these files.
    static func make(directory: String, names: [String], siblings: [String]) -> (pattern: String, alsoMatches: [String]) {
        let dir = directory.isEmpty ? "" : escape(directory) + "/"
        guard names.count > 1 else { return (dir + escape(names.first ?? ""), []) }
        let prefix = commonPrefix(names)
        let suffix = String(commonPrefix(names.map { String($0.reversed()) }).reversed())
        // Cut the prefix before its first digit (dates and numbers change from export to export), and the
        // suffix back to the extension.
        let stem = String(prefix.prefix { !$0.isNumber })
        let ext = suffix.firstIndex(of: ".").map { String(suffix[$0...]) } ?? ""
        var tried: [String] = []
        for (p, s) in [(stem, ext), (prefix, ext), (prefix, suffix)] {
            let pattern = escape(p) + "*" + escape(s)
            if tried.contains(pattern) { continue }
            tried.append(pattern)
            let matched = siblings.filter { fnmatch(pattern, $0, 0) == 0 }
            if Set(matched) == Set(names) { return (dir + pattern, []) }
        }
        let pattern = escape(prefix) + "*" + escape(suffix)
        let extra = siblings.filter { fnmatch(pattern, $0, 0) == 0 && !names.contains($0) }
        return (dir + pattern, extra.map { directory.isEmpty ? $0 : directory + "/" + $0 })
    }

    private static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first.map(Array.init) else { return "" }
        for name in names.dropFirst() {
            let c = Array(name)
            var k = 0
            while k < prefix.count, k < c.count, prefix[k] == c[k] { k += 1 }
            prefix = Array(prefix[..<k])
        }
        return String(prefix)
    }

    /// Glob's special characters taken literally.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "*" || c == "?" || c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
