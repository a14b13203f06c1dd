import ScorecardCore

/// The built-in reduce stage: accumulates the record stream into compact per-line state and the
/// aggregate tables (`Aggregates`), from which `finish(asOf:)` computes every figure of docs/figures.md.
///
/// One pass over each source: order lines are classified (promotional for which campaigns) as they arrive
/// and kept as a few numbers each (`LineTable`); deliveries, returns, freight and snapshots add to the
/// tables of their day and are dropped. At the end `aggregates()` walks the lines once more to take
/// on-time shipped quantities and completion days (known only after the deliveries) into the tables.
///
/// With segments, every record also adds to the tables of the views it belongs to (one per dimension at
/// most), in the same pass: a view's tables are those of the company restricted to its rows.
///
/// The record handlers live with their source (`MetricsAccumulator+Orders.swift`, `+Deliveries`, …).
public struct MetricsAccumulator: RecordSink {
    public let config: Config

    var masterData = MasterData(products: [], categories: [], campaigns: [], items: [], present: [])
    var products = ProductTable()
    var index = CampaignIndex()
    var lines = LineTable()
    /// Per order index, the union of its lines' campaign sets (freight is attributed through orders).
    var orderSets: [UInt32] = []
    var firstOrderDay: Day?
    /// Known once the orders are read.
    var asOf: Day?
    var forecastSums = ForecastSums()
    /// Purchase-order lines and their receipts.
    var inbound = InboundTable()
    var emergencyLevels: EmergencyLevels
    /// Reason codes seen in returns; id 0 is "not given".
    var reasonCodeIDs: [String: Int32] = [:]
    var reasonCodes: [String?] = [nil]

    /// The tables of every view: the whole company first, then the segment views once resolved.
    var tables: [ViewAggregates] = [ViewAggregates(present: [])]
    /// Per view, stock at its latest snapshot.
    var stocks: [LatestStock] = [LatestStock(products: 0)]

    // Segments.
    var segments: SegmentViews
    /// The orders' tuples of order-dimension values, and the revenue of the lines of each.
    var orderTuples: [[String]] = []
    var tupleRevenue: [Double] = []
    /// Σ qty_ordered × unit_price of the lines of each product (ranks product-dimension values).
    var productRevenue: [Double] = []
    /// Fast lookups once resolved: per dimension, the view of each order tuple (order dimensions) or of
    /// each product (product dimensions), in one flat array.
    var lineViews = ViewLookup()
    /// Per dimension, the view of each product (product dimensions only; empty for order dimensions).
    var productViews: [[Int32]] = []
    /// Freight rows of orders, kept to split each among the views of its order's lines at the end.
    var orderFreight: [OrderFreight] = []
    /// Whether an order dimension maps the forecast (its views then sum their own rows).
    let forecastIsSplit: Bool

    public init(config: Config) {
        self.config = config
        emergencyLevels = EmergencyLevels(config.freight.emergencyServiceLevels)
        segments = SegmentViews(config: config.segments)
        lines.keepsOrders = !segments.isEmpty
        forecastIsSplit = config.segments.dimensions.contains { $0.kind == .order && $0.maps(.forecast) }
    }

    public mutating func master(_ master: MasterData) {
        masterData = master
        products = ProductTable(master: master)
        index = CampaignIndex(master: master, products: products)
        tables = [ViewAggregates(present: master.present)]
        stocks = [LatestStock(products: master.products.count)]
        if !segments.isEmpty { productRevenue = Array(repeating: 0, count: master.products.count) }
    }

    public mutating func segmentTuples(_ source: SourceName, _ tuples: [[String]]) {
        if source == .orders {
            orderTuples = tuples
        } else {
            segments.resolve(source, tuples: tuples)
            for d in segments.dimensions.indices where segments.dimensions[d].config.kind == .order {
                if let views = segments.dimensions[d].tupleView[source] { sourceTupleViews[d][source] = views }
            }
        }
    }

    /// Per dimension and fact source, the view of each tuple id.
    var sourceTupleViews: [[SourceName: [Int32]]] = []

    public mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        self.asOf = asOf
        if orderSets.count < orderCount { orderSets += Array(repeating: 0, count: orderCount - orderSets.count) }
        resolveViews()
    }

    /// Whether an optional source was present (its figures are `null` otherwise).
    func isPresent(_ source: SourceName) -> Bool { masterData.present.contains(source) }

    /// Every figure, once all records are in.
    ///
    /// - Parameter asOf: the as-of date; the one given to `ordersComplete` is used when it was called
    ///   (the pipeline passes the same date to both).
    public func finish(asOf: Day) -> Report {
        Finisher(aggregates: aggregates(asOf: asOf), config: config).report()
    }

    /// The aggregate tables, once all records are in.
    public func aggregates(asOf given: Day) -> Aggregates {
        var work = self
        let asOf = self.asOf ?? given
        work.asOf = asOf
        if work.tables.count == 1, !work.segments.isEmpty, self.asOf == nil { work.resolveViews() }
        let completed = CompletionDays.compute(ordered: work.lines.qty, events: work.lines.deliveries)
        work.walkLines(asOf: asOf, completed: completed, onTime: work.lines.onTimeShipped())
        work.attributeOrderFreight()
        work.addForecast(asOf: asOf)
        work.addInbound(asOf: asOf)
        work.addStock()
        return Aggregates(asOf: asOf, firstOrder: firstOrderDay, master: masterData, campaignSets: work.index.sets.members,
                          reasonCodes: reasonCodes, views: work.tables)
    }

    /// The category of a product, as a key column.
    @inline(__always) func category(_ product: Int32) -> Int32 { products.category[Int(product)] }

    /// The number of segment dimensions.
    @inline(__always) var dimensionCount: Int { lineViews.dimensions }

    /// The view of order line `l` in dimension `d` (0 or less: none).
    @inline(__always)
    func lineView(_ d: Int, _ l: Int) -> Int32 {
        lineViews.view(d, lineViews.isProduct[d] ? Int(lines.product[l]) : Int(lines.tuple[l]))
    }

    /// The view of a fact row (inventory, forecast, purchase order) in dimension `d` (0 or less: none).
    @inline(__always)
    func factView(_ d: Int, _ source: SourceName, tuple: Int32, product: Int32) -> Int32 {
        if lineViews.isProduct[d] { return lineViews.view(d, Int(product)) }
        guard let views = sourceTupleViews[d][source], tuple >= 0, Int(tuple) < views.count else { return -1 }
        return views[Int(tuple)]
    }
}

/// Per dimension, a view per index (an order tuple, or a product), in one flat array: read millions of
/// times, with no nested array to retain.
struct ViewLookup: Sendable {
    private(set) var dimensions = 0
    private(set) var isProduct: [Bool] = []
    private var offset: [Int] = []
    private var count: [Int] = []
    private var flat: [Int32] = []

    init() {}

    /// - Parameter views: per dimension, whether it is a product dimension and the view of each index.
    init(_ views: [(isProduct: Bool, views: [Int32])]) {
        dimensions = views.count
        for v in views {
            isProduct.append(v.isProduct)
            offset.append(flat.count)
            count.append(v.views.count)
            flat += v.views
        }
    }

    /// The view of `index` in dimension `d`; -1 when out of range.
    @inline(__always)
    func view(_ d: Int, _ index: Int) -> Int32 {
        index >= 0 && index < count[d] ? flat[offset[d] + index] : -1
    }
}

/// A freight row of an order, split among the views of the order's lines at the end.
struct OrderFreight: Sendable {
    var order: Int32
    var day: Int32
    var cost: Double
    var emergency: Bool
}
