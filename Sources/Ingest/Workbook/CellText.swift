/// The text of a string cell as a CSV export of the sheet would hold it: `_xHHHH_` escapes decoded (how
/// the file format stores control characters: `_x000D_` is a carriage return, `_x005F_` an underscore),
/// and trimmed of white space like every CSV value.
enum CellText {
    /// `text` decoded and trimmed.
    static func finished(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        if text.contains(UInt8(ascii: "_")) {
            out.reserveCapacity(text.count)
            var i = text.startIndex
            while i < text.endIndex {
                if text[i] == UInt8(ascii: "_"), i + 6 < text.endIndex, text[i + 1] == UInt8(ascii: "x"), text[i + 6] == UInt8(ascii: "_"),
                   let u = hex4(text, i + 2), let scalar = Unicode.Scalar(u) {
                    out += Array(String(Character(scalar)).utf8)
                    i += 7
                    continue
                }
                out.append(text[i])
                i += 1
            }
        } else {
            out = Array(text)
        }
        let (s, e) = trimmed(out, 0, out.count)
        if s == 0, e == out.count { return out }
        return Array(out[s..<e])
    }

    /// The bounds of `bytes[start..<end]` without surrounding white space (space, tab, line breaks, vertical
    /// tab, form feed, no-break space), as the CSV reader trims.
    static func trimmed(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e {
            let c = b[s]
            if c == 32 || (c >= 9 && c <= 13) { s += 1; continue }
            if c == 0xC2, s + 1 < e, b[s + 1] == 0xA0 { s += 2; continue }
            break
        }
        while e > s {
            let c = b[e - 1]
            if c == 32 || (c >= 9 && c <= 13) { e -= 1; continue }
            if c == 0xA0, e - 2 >= s, b[e - 2] == 0xC2 { e -= 2; continue }
            break
        }
        return (s, e)
    }

    static func trimmed(_ b: [UInt8], _ start: Int, _ end: Int) -> (Int, Int) {
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return (start, end) }
            return trimmed(base, start, end)
        }
    }

    private static func hex4(_ t: ArraySlice<UInt8>, _ i: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = t[k]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: return nil
            }
            v = v * 16 + d
        }
        return v
    }
}
