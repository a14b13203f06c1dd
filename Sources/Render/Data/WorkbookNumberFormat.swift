/// How a number cell is shown, each with its cell style in `xl/styles.xml`.
enum WorkbookNumberFormat: Sendable, Equatable, CaseIterable {
    /// Counts and whole days: `#,##0`.
    case integer
    /// Money, units, turns: `#,##0.00`.
    case decimal
    /// Rates and shares (0.931 shows as `93.1%`): `0.0%`.
    case percent
}
