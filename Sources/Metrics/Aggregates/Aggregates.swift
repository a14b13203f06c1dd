import ScorecardCore

/// What the reduce stage makes of the exports: small tables of sums and counts keyed by day, category,
/// product, campaign or whole-day lead time, never rows. The finish stage (`Finisher`) computes every
/// figure of docs/figures.md from them, for any period (a week, a month, a comparison range).
///
/// The built-in engine (`MetricsAccumulator`) fills them from the record stream in one pass; their
/// layout is documented in docs/aggregates.md, so that another engine can produce the same tables.
public struct Aggregates: Sendable {
    /// The as-of date A.
    public var asOf: Day
    /// The earliest `order_date` of the used order lines (the report starts with its week and month).
    public var firstOrder: Day?
    /// Products, categories, campaigns and their items, and which sources were present.
    public var master: MasterData
    /// Interned sets of campaign indices (`skuDue`'s key); id 0 is the empty set.
    public var campaignSets: [[Int32]]
    /// Returns' reason codes by id (`campaignReturns`' key); id 0 is "not given".
    public var reasonCodes: [String?]
    /// The whole company first; later ones are the views of segments.
    public var views: [ViewAggregates]

    public init(asOf: Day, firstOrder: Day?, master: MasterData, campaignSets: [[Int32]] = [[]], reasonCodes: [String?] = [nil],
                views: [ViewAggregates]) {
        self.asOf = asOf
        self.firstOrder = firstOrder
        self.master = master
        self.campaignSets = campaignSets
        self.reasonCodes = reasonCodes
        self.views = views
    }
}

/// The aggregate tables of one view (the whole company, or one value of a segment dimension).
///
/// Days are raw `Day` values. `promotional` is 1 for a promotional line (for at least one campaign),
/// else 0. Sums are unrounded.
public struct ViewAggregates: Sendable {
    /// The optional sources present in this view (the required ones always are).
    public var present: Set<SourceName>
    /// The products of the view (`nil`: every product). A product dimension restricts them.
    public var products: [Bool]?
    /// Which segment value the view is (`nil`: the whole company).
    public var segment: ViewSegment?

    /// (day, category, promotional) → `LineColumn`s: the order lines due on the day (requested_date,
    /// not after A), the deliveries shipped and the returns dated that day.
    public var lines = SumRows<SIMD8<Double>>()
    /// (requested day, product, campaign set) → due units, on-time units, shortfall value of the
    /// promotional lines due that day (set: the campaigns each line is promotional for).
    public var skuDue = SumRows<SIMD4<Double>>()
    /// (ship day) → total cost, emergency cost, emergency cost of orders with a promotional line.
    public var freight = SumRows<SIMD4<Double>>()
    /// (snapshot day, category) → snapshot rows, Σ qty_on_hand, Σ qty_on_hand × unit_cost.
    public var inventory = SumRows<SIMD4<Double>>()
    /// (product) → Σ qty_on_hand at the snapshot date S (the latest one on or before A).
    public var stock = SumRows<Double>()
    /// S: the latest snapshot date on or before A; `nil` without one.
    public var snapshotDate: Day?
    /// (week's Monday, promotional SKU-week) → Σ |actual − forecast| × price, Σ actual × price,
    /// Σ (forecast − actual) × price, pairs with a forecast row.
    public var forecast = SumRows<SIMD4<Double>>()
    /// (completion day, category, promotional, lead time in days) → lines.
    public var leadTimes = SumRows<Double>()
    /// (campaign, product) → `CampaignColumn`s over the lines promotional for the campaign.
    public var campaignSKUs = SumRows<SIMD8<Double>>()
    /// (campaign, order day) → units ordered, on-time units of the lines promotional for the campaign.
    public var campaignDays = SumRows<SIMD2<Double>>()
    /// (campaign) → Σ cost of emergency freight rows whose order has a line promotional for it.
    public var campaignFreight = SumRows<Double>()
    /// (campaign, reason code id) → Σ qty_returned of returns of its lines.
    public var campaignReturns = SumRows<Double>()
    /// (campaign, product, lead time in days) → lines complete by A.
    public var campaignLeadTimes = SumRows<Double>()
    /// (received day, category, supplier lead time in days) → purchase-order lines.
    public var supplierLeadTimes = SumRows<Double>()
    /// (due day, not after A) → Σ min(qty_ordered, received by the due date), Σ qty_ordered.
    public var supplierOnTime = SumRows<SIMD2<Double>>()
    /// (product, due day) → Σ quantity of purchase-order lines still open at S.
    public var inboundOpen = SumRows<Double>()

    public init(present: Set<SourceName>, products: [Bool]? = nil, segment: ViewSegment? = nil) {
        self.present = present
        self.products = products
        self.segment = segment
    }

    /// Whether an optional source is present in the view.
    public func has(_ source: SourceName) -> Bool { source.isRequired || present.contains(source) }
}

/// The lanes of `ViewAggregates.lines`.
public enum LineColumn {
    public static let due = 0
    public static let onTime = 1
    public static let shortfall = 2
    public static let shipped = 3
    public static let cogs = 4
    public static let returned = 5
}

/// The lanes of `ViewAggregates.campaignSKUs`.
public enum CampaignColumn {
    public static let ordered = 0
    public static let due = 1
    public static let onTime = 2
    public static let shortfall = 3
    public static let shipped = 4
    public static let returned = 5
}

/// A view of a segment dimension: one value, or "Other" (the values beyond `max_values`).
public struct ViewSegment: Sendable, Equatable {
    /// Index into `SegmentsConfig.dimensions`.
    public var dimension: Int
    /// The value (`""` is "(none)"); `nil` for "Other".
    public var value: String?
    public init(dimension: Int, value: String?) {
        self.dimension = dimension
        self.value = value
    }
}
