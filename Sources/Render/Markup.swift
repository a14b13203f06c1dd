/// Escaping for the markup the program writes itself (SVG charts), with the five escapes that are
/// valid in both HTML and XML.
enum Markup {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether a code point may not appear in an HTML page that is also well-formed XML: C0 controls
    /// other than tab, line feed and carriage return, DEL and the C1 controls, and the noncharacters.
    @inline(__always)
    static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        return (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    /// `text` with every forbidden code point replaced by U+FFFD, so it stays visible that something
    /// was there; the text itself when it has none (the usual case, checked without copying).
    static func replacingForbiddenCodePoints(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars { out.append(isForbidden(u) ? "\u{FFFD}" : u) }
        return String(out)
    }

    /// A coordinate with at most one decimal, without locale or exponent (`12.5`, `40`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
