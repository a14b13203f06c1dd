/// Writes an RFC 4180 table: a header, CRLF line ends, fields quoted only when they must be.
struct CSVWriter {
    private(set) var text = ""

    init(header: [String]) { row(header) }

    mutating func row(_ fields: [String]) {
        text += fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
                || s.first == " " || s.last == " " else { return s }
        var quoted = "\""
        for c in s {
            if c == "\"" { quoted += "\"" }
            quoted.append(c)
        }
        return quoted + "\""
    }

    /// Unrounded, empty for `null`.
    static func number(_ d: Double?) -> String { d.map(JSONWriter.number) ?? "" }
}
