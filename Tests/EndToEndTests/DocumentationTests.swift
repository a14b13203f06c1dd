import Foundation
import Testing

/// The documentation in `docs/` stays complete and self-contained: every key the built binary writes into
/// `data/kpis.json` is documented in `docs/figures.md`, and every relative link of the README and of
/// `docs/*.md` points at a file (and heading) of this repository.
@Suite(.serialized) struct DocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Markdown files users read: the README and every file of `docs/`.
    static var documents: [URL] {
        let docs = repository.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [repository.appendingPathComponent("README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    // MARK: every key of kpis.json is in docs/figures.md

    /// Every key of `data/kpis.json`, with one path it was found at (`weeks[].promo_fill_rate`).
    ///
    /// Object keys at every level count, except where an object's keys are data rather than names the
    /// program chose: the source names under `sources` (`orders`, `inventory`, … — which sources were
    /// exported) and the figure names under `targets.figures` (whichever figures the config gives a
    /// threshold; each is a period figure documented in its own right). The keys *inside* those objects
    /// (`rows`, `rejected`, `min`, `max`, …) are collected.
    static func keys(of json: Any) -> [String: String] {
        var found: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                let keysAreData = path == "sources" || path == "targets.figures"
                for (key, child) in object {
                    let childPath = path.isEmpty ? key : keysAreData ? "\(path).*" : "\(path).\(key)"
                    if !keysAreData, found[key] == nil { found[key] = childPath }
                    walk(child, childPath)
                }
            } else if let array = value as? [Any] {
                for element in array { walk(element, path + "[]") }
            }
        }
        walk(json, "")
        return found
    }

    @Test func keyCollectionSkipsDataKeys() throws {
        let json: [String: Any] = [
            "as_of": "2026-11-15",
            "sources": ["orders": ["rows": 3, "rejected": 0]],
            "targets": ["promo_fill_rate": 0.95, "figures": ["forecast_accuracy": ["min": 0.7]]],
            "weeks": [["period": "2026-W46", "top_shortfall": [["sku": "A", "due_units": 1.0]]]],
        ]
        let keys = Self.keys(of: json)
        #expect(Set(keys.keys) == ["as_of", "sources", "rows", "rejected", "targets", "promo_fill_rate", "figures", "min",
                                   "weeks", "period", "top_shortfall", "sku", "due_units"])
        #expect(keys["due_units"] == "weeks[].top_shortfall[].due_units")
        #expect(keys["min"] == "targets.figures.*.min")
        #expect(keys["rows"] == "sources.*.rows")
    }

    /// Builds the bundled sample (and the same data with thresholds under `targets.figures`, so that their
    /// keys appear too) and checks that each key of `kpis.json` is written in backticks in
    /// `docs/figures.md`. The check is one way: figures.md may document keys the program does not write yet.
    @Test func everyKeyOfKpisJSONIsDocumentedInFigures() throws {
        let tmp = try TemporaryDirectory()
        let sample = try ScorecardProcess.run(["build", "--out", tmp.path("sample").path], in: tmp.url)
        #expect(sample.status == 0, "stderr: \(sample.stderr)")

        let config = """
        data: \(Self.repository.appendingPathComponent("Samples/exports").path)
        base_url: https://intranet.example.com/scorecard/
        targets:
          figures:
            forecast_accuracy: {min: 0.7}
            emergency_freight_share: {max: 0.1}
        """
        try config.write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let withTargets = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path,
                                                    "--out", tmp.path("targets").path], in: tmp.url)
        #expect(withTargets.status == 0, "stderr: \(withTargets.stderr)")

        var keys: [String: String] = [:]
        for site in ["sample", "targets"] {
            let data = try Data(contentsOf: tmp.path("\(site)/data/kpis.json"))
            keys.merge(Self.keys(of: try JSONSerialization.jsonObject(with: data))) { first, _ in first }
        }
        // The walk must have reached the nested levels, or the check below proves nothing.
        for key in ["schema_version", "rows", "ignored_after_as_of", "promo_fill_rate", "readiness", "category"] {
            #expect(keys[key] != nil, "kpis.json has no key \(key): the key collection is broken")
        }
        #expect(keys["orders"] == nil, "source names under sources are data, not keys")

        let figures = try read(Self.repository.appendingPathComponent("docs/figures.md"))
        let missing = keys.filter { !figures.contains("`\($0.key)`") }.sorted { $0.key < $1.key }
        #expect(missing.isEmpty, """
            keys of data/kpis.json not documented in docs/figures.md (write each as `key` in a heading or a table \
            with its meaning, formula, sources and what null means): \
            \(missing.map { "\($0.key) (at \($0.value))" }.joined(separator: ", "))
            """)
    }

    // MARK: links stay inside the repository

    /// A link found in a Markdown file: its target as written and the line it is on.
    struct Link: CustomStringConvertible {
        var target: String
        var line: Int
        var description: String { "line \(line): \(target)" }
    }

    /// Removes fenced code blocks and (unless `keepingInlineCode`) inline code spans, keeping line breaks
    /// so line numbers stay right.
    static func prose(_ markdown: String, keepingInlineCode: Bool = false) -> [String] {
        var out: [String] = []
        var fence: String?
        for line in markdown.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                out.append("")
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                out.append("")
                continue
            }
            if keepingInlineCode {
                out.append(line.replacingOccurrences(of: "`", with: ""))
                continue
            }
            // Inline code: drop every `…` span (links are never inside one).
            var text = ""
            var inCode = false
            for c in line {
                if c == "`" { inCode.toggle(); continue }
                if !inCode { text.append(c) }
            }
            out.append(text)
        }
        return out
    }

    /// Inline links `[text](target)`, images, reference definitions `[x]: target`, autolinks `<scheme:…>`
    /// and HTML `href`/`src` attributes.
    static func links(in markdown: String) -> [Link] {
        let patterns = [
            #"\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#,
            #"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"#,
            #"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]+)>"#,
            #"(?:href|src)\s*=\s*"([^"]*)""#,
        ].map { try! NSRegularExpression(pattern: $0) }
        var found: [Link] = []
        for (n, line) in prose(markdown).enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            for regex in patterns {
                for match in regex.matches(in: line, range: range) {
                    guard let r = Range(match.range(at: 1), in: line) else { continue }
                    found.append(Link(target: String(line[r]), line: n + 1))
                }
            }
        }
        return found
    }

    /// The anchors of a Markdown file as GitHub makes them: a slug per heading (lower case, only letters,
    /// digits, `_`, `-` and spaces kept, spaces as `-`, `-1`, `-2` … for repeats), and explicit `id`/`name`
    /// attributes.
    static func anchors(in markdown: String) -> Set<String> {
        var anchors: Set<String> = []
        var seen: [String: Int] = [:]
        for line in prose(markdown, keepingInlineCode: true) {
            guard line.hasPrefix("#") else { continue }
            let hashes = line.prefix { $0 == "#" }.count
            guard hashes <= 6, line.dropFirst(hashes).first == " " else { continue }
            let text = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces).lowercased()
            var slug = ""
            for c in text {
                if c == " " { slug.append("-") } else if c.isLetter || c.isNumber || c == "_" || c == "-" { slug.append(c) }
            }
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        let ids = try! NSRegularExpression(pattern: #"(?:id|name)\s*=\s*"([^"]+)""#)
        for match in ids.matches(in: markdown, range: NSRange(markdown.startIndex..., in: markdown)) {
            if let r = Range(match.range(at: 1), in: markdown) { anchors.insert(String(markdown[r])) }
        }
        return anchors
    }

    @Test func anchorsAreGitHubSlugs() {
        let md = "# Inputs: the exports\n## `targets.figures` and `min`/`max`\n### `fill_rate` (campaign)\n### A\n### A\n```\n# not a heading\n```\n"
        #expect(Self.anchors(in: md) == ["inputs-the-exports", "targetsfigures-and-minmax", "fill_rate-campaign", "a", "a-1"])
    }

    @Test func linksAreFoundOutsideCode() {
        let md = "See [a](docs/a.md#x) and [b]( ../docs/figures.md ).\n`[c](nope.md)`\n```\n[d](nope.md)\n```\n[e]: https://example.com\n<https://example.org/>\n"
        #expect(Self.links(in: md).map(\.target) == ["docs/a.md#x", "../docs/figures.md", "https://example.com", "https://example.org/"])
    }

    @Test func theFourDocumentsExist() {
        for name in ["inputs.md", "figures.md", "site.md", "operations.md"] {
            let path = Self.repository.appendingPathComponent("docs/\(name)").path
            #expect(FileManager.default.fileExists(atPath: path), "docs/\(name) is missing")
        }
    }

    /// Every link of the README and docs/*.md is relative, resolves to a file or folder inside the
    /// repository (so never to ../shared, which users do not have), and a `#fragment` on a Markdown file
    /// names one of its headings.
    @Test func everyLinkOfTheDocumentationStaysInTheRepository() throws {
        let root = Self.repository.standardizedFileURL.path
        var problems: [String] = []
        var checked = 0
        for document in Self.documents {
            let name = String(document.path.dropFirst(root.count + 1))
            let text = try read(document)
            for link in Self.links(in: text) {
                checked += 1
                let target = link.target
                func problem(_ why: String) { problems.append("\(name) \(link): \(why)") }
                if target.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil {
                    problem("links outside the repository (an absolute URL)")
                    continue
                }
                if target.hasPrefix("/") {
                    problem("an absolute path; link relative to the file instead")
                    continue
                }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = parts[0].removingPercentEncoding ?? parts[0]
                let fragment = parts.count > 1 ? parts[1] : nil
                let resolved = path.isEmpty
                    ? document
                    : document.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                guard resolved.path == root || resolved.path.hasPrefix(root + "/") else {
                    problem("points outside the repository (\(resolved.path))")
                    continue
                }
                guard FileManager.default.fileExists(atPath: resolved.path) else {
                    problem("\(resolved.path.dropFirst(root.count + 1)) does not exist")
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.pathExtension == "md" {
                    let anchors = Self.anchors(in: try read(resolved))
                    if !anchors.contains(fragment) { problem("no heading or anchor #\(fragment) in it") }
                }
            }
        }
        #expect(checked > 20, "only \(checked) links found: the link scanner is broken")
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }
}
