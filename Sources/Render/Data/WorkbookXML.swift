/// The small pieces of SpreadsheetML that every part of the workbook needs: escaping, cell references
/// and sheet names.
enum WorkbookXML {
    /// Excel's limit on the characters of one cell (UTF-16 code units); longer text is cut.
    static let maxCellCharacters = 32_767
    /// Excel's limit on rows in a sheet; a sheet keeps its header and the first rows that fit.
    static let maxRows = 1_048_576
    /// Excel's limit on the length of a sheet name.
    static let maxSheetName = 31

    /// Text for an element or attribute: `&`, `<`, `>`, `"` escaped; line ends as `\n`; code points XML 1.0
    /// forbids (C0 controls but tab and line feed, U+FFFE, U+FFFF) left out; and `_xHHHH_`, which Excel
    /// reads as an escaped character, kept literal by escaping its `_` as `_x005F_`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r":
                out += "\n"
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            case "_" where looksLikeEscape(scalars, at: i):
                out += "_x005F_"
            default:
                if isAllowed(u) { out.unicodeScalars.append(u) }
            }
            i += 1
        }
        return out
    }

    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v == 0x09 || v == 0x0A }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `i`.
    private static func looksLikeEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x" || s[i + 1] == "X", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Text cut to `maxCellCharacters` UTF-16 code units, on a character boundary.
    static func clippedForCell(_ text: String) -> String {
        guard text.utf16.count > maxCellCharacters else { return text }
        var out = ""
        var count = 0
        for c in text {
            count += c.utf16.count
            if count > maxCellCharacters { break }
            out.append(c)
        }
        return out
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a 0-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `A1`-style reference of a 0-based column and 1-based row.
    static func reference(column: Int, row: Int) -> String { columnName(column) + String(row) }

    /// Valid, unique sheet names: no `[ ] : * ? / \`, no apostrophe at either end, at most 31 characters,
    /// not empty and not "History" (reserved by Excel); a name taken already (ignoring case) gets ` (2)`, ` (3)` ….
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = ["history"]
        var out: [String] = []
        for (n, name) in names.enumerated() {
            var base = String(name.unicodeScalars.filter { isAllowed($0) && !"[]:*?/\\".unicodeScalars.contains($0) }
                .map(Character.init))
            while base.hasPrefix("'") || base.hasPrefix(" ") { base.removeFirst() }
            while base.hasSuffix("'") || base.hasSuffix(" ") { base.removeLast() }
            if base.isEmpty { base = "Sheet\(n + 1)" }
            var candidate = String(base.prefix(maxSheetName))
            var k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(k))"
                candidate = String(base.prefix(maxSheetName - suffix.count)) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }

    /// `'Campaign SKUs'!$A$1:$J$20`: an absolute range on a sheet, for defined names.
    static func absoluteRange(sheet: String, columns: Int, rows: Int) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!$A$1:$" + columnName(max(columns, 1) - 1) + "$" + String(max(rows, 1))
    }
}
