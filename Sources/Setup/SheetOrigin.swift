/// Where a sampled table comes from when it is a sheet of a workbook, and how its header was found.
struct SheetOrigin: Sendable, Equatable {
    var name: String
    /// The sheet's position in the workbook (0-based) and how many sheets it has.
    var index: Int
    var sheetCount: Int
    /// The sheet row holding the header.
    var headerRow: Int
    /// The non-empty rows above the header (a title block), their first values, for the comment.
    var titleRows: [Int]
    var title: String?
    /// Whether some dates are written as text (then `date_format` reads them).
    var textDates: Bool
}
