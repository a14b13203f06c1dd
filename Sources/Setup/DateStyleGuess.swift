/// The date style of a file (the config has one `date_format` per source), decided over all of its
/// date-like columns.
struct DateStyleGuess: Sendable {
    /// Per column index, what its values say about dates.
    var fits: [Int: DateColumnFit]
    var style: DateStyle
    /// Whether any value is written without leading zeros (`3/2/26`), for the pattern written.
    var padded: Bool
    var hasTime: Bool
    /// The other style that read every value as well (day and month swapped), when the sample could not
    /// tell them apart.
    var ambiguousWith: DateStyle?
    /// The value that decided day/month order (a number above 12), when one did.
    var deciding: String?
    /// How an ambiguity was settled.
    var settledBy: String?
    /// Date-like columns that the chosen style cannot read (the config has one date format per source).
    var otherStyleColumns: [Int: DateStyle]

    /// `date_format` as written in the config.
    var pattern: String { style.pattern(padded: padded) }

    /// Whether the file has any date-like column.
    var found: Bool { !fits.isEmpty }

    static let iso = DateStyle(order: .ymd, separator: "-", fourDigitYear: true, monthName: false)

    /// The style that reads the most date-like columns; among those that read as many, the first
    /// candidate, with the swapped one kept as the ambiguity to settle.
    static func guess(fits: [Int: DateColumnFit]) -> DateStyleGuess {
        guard !fits.isEmpty else {
            return DateStyleGuess(fits: [:], style: iso, padded: true, hasTime: false, otherStyleColumns: [:])
        }
        var count: [DateStyle: Int] = [:]
        for fit in fits.values { for s in fit.styles { count[s, default: 0] += 1 } }
        let top = count.values.max() ?? 0
        let best = DateStyle.candidates.filter { count[$0] == top }
        let style = best[0]
        let ambiguous = best.dropFirst().first { $0 == style.swapped }
        let keys = fits.keys.sorted()
        var deciding: String?
        var others: [Int: DateStyle] = [:]
        for k in keys {
            let fit = fits[k]!
            if fit.styles.contains(style) {
                if deciding == nil, let swapped = style.swapped, !fit.styles.contains(swapped) { deciding = fit.deciding }
            } else if let s = fit.styles.first {
                others[k] = s
            }
        }
        let padded = keys.filter { fits[$0]!.styles.contains(style) }.allSatisfy { fits[$0]!.padded }
        let hasTime = keys.contains { fits[$0]!.hasTime }
        return DateStyleGuess(fits: fits, style: style, padded: padded, hasTime: hasTime, ambiguousWith: ambiguous,
                              deciding: ambiguous == nil ? deciding : nil, otherStyleColumns: others)
    }

    /// Takes `chosen` (one of the two ambiguous styles) and says why.
    mutating func settle(_ chosen: DateStyle, because reason: String) {
        guard let other = ambiguousWith, chosen == style || chosen == other else { return }
        if chosen != style { ambiguousWith = style; style = chosen }
        settledBy = reason
    }
}
