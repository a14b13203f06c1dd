/// One cell of a data file: the same value is written to `kpis.json` and to the CSV tables.
enum DataValue {
    case string(String?)
    case number(Double?)
    case integer(Int)
    case bool(Bool)

    func write(to json: inout JSONWriter) {
        switch self {
        case .string(let s): json.string(s)
        case .number(let d): json.number(d)
        case .integer(let i): json.number(i)
        case .bool(let b): json.bool(b)
        }
    }

    /// The CSV field: unrounded numbers, `true`/`false`, empty for `null`.
    var csv: String {
        switch self {
        case .string(let s): return s ?? ""
        case .number(let d): return CSVWriter.number(d)
        case .integer(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}
