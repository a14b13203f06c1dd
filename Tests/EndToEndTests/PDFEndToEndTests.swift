import Foundation
import Testing

/// `pdf:` and `email.attach` through the built binary, with stand-in browsers (shell scripts) so no
/// Chromium is needed: what is printed, what is carried over, and what fails how.
@Suite(.serialized) struct PDFEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exports = repository.appendingPathComponent("Samples/exports").path
    static let tree = PublishingEndToEndTests.tree
    static let differences = PublishingEndToEndTests.differences

    /// A stand-in browser: writes a small PDF naming the page and the run (counted in `runs`), after `body`.
    static func browser(_ tmp: TemporaryDirectory, _ name: String, _ body: String = "") throws -> String {
        let path = tmp.path(name).path
        let script = """
            #!/bin/sh
            out=""; page=""
            for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="$a";; esac; done
            echo x >> "\(tmp.path("runs").path)"
            \(body)
            printf '%%PDF-1.4\\n%% %s run %s\\n/CreationDate (D:20991231235959+01'"'"'00'"'"')\\n%%%%EOF\\n' "$page" "$(wc -l < "\(tmp.path("runs").path)")" > "$out"

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    /// A config of the bundled sample publishing into `tmp/site`, with `extra` appended.
    static func config(_ tmp: TemporaryDirectory, _ extra: String, asOf: String = "2026-11-15") throws -> String {
        let path = tmp.path("scorecard.yml").path
        let text = """
            title: Fine Foods Scorecard
            base_url: https://intranet.example.com/scorecard/
            data: \(exports)
            out: site
            as_of: \(asOf)
            email:
              from: scorecard@example.com
              to: [leadership@example.com]
            \(extra)
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func build(_ tmp: TemporaryDirectory, _ config: String, _ extra: [String] = []) throws -> ScorecardProcess.Result {
        try ScorecardProcess.run(["build", "--config", config] + extra, in: tmp.url)
    }

    static func runs(_ tmp: TemporaryDirectory) -> Int {
        ((try? String(contentsOf: tmp.path("runs"), encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test func theWeekAndEveryClosedMonthArePrintedLinkedAndArchivedOnce() throws {
        let tmp = try TemporaryDirectory()
        let config = try Self.config(tmp, "pdf:\n  chromium: \(try Self.browser(tmp, "fake-chromium"))\n")
        let first = try Self.build(tmp, config)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stderr == "")
        // W46 and every closed month (the sample's first to October); November is open.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("site/data/kpis.json"))) as? [String: Any]
        let closed = (json?["months"] as? [[String: Any]] ?? []).filter { ($0["end"] as? String ?? "9") <= "2026-11-15" }.count
        #expect(closed >= 6)
        #expect(Self.runs(tmp) == 1 + closed)
        let week = try String(contentsOf: tmp.path("site/weeks/2026-W46/scorecard-2026-W46.pdf"), encoding: .utf8)
        #expect(week.hasPrefix("%PDF-1.4"))
        #expect(week.contains("/CreationDate (D:20261115000000+00'00')"))
        #expect(week.contains("/weeks/2026-W46/.print-"), "printed from a copy beside the page")
        for month in ["2026-05", "2026-10"] { #expect(tmp.exists("site/months/\(month)/scorecard-\(month).pdf")) }
        #expect(!tmp.exists("site/months/2026-11/scorecard-2026-11.pdf"))
        #expect(try String(contentsOf: tmp.path("site/months/2026-10/index.html"), encoding: .utf8)
            .contains("<a href=\"scorecard-2026-10.pdf\">PDF of this month</a>"))
        #expect(try String(contentsOf: tmp.path("site/weeks/2026-W46/index.html"), encoding: .utf8)
            .contains("<a href=\"scorecard-2026-W46.pdf\">PDF of this week</a>"))
        #expect(try String(contentsOf: tmp.path("site/index.html"), encoding: .utf8)
            .contains("<a href=\"weeks/2026-W46/scorecard-2026-W46.pdf\">PDF of this week</a>"))
        #expect(!(try String(contentsOf: tmp.path("site/weeks/2026-W45/index.html"), encoding: .utf8)).contains("PDF of this week"))
        // No copy of a page is left behind.
        #expect(Self.tree(tmp.path("site")).keys.filter { $0.contains(".print-") }.isEmpty)

        // The next build prints the week only; the archived months keep their PDFs, byte for byte.
        let before = Self.tree(tmp.path("site"))
        let second = try Self.build(tmp, config)
        try #require(second.status == 0, "stderr: \(second.stderr)")
        #expect(Self.runs(tmp) == 2 + closed)
        let after = Self.tree(tmp.path("site"))
        #expect(Self.differences(before, after) == ["weeks/2026-W46/scorecard-2026-W46.pdf"])

        // --rebuild-archive rewrites the month and its PDF.
        let rebuilt = try Self.build(tmp, config, ["--rebuild-archive", "2026-10"])
        try #require(rebuilt.status == 0, "stderr: \(rebuilt.stderr)")
        #expect(Self.runs(tmp) == 4 + closed)
        let last = Self.tree(tmp.path("site"))
        #expect(Self.differences(after, last) == ["months/2026-10/scorecard-2026-10.pdf", "weeks/2026-W46/scorecard-2026-W46.pdf"])
    }

    @Test func aMonthArchivedBeforePDFsWereConfiguredKeepsNoPDF() throws {
        let tmp = try TemporaryDirectory()
        let plain = try Self.config(tmp, "")
        try #require(try Self.build(tmp, plain).status == 0)
        let config = try Self.config(tmp, "pdf:\n  chromium: \(try Self.browser(tmp, "fake-chromium"))\n")
        let result = try Self.build(tmp, config)
        try #require(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.runs(tmp) == 1)
        #expect(tmp.exists("site/weeks/2026-W46/scorecard-2026-W46.pdf"))
        #expect(!tmp.exists("site/months/2026-10/scorecard-2026-10.pdf"))
        // Its archived page links no PDF, and the site validated.
        #expect(!(try String(contentsOf: tmp.path("site/months/2026-10/index.html"), encoding: .utf8)).contains("PDF of this month"))
    }

    @Test func aMissingBrowserIsAConfigurationErrorBeforeAnyWork() throws {
        let tmp = try TemporaryDirectory()
        let config = try Self.config(tmp, "pdf:\n  chromium: no-such-browser-here\n")
        let result = try Self.build(tmp, config)
        #expect(result.status == 2)
        // The config's line 10 holds `chromium:`; its value starts at column 13.
        #expect(result.stderr.contains("scorecard.yml:10:13: error: pdf.chromium: the browser \"no-such-browser-here\" to print PDFs with is not found on PATH"),
                "\(result.stderr)")
        #expect(!tmp.exists("site"))
        #expect(!tmp.exists(".site.lock"), "failed before taking the lock")
    }

    @Test(arguments: [
        ("failing", "echo 'cannot open display' >&2; exit 3", "exited with status 3: cannot open display"),
        ("hanging", "sleep 300", "did not finish within 1 s (pdf.timeout_seconds)"),
        ("writing nothing", "exit 0", "exited without writing a PDF"),
    ])
    func aFailedPrintPublishesNothing(name: String, body: String, message: String) throws {
        let tmp = try TemporaryDirectory()
        let good = try Self.config(tmp, "")
        try #require(try Self.build(tmp, good).status == 0)
        let before = Self.tree(tmp.path("site"))
        let script = body == "exit 0" ? "#!/bin/sh\nexit 0\n" : nil
        let browser: String
        if let script {
            browser = tmp.path("silent").path
            try Data(script.utf8).write(to: URL(fileURLWithPath: browser))
            chmod(browser, 0o755)
        } else {
            browser = try Self.browser(tmp, "bad-chromium", body)
        }
        let config = try Self.config(tmp, "pdf:\n  chromium: \(browser)\n  timeout_seconds: 1\n")
        let start = Date()
        let result = try Self.build(tmp, config)
        #expect(result.status == 1, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(Self.differences(before, Self.tree(tmp.path("site"))) == [], "the previous site stays")
        let parent = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path)
        #expect(parent.filter { $0.hasPrefix(".site.build-") }.count == 1, "no staging folder left: \(parent)")
    }

    @Test func attachingThePDFNeedsPDFsConfigured() throws {
        let tmp = try TemporaryDirectory()
        let config = try Self.config(tmp, "")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "  to: [leadership@example.com]", with: "  to: [leadership@example.com]\n  attach: [xlsx, pdf]")
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        let result = try Self.build(tmp, config)
        #expect(result.status == 2)
        #expect(result.stderr.contains("scorecard.yml:9:18: error: email.attach: pdf attaches the week's PDF, which needs pdf:"), "\(result.stderr)")
    }

    @Test func theDigestAttachesTheWorkbookAndThePDF() throws {
        let tmp = try TemporaryDirectory()
        let config = try Self.config(tmp, "pdf:\n  chromium: \(try Self.browser(tmp, "fake-chromium"))\n")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "  to: [leadership@example.com]", with: "  to: [leadership@example.com]\n  attach: [xlsx, pdf]")
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        let result = try Self.build(tmp, config)
        try #require(result.status == 0, "stderr: \(result.stderr)")
        let eml = try Data(contentsOf: tmp.path("site/email/latest.eml"))
        #expect(eml == (try Data(contentsOf: tmp.path("site/email/2026-W46.eml"))))
        let message = String(decoding: eml, as: UTF8.self)
        #expect(message.contains("Content-Type: multipart/mixed;\r\n boundary=\"=_mixed_scorecard_2026-W46\"\r\n"))
        #expect(message.contains("Content-Disposition: attachment;\r\n filename=\"scorecard-2026-W46.xlsx\"\r\n"))
        #expect(message.contains("Content-Disposition: attachment;\r\n filename=\"scorecard-2026-W46.pdf\"\r\n"))
        #expect(message.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 78 })
        let parts = try DigestParts.parse(tmp.path("site/email/latest.eml").path)
        if let parts {
            #expect(parts.first == "multipart/mixed")
            #expect(parts.contains("multipart/alternative"))
            #expect(parts.contains("text/plain"))
            #expect(parts.contains("text/html"))
            let workbook = try Data(contentsOf: tmp.path("site/data/scorecard.xlsx"))
            let pdf = try Data(contentsOf: tmp.path("site/weeks/2026-W46/scorecard-2026-W46.pdf"))
            #expect(parts.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet attachment scorecard-2026-W46.xlsx \(workbook.count) \(DigestParts.sha256(workbook))"))
            #expect(parts.contains("application/pdf attachment scorecard-2026-W46.pdf \(pdf.count) \(DigestParts.sha256(pdf))"))
        }
    }

    @Test func aDigestWithTheWorkbookIsByteIdenticalOnRebuild() throws {
        let tmp = try TemporaryDirectory()
        let config = try Self.config(tmp, "")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "  to: [leadership@example.com]", with: "  to: [leadership@example.com]\n  attach: xlsx")
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        try #require(try Self.build(tmp, config).status == 0)
        let first = Self.tree(tmp.path("site"))
        try #require(try Self.build(tmp, config).status == 0)
        #expect(Self.differences(first, Self.tree(tmp.path("site"))) == [])
        let parts = try DigestParts.parse(tmp.path("site/email/latest.eml").path)
        if let parts {
            let workbook = try Data(contentsOf: tmp.path("site/data/scorecard.xlsx"))
            #expect(parts == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html",
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet attachment scorecard-2026-W46.xlsx \(workbook.count) \(DigestParts.sha256(workbook))"])
        }
    }
}

/// The parts of a message as Python's `email` package reads them (`nil` without python3): one line per
/// part, `type` for containers and bodies, `type disposition filename size sha256` for attachments.
enum DigestParts {
    static func parse(_ path: String) throws -> [String]? {
        guard let python = ExternalTool.find("python3") else { return nil }
        let script = """
            import email, email.policy, hashlib, sys
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
            assert not m.defects, m.defects
            for p in m.walk():
                assert not p.defects, p.defects
                if p.get_content_disposition() == 'attachment':
                    data = p.get_payload(decode=True)
                    print(p.get_content_type(), 'attachment', p.get_filename(), len(data), hashlib.sha256(data).hexdigest())
                else:
                    print(p.get_content_type())
            """
        let result = try ExternalTool.run(python, ["-c", script, path])
        #expect(result.status == 0, "python3: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    static func sha256(_ data: Data) -> String {
        guard let shasum = ExternalTool.find("sha256sum") else { return "" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-sha-\(UUID().uuidString)")
        try? data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return (try? ExternalTool.run(shasum, [file.path]))?.stdout.split(separator: " ").first.map(String.init) ?? ""
    }
}
