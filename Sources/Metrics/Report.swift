import ScorecardCore

/// Every figure of shared/spec/kpis.md for one build, plus the breakdowns the pages show.
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

    public init(asOf: Day, targets: Config.Targets, present: Set<SourceName>, weeks: [PeriodFigures], months: [PeriodFigures],
                campaigns: [CampaignFigures], categories: [CategoryFigures], categoryWindow: ClosedRange<Day>) {
        self.asOf = asOf
        self.targets = targets
        self.present = present
        self.weeks = weeks
        self.months = months
        self.campaigns = campaigns
        self.categories = categories
        self.categoryWindow = categoryWindow
    }
}

/// The period figures of kpis.md for one week or month; property names mirror the JSON keys.
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

    /// Ids of the campaigns measured in this period that are below target (for alerts), by id.
    public var campaignsBelowTargetIDs: [String]

    public init(period: Period) {
        self.period = period
        promoUnitsOrdered = 0
        promoShortfallValue = 0
        campaignsMeasured = 0
        campaignsBelowTarget = 0
        campaignsBelowTargetIDs = []
    }
}

/// The campaign figures of kpis.md for one campaign.
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
    /// `stock_i` of kpis.md; `nil` when not upcoming or without inventory.
    public var stock: Double?
    public init(sku: String?, category: String, plannedUnits: Double, stock: Double?) {
        self.sku = sku
        self.category = category
        self.plannedUnits = plannedUnits
        self.stock = stock
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
    /// Promoted in the as-of week (kpis.md "promoted categories of P").
    public var promoted: Bool
    public var unitsOrdered: Double
    public var fillRate: Double?
    public var inventoryTurns: Double?
    public var returnRate: Double?
    public init(category: String, promoted: Bool, unitsOrdered: Double, fillRate: Double?, inventoryTurns: Double?, returnRate: Double?) {
        self.category = category
        self.promoted = promoted
        self.unitsOrdered = unitsOrdered
        self.fillRate = fillRate
        self.inventoryTurns = inventoryTurns
        self.returnRate = returnRate
    }
}
