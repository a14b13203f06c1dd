import Dispatch
import Logging
import ScorecardCore

/// The state of one ingestion: key tables that later sources resolve against, and what was counted.
///
/// Sources are read in `SourceName` order, so every reference a row makes is to a source already read.
struct IngestRun {
    let config: Config
    let files: [SourceName: [SourceFile]]
    let logger: Logger

    var stats: [SourceStats] = []
    var rejections: [Rejection] = []
    var problems: [Diagnostic] = []

    // Master data.
    var products: [Product] = []
    var productKeys = ByteKeyTable()
    var categories: [String] = []
    var categoryKeys = ByteKeyTable()
    var campaigns: [Campaign] = []
    var campaignKeys = ByteKeyTable()
    var items: [CampaignItem] = []
    /// The tuples of product-dimension values (`Product.segment`).
    var productSegmentTuples: [[String]] = []

    /// (order_id, line_no) → used line index or `OrderLineIndex.ignored`; order_id → order index.
    var orderLines = OrderLineIndex()
    var asOf = Day(rawValue: 0)
    /// Known once orders are read.
    var window = ReportWindow(firstOrder: nil, asOf: Day(rawValue: 0), maxWeeks: 1)
    /// The order row the as-of date was taken from, when it was not given.
    var asOfRow: SourceLocation?
    /// Per source, the used rows dated before the report window.
    var earlyRows: [EarlyRows] = []

    /// Interned strings that repeat on every row (service levels, carriers, reason codes).
    var interned = ByteKeyTable()
    var internedStrings: [String] = []

    init(config: Config, files: [SourceName: [SourceFile]], logger: Logger) {
        self.config = config
        self.files = files
        self.logger = logger
    }

    mutating func run<Sink: RecordSink>(into target: inout Sink) throws(IngestFailure) -> IngestSummary {
        // The sink's work on each record runs on a consumer thread, in order, while rows are parsed here.
        var sink = ForwardingSink(target)
        readProducts()
        readCampaigns()
        readCampaignItems()
        sink.master(MasterData(products: products, categories: categories, campaigns: campaigns, items: items,
                               present: Set(files.keys), productSegmentTuples: productSegmentTuples))
        // Inventory, forecast and the inbound sources only resolve products (and receipts their PO lines):
        // parse them on other cores meanwhile, and hand their records to the sink after freight, in the
        // documented order.
        let inventory = Handoff<BufferedFacts<DatedFact>?>(nil)
        let forecast = Handoff<BufferedFacts<DatedFact>?>(nil)
        let shared = Handoff((productKeys, config, logger))
        let group = DispatchGroup()
        if let files = files[.inventory] {
            DispatchQueue.global().async(group: group) {
                let (keys, config, logger) = shared.value
                inventory.value = Self.scanInventory(SourceScan(source: .inventory, files: files, config: config, logger: logger), productKeys: keys)
            }
        }
        if let files = files[.forecast] {
            DispatchQueue.global().async(group: group) {
                let (keys, config, logger) = shared.value
                forecast.value = Self.scanForecast(SourceScan(source: .forecast, files: files, config: config, logger: logger), productKeys: keys)
            }
        }
        let inbound = Handoff<BufferedInbound?>(nil)
        if let orders = files[.purchaseOrders] {
            let receipts = files[.receipts]
            DispatchQueue.global().async(group: group) {
                let (keys, config, logger) = shared.value
                inbound.value = Self.scanInbound(
                    orders: SourceScan(source: .purchaseOrders, files: orders, config: config, logger: logger),
                    receipts: receipts.map { SourceScan(source: .receipts, files: $0, config: config, logger: logger) },
                    productKeys: keys)
            }
        }
        readOrders(into: &sink)
        // Freight only resolves order ids: parse it on another core while deliveries and returns are read
        // here, and send it after them.
        let freight = files[.freight].map { _ in FreightChannel() }
        if let files = files[.freight], let freight {
            let input = Handoff((orderLines, asOf, window.firstDay, config, logger))
            DispatchQueue.global().async {
                let (orderLines, asOf, firstDay, config, logger) = input.value
                Self.scanFreight(SourceScan(source: .freight, files: files, config: config, logger: logger),
                                 orderLines: orderLines, asOf: asOf, firstDay: firstDay, into: freight)
            }
        }
        readDeliveries(into: &sink)
        readReturns(into: &sink)
        if let freight { deliverFreight(from: freight, into: &sink) }
        // Nothing resolves order ids any more: free the index (hundreds of MB at 10M lines) before the
        // buffered inventory and forecast rows are sent and metrics finish.
        orderLines = OrderLineIndex()
        group.wait()
        if let inventory = inventory.value { deliverInventory(inventory, into: &sink) }
        if let forecast = forecast.value { deliverForecast(forecast, into: &sink) }
        if let inbound = inbound.value { deliver(inbound, into: &sink) }
        target = sink.finish()

        problems += IngestSummary(asOf: asOf, sources: stats, rejections: rejections).rejectedShareProblems(maxShare: config.targets.maxRejectedShare)
        if !problems.isEmpty {
            throw IngestFailure(diagnostics: problems)
        }
        earlyRows.sort { $0.source < $1.source }
        // History before the window is noted on the data-quality page; only what looks like a typo is a
        // warning (stderr, which cron mails).
        return IngestSummary(asOf: asOf, sources: stats, rejections: rejections, window: window, earlyRows: earlyRows,
                             asOfRow: asOfRow,
                             warnings: IngestSummary.earlyRowWarnings(earlyRows, sources: stats, asOf: asOf, window: window))
    }

    /// Starts reading `source`, or `nil` when it is absent.
    func scan(_ source: SourceName) -> SourceScan? {
        guard let f = files[source] else { return nil }
        return SourceScan(source: source, files: f, config: config, logger: logger)
    }

    /// Records what a finished scan counted.
    mutating func finish(_ scan: SourceScan, early: EarlyRowTally = EarlyRowTally()) {
        stats.append(SourceStats(source: scan.source, files: scan.stats))
        rejections += scan.rejections
        problems += scan.problems
        if let rows = early.rows(scan.source) { earlyRows.append(rows) }
    }

    /// Records what a scan read on another thread counted.
    mutating func finish(_ source: SourceName, stats files: [FileStats], rejections: [Rejection], problems: [Diagnostic],
                         early: EarlyRowTally = EarlyRowTally()) {
        stats.append(SourceStats(source: source, files: files))
        self.rejections += rejections
        self.problems += problems
        if let rows = early.rows(source) { earlyRows.append(rows) }
    }

    /// The interned `String` of these bytes.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let (v, inserted) = interned.insert(b, value: Int32(internedStrings.count))
        if inserted { internedStrings.append(String(decoding: b, as: UTF8.self)) }
        return internedStrings[Int(v)]
    }
}
