import CLibXML2
import Foundation
import ScorecardCore

/// The state of one `SiteValidator.validate(directory:)`: diagnostics so far, ids of every page, and
/// cross-page `#fragment` links to check once every page has been read.
struct ValidationRun: Sendable {
    let root: String
    var diagnostics: [Diagnostic] = []
    /// Ids per page that parsed, for `other.html#id` links.
    var idsByPage: [String: Set<String>] = [:]
    var crossPageFragments: [(page: String, fragment: String, url: String, at: SourceLocation)] = []

    init(root: String) {
        self.root = root
    }

    /// Adds what a run over other pages found, after what this one found.
    mutating func merge(_ other: ValidationRun) {
        diagnostics += other.diagnostics
        idsByPage.merge(other.idsByPage) { _, new in new }
        crossPageFragments += other.crossPageFragments
    }

    mutating func report(_ message: String, file: String, line: Int?) {
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, line: line.flatMap { $0 > 0 ? $0 : nil })))
    }

    /// Parses one page with both parsers and checks its ids and links.
    mutating func checkPage(_ page: String) {
        guard let data = FileManager.default.contents(atPath: root + "/" + page) else {
            report("cannot read the page", file: page, line: nil)
            return
        }
        let bytes = [UInt8](data)
        let (document, xmlProblems) = LibXML.parseXML(bytes, name: page)
        // Only the first XML error: libxml2 goes on after a tag mismatch, and what follows is its echo.
        if let problem = xmlProblems.first(where: { $0.level >= Int(XML_ERR_ERROR.rawValue) }) {
            report("not well-formed: \(problem.message)", file: page, line: problem.line)
        }
        // The HTML parser's "Tag … invalid" only means an HTML5 element libxml2 2.9 does not know; its
        // "ID … already defined" is reported below with the first line.
        let ignoredHTMLProblems = [Int(XML_HTML_UNKNOWN_TAG.rawValue), Int(XML_DTD_ID_REDEFINED.rawValue)]
        for problem in LibXML.parseHTML(bytes, name: page)
        where problem.level >= Int(XML_ERR_ERROR.rawValue) && !ignoredHTMLProblems.contains(problem.code) {
            report("HTML parser: \(problem.message)", file: page, line: problem.line)
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        for tag in SelfClosingTags.find(in: bytes) {
            report("<\(tag.name)/> is not an empty element in HTML (browsers leave it open); write <\(tag.name)></\(tag.name)>",
                   file: page, line: tag.line)
        }
        var walker = PageWalker()
        walker.walk(xmlDocGetRootElement(document))
        checkIds(walker.ids, page: page)
        let ids = Set(walker.ids.map(\.id))
        idsByPage[page] = ids
        for reference in walker.urls {
            checkLink(reference.url, from: page, line: reference.line, pageIds: ids)
        }
    }

    mutating func checkIds(_ ids: [(id: String, line: Int)], page: String) {
        var first: [String: Int] = [:]
        for (id, line) in ids {
            if let earlier = first[id] {
                report("duplicate id \"\(id)\" (first at line \(earlier))", file: page, line: line)
            } else {
                first[id] = line
            }
        }
    }

    /// Checks one URL found at `line` of `file`; `pageIds` is `nil` for stylesheets (no fragments).
    mutating func checkLink(_ url: String, from file: String, line: Int, pageIds: Set<String>?) {
        switch SiteLink(url, from: file) {
        case .external:
            return
        case .samePage(let fragment):
            if let fragment, let pageIds, !pageIds.contains(fragment) {
                report("link \"\(url)\" points at no id on this page", file: file, line: line)
            }
        case .rootAbsolute:
            report("link \"\(url)\" starts at the server's root; links inside the site must be relative, "
                + "so the site works from any folder", file: file, line: line)
        case .escapesSite:
            report("link \"\(url)\" leaves the site's folder", file: file, line: line)
        case .inSite(let path, let isFolder, let fragment):
            let full = path.isEmpty ? root : root + "/" + path
            var target = path
            if isFolder || SiteValidator.isDirectory(full) {
                target = path.isEmpty ? "index.html" : path + "/index.html"
                guard SiteValidator.isFile(root + "/" + target) else {
                    report("link \"\(url)\" points at a folder without index.html (\(target))", file: file, line: line)
                    return
                }
            } else if !SiteValidator.isFile(full) {
                report("link \"\(url)\" does not resolve to a file in the site (\(path))", file: file, line: line)
                return
            }
            if let fragment, pageIds != nil, target.hasSuffix(".html") {
                crossPageFragments.append((target, fragment, url, SourceLocation(file: file, line: line)))
            }
        }
    }

    /// `other.html#id` links, once every page's ids are known; a target page that did not parse has
    /// already been reported.
    mutating func checkFragmentsAcrossPages() {
        for link in crossPageFragments {
            guard let ids = idsByPage[link.page], !ids.contains(link.fragment) else { continue }
            report("link \"\(link.url)\" points at no id \"\(link.fragment)\" in \(link.page)", file: link.at.file, line: link.at.line)
        }
    }

    /// Checks the `url(…)` and `@import "…"` references of a stylesheet.
    mutating func checkStylesheet(_ stylesheet: String) {
        guard let data = FileManager.default.contents(atPath: root + "/" + stylesheet) else {
            report("cannot read the stylesheet", file: stylesheet, line: nil)
            return
        }
        for reference in CSSReferences.find(in: String(decoding: data, as: UTF8.self)) {
            checkLink(reference.url, from: stylesheet, line: reference.line, pageIds: nil)
        }
    }
}
