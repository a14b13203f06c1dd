/// A URL found in a page or stylesheet, classified and, when relative, resolved against the site.
enum SiteLink: Equatable {
    /// `http:`, `mailto:`, `data:`, `//host/…`: outside the site, not checked.
    case external
    /// `#frag` (or `""`, `#`): the same page, optionally at an id.
    case samePage(fragment: String?)
    /// `/path`: relative to the server's root, which breaks a site served from a sub-folder.
    case rootAbsolute
    /// `../x`, that climbs above the site's root folder.
    case escapesSite
    /// A site-relative path (percent-decoded, no query or fragment); `isFolder` when it ended in `/`
    /// (or was empty after `?query`).
    case inSite(path: String, isFolder: Bool, fragment: String?)

    /// Classifies `url` found in the page at `page` (site-relative path, e.g. `weeks/2026-W46/index.html`).
    init(_ url: String, from page: String) {
        let url = url.trimmingWhitespace()
        if url.hasPrefix("//") || Self.hasScheme(url) {
            self = .external
            return
        }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.percentDecoded(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        if rest.isEmpty {
            self = url.hasPrefix("?") ? .inSite(path: page, isFolder: false, fragment: fragment) : .samePage(fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
            return
        }
        if rest.hasPrefix("/") {
            self = .rootAbsolute
            return
        }
        var components = page.split(separator: "/").map(String.init)
        components.removeLast()  // the page's own file name
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            let decoded = Self.percentDecoded(part)
            switch decoded {
            case "..":
                if components.isEmpty {
                    self = .escapesSite
                    return
                }
                components.removeLast()
            case ".", "":
                continue
            default:
                components.append(decoded)
            }
        }
        let last = parts.last.map { Self.percentDecoded($0) } ?? ""
        let isFolder = last.isEmpty || last == "." || last == ".."
        self = .inSite(path: components.joined(separator: "/"), isFolder: isFolder, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// `%XX` sequences decoded as UTF-8; a malformed sequence is kept as written.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
