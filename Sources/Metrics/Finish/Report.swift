import ScorecardCore

/// Every figure (docs/figures.md) of one build, plus the breakdowns the pages show.
///
/// Numbers are unrounded; `nil` is the spec's `null` (a 0 denominator or a missing optional source).
public struct Report: Sendable, Equatable {
    public var asOf: Day
    public var targets: Config.Targets
    /// Optional sources that were present (the required ones always are).
    public var present: Set<SourceName>
    /// Every ISO week of the report, in date order.
    public var weeks: [PeriodFigures]
    /// Every calendar month of the report, in date order.
    public var months: [PeriodFigures]
    /// Campaigns with `start_date <= A + horizon_days`, by start date then id.
    public var campaigns: [CampaignFigures]
    /// Figures by category over `categoryWindow` (beyond the required keys).
    public var categories: [CategoryFigures]
    /// The window the category figures cover: the 13 weeks ending with the as-of week, capped at `asOf`.
    public var categoryWindow: ClosedRange<Day>
    /// Every SKU of every campaign (`campaign_skus`): by campaign as `campaigns`, then shortfall value
    /// descending, then SKU.
    public var campaignSKUs: [CampaignSKUFigures]
    /// The as-of week and month against last year and the year to date.
    public var comparisons: Comparisons?

    public init(asOf: Day, targets: Config.Targets, present: Set<SourceName>, weeks: [PeriodFigures], months: [PeriodFigures],
                campaigns: [CampaignFigures], categories: [CategoryFigures], categoryWindow: ClosedRange<Day>,
                campaignSKUs: [CampaignSKUFigures] = [], comparisons: Comparisons? = nil) {
        self.asOf = asOf
        self.targets = targets
        self.present = present
        self.weeks = weeks
        self.months = months
        self.campaigns = campaigns
        self.categories = categories
        self.categoryWindow = categoryWindow
        self.campaignSKUs = campaignSKUs
        self.comparisons = comparisons
    }
}

/// The as-of week and the as-of month, each against last year and the year to date.
public struct Comparisons: Sendable, Equatable {
    public var week: Comparison
    public var month: Comparison
    public init(week: Comparison, month: Comparison) {
        self.week = week
        self.month = month
    }
}

/// One period's comparison ranges (docs/figures.md, "Comparisons"), each with every period figure.
public struct Comparison: Sendable, Equatable {
    /// The as-of week or month.
    public var period: Period
    public var lastYear: PeriodFigures
    public var yearToDate: PeriodFigures
    public var yearToDateLastYear: PeriodFigures
    public init(period: Period, lastYear: PeriodFigures, yearToDate: PeriodFigures, yearToDateLastYear: PeriodFigures) {
        self.period = period
        self.lastYear = lastYear
        self.yearToDate = yearToDate
        self.yearToDateLastYear = yearToDateLastYear
    }
}

/// The period figures of docs/figures.md for one week or month; property names mirror the JSON keys.
public struct PeriodFigures: Sendable, Equatable {
    public var period: Period
    public var promoFillRate: Double?
    public var otherFillRate: Double?
    public var promoUnitsOrdered: Double
    public var promoShortfallValue: Double
    public var campaignsMeasured: Int
    public var campaignsBelowTarget: Int
    public var stockoutCampaignShare: Double?
    public var inventoryTurnsPromoted: Double?
    public var inventoryTurnsOther: Double?
    public var totalFreightSpend: Double?
    public var emergencyFreightSpend: Double?
    public var emergencyFreightShare: Double?
    public var promoEmergencyFreightSpend: Double?
    public var returnRate: Double?
    public var promoReturnRate: Double?
    public var otherReturnRate: Double?
    public var forecastAccuracy: Double?
    // Drill-down: what caused a miss.
    /// Order-to-ship lead time in days of lines completed in the period (nearest rank).
    public var promoLeadTimeMedian: Double?
    public var promoLeadTimeP90: Double?
    public var otherLeadTimeMedian: Double?
    public var otherLeadTimeP90: Double?
    public var promoForecastAccuracy: Double?
    public var otherForecastAccuracy: Double?
    public var forecastBias: Double?
    /// Up to ten SKUs that lost the most promotional value, worst first.
    public var topShortfall: [ShortfallSKU]
    // Inbound supply.
    public var supplierLeadTimeMedian: Double?
    public var supplierLeadTimeP90: Double?
    public var supplierOnTimeRate: Double?

    /// Ids of the campaigns measured in this period that are below target (for alerts), by id.
    public var campaignsBelowTargetIDs: [String]

    public init(period: Period) {
        self.period = period
        promoUnitsOrdered = 0
        promoShortfallValue = 0
        campaignsMeasured = 0
        campaignsBelowTarget = 0
        campaignsBelowTargetIDs = []
        topShortfall = []
    }
}

/// One SKU of a period's `top_shortfall`: Σ over its promotional lines due in the period.
public struct ShortfallSKU: Sendable, Equatable {
    public var sku: String
    public var category: String
    public var dueUnits: Double
    public var onTimeUnits: Double
    public var shortfallValue: Double
    /// The campaigns those lines are promotional for, by id (for the pages; not a kpis.json key).
    public var campaignIDs: [String]
    public init(sku: String, category: String, dueUnits: Double, onTimeUnits: Double, shortfallValue: Double, campaignIDs: [String]) {
        self.sku = sku
        self.category = category
        self.dueUnits = dueUnits
        self.onTimeUnits = onTimeUnits
        self.shortfallValue = shortfallValue
        self.campaignIDs = campaignIDs
    }
}

/// One row of `campaign_skus`: a SKU with a line promotional for the campaign.
public struct CampaignSKUFigures: Sendable, Equatable {
    public var campaignID: String
    public var sku: String
    public var category: String
    public var orderedUnits: Double
    public var dueUnits: Double
    public var onTimeUnits: Double
    public var fillRate: Double?
    public var shortfallValue: Double
    public var leadTimeMedian: Double?
    /// `nil` without the inventory source.
    public var stockOnHand: Double?
    public init(campaignID: String, sku: String, category: String, orderedUnits: Double, dueUnits: Double, onTimeUnits: Double,
                fillRate: Double?, shortfallValue: Double, leadTimeMedian: Double?, stockOnHand: Double?) {
        self.campaignID = campaignID
        self.sku = sku
        self.category = category
        self.orderedUnits = orderedUnits
        self.dueUnits = dueUnits
        self.onTimeUnits = onTimeUnits
        self.fillRate = fillRate
        self.shortfallValue = shortfallValue
        self.leadTimeMedian = leadTimeMedian
        self.stockOnHand = stockOnHand
    }
}

/// The campaign figures of docs/figures.md for one campaign.
public struct CampaignFigures: Sendable, Equatable {
    public enum Status: String, Sendable { case upcoming, active, ended }

    public var campaignID: String
    public var name: String
    public var channel: String?
    public var start: Day
    public var end: Day
    public var status: Status
    public var orderedUnits: Double
    public var plannedUnits: Double
    public var planAttainment: Double?
    public var fillRate: Double?
    public var shortfallValue: Double
    public var belowTarget: Bool
    public var returnRate: Double?
    public var emergencyFreightSpend: Double?
    public var readiness: Double?
    public var atRisk: Bool
    /// Lead time in days over lines(C) complete by A.
    public var leadTimeMedian: Double?
    public var leadTimeP90: Double?
    /// Upcoming campaigns with purchase orders: open PO quantity due before the start.
    public var inboundUnits: Double?
    public var readinessWithInbound: Double?

    /// Per order date from `start` (or the report's first day, when later) to `min(end, asOf)`: Σ qty_ordered
    /// and Σ ots of lines(C) ordered that day.
    public var daily: [CampaignDay]
    /// Item by item: what is promoted, planned units, and (for upcoming campaigns with inventory) stock.
    public var items: [CampaignItemFigures]
    /// Σ qty_returned of returns of lines(C) by reason code (`nil` code = not given), largest first.
    public var returnReasons: [ReasonCount]

    public init(campaignID: String, name: String, channel: String?, start: Day, end: Day, status: Status) {
        self.campaignID = campaignID
        self.name = name
        self.channel = channel
        self.start = start
        self.end = end
        self.status = status
        orderedUnits = 0
        plannedUnits = 0
        shortfallValue = 0
        belowTarget = false
        atRisk = false
        daily = []
        items = []
        returnReasons = []
    }
}

public struct CampaignDay: Sendable, Equatable {
    public var day: Day
    public var orderedUnits: Double
    public var onTimeShippedUnits: Double
    public init(day: Day, orderedUnits: Double, onTimeShippedUnits: Double) {
        self.day = day
        self.orderedUnits = orderedUnits
        self.onTimeShippedUnits = onTimeShippedUnits
    }
}

public struct CampaignItemFigures: Sendable, Equatable {
    /// The SKU, or `nil` for a category item.
    public var sku: String?
    /// The category of the SKU, or the promoted category.
    public var category: String
    public var plannedUnits: Double
    /// `stock_i` of docs/figures.md; `nil` when not upcoming or without inventory.
    public var stock: Double?
    /// `inbound_i` of docs/figures.md; `nil` when not upcoming or without purchase orders.
    public var inbound: Double?
    public init(sku: String?, category: String, plannedUnits: Double, stock: Double?, inbound: Double? = nil) {
        self.sku = sku
        self.category = category
        self.plannedUnits = plannedUnits
        self.stock = stock
        self.inbound = inbound
    }
}

public struct ReasonCount: Sendable, Equatable {
    public var reasonCode: String?
    public var quantity: Double
    public init(reasonCode: String?, quantity: Double) {
        self.reasonCode = reasonCode
        self.quantity = quantity
    }
}

/// Figures by category over `Report.categoryWindow`, with the same definitions as the period figures
/// restricted to lines (and deliveries, returns, snapshots) of the category's products.
public struct CategoryFigures: Sendable, Equatable {
    public var category: String
    /// Promoted in the as-of week (docs/figures.md "promoted categories of P").
    public var promoted: Bool
    public var unitsOrdered: Double
    public var fillRate: Double?
    public var inventoryTurns: Double?
    public var returnRate: Double?
    /// docs/figures.md's category keys.
    public var leadTimeMedian: Double?
    public var weeksOfCover: Double?
    public var supplierLeadTimeMedian: Double?
    /// The 13 weeks ending with the as-of week, oldest first.
    public var trend: [CategoryWeek]
    /// Campaigns reported whose items promote the category, as `Report.campaigns` orders them.
    public var campaignIDs: [String]
    /// The same 13 weeks a year earlier (364 days), `nil` for a week before the report's first week.
    public var lastYearTrend: [CategoryWeek?]
    public init(category: String, promoted: Bool, unitsOrdered: Double, fillRate: Double?, inventoryTurns: Double?, returnRate: Double?,
                leadTimeMedian: Double? = nil, weeksOfCover: Double? = nil, supplierLeadTimeMedian: Double? = nil,
                trend: [CategoryWeek] = [], campaignIDs: [String] = [], lastYearTrend: [CategoryWeek?] = []) {
        self.category = category
        self.promoted = promoted
        self.unitsOrdered = unitsOrdered
        self.fillRate = fillRate
        self.inventoryTurns = inventoryTurns
        self.returnRate = returnRate
        self.leadTimeMedian = leadTimeMedian
        self.weeksOfCover = weeksOfCover
        self.supplierLeadTimeMedian = supplierLeadTimeMedian
        self.trend = trend
        self.campaignIDs = campaignIDs
        self.lastYearTrend = lastYearTrend
    }
}

/// One week of a category's trend, with the period figures' definitions restricted to the category:
/// fill rate of lines due in the week, inventory turns of the week, return rate of the week, median lead
/// time of lines completed in the week, and weeks of cover at the week's end (stock at the latest
/// snapshot on or before it ÷ average weekly units shipped over the 13 weeks ending with it).
public struct CategoryWeek: Sendable, Equatable {
    public var week: Period
    public var fillRate: Double?
    public var inventoryTurns: Double?
    public var returnRate: Double?
    public var leadTimeMedian: Double?
    public var weeksOfCover: Double?
    public init(week: Period, fillRate: Double?, inventoryTurns: Double?, returnRate: Double?, leadTimeMedian: Double?, weeksOfCover: Double?) {
        self.week = week
        self.fillRate = fillRate
        self.inventoryTurns = inventoryTurns
        self.returnRate = returnRate
        self.leadTimeMedian = leadTimeMedian
        self.weeksOfCover = weeksOfCover
    }
}
