import ScorecardCore

/// Lists and names in the sentences of pages and digests.
enum Prose {
    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

extension SourceName {
    /// The source as a sentence names it: `purchase orders`.
    var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
