import CLibXML2
import Foundation
import ScorecardCore

/// Checks every HTML page of a built site before it is published.
///
/// How pages are parsed (libxml2 2.9 knows HTML 4 only):
/// - Pages are XML-compatible HTML5, so **the XML parser** decides well-formedness (the
///   `<!DOCTYPE html>` is a valid XML doctype; HTML-only named entities such as `&nbsp;` are errors,
///   which keeps pages parseable by both parsers). Its tree is the one ids and links are read from.
/// - **The HTML parser** runs too, for what only it catches: content a browser's HTML parser would
///   restructure although it is well-formed XML (a `<div>` inside a `<p>` closes the `<p>`, so the
///   explicit `</p>` is then "Unexpected end tag"), misplaced `<head>`/`<body>`, a `</script>` inside a
///   script. Its "Tag … invalid" complaints (`XML_HTML_UNKNOWN_TAG`) are ignored: they only mean an
///   HTML5 element it does not know (`nav`, `main`, `section`, `svg` …).
/// - Neither parser catches `<div/>`: XML reads an empty element, libxml2's HTML parser accepts it, but
///   browsers leave the `div` open. A small scan (`SelfClosingTags`) reports `/>` on HTML elements
///   that are not void (`<br/>`, `<img/>`, `<meta/>` … are fine, and anything inside `<svg>`).
///
/// Problems found: parse errors, duplicate `id`s, `#fragment` links to an id the target page lacks,
/// relative links and assets (in pages and in `.css` files) that do not resolve to a file inside the
/// site (a folder resolves to its `index.html`), links that climb out of the site or start at the
/// server root. Absolute URLs (`https:`, `mailto:` …) are not checked.
public struct SiteValidator: Sendable {
    public init() {}

    /// Parses every `.html` file under `directory` and returns every problem (empty when clean).
    ///
    /// Diagnostics name the page by its path relative to `directory`, with the line.
    public func validate(directory: String) -> [Diagnostic] {
        var run = ValidationRun(root: directory)
        let files = Self.files(under: directory)
        // Pages are parsed on every core (libxml2: initialised once, error handler per thread), each into
        // its own run, and merged in page order, so the diagnostics come in the same order as one by one.
        let pages = files.filter { $0.hasSuffix(".html") }
        let perPage = ParallelMap.map(pages.count) { i in
            var one = ValidationRun(root: directory)
            one.checkPage(pages[i])
            return one
        }
        for one in perPage { run.merge(one) }
        for stylesheet in files where stylesheet.hasSuffix(".css") { run.checkStylesheet(stylesheet) }
        run.checkFragmentsAcrossPages()
        return run.diagnostics
    }

    /// Site-relative paths of every regular file under `directory`, sorted.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if isFile(directory + "/" + path) { files.append(path) }
        }
        return files.sorted()
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
