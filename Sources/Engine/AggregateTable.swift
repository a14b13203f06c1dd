/// One CSV file of the aggregate folder: a header, then rows, RFC 4180, LF line ends, fields quoted only
/// when they must be (docs/aggregates.md).
struct AggregateTable {
    private(set) var text: String

    init(_ header: [String]) { text = header.joined(separator: ",") + "\n" }

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as Swift writes it shortest (`0.1`, `1e-07`); `""` for `nil`.
    static func number(_ d: Double?) -> String {
        guard let d else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
