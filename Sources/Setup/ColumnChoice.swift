/// The header proposed for one canonical column of a source, and why.
struct ColumnChoice: Sendable {
    var column: String
    /// The header, `nil` when no header could be proposed.
    var header: String?
    /// Why this header (or why none): written as the line's comment.
    var reason: String
    /// Only a weak signal (a generic name), or a tie settled by position: listed for checking.
    var unsure: Bool = false
    /// Other headers that could feed the column, for the comment.
    var alternatives: [String] = []
}
