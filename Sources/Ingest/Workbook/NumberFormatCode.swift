/// Which cell number formats show a date (or a date and time): a number in a cell with such a format is a
/// date, whatever the column it is read into.
package enum NumberFormatCode {
    /// Excel's built-in formats that show dates or times: 14–22 (`m/d/yyyy`, `d-mmm-yy`, `h:mm`,
    /// `m/d/yy h:mm`, …), 45–47 (`mm:ss`, `[h]:mm:ss`, `mmss.0`), and the East Asian built-in date
    /// formats 27–36 and 50–58 that Chinese, Japanese and Korean Excel write.
    package static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date or a time: it has a day, month, year, hour or second field
    /// outside quoted text, escapes and brackets (`dd.mm.yyyy`, `[$-407]d. mmmm yyyy`, `yyyy-mm-dd hh:mm`).
    /// Only the first section counts (the one for positive numbers). An elapsed-time format (`[h]:mm`,
    /// `[mm]:ss`) shows a duration, not a date; `[Red]`, `[>=100]` and locale brackets are ignored.
    package static func isDate(_ code: String) -> Bool {
        let c = Array(code.utf8)
        var i = 0
        var sawField = false
        while i < c.count {
            let b = c[i]
            switch b {
            case UInt8(ascii: ";"):
                return sawField
            case UInt8(ascii: "\""):
                i += 1
                while i < c.count, c[i] != UInt8(ascii: "\"") { i += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 1  // the next character is literal (or a fill / a width)
            case UInt8(ascii: "["):
                var j = i + 1
                while j < c.count, c[j] != UInt8(ascii: "]") { j += 1 }
                let inside = c[min(i + 1, c.count)..<min(j, c.count)]
                if !inside.isEmpty, inside.allSatisfy({ [UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "m"), UInt8(ascii: "M"),
                                                         UInt8(ascii: "s"), UInt8(ascii: "S")].contains($0) }) {
                    return false  // elapsed time
                }
                i = j
            default:
                switch b | 0x20 {
                case UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "s"):
                    sawField = true
                default:
                    break
                }
            }
            i += 1
        }
        return sawField
    }
}
