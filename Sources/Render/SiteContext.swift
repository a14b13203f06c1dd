import Metrics
import ScorecardCore

/// What every page builder reads: the build's inputs and the decisions shared between pages
/// (campaign folders, the as-of week, the formatter).
struct SiteContext: Sendable {
    var config: Config
    var report: Report
    var ingest: IngestSummary
    var formatter: ValueFormatter
    var folders: PathSafeNames
    var categoryFolders: CategorySlugs
    /// Every week of the report (the as-of week alone when the report has none).
    var weeks: [PeriodFigures]
    /// Every month of the report (the as-of month alone when the report has none).
    var months: [PeriodFigures]
    /// Index of the week holding the as-of date in `weeks`.
    var asOfWeek: Int
    private var campaignIDs: Set<String>
    /// `campaign_skus` rows by campaign id, in report order.
    var campaignSKUs: [String: [CampaignSKUFigures]]
    /// The segment dimensions of the whole company's report (the site has segment pages when any).
    var segments: [DimensionReport]
    var segmentFolders: SegmentFolders
    /// Set on the page of one view: `report` is then the view's scorecard.
    var view: ViewContext?

    init(config: Config, report: Report, ingest: IngestSummary) {
        self.config = config
        self.report = report
        self.ingest = ingest
        formatter = ValueFormatter(currency: config.currency)
        folders = PathSafeNames(ids: report.campaigns.map(\.campaignID))
        categoryFolders = CategorySlugs(categories: report.categories.map(\.category))
        campaignIDs = Set(report.campaigns.map(\.campaignID))
        campaignSKUs = Dictionary(grouping: report.campaignSKUs, by: \.campaignID)
        weeks = report.weeks.isEmpty ? [PeriodFigures(period: .week(containing: report.asOf))] : report.weeks
        months = report.months.isEmpty ? [PeriodFigures(period: .month(containing: report.asOf))] : report.months
        let asOf = report.asOf
        asOfWeek = weeks.lastIndex { $0.period.contains(asOf) } ?? weeks.count - 1
        segments = report.segments
        segmentFolders = SegmentFolders(report.segments)
    }

    /// The context of one view's page: its scorecard as the report, everything else the company's.
    func forView(_ dimension: DimensionReport, _ view: ViewReport) -> SiteContext {
        var report = Report(asOf: self.report.asOf, targets: self.report.targets, present: view.present, weeks: view.weeks,
                            months: view.months, campaigns: view.campaigns, categories: [], categoryWindow: self.report.categoryWindow,
                            campaignSKUs: [], comparisons: view.comparisons)
        report.segments = []
        var site = self
        site.report = report
        site.weeks = report.weeks.isEmpty ? [PeriodFigures(period: .week(containing: report.asOf))] : report.weeks
        site.months = report.months.isEmpty ? [PeriodFigures(period: .month(containing: report.asOf))] : report.months
        site.asOfWeek = site.weeks.lastIndex { $0.period.contains(report.asOf) } ?? site.weeks.count - 1
        site.campaignSKUs = [:]
        site.view = ViewContext(dimension: dimension, view: view, path: segmentFolders.page(dimension.key, view))
        return site
    }

    /// Why a figure is `null` here: on a view's page, a source the company exports but the dimension does
    /// not map is named as such (not as a missing export).
    func nullReason(_ figure: PeriodFigure) -> String {
        if let view, let missing = figure.needs.first(where: { !view.view.present.contains($0) }),
           ingest.sources.contains(where: { $0.source == missing }) {
            return "\(missing.words) not mapped to \(view.dimension.label)"
        }
        return figure.nullReason(present: report.present)
    }

    /// The site path of the campaign's page, or `nil` when the report has no page for it.
    func campaignPath(_ id: String) -> String? {
        campaignIDs.contains(id) ? SitePaths.campaign(folders.folder(id)) : nil
    }

    /// The site path of a category's page.
    func categoryPath(_ name: String) -> String { SitePaths.category(categoryFolders.folder(name)) }

    /// Whether a month is closed: its page is archived and must stay valid on its own.
    func isClosed(_ period: Period) -> Bool { period.end <= report.asOf }

    /// `2026-11-09 to 2026-11-15`, with the part after the as-of date called out.
    func rangeText(_ period: Period) -> String {
        var text = "\(period.start) to \(period.end)"
        if period.end > report.asOf, period.start <= report.asOf {
            text += " (data to \(report.asOf), \(period.days(asOf: report.asOf)) of \(period.end - period.start + 1) days)"
        }
        return text
    }
}

/// The view whose page is being made.
struct ViewContext: Sendable {
    var dimension: DimensionReport
    var view: ViewReport
    /// The site path of its page.
    var path: String

    /// `Sales region EMEA`.
    var title: String { "\(dimension.label) \(view.label)" }
}
