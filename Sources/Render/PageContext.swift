/// The values every page's layout needs: titles, the stylesheet, the one navigation, the as-of date.
struct PageContext: Sendable {
    /// A navigation section: label and site path.
    static let sections: [(label: String, path: String)] = [
        ("Scorecard", SitePaths.index),
        ("Campaigns", SitePaths.campaigns),
        ("Categories", SitePaths.categories),
        ("Months", SitePaths.months),
        ("Data quality", SitePaths.dataQuality),
        ("Definitions", SitePaths.definitions),
    ]

    var site: SiteContext

    /// The navigation: the sections, with "Segments" after "Categories" when dimensions are configured.
    var sections: [(label: String, path: String)] {
        guard !site.segments.isEmpty else { return Self.sections }
        var list = Self.sections
        list.insert(("Segments", SitePaths.segments), at: 3)
        return list
    }

    /// - Parameters:
    ///   - path: the page's site path (links are made relative to it).
    ///   - current: the site path of the navigation section the page belongs to.
    ///   - stylesheet: the site path of the stylesheet (a closed month links its own copy).
    func values(path: String, title: String, current: String, stylesheet: String = SitePaths.stylesheet) -> [String: Any] {
        [
            "lang": "en",
            "siteTitle": site.config.title,
            "pageTitle": title,
            "stylesheet": SitePaths.link(from: path, to: stylesheet),
            "asOf": site.report.asOf.description,
            "definitionsHref": SitePaths.link(from: path, to: SitePaths.definitions),
            "nav": sections.map { section -> [String: Any] in
                [
                    "label": section.label, "href": SitePaths.link(from: path, to: section.path),
                    "isPage": section.path == path, "inSection": section.path == current && section.path != path,
                ]
            },
        ]
    }
}
