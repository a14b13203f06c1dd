import Foundation
import ScorecardCore
import Testing
@testable import Validate

// libxml2 has global state (its error handler, its parser tables): one validation at a time.
@Suite("Site validator", .serialized)
struct SiteValidatorTests {
    /// Validates `files` and returns each diagnostic as `file:line: message`.
    func problems(_ files: [String: String]) throws -> [String] {
        let site = try TemporarySite(files)
        defer { site.remove() }
        return SiteValidator().validate(directory: site.path).map { d in
            "\(d.location?.description ?? "?"): \(d.message)"
        }
    }

    @Test("a realistic HTML5 site with nav, svg, tables, folders, assets and fragments is clean")
    func cleanSite() throws {
        let week = page("""
            <header><nav><a href="../../index.html">Home</a> <a href="../../months/">Months</a> <a href="#alerts">Alerts</a></nav></header>
            <section id="alerts"><h2>Alerts</h2><p>Fill rate 93.1&#160;% &amp; falling &lt;95 %</p></section>
            <table><thead><tr><th scope="col">KPI</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20" role="img"><title>trend</title>
            <polyline points="0,10 50,5 100,15" fill="none" stroke="currentColor"/><rect x="0" y="0" width="10" height="10"/></svg>
            <img src="../../assets/logo.png" alt=""/>
            <p><a href="https://intranet/x">ext</a> <a href="mailto:a@b.c">mail</a> <a href="../../campaigns/C%2017/?sort=1#top">C 17</a>
            <a href="../../months/index.html#m2026-10">Oct</a> <a href="../../data/kpis.json">json</a></p>
            """, css: "../../assets/site.css")
        #expect(try problems([
            "index.html": page(#"<p><a href="weeks/2026-W46/">W46</a></p>"#),
            "weeks/2026-W46/index.html": week,
            "months/index.html": page(#"<ul><li id="m2026-10">October</li></ul>"#, css: "../assets/site.css"),
            "campaigns/C 17/index.html": page(#"<h1 id="top">C 17</h1>"#, css: "../../assets/site.css"),
            "assets/site.css": "body { font: 14px sans-serif; }\n@font-face { src: url(\"fonts/a.woff2\"); }\n",
            "assets/fonts/a.woff2": "",
            "assets/logo.png": "",
            "data/kpis.json": "{}",
        ]) == [])
    }

    @Test("a page that is not well-formed fails with its file and line")
    func parseError() throws {
        let found = try problems(["assets/site.css": "", "bad.html": page("<p>one\n<p>two</p>")])
        // The page's line 9 is "<main>", so the body starts on line 10; the unclosed <p> is detected at
        // </main> on line 12. Only the first XML error is reported: the later ones are its echoes.
        #expect(found == ["bad.html:12: not well-formed: Opening and ending tag mismatch: p line 10 and main"])
    }

    @Test("an HTML-only named entity such as &nbsp; is a parse error: pages must also parse as XML")
    func htmlEntity() throws {
        let found = try problems(["assets/site.css": "", "index.html": page("<p>93.1&nbsp;%</p>")])
        #expect(found.count == 1)
        #expect(found.first?.contains("index.html:10: not well-formed: Entity 'nbsp' not defined") == true)
    }

    @Test("well-formed markup a browser would restructure is caught by the HTML parser")
    func htmlOnlyProblem() throws {
        // <div> inside <p>: well-formed XML, but an HTML parser closes the <p> at <div>, so </p> is stray.
        let found = try problems(["assets/site.css": "", "index.html": page("<p>a<div>b</div></p>")])
        #expect(found == ["index.html:10: HTML parser: Unexpected end tag : p"])
    }

    @Test("<div/> is reported (browsers leave it open); void elements and SVG may self-close")
    func selfClosingTags() throws {
        let found = try problems(["assets/site.css": "", "index.html": page("""
            <p>a<br/><img src="assets/site.css" alt="x/>"/></p><div class="a>b"/>
            <svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/><g><path d="M0 0"/></g></svg>
            <!-- <span/> in a comment --><td/>
            """)])
        // Body line 10 holds the <div/> (after a quoted ">" and "/>"); line 12 the <td/> after the comment.
        #expect(found == [
            "index.html:10: <div/> is not an empty element in HTML (browsers leave it open); write <div></div>",
            "index.html:12: <td/> is not an empty element in HTML (browsers leave it open); write <td></td>",
        ])
    }

    @Test("a duplicate id is reported at its second use, naming the first")
    func duplicateId() throws {
        let found = try problems(["assets/site.css": "", "index.html": page("<h2 id=\"a\">A</h2>\n<h2 id=\"b\">B</h2>\n<p id=\"a\">again</p>")])
        #expect(found == ["index.html:12: duplicate id \"a\" (first at line 10)"])
    }

    @Test("links that do not resolve inside the site", arguments: [
        ("missing.html", "index.html:10: link \"missing.html\" does not resolve to a file in the site (missing.html)"),
        ("weeks/", "index.html:10: link \"weeks/\" points at a folder without index.html (weeks/index.html)"),
        ("weeks", "index.html:10: link \"weeks\" points at a folder without index.html (weeks/index.html)"),
        ("../outside.html", "index.html:10: link \"../outside.html\" leaves the site's folder"),
        ("/index.html", "index.html:10: link \"/index.html\" starts at the server's root; links inside the site must be relative, so the site works from any folder"),
        ("#nowhere", "index.html:10: link \"#nowhere\" points at no id on this page"),
        ("other.html#nowhere", "index.html:10: link \"other.html#nowhere\" points at no id \"nowhere\" in other.html"),
        ("weeks/x%2Fy.html", "index.html:10: link \"weeks/x%2Fy.html\" does not resolve to a file in the site (weeks/x/y.html)"),
    ])
    func brokenLinks(href: String, expected: String) throws {
        let found = try problems([
            "assets/site.css": "", "other.html": page("<p id=\"here\">x</p>"), "weeks/notes.txt": "",
            "index.html": page("<p><a href=\"\(href)\">x</a></p>"),
        ])
        #expect(found == [expected])
    }

    @Test("links that resolve, or are not checked", arguments: [
        "other.html", "./other.html?x=1", "other.html#here", "weeks/../other.html", "sub/", "sub", "sub/index.html",
        "%6Fther.html", "", "#", "?page=2", "https://example.com/missing", "mailto:ops@example.com", "//cdn/x.css",
    ])
    func goodLinks(href: String) throws {
        #expect(try problems([
            "assets/site.css": "", "other.html": page("<p id=\"here\">x</p>"), "sub/index.html": page("<p>s</p>", css: "../assets/site.css"),
            "weeks/notes.txt": "", "index.html": page("<p><a href=\"\(href)\">x</a></p>"),
        ]) == [])
    }

    @Test("assets: stylesheet, image, srcset, inline style, and url() in a stylesheet")
    func assets() throws {
        let found = try problems([
            "index.html": page("""
                <img src="assets/a.png" alt="" srcset="assets/a.png 1x, assets/b2.png 2x"/>
                <p style="background: url('assets/gone.png')">x</p>
                """, css: "assets/missing.css"),
            "assets/a.png": "",
            "assets/site.css": "/* url(commented.png) */\nbody {\n  background: url(img/bg.png);\n}\n",
        ])
        #expect(found == [
            "index.html:6: link \"assets/missing.css\" does not resolve to a file in the site (assets/missing.css)",
            "index.html:10: link \"assets/b2.png\" does not resolve to a file in the site (assets/b2.png)",
            "index.html:11: link \"assets/gone.png\" does not resolve to a file in the site (assets/gone.png)",
            "assets/site.css:3: link \"img/bg.png\" does not resolve to a file in the site (assets/img/bg.png)",
        ])
    }

    @Test("every problem of every page is reported, pages in path order")
    func collectsEverything() throws {
        let found = try problems([
            "assets/site.css": "",
            "b.html": page("<p id=\"x\">1</p><p id=\"x\">2</p>"),
            "a.html": page("<p><a href=\"nope.html\">x</a></p>\n<p>&bogus;</p>"),
        ])
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("a.html:11: not well-formed") == true)
        #expect(found.last == "b.html:10: duplicate id \"x\" (first at line 10)")
    }
}
