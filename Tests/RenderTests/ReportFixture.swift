import Metrics
import ScorecardCore

/// A small hand-made report: four weeks (2026-W43 … W46), October (closed) and November (open), three
/// campaigns whose ids and names need escaping, two categories, and an ingest summary with rejections.
enum ReportFixture {
    static let asOf = Day(year: 2026, month: 11, day: 15)!  // a Sunday: the last day of 2026-W46

    static let scriptName = "Autumn <script>alert(\"x\")</script> & 'Friends'"

    static func config(baseURL: String? = "https://intranet.example/scorecard") -> Config {
        var c = Config()
        c.title = "Scorecard"
        c.currency = "EUR"
        c.baseURL = baseURL
        c.email.from = "Scorecard <scorecard@example.com>"
        c.email.to = ["planning@example.com", "marketing@example.com"]
        return c
    }

    static func week(_ monday: Day, fill: Double?, other: Double?, share: Double?, freightShare: Double?, below: [String]) -> PeriodFigures {
        var w = PeriodFigures(period: .week(containing: monday))
        w.promoFillRate = fill
        w.otherFillRate = other
        w.promoUnitsOrdered = 1200
        w.promoShortfallValue = 1234.5
        w.campaignsMeasured = 2
        w.campaignsBelowTarget = below.count
        w.campaignsBelowTargetIDs = below
        w.stockoutCampaignShare = share
        w.inventoryTurnsPromoted = 8.25
        w.inventoryTurnsOther = nil
        w.totalFreightSpend = 10_000
        w.emergencyFreightSpend = freightShare.map { $0 * 10_000 }
        w.emergencyFreightShare = freightShare
        w.promoEmergencyFreightSpend = 500
        w.returnRate = 0.04
        w.promoReturnRate = 0.05
        w.otherReturnRate = 0.03
        w.forecastAccuracy = nil
        return w
    }

    static func report() -> Report {
        let w43 = Day(year: 2026, month: 10, day: 19)!
        var weeks = [
            week(w43, fill: 0.97, other: 0.98, share: 0, freightShare: 0.10, below: []),
            week(w43 + 7, fill: 0.96, other: 0.98, share: 0, freightShare: 0.10, below: []),
            week(w43 + 14, fill: 0.95, other: 0.97, share: 0, freightShare: 0.10, below: []),
            // W46: 1 of 2 campaigns below target (50 % > 5 %), emergency share 0.20 ≥ 1.5 × 0.10 and +10 pts.
            week(w43 + 21, fill: 0.931, other: 0.975, share: 0.5, freightShare: 0.20, below: ["C-1"]),
        ]
        weeks[3].promoLeadTimeMedian = 4
        weeks[3].promoLeadTimeP90 = 12
        weeks[3].otherLeadTimeMedian = 2
        weeks[3].otherLeadTimeP90 = 5
        // Four SKUs ran short: the digest names the first three.
        weeks[3].topShortfall = [
            ShortfallSKU(sku: "SKU-1", category: "Garden", dueUnits: 60, onTimeUnits: 30, shortfallValue: 300, campaignIDs: ["C-1"]),
            ShortfallSKU(sku: "SKU-<2>", category: "Garden", dueUnits: 20, onTimeUnits: 10, shortfallValue: 100, campaignIDs: ["C-1", "BF/2026 <ü>"]),
            ShortfallSKU(sku: "SKU-3", category: "Tools", dueUnits: 5, onTimeUnits: 0, shortfallValue: 50, campaignIDs: ["C-1"]),
            ShortfallSKU(sku: "SKU-4", category: "Tools", dueUnits: 1, onTimeUnits: 0, shortfallValue: 0.5, campaignIDs: ["C-1"]),
        ]
        var october = PeriodFigures(period: .month(containing: Day(year: 2026, month: 10, day: 1)!))
        october.promoFillRate = 0.965
        october.campaignsMeasured = 1
        october.stockoutCampaignShare = 0
        var november = PeriodFigures(period: .month(containing: asOf))
        november.promoFillRate = 0.94
        november.campaignsMeasured = 2
        november.campaignsBelowTarget = 1
        november.campaignsBelowTargetIDs = ["C-1"]
        november.stockoutCampaignShare = 0.5

        var active = CampaignFigures(campaignID: "C-1", name: scriptName, channel: "TV & web",
                                     start: Day(year: 2026, month: 11, day: 9)!, end: Day(year: 2026, month: 11, day: 22)!, status: .active)
        active.orderedUnits = 900
        active.plannedUnits = 1000
        active.planAttainment = 0.9
        active.fillRate = 0.9
        active.shortfallValue = 450
        active.belowTarget = true
        active.returnRate = 0.05
        active.emergencyFreightSpend = 300
        active.daily = (0..<7).map { CampaignDay(day: Day(year: 2026, month: 11, day: 9)! + $0, orderedUnits: 100 + Double($0) * 10, onTimeShippedUnits: 90) }
        active.items = [CampaignItemFigures(sku: "SKU-1", category: "Garden", plannedUnits: 1000, stock: nil)]
        active.returnReasons = [ReasonCount(reasonCode: "DAMAGED", quantity: 30), ReasonCount(reasonCode: nil, quantity: 15)]

        var upcoming = CampaignFigures(campaignID: "BF/2026 <ü>", name: "Black Friday", channel: nil,
                                       start: Day(year: 2026, month: 11, day: 27)!, end: Day(year: 2026, month: 11, day: 30)!, status: .upcoming)
        upcoming.plannedUnits = 500
        upcoming.planAttainment = 0
        upcoming.readiness = 0.8
        upcoming.atRisk = true
        upcoming.items = [
            CampaignItemFigures(sku: "SKU-2", category: "Kitchen", plannedUnits: 300, stock: 100),
            CampaignItemFigures(sku: nil, category: "Garden", plannedUnits: 200, stock: 400),
        ]

        var ended = CampaignFigures(campaignID: "C_3", name: "Summer", channel: "Print",
                                    start: Day(year: 2026, month: 10, day: 19)!, end: Day(year: 2026, month: 10, day: 25)!, status: .ended)
        ended.orderedUnits = 300
        ended.plannedUnits = 250
        ended.planAttainment = 1.2
        ended.fillRate = 0.99

        return Report(
            asOf: asOf, targets: Config.Targets(), present: [.returns, .freight, .inventory],
            weeks: weeks, months: [october, november], campaigns: [ended, active, upcoming],
            categories: [
                CategoryFigures(category: "Garden & <Patio>", promoted: true, unitsOrdered: 2000, fillRate: 0.93, inventoryTurns: 6.5, returnRate: 0.04),
                CategoryFigures(category: "Kitchen", promoted: false, unitsOrdered: 1500.5, fillRate: 0.98, inventoryTurns: nil, returnRate: nil),
            ],
            categoryWindow: Day(year: 2026, month: 8, day: 24)!...asOf,
            campaignSKUs: [
                CampaignSKUFigures(campaignID: "C-1", sku: "SKU-1", category: "Garden", orderedUnits: 900, dueUnits: 800, onTimeUnits: 720,
                                   fillRate: 0.9, shortfallValue: 450, leadTimeMedian: 3, stockOnHand: 40),
            ],
            comparisons: comparisons())
    }

    /// The as-of week and month against last year (whose promotional fill rate was 90 %, and whose other
    /// fill rate is unknown) and the year to date (95 % against 92 % last year).
    static func comparisons() -> Comparisons {
        func range(_ from: String, _ to: String, fill: Double?, other: Double?) -> PeriodFigures {
            var f = PeriodFigures(period: .range(Day(iso: from)!, Day(iso: to)!))
            f.promoFillRate = fill
            f.otherFillRate = other
            return f
        }
        return Comparisons(
            week: Comparison(period: .week(containing: asOf),
                             lastYear: range("2025-11-10", "2025-11-16", fill: 0.9, other: nil),
                             yearToDate: range("2025-12-29", "2026-11-15", fill: 0.95, other: 0.97),
                             yearToDateLastYear: range("2024-12-30", "2025-11-16", fill: 0.92, other: 0.96)),
            month: Comparison(period: .month(containing: asOf),
                              lastYear: range("2025-11-01", "2025-11-15", fill: 0.91, other: 0.95),
                              yearToDate: range("2026-01-01", "2026-11-15", fill: 0.95, other: 0.97),
                              yearToDateLastYear: range("2025-01-01", "2025-11-15", fill: 0.92, other: 0.96)))
    }

    static func ingest() -> IngestSummary {
        IngestSummary(
            asOf: asOf,
            sources: [
                SourceStats(source: .products, files: [FileStats(path: "products.csv", rows: 40)]),
                SourceStats(source: .orders, files: [
                    FileStats(path: "orders/2026-10.csv", rows: 1000, rejected: 2, ignoredAfterAsOf: 0),
                    FileStats(path: "orders/2026-11.csv", rows: 800, rejected: 1, ignoredAfterAsOf: 25),
                ]),
            ],
            rejections: [
                Rejection(location: SourceLocation(file: "orders/2026-10.csv", line: 17, column: 3, source: .orders, field: "order_date"),
                          reason: .badDate, detail: "order_date \"<b>Date Not Captured</b>\""),
                Rejection(location: SourceLocation(file: "orders/2026-10.csv", line: 42, column: 6, source: .orders, field: "qty_ordered"),
                          reason: .negative, detail: "qty_ordered \"-3\""),
                Rejection(location: SourceLocation(file: "orders/2026-11.csv", line: 8, column: 3, source: .orders, field: "order_date"),
                          reason: .badDate, detail: "order_date \"31/02/2026\""),
            ])
    }
}
