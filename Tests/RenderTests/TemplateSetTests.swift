import Foundation
import ScorecardCore
import Testing
@testable import Render

@Suite struct TemplateSetTests {
    /// A copy of the embedded templates in a temporary folder, changed by `edit`; removed by `body`'s caller.
    func withFolder(_ edit: (inout [String: String]) -> Void, _ body: (String) throws -> Void) throws {
        var files = EmbeddedTemplates.files
        edit(&files)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try body(dir.path)
    }

    func renderError(_ body: () throws -> Void) -> RenderError? {
        do {
            try body()
            return nil
        } catch let error as RenderError {
            return error
        } catch {
            return nil
        }
    }

    @Test func embeddedTemplatesLoad() throws {
        _ = try SiteRenderer(config: Config(), templatesDirectory: nil)
    }

    @Test func aFolderOverridesTheEmbeddedTemplates() throws {
        try withFolder({ $0["categories.mustache"] = $0["categories.mustache"]!.replacingOccurrences(of: "<h1>Categories</h1>", with: "<h1>Product groups</h1>") }) { dir in
            let site = try SiteRenderer(config: ReportFixture.config(), templatesDirectory: dir)
                .render(report: ReportFixture.report(), ingest: ReportFixture.ingest(), archivedMonths: [])
            #expect(String(decoding: site.files["categories/index.html"] ?? [], as: UTF8.self).contains("<h1>Product groups</h1>"))
        }
    }

    @Test func aMissingTemplateIsAUserErrorNamingTheFile() throws {
        try withFolder({ $0["campaign.mustache"] = nil }) { dir in
            let error = renderError { _ = try SiteRenderer(config: Config(), templatesDirectory: dir) }
            #expect(error?.isUserError == true)
            #expect(error?.diagnostics.first?.location?.file == dir + "/campaign.mustache")
        }
    }

    @Test func aMissingFolderIsAUserError() {
        let error = renderError { _ = try SiteRenderer(config: Config(), templatesDirectory: "/nonexistent/templates") }
        #expect(error?.isUserError == true)
    }

    @Test func aParseErrorNamesFileAndLine() throws {
        try withFolder({ $0["months.mustache"] = "{{>layout-top}}\n<p>\n{{#months}}\n</p>\n{{>layout-bottom}}\n" }) { dir in
            let error = renderError { _ = try SiteRenderer(config: Config(), templatesDirectory: dir) }
            #expect(error?.isUserError == true)
            #expect(error?.diagnostics.first?.location?.file == dir + "/months.mustache")
            #expect(error?.diagnostics.first?.location?.line != nil)
        }
    }

    @Test func aVariableThePageDoesNotProvideIsAnError() throws {
        try withFolder({ $0["categories.mustache"] = $0["categories.mustache"]! + "{{noSuchValue}}" }) { dir in
            let renderer = try SiteRenderer(config: ReportFixture.config(), templatesDirectory: dir)
            let error = renderError { _ = try renderer.render(report: ReportFixture.report(), ingest: ReportFixture.ingest(), archivedMonths: []) }
            #expect(error?.isUserError == true)
            #expect(error?.diagnostics.first?.message.contains("{{noSuchValue}}") == true)
            #expect(error?.diagnostics.first?.location?.file == dir + "/categories.mustache")
        }
    }

    @Test func aSectionThePageDoesNotProvideIsAnError() throws {
        let set = try TemplateSet(files: ["t.mustache": "{{^missing}}shown{{/missing}}"].merging(EmbeddedTemplates.files) { a, _ in a },
                                  origin: "t", isUserFolder: false)
        #expect(renderError { _ = try set.render("t", [:]) } != nil)
        #expect(try set.render("t", ["missing": false]) == "shown")
    }

    @Test(arguments: [
        ("{{{name}}}", "not escaped"),
        ("{{& name}}", "not escaped"),
        ("{{a.b}}", "not a plain name"),
        ("{{=<% %>=}}", "set-delimiter"),
        ("{{>nowhere}}", "partial"),
    ])
    func tagsTheRendererCannotCheckAreRejected(tag: String, message: String) {
        let problems = TemplateSet.check("<p>\(tag)</p>", file: "x.mustache", templates: ["x"])
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains(message) == true)
        #expect(problems.first?.location?.line == 1)
        #expect(problems.first?.location?.column == 4)
    }

    @Test func markupMayBeUnescaped() {
        #expect(TemplateSet.check("{{{chartMarkup}}} {{name}} {{#list}}{{.}}{{/list}}", file: "x", templates: []).isEmpty)
    }
}
