/// One sheet of a workbook: a header row and rows of typed cells (`WorkbookWriter` writes it with a frozen
/// header row, an autofilter and column widths that fit).
struct WorkbookSheet: Sendable {
    /// Shown on the sheet's tab; `WorkbookWriter` makes it a valid, unique sheet name.
    var name: String
    var headers: [String]
    /// Each as long as `headers` or shorter (missing cells are empty).
    var rows: [[WorkbookCell]]

    init(name: String, headers: [String], rows: [[WorkbookCell]]) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }

    /// A sheet of `rows`, one row each, with the cells `columns` give.
    init<Row>(name: String, rows: [Row], columns: [WorkbookColumn<Row>]) {
        self.init(name: name, headers: columns.map(\.header), rows: rows.map { row in columns.map { $0.cell(row) } })
    }
}
