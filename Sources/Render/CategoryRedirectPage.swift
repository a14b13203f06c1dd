/// A page left at a category's former folder (`categories/Nuts_20_26_20Dried_20Fruit/index.html`, from before
/// categories had readable slugs) that sends the reader on to its page: an immediate
/// `<meta http-equiv="refresh">` and an ordinary link, no script. Bookmarks and archived pages that link the
/// old address keep working, and the site validator follows the refresh like a link.
///
/// Made here rather than from a template: it has no layout, and a `--templates` folder of an earlier
/// version needs no new file for it.
struct CategoryRedirectPage: Sendable {
    var siteTitle: String
    var category: String
    /// Site paths of this page and of the category's page.
    var path: String
    var target: String

    func html() -> String {
        let href = Markup.escape(SitePaths.link(from: path, to: target))
        let stylesheet = Markup.escape(SitePaths.link(from: path, to: SitePaths.stylesheet))
        let name = Markup.escape(category)
        let folder = Markup.escape(String(target.dropLast("index.html".count)))
        let text = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="refresh" content="0; url=\(href)" />
        <title>Category \(name) (moved) – \(Markup.escape(siteTitle))</title>
        <link rel="stylesheet" href="\(stylesheet)" />
        </head>
        <body>
        <main id="main">
        <h1>Category \(name)</h1>
        <p>This page has moved to <a href="\(href)">\(folder)</a>.</p>
        </main>
        </body>
        </html>

        """
        return Markup.replacingForbiddenCodePoints(text)
    }
}
