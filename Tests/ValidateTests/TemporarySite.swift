import Foundation

/// A site written into a fresh temporary folder, removed by `remove()`.
struct TemporarySite {
    let path: String

    init(_ files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("scorecard-validate-tests-\(UUID().uuidString)").path
        for (relative, text) in files {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A well-formed, XML-compatible HTML5 page like the renderer's: `body` goes inside `<main>`.
func page(_ body: String, title: String = "Scorecard", css: String = "assets/site.css") -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8"/>
    <title>\(title)</title>
    <link rel="stylesheet" href="\(css)"/>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
}
