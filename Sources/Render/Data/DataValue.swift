/// One cell of a data file: the same value is written to `kpis.json` and to the CSV tables.
enum DataValue {
    case string(String?)
    case number(Double?)
    case integer(Int)
    /// A whole number of days (lead times), `null` when absent.
    case days(Double?)
    case bool(Bool)
    /// A list of objects (kpis.json only: `top_shortfall`); CSV tables leave such columns out.
    case objects([[(String, DataValue)]])

    func write(to json: inout JSONWriter) {
        switch self {
        case .string(let s): json.string(s)
        case .number(let d): json.number(d)
        case .integer(let i): json.number(i)
        case .days(let d): if let d { json.number(Int(d)) } else { json.number(nil) }
        case .bool(let b): json.bool(b)
        case .objects(let list):
            json.beginArray()
            for members in list {
                json.beginObject()
                for (key, value) in members {
                    json.key(key)
                    value.write(to: &json)
                }
                json.endObject()
            }
            json.endArray()
        }
    }


    /// The CSV field: unrounded numbers, `true`/`false`, empty for `null`.
    var csv: String {
        switch self {
        case .string(let s): return s ?? ""
        case .number(let d): return CSVWriter.number(d)
        case .integer(let i): return String(i)
        case .days(let d): return d.map { String(Int($0)) } ?? ""
        case .bool(let b): return b ? "true" : "false"
        case .objects: return ""
        }
    }
}
