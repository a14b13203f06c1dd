/// What the sampled values of one column look like, in its file's number and date style.
struct ColumnProfile: Sendable {
    var index: Int
    var header: String
    /// The non-empty values of the sample, in file order.
    var values: [String]
    /// Empty values in the sample.
    var empty: Int
    /// Distinct non-empty values.
    var distinct: Set<String>
    /// What the values say about dates (any style), `nil` when they are not dates.
    var dateFit: DateColumnFit?
    /// Readable as dates in the file's date style.
    var isDate: Bool
    /// Nearly every value is a number in the file's number style (and the column is not a date).
    var isNumeric: Bool
    /// Numeric, and every value is digits only (line numbers, numeric ids).
    var isDigits: Bool

    /// No value in the sample: the type is unknown.
    var isEmpty: Bool { values.isEmpty }

    /// A few distinct values, quoted, for comments.
    func examples(_ n: Int = 3) -> String {
        var seen: [String] = []
        for v in values where !seen.contains(v) {
            seen.append(v)
            if seen.count == n { break }
        }
        return seen.map { "\"\(ConfigText.shorten($0, 30))\"" }.joined(separator: ", ")
    }
}
