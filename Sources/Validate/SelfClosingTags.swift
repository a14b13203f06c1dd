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

        // Compared byte by byte, without copying: this runs over every tag of every page.
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
        let piClose = Array("?>".utf8), gtOnly = [gt]
        func startsWith(_ t: [UInt8], at index: Int) -> Bool {
            guard index + t.count <= bytes.count else { return false }
            for k in 0..<t.count where bytes[index + k] != t[k] { return false }
            return true
        }
        /// Index just past `terminator` from `start`, counting lines; `bytes.count` when absent.
        func skip(past terminator: [UInt8], from start: Int) -> Int {
            var j = start
            while j < bytes.count {
                if bytes[j] == newline { line += 1 }
                if bytes[j] == terminator[0], startsWith(terminator, at: j) {
                    return j + terminator.count
                }
                j += 1
            }
            return j
        }
        /// Whether `bytes[start..<end]` is `svg` or `math`, in any case.
        func isForeign(_ start: Int, _ end: Int) -> Bool {
            func lower(_ k: Int) -> UInt8 { bytes[k] | 0x20 }
            switch end - start {
            case 3: return lower(start) == UInt8(ascii: "s") && lower(start + 1) == UInt8(ascii: "v") && lower(start + 2) == UInt8(ascii: "g")
            case 4: return lower(start) == UInt8(ascii: "m") && lower(start + 1) == UInt8(ascii: "a") && lower(start + 2) == UInt8(ascii: "t")
                && lower(start + 3) == UInt8(ascii: "h")
            default: return false
            }
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
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            if next == UInt8(ascii: "!"), startsWith(commentOpen, at: i) {
                i = skip(past: commentClose, from: i + 4)
            } else if next == UInt8(ascii: "!"), startsWith(cdataOpen, at: i) {
                i = skip(past: cdataClose, from: i + 9)
            } else if next == UInt8(ascii: "?") {
                i = skip(past: piClose, from: i + 2)
            } else if next == UInt8(ascii: "!") {
                i = skip(past: gtOnly, from: i + 2)
            } else if next == slash {
                var j = i + 2
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                if foreignDepth > 0, isForeign(i + 2, j) { foreignDepth -= 1 }
                i = skip(past: [gt], from: j)
            } else {
                let tagLine = line
                var j = i + 1
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let nameEnd = j
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
                    if foreignDepth == 0, !isForeign(i + 1, nameEnd) {
                        let name = String(decoding: bytes[(i + 1)..<nameEnd], as: UTF8.self).lowercased()
                        if !voidElements.contains(name) { found.append((name, tagLine)) }
                    }
                } else if isForeign(i + 1, nameEnd) {
                    foreignDepth += 1
                }
                i = j + 1
            }
        }
        return found
    }
}
