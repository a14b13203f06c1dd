/// Where every page lives, relative to the site root, and how one page links to another.
///
/// Every link is relative and names `index.html` explicitly, so the site works under any sub-path of a
/// web server and from `file://`, where a folder link would show a directory listing or nothing.
enum SitePaths {
    static let index = "index.html"
    static let campaigns = "campaigns/index.html"
    static let categories = "categories/index.html"
    static let months = "months/index.html"
    static let dataQuality = "data-quality/index.html"
    static let definitions = "definitions/index.html"
    static let stylesheet = "assets/style.css"
    static let segments = "segments/index.html"
    static let segmentsData = "data/segments.json"

    static func week(_ label: String) -> String { "weeks/\(label)/index.html" }
    static func month(_ label: String) -> String { "months/\(label)/index.html" }
    /// The closed month's own copy of the stylesheet, kept with its archived page.
    static func monthStylesheet(_ label: String) -> String { "months/\(label)/style.css" }
    /// - Parameter folder: from `PathSafeNames`, already URL-safe.
    static func campaign(_ folder: String) -> String { "campaigns/\(folder)/index.html" }
    /// - Parameter folder: from `PathSafeNames`, already URL-safe.
    static func category(_ folder: String) -> String { "categories/\(folder)/index.html" }
    /// A segment dimension's page; its key is a-z, 0-9 and `_`, so path-safe as it is.
    static func segment(_ key: String) -> String { "segments/\(key)/index.html" }
    /// - Parameter folder: from `SegmentFolders`, already URL-safe.
    static func segmentValue(_ key: String, _ folder: String) -> String { "segments/\(key)/\(folder)/index.html" }
    /// A view's own digest.
    static func segmentEmail(_ key: String, _ folder: String) -> String { "email/segments/\(key)/\(folder).eml" }
    /// The definition of a kpis.json key on the definitions page.
    static func definition(_ anchor: String) -> String { definitions + "#" + anchor }
    /// The PDF of a week (the as-of week's, with `pdf:`) and of a closed month, beside its page.
    static func weekPDF(_ label: String) -> String { "weeks/\(label)/scorecard-\(label).pdf" }
    static func monthPDF(_ label: String) -> String { "months/\(label)/scorecard-\(label).pdf" }
    static func email(_ weekLabel: String) -> String { "email/\(weekLabel).eml" }
    static let latestEmail = "email/latest.eml"

    /// The shortest relative link from the page at `from` to the file at `to` (both site-relative), so
    /// an archived month's links stay inside `months/` where they can.
    static func link(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] {
            common += 1
        }
        let up = String(repeating: "../", count: fromDirs.count - common)
        return up + toParts[common...].joined(separator: "/")
    }
}
