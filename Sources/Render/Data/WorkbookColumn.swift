/// A column of a sheet built from typed rows: its header and how a row gives its cell.
struct WorkbookColumn<Row>: Sendable {
    var header: String
    var cell: @Sendable (Row) -> WorkbookCell

    init(_ header: String, _ cell: @escaping @Sendable (Row) -> WorkbookCell) {
        self.header = header
        self.cell = cell
    }
}
