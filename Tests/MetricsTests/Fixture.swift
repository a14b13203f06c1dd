import Metrics
import ScorecardCore
import Testing

/// A handful of rows of each source, fed to `MetricsAccumulator` in `RecordSink` order.
///
/// Rows name SKUs, campaigns and orders as the exports do; the fixture resolves them to the dense indices
/// Ingest would send. Rows are sent as written: the fixture plays an Ingest that already dropped
/// rejected rows and rows after the as-of date.
struct Fixture {
    struct Line {
        var order: String
        var orderDate: String
        var requested: String
        var sku: String
        var qty: Double
        var price: Double
    }

    var products: [(sku: String, category: String, unitCost: Double, listPrice: Double)] = []
    var campaigns: [(id: String, start: String, end: String)] = []
    var items: [(campaign: String, sku: String?, category: String?, planned: Double)] = []
    var lines: [Line] = []
    /// `line` is the index in `lines`.
    var deliveries: [(line: Int, shipDate: String, qty: Double)] = []
    var returns: [(line: Int, returnDate: String, qty: Double, reason: String?)] = []
    var freight: [(shipDate: String, serviceLevel: String, cost: Double, order: String?)] = []
    var inventory: [(date: String, sku: String, qty: Double)] = []
    var forecast: [(week: String, sku: String, units: Double)] = []
    var purchaseOrders: [(orderDate: String, due: String, sku: String, qty: Double)] = []
    /// `line` is the index in `purchaseOrders`.
    var receipts: [(line: Int, date: String, qty: Double)] = []
    /// Optional sources present; the four original ones by default (`purchase(…)` adds the inbound ones).
    var optional: Set<SourceName> = [.inventory, .freight, .returns, .forecast]
    var asOf: String?
    var config = Config()
    /// Segment values: per source, per row index (products: product index), per dimension key.
    var attributes: [SourceName: [Int: [String: String]]] = [:]

    /// Gives row `row` of `source` the value `value` of dimension `dimension`.
    mutating func tag(_ source: SourceName, _ row: Int, _ dimension: String, _ value: String) {
        attributes[source, default: [:]][row, default: [:]][dimension] = value
    }

    /// Row `row` of `source`'s tuple of segment values, one per segment column of the source.
    func tuple(_ source: SourceName, _ row: Int) -> [String] {
        config.segments.columns(of: source).map { attributes[source]?[row]?[config.segments.dimensions[$0.dimension].key] ?? "" }
    }

    /// Interns the tuples of `count` rows of `source`: (tuple id of each row, tuples by id).
    func tuples(_ source: SourceName, count: Int) -> (ids: [Int32], tuples: [[String]]) {
        guard !config.segments.columns(of: source).isEmpty else { return (Array(repeating: 0, count: count), []) }
        var ids: [Int32] = [], tuples: [[String]] = [], known: [[String]: Int32] = [:]
        for row in 0..<count {
            let t = tuple(source, row)
            if let id = known[t] { ids.append(id); continue }
            known[t] = Int32(tuples.count)
            ids.append(Int32(tuples.count))
            tuples.append(t)
        }
        return (ids, tuples)
    }

    mutating func product(_ sku: String, _ category: String, cost: Double = 1, list: Double = 1) {
        products.append((sku, category, cost, list))
    }

    mutating func campaign(_ id: String, _ start: String, _ end: String) {
        campaigns.append((id, start, end))
    }

    mutating func item(_ campaign: String, sku: String? = nil, category: String? = nil, planned: Double = 0) {
        items.append((campaign, sku, category, planned))
    }

    /// Adds an order line and returns its index.
    @discardableResult
    mutating func line(_ order: String, _ orderDate: String, requested: String, _ sku: String, qty: Double, price: Double = 1) -> Int {
        lines.append(Line(order: order, orderDate: orderDate, requested: requested, sku: sku, qty: qty, price: price))
        return lines.count - 1
    }

    mutating func deliver(_ line: Int, _ shipDate: String, _ qty: Double) { deliveries.append((line, shipDate, qty)) }

    mutating func ret(_ line: Int, _ date: String, _ qty: Double, reason: String? = nil) { returns.append((line, date, qty, reason)) }

    mutating func ship(_ date: String, _ level: String, _ cost: Double, order: String? = nil) {
        freight.append((date, level, cost, order))
    }

    mutating func snapshot(_ date: String, _ sku: String, _ qty: Double) { inventory.append((date, sku, qty)) }

    mutating func plan(_ week: String, _ sku: String, _ units: Double) { forecast.append((week, sku, units)) }

    /// Adds a PO line (and makes both inbound sources present) and returns its index.
    @discardableResult
    mutating func purchase(_ orderDate: String, due: String, _ sku: String, qty: Double) -> Int {
        optional.formUnion([.purchaseOrders, .receipts])
        purchaseOrders.append((orderDate, due, sku, qty))
        return purchaseOrders.count - 1
    }

    mutating func receive(_ line: Int, _ date: String, _ qty: Double) { receipts.append((line, date, qty)) }

    func report() -> Report {
        let (sink, a) = accumulated()
        return sink.finish(asOf: a)
    }

    /// The aggregate tables of the fixture's rows.
    func aggregates() -> Aggregates {
        let (sink, a) = accumulated()
        return sink.aggregates(asOf: a)
    }

    /// The accumulator fed with every row, and the as-of date.
    func accumulated() -> (MetricsAccumulator, Day) {
        var categories: [String] = []
        var productRows: [Product] = []
        var productIndex: [String: Int32] = [:]
        let productTuples = tuples(.products, count: products.count)
        for (i, p) in products.enumerated() {
            if !categories.contains(p.category) { categories.append(p.category) }
            productIndex[p.sku] = Int32(productRows.count)
            productRows.append(Product(sku: p.sku, category: Int32(categories.firstIndex(of: p.category) ?? 0),
                                       unitCost: p.unitCost, listPrice: p.listPrice, segment: productTuples.ids[i]))
        }
        let campaignRows = campaigns.map { Campaign(id: $0.id, name: "Campaign \($0.id)", start: day($0.start), end: day($0.end)) }
        let itemRows = items.map { i in
            CampaignItem(campaign: Int32(campaigns.firstIndex { $0.id == i.campaign } ?? -1),
                         product: i.sku.map { productIndex[$0] ?? -1 },
                         category: i.category.map { Int32(categories.firstIndex(of: $0) ?? -1) },
                         plannedUnits: i.planned)
        }
        var present: Set<SourceName> = [.products, .campaigns, .campaignItems, .orders, .deliveries]
        present.formUnion(optional)

        var sink = MetricsAccumulator(config: config)
        sink.master(MasterData(products: productRows, categories: categories, campaigns: campaignRows, items: itemRows,
                               present: present, productSegmentTuples: productTuples.tuples))
        var orders: [String: Int32] = [:]
        let lineTuples = tuples(.orders, count: lines.count)
        for (i, l) in lines.enumerated() {
            let o = orders[l.order] ?? Int32(orders.count)
            orders[l.order] = o
            sink.orderLine(OrderLineRecord(line: Int32(i), order: o, orderDate: day(l.orderDate), requestedDate: day(l.requested),
                                           product: productIndex[l.sku] ?? -1, qtyOrdered: l.qty, unitPrice: l.price,
                                           segment: lineTuples.ids[i]))
        }
        if !lineTuples.tuples.isEmpty { sink.segmentTuples(.orders, lineTuples.tuples) }
        let a = asOf.map(day) ?? lines.map { day($0.orderDate) }.max() ?? day("2026-01-01")
        sink.ordersComplete(asOf: a, lineCount: lines.count, orderCount: orders.count)
        for d in deliveries { sink.delivery(DeliveryRecord(line: Int32(d.line), shipDate: day(d.shipDate), qtyShipped: d.qty)) }
        for r in returns {
            sink.returned(ReturnRecord(line: Int32(r.line), returnDate: day(r.returnDate), qtyReturned: r.qty, reasonCode: r.reason))
        }
        for f in freight {
            sink.freight(FreightRecord(shipDate: day(f.shipDate), serviceLevel: f.serviceLevel, cost: f.cost,
                                       order: f.order.flatMap { orders[$0] }))
        }
        let inventoryTuples = tuples(.inventory, count: inventory.count)
        if present.contains(.inventory), !inventoryTuples.tuples.isEmpty { sink.segmentTuples(.inventory, inventoryTuples.tuples) }
        for (n, i) in inventory.enumerated() {
            sink.inventory(InventoryRecord(snapshotDate: day(i.date), product: productIndex[i.sku] ?? -1, qtyOnHand: i.qty,
                                           segment: inventoryTuples.ids[n]))
        }
        let forecastTuples = tuples(.forecast, count: forecast.count)
        if present.contains(.forecast), !forecastTuples.tuples.isEmpty { sink.segmentTuples(.forecast, forecastTuples.tuples) }
        for (n, f) in forecast.enumerated() {
            sink.forecast(ForecastRecord(weekStart: day(f.week), product: productIndex[f.sku] ?? -1, forecastUnits: f.units,
                                         segment: forecastTuples.ids[n]))
        }
        if present.contains(.purchaseOrders) {
            let poTuples = tuples(.purchaseOrders, count: purchaseOrders.count)
            if !poTuples.tuples.isEmpty { sink.segmentTuples(.purchaseOrders, poTuples.tuples) }
            for (i, p) in purchaseOrders.enumerated() {
                sink.purchaseOrderLine(PurchaseOrderLineRecord(line: Int32(i), orderDate: day(p.orderDate), dueDate: day(p.due),
                                                               product: productIndex[p.sku] ?? -1, qtyOrdered: p.qty, segment: poTuples.ids[i]))
            }
            if present.contains(.receipts) {
                for r in receipts { sink.receipt(ReceiptRecord(line: Int32(r.line), receiptDate: day(r.date), qtyReceived: r.qty)) }
            }
        }
        return (sink, a)
    }
}

/// A `yyyy-MM-dd` date of a fixture (a typo fails the test rather than crashing it).
func day(_ text: String) -> Day {
    guard let d = Day(iso: text) else {
        Issue.record("bad fixture date \(text)")
        return Day(rawValue: 0)
    }
    return d
}

/// Equal up to floating-point summation order (relative 1e-12); `nil` only equals `nil`.
func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300)
}

extension Report {
    func week(_ label: String) -> PeriodFigures? { weeks.first { $0.period.label == label } }
    func month(_ label: String) -> PeriodFigures? { months.first { $0.period.label == label } }
    func campaign(_ id: String) -> CampaignFigures? { campaigns.first { $0.campaignID == id } }
    func category(_ name: String) -> CategoryFigures? { categories.first { $0.category == name } }
}
