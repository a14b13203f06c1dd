/// What values a canonical column holds, so that a header is only proposed for it when its values fit.
enum ColumnKind: Sendable, Equatable {
    /// A date (`*_date`, `week_start`).
    case date
    /// A non-negative number (quantities, prices, costs).
    case number
    /// A line number: digits only (`000010` and `10` match).
    case lineNumber
    /// An identifier: any non-date value (numeric ids are fine, fractions are not).
    case identifier
    /// Free text or a code.
    case text

    static func of(_ column: String) -> ColumnKind {
        if column.hasSuffix("_date") || column == "week_start" { return .date }
        if column == "line_no" { return .lineNumber }
        if column.hasPrefix("qty_") || column.hasSuffix("_units") || ["unit_cost", "list_price", "unit_price", "cost", "budget"].contains(column) {
            return .number
        }
        if column == "sku" || column.hasSuffix("_id") { return .identifier }
        return .text
    }

    /// Whether a column profiled as `p` can hold values of this kind (an empty column can hold any).
    func accepts(_ p: ColumnProfile) -> Bool {
        if p.isEmpty { return true }
        switch self {
        case .date: return p.isDate
        case .number: return p.isNumeric
        case .lineNumber: return p.isDigits
        case .identifier: return p.dateFit == nil && (!p.isNumeric || p.isDigits || !p.values.contains { $0.contains(".") || $0.contains(",") })
        case .text: return p.dateFit == nil
        }
    }
}
