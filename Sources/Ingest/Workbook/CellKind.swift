/// What a workbook cell holds, which decides how it reads into a text, number or date field.
package enum CellKind: UInt8, Sendable {
    case empty
    /// A shared or inline string, or a formula's text result.
    case text
    /// A number; its text is its shortest plain decimal form.
    case number
    /// A number in a cell with a date or date-time format: a serial day number; its text is the day
    /// (`yyyy-MM-dd`) when the serial names one.
    case date
    /// `TRUE` or `FALSE`.
    case boolean
    /// An error value such as `#N/A`, as its text.
    case error
    /// A date stored as ISO 8601 text (`t="d"`), e.g. `2026-03-02T00:00:00`.
    case isoDate
}
