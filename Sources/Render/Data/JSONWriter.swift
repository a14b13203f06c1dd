/// Writes JSON text by hand, in the order the caller writes keys, so the same report always gives the
/// same bytes (no dictionary iteration, no encoder's key sorting).
struct JSONWriter {
    private(set) var text = ""
    /// Whether the container being written already holds a value (a comma goes before the next one).
    private var hasValue: [Bool] = [false]

    mutating func beginObject() { value("{"); hasValue.append(false) }
    mutating func endObject() { hasValue.removeLast(); breakLine(); text += "}" }
    mutating func beginArray() { value("["); hasValue.append(false) }
    mutating func endArray() { hasValue.removeLast(); breakLine(); text += "]" }

    /// Starts a member of the current object; its value follows.
    mutating func key(_ name: String) {
        separate()
        text += JSONWriter.quoted(name) + ":"
        hasValue[hasValue.count - 1] = true
        pendingMember = true
    }

    mutating func string(_ s: String?) { value(s.map(JSONWriter.quoted) ?? "null") }
    mutating func number(_ d: Double?) { value(d.map(JSONWriter.number) ?? "null") }
    mutating func number(_ i: Int) { value(String(i)) }
    mutating func bool(_ b: Bool) { value(b ? "true" : "false") }

    /// Puts the next value (after its comma) or closing bracket on a new line: one entry a line keeps the
    /// file readable and its diffs small.
    mutating func newline() { lineBreak = true }

    /// The document, ending with a line break.
    var document: String { text + "\n" }

    private var lineBreak = false

    private mutating func breakLine() {
        if lineBreak { text += "\n" }
        lineBreak = false
    }

    /// A key was written and its value comes next (no comma before it).
    private var pendingMember = false

    private mutating func separate() {
        if hasValue[hasValue.count - 1] { text += "," }
        breakLine()
    }

    private mutating func value(_ literal: String) {
        if !pendingMember { separate() }
        pendingMember = false
        text += literal
        hasValue[hasValue.count - 1] = true
    }

    /// The shortest text that reads back as the same double (Swift's `description`); callers null out
    /// every ratio with a 0 denominator, so NaN and infinity cannot reach here.
    static func number(_ d: Double) -> String {
        d.isFinite ? d.description : "null"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
