/// One `{{…}}` tag of a template, found by a plain scan so templates can be checked before any page is
/// rendered.
struct TemplateTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case variable, unescaped, sectionOpen, invertedOpen, sectionClose, partial, parent, block, comment, pragma,
             setDelimiters
    }

    var kind: Kind
    var name: String
    /// 1-based line and column of the opening `{{`.
    var line: Int
    var column: Int

    /// Every tag of `text`, with the default `{{ }}` delimiters.
    static func scan(_ text: String) -> [TemplateTag] {
        let u = Array(text.utf8)
        var tags: [TemplateTag] = []
        var i = 0, line = 1, lineStart = 0
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while i < u.count {
            if u[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard u[i] == brace, i + 1 < u.count, u[i + 1] == brace else {
                i += 1
                continue
            }
            let start = i
            let triple = i + 2 < u.count && u[i + 2] == brace
            var j = i + (triple ? 3 : 2)
            let end: [UInt8] = triple ? [close, close, close] : [close, close]
            while j + end.count <= u.count, Array(u[j..<(j + end.count)]) != end { j += 1 }
            let inner = String(decoding: u[(start + (triple ? 3 : 2))..<min(j, u.count)], as: UTF8.self)
            let column = String(decoding: u[lineStart..<start], as: UTF8.self).count + 1
            tags.append(classify(inner, triple: triple, line: line, column: column))
            for k in start..<min(j + end.count, u.count) where u[k] == UInt8(ascii: "\n") {
                line += 1
                lineStart = k + 1
            }
            i = j + end.count
        }
        return tags
    }

    static func classify(_ inner: String, triple: Bool, line: Int, column: Int) -> TemplateTag {
        let trimmed = inner.trimmingSpaces
        func tag(_ kind: Kind, _ rest: Substring) -> TemplateTag {
            TemplateTag(kind: kind, name: String(rest).trimmingSpaces, line: line, column: column)
        }
        if triple { return tag(.unescaped, Substring(trimmed)) }
        guard let first = trimmed.first else { return tag(.variable, "") }
        let rest = trimmed.dropFirst()
        switch first {
        case "&": return tag(.unescaped, rest)
        case "#": return tag(.sectionOpen, rest)
        case "^": return tag(.invertedOpen, rest)
        case "/": return tag(.sectionClose, rest)
        case ">": return tag(.partial, rest)
        case "<": return tag(.parent, rest)
        case "$": return tag(.block, rest)
        case "!": return tag(.comment, rest)
        case "%": return tag(.pragma, rest)
        case "=": return tag(.setDelimiters, rest)
        default: return tag(.variable, Substring(trimmed))
        }
    }
}
