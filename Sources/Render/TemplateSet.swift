import Foundation
import Mustache
import ScorecardCore

/// The page and e-mail templates and the stylesheet, loaded and checked once per build.
///
/// Checks at load time, so a bad template fails before any page is rendered, naming its file and line:
/// every required template exists and parses; partials exist; no set-delimiter tags, dotted names or
/// transforms (the missing-value check below could not see through them); and `{{{ }}}`/`{{& }}` only for
/// names ending in `Markup`, which is markup the program made (SVG charts), never an input value.
/// At render time a name the page does not provide is an error (see `MissingKeyRecorder`).
struct TemplateSet: Sendable {
    /// Templates every build renders (file name without `.mustache`).
    static let required = [
        "layout-top", "layout-bottom", "scorecard", "campaigns", "campaign", "categories", "category", "months", "data-quality",
        "definitions", "email-text", "email-html",
    ]
    static let stylesheetPath = "assets/style.css"

    private var library: MustacheLibrary
    var stylesheet: String
    /// How diagnostics name a template's folder: `templates/` (embedded) or the `--templates` folder.
    var origin: String
    var isUserFolder: Bool

    /// The templates embedded in the binary at build time.
    static func embedded() throws(RenderError) -> TemplateSet {
        try TemplateSet(files: EmbeddedTemplates.files, origin: "templates", isUserFolder: false)
    }

    /// Every `*.mustache` file (recursively) and `assets/style.css` of `directory`.
    static func folder(_ directory: String) throws(RenderError) -> TemplateSet {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(diagnostics: [Diagnostic("templates folder does not exist", at: SourceLocation(file: directory))],
                              isUserError: true)
        }
        let paths = ((try? fm.subpathsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".mustache") || $0 == stylesheetPath }
            .sorted()
        var files: [String: String] = [:]
        var problems: [Diagnostic] = []
        for path in paths {
            let full = (directory as NSString).appendingPathComponent(path)
            guard let data = fm.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic("template cannot be read as UTF-8 text", at: SourceLocation(file: full)))
                continue
            }
            files[path] = text
        }
        if !problems.isEmpty { throw RenderError(diagnostics: problems, isUserError: true) }
        return try TemplateSet(files: files, origin: directory, isUserFolder: true)
    }

    /// - Parameter files: path relative to the templates folder → contents.
    init(files: [String: String], origin: String, isUserFolder: Bool) throws(RenderError) {
        self.origin = origin
        self.isUserFolder = isUserFolder
        var problems: [Diagnostic] = []
        var templates: [String: String] = [:]
        for (path, text) in files where path.hasSuffix(".mustache") {
            templates[String(path.dropLast(".mustache".count))] = text
        }
        for name in Self.required where templates[name] == nil {
            problems.append(Diagnostic("missing template", at: SourceLocation(file: Self.location(origin, name))))
        }
        if files[Self.stylesheetPath] == nil {
            problems.append(Diagnostic("missing stylesheet", at: SourceLocation(file: Self.join(origin, Self.stylesheetPath))))
        }
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            let text = templates[name] ?? ""
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic("template does not parse: \(error.error)", at: SourceLocation(
                    file: Self.location(origin, name), line: error.context.lineNumber, column: error.context.columnNumber)))
                continue
            } catch {
                problems.append(Diagnostic("template does not parse: \(error)", at: SourceLocation(file: Self.location(origin, name))))
                continue
            }
            problems += Self.check(text, file: Self.location(origin, name), templates: Set(templates.keys))
        }
        if !problems.isEmpty { throw RenderError(diagnostics: problems, isUserError: isUserFolder) }
        self.library = library
        self.stylesheet = files[Self.stylesheetPath] ?? ""
    }

    /// Renders template `name` with `values` as its root context.
    /// - Throws: when the template is missing or asks for a name `values` (and its sections) do not hold.
    func render(_ name: String, _ values: [String: Any]) throws(RenderError) -> String {
        let root = MissingKeyRecorder(values)
        guard let text = library.render(root, withTemplate: name) else {
            throw RenderError(diagnostics: [Diagnostic("missing template", at: SourceLocation(file: Self.location(origin, name)))],
                              isUserError: isUserFolder)
        }
        if !root.missing.isEmpty {
            let names = root.missing.sorted().map { "{{\($0)}}" }.joined(separator: ", ")
            throw RenderError(diagnostics: [Diagnostic(
                "template (or a partial it includes) uses \(names), which this page does not provide",
                at: SourceLocation(file: Self.location(origin, name)))], isUserError: isUserFolder)
        }
        // Exports may carry control characters (a form feed in a campaign name): valid UTF-8, so no row
        // is rejected, but not allowed in XML or HTML. Our own markup has none, so replacing them in
        // the finished text covers every input value, wherever a template put it.
        return Markup.replacingForbiddenCodePoints(text)
    }

    /// Problems of one template's tags that the parser accepts but this renderer cannot check.
    static func check(_ text: String, file: String, templates: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for tag in TemplateTag.scan(text) {
            let at = SourceLocation(file: file, line: tag.line, column: tag.column)
            switch tag.kind {
            case .comment, .pragma, .sectionClose, .block:
                continue
            case .setDelimiters:
                problems.append(Diagnostic("set-delimiter tags are not supported", at: at))
            case .partial, .parent:
                if !templates.contains(tag.name) {
                    problems.append(Diagnostic("partial \"\(tag.name)\" is not a template of this folder", at: at))
                }
            case .variable, .unescaped, .sectionOpen, .invertedOpen:
                if tag.name != ".", !tag.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    problems.append(Diagnostic("\"\(tag.name)\" is not a plain name (no dotted names or transforms)", at: at))
                } else if tag.kind == .unescaped, !tag.name.hasSuffix("Markup") {
                    problems.append(Diagnostic(
                        "\"\(tag.name)\" is not escaped; only program-made markup (names ending in Markup) may be", at: at))
                }
            }
        }
        return problems
    }

    static func location(_ origin: String, _ name: String) -> String {
        join(origin, name + ".mustache")
    }

    static func join(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}
