import CLibXML2

/// Collects the ids and the URLs of one parsed page, with their lines.
struct PageWalker {
    var ids: [(id: String, line: Int)] = []
    var urls: [(url: String, line: Int)] = []

    /// Attributes that hold one URL, on any element (`href` also covers SVG's `xlink:href`).
    static let urlAttributes: Set<String> = ["href", "src", "poster", "action", "formaction", "cite", "background"]

    mutating func walk(_ root: xmlNodePtr?) {
        // Iterative: deep pages must not overflow the stack.
        var stack: [xmlNodePtr] = []
        if let root { stack.append(root) }
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            visit(node)
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    private mutating func visit(_ element: xmlNodePtr) {
        let name = Self.string(element.pointee.name).lowercased()
        let line = Int(xmlGetLineNo(element))
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            let key = Self.string(current.pointee.name).lowercased()
            let value = Self.value(of: current)
            switch key {
            case "id":
                ids.append((value, line))
            case "data" where name == "object":
                urls.append((value, line))
            case "srcset":
                for candidate in value.split(separator: ",") {
                    if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first {
                        urls.append((String(url), line))
                    }
                }
            case "style":
                urls += CSSReferences.find(in: value).map { ($0.url, line) }
            case _ where Self.urlAttributes.contains(key):
                urls.append((value, line))
            default:
                break
            }
        }
        if name == "meta", let url = Self.refreshURL(element) {
            urls.append((url, line))
        }
        if name == "style" {
            let text = Self.textContent(element)
            urls += CSSReferences.find(in: text).map { ($0.url, line + $0.line - 1) }
        }
    }

    /// The address of `<meta http-equiv="refresh" content="0; url=…">`, which a browser follows like a link.
    static func refreshURL(_ element: xmlNodePtr) -> String? {
        var equiv: String?, content: String?
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            switch string(current.pointee.name).lowercased() {
            case "http-equiv": equiv = value(of: current)
            case "content": content = value(of: current)
            default: break
            }
        }
        guard equiv?.lowercased() == "refresh", let content else { return nil }
        return refreshURL(content: content)
    }

    /// `url` of a refresh's `content` (`5;url=x`, `0; URL='x'`), or `nil` when it only reloads the page.
    static func refreshURL(content: String) -> String? {
        guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: separator)...].drop(while: { $0 == " " || $0 == "\t" })
        guard rest.lowercased().hasPrefix("url") else { return nil }
        rest = rest.dropFirst(3).drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) { rest = rest[..<end] }
        }
        let url = String(rest).trimmingWhitespace()
        return url.isEmpty ? nil : url
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The text of an attribute (character references are already replaced by the parser).
    private static func value(of attribute: xmlAttrPtr) -> String {
        var text = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { text += String(cString: content) }
            child = node.pointee.next
        }
        return text
    }

    private static func textContent(_ element: xmlNodePtr) -> String {
        var text = ""
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
               let content = node.pointee.content {
                text += String(cString: content)
            }
            child = node.pointee.next
        }
        return text
    }
}
