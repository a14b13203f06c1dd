import Metrics
import ScorecardCore

/// Turns a `Report` into every page, data file and e-mail of the site (docs/site.md).
///
/// Output is a pure function of the inputs (no clock, no locale, everything sorted), so two builds of
/// the same data write the same bytes.
public struct SiteRenderer: Sendable {
    public var config: Config
    let templates: TemplateSet

    /// Loads and checks every template once.
    /// - Parameter templatesDirectory: overrides the embedded templates (`--templates DIR`); its problems
    ///   are user errors.
    public init(config: Config, templatesDirectory: String?) throws(RenderError) {
        self.config = config
        if let templatesDirectory {
            templates = try TemplateSet.folder(templatesDirectory)
        } else {
            templates = try TemplateSet.embedded()
        }
    }

    /// - Parameters:
    ///   - archivedMonths: `YYYY-MM` of the month snapshots the published site already holds, listed on
    ///     `months/index.html` beside the report's own months.
    /// - Returns: every file of the site keyed by site-relative path: pages, `assets/style.css`, the CSS
    ///   copy of each closed month, the data files and the digest.
    public func render(report: Report, ingest: IngestSummary, archivedMonths: [String]) throws(RenderError) -> RenderedSite {
        let site = SiteContext(config: config, report: report, ingest: ingest)
        var files: [String: [UInt8]] = [:]
        // Pages are listed here and rendered on every core afterwards; the first failing page in this
        // order is the error, as when they were rendered one by one.
        var pages: [(path: String, template: String, values: @Sendable () -> [String: Any])] = []
        func page(_ path: String, _ template: String, _ values: @escaping @Sendable () -> [String: Any]) {
            pages.append((path, template, values))
        }

        page(SitePaths.index, "scorecard") {
            ScorecardPage(site: site, periods: site.weeks, index: site.asOfWeek, path: SitePaths.index, isFront: true).values()
        }
        for i in site.weeks.indices {
            let path = SitePaths.week(site.weeks[i].period.label)
            page(path, "scorecard") { ScorecardPage(site: site, periods: site.weeks, index: i, path: path, isFront: false).values() }
        }
        for i in site.months.indices {
            let month = site.months[i].period
            let path = SitePaths.month(month.label)
            page(path, "scorecard") { ScorecardPage(site: site, periods: site.months, index: i, path: path, isFront: false).values() }
            if site.isClosed(month) {
                files[SitePaths.monthStylesheet(month.label)] = Array(templates.stylesheet.utf8)
            }
        }
        page(SitePaths.months, "months") { MonthsIndexPage(site: site, archived: archivedMonths).values() }
        page(SitePaths.campaigns, "campaigns") { CampaignsIndexPage(site: site).values() }
        for campaign in report.campaigns {
            guard let path = site.campaignPath(campaign.campaignID) else { continue }
            page(path, "campaign") { CampaignPage(site: site, campaign: campaign, path: path).values() }
        }
        page(SitePaths.categories, "categories") { CategoriesPage(site: site).values() }
        for category in report.categories {
            let path = site.categoryPath(category.category)
            page(path, "category") { CategoryPage(site: site, category: category, path: path).values() }
        }
        // Category folders were percent-style escapes before they were slugs: the old address of each
        // category sends readers on. A real page is written after a stub whose name differs only in case
        // (sorted paths, upper case first), so it wins on a case-insensitive file system.
        let formerFolders = PathSafeNames(ids: report.categories.map(\.category))
        let realFolders = Set(report.categories.map { site.categoryPath($0.category) })
        for category in report.categories {
            let former = SitePaths.category(formerFolders.folder(category.category))
            guard !realFolders.contains(former) else { continue }
            files[former] = Array(CategoryRedirectPage(siteTitle: config.title, category: category.category, path: former,
                                                       target: site.categoryPath(category.category)).html().utf8)
        }
        if !report.segments.isEmpty {
            page(SitePaths.segments, "segments") { SegmentsPage(site: site, dimension: nil, path: SitePaths.segments).values() }
            for dimension in report.segments {
                let path = SitePaths.segment(dimension.key)
                page(path, "segments") { SegmentsPage(site: site, dimension: dimension, path: path).values() }
                for view in dimension.views {
                    let viewSite = site.forView(dimension, view)
                    let viewPath = site.segmentFolders.page(dimension.key, view)
                    page(viewPath, "scorecard") {
                        ScorecardPage(site: viewSite, periods: viewSite.weeks, index: viewSite.asOfWeek, path: viewPath, isFront: false).values()
                    }
                }
            }
        }
        page(SitePaths.dataQuality, "data-quality") { DataQualityPage(site: site).values() }
        page(SitePaths.definitions, "definitions") { DefinitionsPage(site: site).values() }
        let templates = self.templates, jobs = pages
        let rendered = ParallelMap.map(jobs.count) { i -> Result<[UInt8], RenderError> in
            do throws(RenderError) {
                return .success(Array(try templates.render(jobs[i].template, jobs[i].values()).utf8))
            } catch {
                return .failure(error)
            }
        }
        for (job, result) in zip(jobs, rendered) {
            files[job.path] = try result.get()
        }
        files[SitePaths.stylesheet] = Array(templates.stylesheet.utf8)

        // data/kpis.json, data/weeks.csv, data/campaigns.csv, data/rejected.csv: `DataFiles` lives in
        // Sources/Render/Data (written on the metrics branch; this branch builds once that is merged).
        for (path, bytes) in DataFiles.render(report: report, ingest: ingest) {
            files[path] = bytes
        }
        let workbook = try DataFiles.workbook(report: report, title: config.title)
        files[DataFiles.workbookPath] = workbook

        let digest = Digest(site: site)
        let weekLabel = digest.week.period.label
        // `email.attach: [xlsx]` now; the week's PDF, when asked for, once it is printed (`digestFiles`).
        let attachments = config.email.attach.contains(.xlsx)
            ? [MIMEAttachment(filename: "scorecard-\(weekLabel).xlsx", contentType: MIMEAttachment.xlsxType, bytes: workbook)] : []
        let message = try digest.message(templates, attachments: attachments)
        let eml = message.bytes()
        files[SitePaths.email(weekLabel)] = eml
        files[SitePaths.latestEmail] = eml

        // Each view that `email.segments` gives recipients gets its own digest.
        var warnings: [String] = []
        for (key, values) in config.email.segments {
            guard let dimension = report.segments.first(where: { $0.key == key }) else { continue }
            for (value, to) in values {
                guard let view = dimension.views.first(where: { $0.value == value || (!$0.isOther && $0.label == value) || ($0.isOther && value == "Other") })
                else {
                    warnings.append("email.segments.\(key): no value \"\(value)\" of \(dimension.label) in the exports, so no digest is written for it")
                    continue
                }
                let viewDigest = Digest(site: site.forView(dimension, view), recipients: to)
                let path = SitePaths.segmentEmail(key, site.segmentFolders.folder(key, view))
                files[path] = try viewDigest.message(templates).bytes()
            }
        }

        // No warning for a missing base_url here: BuildSettings already warns that the digest has no links.
        var result = RenderedSite(files: files, warnings: warnings)
        result.digest = message
        result.digestPaths = [SitePaths.email(weekLabel), SitePaths.latestEmail]
        if config.pdf != nil {
            result.prints = [PagePrint(page: SitePaths.week(weekLabel), pdf: SitePaths.weekPDF(weekLabel), month: nil)]
                + site.months.map(\.period).filter(site.isClosed).map {
                    PagePrint(page: SitePaths.month($0.label), pdf: SitePaths.monthPDF($0.label), month: $0.label)
                }
        }
        return result
    }
}
