import Foundation

/// A folder holding a small site page and stand-in "browsers" (shell scripts) that print, fail, hang
/// or write nothing, so the printer is tested without Chromium.
final class PrintFixture {
    let root: String
    var site: String { root + "/site" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-print-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: site + "/weeks/2026-W46", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: site + "/assets", withIntermediateDirectories: true)
        try Data("body { color: #000; }\n".utf8).write(to: URL(fileURLWithPath: site + "/assets/style.css"))
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: site + "/weeks/2026-W46/index.html"))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>Week 2026-W46</title><link rel="stylesheet" href="../../assets/style.css" /></head>
        <body><main id="main"><h1 id="top">Week 2026-W46</h1>
        <p><a href="../../index.html">Scorecard</a> · <a href="#top">top</a> · <a class="x" href="https://example.com/">outside</a></p>
        <table><thead><tr><th>Figure</th></tr></thead><tbody><tr><td>93.1 %</td></tr></tbody></table>
        </main></body>
        </html>

        """

    /// An executable script named `name` with `body` after a line that finds `--print-to-pdf=`'s path in `$out`.
    func browser(_ name: String, _ body: String) throws -> String {
        let path = root + "/" + name
        let script = """
            #!/bin/sh
            out=""
            for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done
            \(body)

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    /// Prints a PDF whose dates are those of a clock, and records its arguments.
    func printingBrowser() throws -> String {
        try browser("fake-chromium", """
            echo "$@" > "\(root)/arguments"
            for a in "$@"; do case "$a" in file://*) cp "${a#file://}" "\(root)/printed.html";; esac; done
            printf "%%PDF-1.4\\n1 0 obj <</Producer (fake)\\n/CreationDate (D:20991231235959+01'00')\\n/ModDate (D:20991231235959+01'00')>>\\nendobj\\n%%%%EOF\\n" > "$out"
            """)
    }
}
