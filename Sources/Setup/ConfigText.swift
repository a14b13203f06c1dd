/// Text helpers for writing YAML by hand: quoted scalars and one-line comments.
enum ConfigText {
    /// A double-quoted YAML scalar: any header (with `:`, `#`, quotes, non-ASCII) reads back unchanged.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Text safe inside a `#` comment: one line, control characters shown as spaces.
    static func comment(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }))
    }

    /// At most `n` characters, with an ellipsis when cut.
    static func shorten(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    /// A one-byte separator for messages: `";"`, `"\t"` as `tab`.
    static func byte(_ b: UInt8) -> String {
        b == 9 ? "tab" : "\"\(Character(Unicode.Scalar(b)))\""
    }

    /// Lines of at most `width` characters, each starting with `prefix`, from words.
    static func wrap(_ text: String, prefix: String, width: Int = 110) -> [String] {
        var lines: [String] = []
        var line = prefix
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count + word.count + 1 > width, line != prefix {
                lines.append(line)
                line = prefix + "  "
            }
            line += (line.hasSuffix(" ") ? "" : " ") + word
        }
        if line != prefix { lines.append(line) }
        return lines
    }
}
