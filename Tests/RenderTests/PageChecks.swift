import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Helpers the page tests share: links of a page, resolving them, XML well-formedness, ids.
enum PageChecks {
    /// Every `href` and `src` value (as written, entities left as they are).
    static func links(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// Every `id` value.
    static func ids(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: " id=\"([^\"]*)\"")
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// The site path a relative link from `page` points at (fragment dropped), or `nil` for an absolute
    /// URL or a fragment-only link.
    static func resolve(_ link: String, from page: String) -> String? {
        if link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") { return nil }
        let target = link.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? link
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." {
                if parts.isEmpty { return "../" + target }  // escapes the site: never resolves
                parts.removeLast()
            } else if component != "." {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The XML parser's error for a page, or `nil` when it is well-formed XML.
    static func xmlError(_ bytes: [UInt8]) -> String? {
        let parser = XMLParser(data: Data(bytes))
        return parser.parse() ? nil : String(describing: parser.parserError)
    }
}
