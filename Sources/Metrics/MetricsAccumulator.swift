import ScorecardCore

/// Accumulates the record stream into compact per-line state and period aggregates, then computes every
/// figure of docs/figures.md (`finish(asOf:)`).
///
/// One pass over each source: order lines are classified (promotional for which campaigns) as they arrive
/// and kept as a few numbers each (`LineTable`); every other record updates the line it belongs to and the
/// sums of its week, month, category and campaigns, then is dropped. `finish` walks the lines once more to
/// take on-time shipped quantities (known only after the deliveries) into the due-line figures.
///
/// The record handlers live with their figure family (`MetricsAccumulator+FillRate.swift`, `+Freight`,
/// `+Returns`, `+InventoryTurns`, `+ForecastAccuracy`, `+Campaigns`, `+Categories`).
public struct MetricsAccumulator: RecordSink {
    public let config: Config

    var masterData = MasterData(products: [], categories: [], campaigns: [], items: [], present: [])
    var products = ProductTable()
    var index = CampaignIndex()
    var lines = LineTable()
    /// Per order index, the union of its lines' campaign sets (freight is attributed through orders).
    var orderSets: [UInt32] = []
    var firstOrderDay: Day?
    /// Set by `ordersComplete`; the period sums below are sized from it.
    var calendar: ReportCalendar?
    var weekSums: [PeriodSums] = []
    var monthSums: [PeriodSums] = []
    var weekCategories = CategorySums(periods: 0, categories: 0)
    var monthCategories = CategorySums(periods: 0, categories: 0)
    var windowSums = CategoryWindowSums(categories: 0)
    /// Per calendar slot, whether a snapshot is dated that day (|S| of inventory turns).
    var snapshotDays: [Bool] = []
    var stock = LatestStock(products: 0)
    var forecastSums = ForecastSums()
    /// Purchase-order lines and their receipts.
    var inbound = InboundTable()
    /// Sums for the categories' 13-week trends.
    var trend = CategoryTrendSums(categories: 0)
    // Filled by `walkLines` at `finish`.
    var leadTimes = LeadTimeGroups()
    var weekSKUs = SKUSums()
    var monthSKUs = SKUSums()
    var campaignSKUs = SKUSums()
    var campaignSums = CampaignSums(campaigns: 0)
    /// (period index << 32 | campaign) → (Σ qty_ordered, Σ ots) of the campaign's lines due in the period.
    var weekCampaignDue: [Int64: SIMD2<Double>] = [:]
    var monthCampaignDue: [Int64: SIMD2<Double>] = [:]
    var emergencyLevels: EmergencyLevels
    /// Reason codes seen in returns; id 0 is "not given".
    var reasonCodeIDs: [String: Int32] = [:]
    var reasonCodes: [String?] = [nil]

    public init(config: Config) {
        self.config = config
        emergencyLevels = EmergencyLevels(config.freight.emergencyServiceLevels)
    }

    public mutating func master(_ master: MasterData) {
        masterData = master
        products = ProductTable(master: master)
        index = CampaignIndex(master: master, products: products)
        stock = LatestStock(products: master.products.count)
        campaignSums = CampaignSums(campaigns: master.campaigns.count)
    }

    public mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        prepare(asOf: asOf)
        if orderSets.count < orderCount { orderSets += Array(repeating: 0, count: orderCount - orderSets.count) }
    }

    /// Sizes every period aggregate once the as-of date, and so the report's periods, are known.
    @discardableResult
    mutating func prepare(asOf: Day) -> ReportCalendar {
        let calendar = ReportCalendar(report: ReportWindow(firstOrder: firstOrderDay, asOf: asOf, maxWeeks: config.report.maxWeeks))
        self.calendar = calendar
        let categories = masterData.categories.count
        weekSums = Array(repeating: PeriodSums(), count: calendar.weeks.count)
        monthSums = Array(repeating: PeriodSums(), count: calendar.months.count)
        weekCategories = CategorySums(periods: calendar.weeks.count, categories: categories)
        monthCategories = CategorySums(periods: calendar.months.count, categories: categories)
        windowSums = CategoryWindowSums(categories: categories)
        snapshotDays = Array(repeating: false, count: calendar.slotCount)
        // Weeks of cover at the end of each of the last 13 trend weeks (capped at the as-of date).
        let cutoffs = (ReportCalendar.trendWeeks - 13..<ReportCalendar.trendWeeks).map {
            Swift.min(calendar.trendStart + 7 * $0 + 6, asOf).rawValue
        }
        trend = CategoryTrendSums(categories: categories, cutoffs: cutoffs)
        leadTimes = LeadTimeGroups(weeks: calendar.weeks.count, months: calendar.months.count,
                                   campaigns: masterData.campaigns.count, categories: categories)
        campaignSums.prepareDaily(campaigns: masterData.campaigns, reportStart: calendar.weeks.first?.start ?? asOf, asOf: asOf)
        return calendar
    }

    /// Whether an optional source was present (its figures are `null` otherwise).
    func isPresent(_ source: SourceName) -> Bool { masterData.present.contains(source) }
}
