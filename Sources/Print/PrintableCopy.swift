/// The page as it is printed: the same markup with the `href` of every link that leaves the page taken
/// out, so the PDF holds no links to the folder it was printed from (which is gone once the build is
/// published, and whose random name would change the PDF's bytes). Links within the page (`#…`) stay:
/// the browser makes them links inside the PDF.
///
/// Only `<a …>` tags are touched (stylesheets still load); the page is the scorecard's own markup, in
/// which every `<` of an input value is escaped, so a tag is found by its `<a ` opening.
enum PrintableCopy {
    static func html(_ page: String) -> String {
        var out = ""
        out.reserveCapacity(page.utf8.count)
        var rest = page[...]
        while let open = rest.range(of: "<a ") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[open.lowerBound...]
                break
            }
            out += withoutOutwardHref(String(rest[open.lowerBound...close]))
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// `<a href="../x.html" class="y">` → `<a class="y">`; `<a href="#alerts">` is kept.
    static func withoutOutwardHref(_ tag: String) -> String {
        guard let start = tag.range(of: " href=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return tag }
        if tag[start.upperBound...].hasPrefix("#") { return tag }
        return String(tag[..<start.lowerBound]) + String(tag[tag.index(after: end)...])
    }
}
