/// Finds `<div/>`-style tags on HTML elements that are not void: well-formed XML, but an HTML parser
/// (every browser, and libxml2's HTML parser would not say so) ignores the `/` and leaves the element
/// open, swallowing what follows. Inside `<svg>` and `<math>` (foreign content) `/>` is fine.
enum SelfClosingTags {
    /// Elements that never have content, for which `<br/>` is the same as `<br>`.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Each offending tag's name and 1-based line. Expects a well-formed page (checked before).
    static func find(in bytes: [UInt8]) -> [(name: String, line: Int)] {
        var found: [(name: String, line: Int)] = []
        var line = 1
        var foreignDepth = 0
        var i = 0
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), newline = UInt8(ascii: "\n")

        /// Index just past `terminator` from `start`, counting lines; `bytes.count` when absent.
        func skip(past terminator: [UInt8], from start: Int) -> Int {
            var j = start
            while j < bytes.count {
                if bytes[j] == newline { line += 1 }
                if bytes[j] == terminator[0], j + terminator.count <= bytes.count,
                   Array(bytes[j..<(j + terminator.count)]) == terminator {
                    return j + terminator.count
                }
                j += 1
            }
            return j
        }
        func startsWith(_ text: String, at index: Int) -> Bool {
            let t = Array(text.utf8)
            return index + t.count <= bytes.count && Array(bytes[index..<(index + t.count)]) == t
        }
        func isNameByte(_ b: UInt8) -> Bool {
            !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == slash || b == gt)
        }

        while i < bytes.count {
            let b = bytes[i]
            if b == newline { line += 1 }
            guard b == lt else {
                i += 1
                continue
            }
            if startsWith("<!--", at: i) {
                i = skip(past: Array("-->".utf8), from: i + 4)
            } else if startsWith("<![CDATA[", at: i) {
                i = skip(past: Array("]]>".utf8), from: i + 9)
            } else if startsWith("<?", at: i) {
                i = skip(past: Array("?>".utf8), from: i + 2)
            } else if startsWith("<!", at: i) {
                i = skip(past: [gt], from: i + 2)
            } else if startsWith("</", at: i) {
                var j = i + 2
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).lowercased()
                if name == "svg" || name == "math", foreignDepth > 0 { foreignDepth -= 1 }
                i = skip(past: [gt], from: j)
            } else {
                let tagLine = line
                var j = i + 1
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
                // Attribute values may hold `>` and `/`: step over quoted text.
                var quote: UInt8? = nil
                while j < bytes.count {
                    let c = bytes[j]
                    if c == newline { line += 1 }
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == gt {
                        break
                    }
                    j += 1
                }
                let selfClosing = j > 0 && j < bytes.count && bytes[j - 1] == slash
                if selfClosing {
                    if foreignDepth == 0, !voidElements.contains(name), name != "svg", name != "math" {
                        found.append((name, tagLine))
                    }
                } else if name == "svg" || name == "math" {
                    foreignDepth += 1
                }
                i = j + 1
            }
        }
        return found
    }
}
