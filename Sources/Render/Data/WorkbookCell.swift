import ScorecardCore

/// One cell of a workbook sheet: what it holds and how its number is shown. A number keeps its
/// unrounded value; the format only changes what a spreadsheet displays.
enum WorkbookCell: Sendable, Equatable {
    /// `null`: no cell is written.
    case empty
    case text(String)
    case number(Double, WorkbookNumberFormat)
    /// A real date: the serial day number of the 1900 date system, shown as `yyyy-mm-dd`.
    case date(Day)
    case bool(Bool)
}
