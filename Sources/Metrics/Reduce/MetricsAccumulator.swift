import ScorecardCore

/// The built-in reduce stage: accumulates the record stream into compact per-line state and the
/// aggregate tables (`Aggregates`), from which `finish(asOf:)` computes every figure of docs/figures.md.
///
/// One pass over each source: order lines are classified (promotional for which campaigns) as they arrive
/// and kept as a few numbers each (`LineTable`); deliveries, returns, freight and snapshots add to the
/// tables of their day and are dropped. At the end `aggregates()` walks the lines once more to take
/// on-time shipped quantities and completion days (known only after the deliveries) into the tables.
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
    var stock = LatestStock(products: 0)
    var forecastSums = ForecastSums()
    /// Purchase-order lines and their receipts.
    var inbound = InboundTable()
    var emergencyLevels: EmergencyLevels
    /// Reason codes seen in returns; id 0 is "not given".
    var reasonCodeIDs: [String: Int32] = [:]
    var reasonCodes: [String?] = [nil]
    /// The whole company's tables (view 0).
    var company = ViewAggregates(present: [])

    public init(config: Config) {
        self.config = config
        emergencyLevels = EmergencyLevels(config.freight.emergencyServiceLevels)
    }

    public mutating func master(_ master: MasterData) {
        masterData = master
        products = ProductTable(master: master)
        index = CampaignIndex(master: master, products: products)
        stock = LatestStock(products: master.products.count)
        company = ViewAggregates(present: master.present)
    }

    public mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        self.asOf = asOf
        if orderSets.count < orderCount { orderSets += Array(repeating: 0, count: orderCount - orderSets.count) }
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
        let completed = CompletionDays.compute(ordered: work.lines.qty, events: work.lines.deliveries)
        work.walkLines(asOf: asOf, completed: completed, onTime: work.lines.onTimeShipped())
        work.addForecast(asOf: asOf)
        work.addInbound(asOf: asOf)
        work.addStock()
        return Aggregates(asOf: asOf, firstOrder: firstOrderDay, master: masterData, campaignSets: index.sets.members,
                          reasonCodes: reasonCodes, views: [work.company])
    }

    /// The category of a product, as a key column.
    @inline(__always) func category(_ product: Int32) -> Int32 { products.category[Int(product)] }
}
