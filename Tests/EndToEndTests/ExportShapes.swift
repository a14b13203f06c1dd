import Foundation

/// Rewrites canonical exports (from `scorecard sample`) in the shapes real exports come in, each with the
/// config a person would write for it by hand: SAP field names, SAP's German display names in
/// windows-1252 with orders split over two files, and a US spreadsheet export.
enum ExportShapes {
    struct Table {
        var header: [String]
        var rows: [[String]]

        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
    }

    /// How a shape writes a file.
    struct Dialect: Sendable {
        var delimiter: Character = ","
        var decimal: Character = "."
        var thousands: Character?
        /// From an ISO date (and optional `THH:mm:ssZ` time) to the export's text.
        var date: @Sendable (Int, Int, Int, String?) -> String = { y, m, d, _ in String(format: "%04d-%02d-%02d", y, m, d) }
        var windows1252 = false
        var byteOrderMark = false
        var crlf = false
        /// Quote every number (spreadsheets quote formatted numbers).
        var quoteNumbers = false
    }

    // MARK: reading and writing

    /// An RFC 4180 parse of a small canonical file.
    static func read(_ url: URL) throws -> Table {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else if c != "\r" {
                field.append(c)
            }
            i += 1
        }
        return Table(header: rows[0], rows: Array(rows.dropFirst()))
    }

    private static func quote(_ v: String, _ d: Dialect, force: Bool) -> String {
        if force || v.contains(d.delimiter) || v.contains("\"") || v.contains("\n") || v.hasPrefix(" ") || v.hasSuffix(" ") {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A canonical number (`-1234.5`) in the shape's style; anything else ("n/a") unchanged.
    static func number(_ v: String, _ d: Dialect) -> String {
        let t = v.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return v }
        let negative = t.hasPrefix("-")
        let body = negative ? String(t.dropFirst()) : t
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if let sep = d.thousands {
            var grouped = ""
            for (k, c) in integer.reversed().enumerated() {
                if k > 0, k % 3 == 0 { grouped.append(sep) }
                grouped.append(c)
            }
            integer = String(grouped.reversed())
        }
        var out = (negative ? "-" : "") + integer
        if parts.count > 1 { out += String(d.decimal) + parts[1] }
        return out
    }

    /// A canonical date (`2026-05-18`, `2026-05-28T19:13:00Z`) in the shape's style; anything else
    /// ("Date Not Captured") unchanged.
    static func date(_ v: String, _ d: Dialect) -> String {
        let t = v.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10, let y = Int(t.prefix(4)), let m = Int(t.dropFirst(5).prefix(2)), let day = Int(t.dropFirst(8).prefix(2)),
              Array(t)[4] == "-" else { return v }
        var time: String?
        if t.count >= 19, Array(t)[10] == "T" { time = String(Array(t)[11..<19]) }
        return d.date(y, m, day, time)
    }

    static let numberColumns: Set<String> = ["unit_cost", "list_price", "budget", "planned_units", "qty_ordered", "unit_price",
                                             "qty_shipped", "qty_returned", "cost", "qty_on_hand", "forecast_units", "qty_received"]
    static let dateColumns: Set<String> = ["start_date", "end_date", "order_date", "requested_date", "ship_date", "return_date",
                                           "snapshot_date", "week_start", "due_date", "receipt_date"]

    /// Writes a canonical-named table, renaming its header at the end; `split` > 1 writes `path` with
    /// `_1`, `_2`… before the extension.
    static func write(_ t: Table, _ d: Dialect, to: URL, path: String, headers: [(String, String)]? = nil, split: Int = 1) throws {
        let names = headers ?? []
        func renamed(_ part: Table) -> Table {
            var p = part
            p.header = part.header.map { h in names.first { $0.0 == h }?.1 ?? h }
            return p
        }
        if split <= 1 {
            try writeCanonical(t, d, to: to.appendingPathComponent(path), rename: renamed)
            return
        }
        let size = (t.rows.count + split - 1) / split
        let ext = (path as NSString).pathExtension
        let stem = (path as NSString).deletingPathExtension
        for k in 0..<split {
            let part = Table(header: t.header, rows: Array(t.rows[min(t.rows.count, k * size)..<min(t.rows.count, (k + 1) * size)]))
            try writeCanonical(part, d, to: to.appendingPathComponent("\(stem)_\(k + 1).\(ext)"), rename: renamed)
        }
    }

    private static func writeCanonical(_ t: Table, _ d: Dialect, to url: URL, rename: (Table) -> Table) throws {
        // Values are transformed by their canonical column, then the header is renamed.
        var tmp = Table(header: t.header, rows: t.rows)
        let numeric = Set(t.header.indices.filter { numberColumns.contains(t.header[$0]) })
        let dates = Set(t.header.indices.filter { dateColumns.contains(t.header[$0]) })
        tmp.rows = t.rows.map { row in
            row.enumerated().map { k, v in numeric.contains(k) ? number(v, d) : dates.contains(k) ? date(v, d) : v }
        }
        let out = rename(tmp)
        try writeRaw(out, to: url, d, quoted: d.quoteNumbers ? numeric : [])
    }

    private static func writeRaw(_ t: Table, to url: URL, _ d: Dialect, quoted: Set<Int>) throws {
        var lines = [t.header.map { quote($0, d, force: false) }.joined(separator: String(d.delimiter))]
        for row in t.rows {
            lines.append(row.enumerated().map { k, v in quote(v, d, force: quoted.contains(k) && !v.isEmpty) }.joined(separator: String(d.delimiter)))
        }
        let text = lines.joined(separator: d.crlf ? "\r\n" : "\n") + (d.crlf ? "\r\n" : "\n")
        var bytes: [UInt8] = d.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        if d.windows1252 {
            guard let data = text.data(using: .windowsCP1252) else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
            bytes += Array(data)
        } else {
            bytes += Array(text.utf8)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}
