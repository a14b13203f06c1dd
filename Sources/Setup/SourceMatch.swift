import ScorecardCore

/// How well one group of files fits one source: the header proposed for every column.
struct SourceMatch: Sendable {
    var source: SourceName
    /// Index of the group in the inspection.
    var group: Int
    /// Every required column (mapped or not), then the optional columns that were found.
    var choices: [ColumnChoice]
    /// Sum of the candidates' scores over the required columns.
    var score: Int
    /// Required columns mapped on a strong signal.
    var strongCount: Int
    /// Whether a column only this source has (a ship date for deliveries, planned units for campaign
    /// items) was found on a strong signal; without one the group is not considered for the source.
    var distinctive: Bool
    /// Warnings from checks across columns and sources (references that do not resolve).
    var notes: [String] = []
    /// What the checks across sources confirmed, for the comments.
    var evidence: [String] = []

    var missing: [String] {
        choices.prefix(source.requiredColumns.count).filter { $0.header == nil }.map(\.column)
    }

    var isComplete: Bool { missing.isEmpty }

    /// Canonical column → header, for the config.
    var columns: [String: String] {
        var out: [String: String] = [:]
        for c in choices { if let h = c.header { out[c.column] = h } }
        return out
    }
}
