/// Finds the URLs a stylesheet (or a `style` attribute) refers to: `url(…)` and `@import "…"`.
enum CSSReferences {
    /// Each URL with its 1-based line in `css`.
    static func find(in css: String) -> [(url: String, line: Int)] {
        let bytes = Array(css.utf8)
        var found: [(url: String, line: Int)] = []
        var line = 1
        var i = 0
        func matches(_ word: String, at index: Int) -> Bool {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count else { return false }
            for k in 0..<w.count where bytes[index + k] | 0x20 != w[k] { return false }
            return true
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        /// Reads a quoted string or an unquoted token ending at `terminators`, from `start`.
        func readValue(from start: Int, until terminators: Set<UInt8>) -> String? {
            var j = start
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count else { return nil }
            if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                let quote = bytes[j]
                guard let end = bytes[(j + 1)...].firstIndex(of: quote) else { return nil }
                return String(decoding: bytes[(j + 1)..<end], as: UTF8.self)
            }
            var end = j
            while end < bytes.count, !terminators.contains(bytes[end]) { end += 1 }
            return String(decoding: bytes[j..<end], as: UTF8.self).trimmingWhitespace()
        }
        var inComment = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if inComment {
                if b == UInt8(ascii: "*"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { inComment = false; i += 1 }
            } else if b == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                inComment = true
                i += 1
            } else if matches("url(", at: i), i == 0 || !(bytes[i - 1] == UInt8(ascii: "-") || (bytes[i - 1] | 0x20 >= 0x61 && bytes[i - 1] | 0x20 <= 0x7A)) {
                if let url = readValue(from: i + 4, until: [UInt8(ascii: ")")]) { found.append((url, line)) }
                i += 4
                continue
            } else if matches("@import", at: i) {
                var j = i + 7
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'"),
                   let url = readValue(from: j, until: []) {
                    found.append((url, line))
                }
                i += 7
                continue
            }
            i += 1
        }
        return found
    }
}
