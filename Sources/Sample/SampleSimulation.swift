import ScorecardCore

/// Walks the sample's calendar one day at a time and writes every source as it goes.
///
/// Memory is bounded by the number of products (stock, demand weights, a few pending receipts each), never by
/// the number of lines: each order line is written, shipped, maybe returned and billed for freight before the
/// next one is drawn, and each purchase-order line's receipts are decided when it is raised.
final class SampleSimulation {
    let options: SampleGenerator.Options
    /// Draws for sales (orders, shipments, returns, freight) and the forecast.
    var rng: SplitMix64
    /// Draws for purchasing (suppliers, purchase orders, receipts), a stream of its own.
    var supplyRNG: SplitMix64
    /// Draws for the orders' regions, a stream of its own (so regions change no other value).
    var regionRNG: SplitMix64
    let products: [SampleProduct]
    let campaigns: [SampleCampaign]
    let firstDay: Day
    let lastDay: Day
    let dayCount: Int
    let frother: Int?
    /// The SKU of no product, for the deliberately bad rows.
    let unknownSKU: String
    /// The start of the campaign whose suppliers sell out (the Halloween story): from then on, East's orders
    /// wait (`SampleRegions`).
    let storyStart: Day?

    /// Expected order lines per unit of demand weight (popularity × uplift × day factor).
    var scale = 0.0
    /// Demand weight of each day, in calendar order.
    var dayWeights: [Double] = []
    /// Mean ordered quantity of each product, in hundredths, and the share of it ordered by retail customers.
    let meanQuantity: [Double]
    let retailShare: [Double]
    /// Quantity wholesale customers ordered of each product this week, in hundredths (see `writeForecast`).
    var wholesaleOrdered: [Int]
    /// Stock on hand of each product, in hundredths (both warehouses).
    var stock: [Int]
    /// Quantity promised to ship once the next receipt arrives, in hundredths.
    var backorder: [Int]
    /// Units ordered per campaign and item, in hundredths, from which `planned_units` are derived.
    var itemOrdered: [[Int]]
    /// Cumulative demand weights of the day being generated, for drawing products.
    var cumulative: [Double]
    /// A day's demand weight without campaigns, over its day factor: the warehouse's usual load.
    var baseDayWeight = 0.0
    /// Per product: the group of products matched by the same campaigns, whose planned day weights
    /// `plannedPrefix` sums (`basePrefix` without campaigns), from the first day to `planningDays` after the last.
    var signature: [Int] = []
    var plannedPrefix: [[Double]] = []
    var basePrefix: [Double] = []
    /// Product indices per category and supplier.
    let productsBySupplier: [[[Int]]]
    /// Quantity on open purchase-order lines still to be received, in hundredths.
    var onOrder: [Int]
    /// `pendingSlots` receipts per product, in date order: day, quantity and PO line (see `lineNumbers`).
    var pendingDay: [Int32]
    var pendingQty: [Int]
    var pendingLine: [Int]
    var pendingCount: [Int]

    // The streaming outputs; the small master data files are written whole by `run()`.
    let orders: CSVFileWriter
    let deliveries: CSVFileWriter
    let returns: CSVFileWriter
    let freight: CSVFileWriter
    let inventory: CSVFileWriter
    let forecast: CSVFileWriter
    let purchaseOrders: CSVFileWriter
    let receipts: CSVFileWriter
    let directory: String

    var orderNumber = 0
    var deliveryNumber = 0
    var returnNumber = 0
    var shipmentNumber = 0
    var purchaseOrderNumber = 4_500_012_000
    var receiptNumber = 0
    /// Order lines written, and whether a line shipped before its order date is due (see `backdatedEvery`).
    var linesWritten = 0
    var backdatedDue = false
    /// Good rows written per source since its last deliberately bad row, to keep bad rows far below 1 %.
    /// Indexed by `SourceName.allCases` order (a dictionary lookup per row was a tenth of the run time).
    var badRows = [Int](repeating: 0, count: SourceName.allCases.count)
    /// Bad deliveries so far, to alternate their two kinds.
    var badDeliveries = 0
    /// The current order's shipments, one per ship date, billed as freight when the order is done.
    var shipments: [(day: Day, value: Int, expedited: Bool)] = []
    /// The current order's lines, written once the order is done and its region is known.
    var orderLines: [(lineNo: Int, day: Day, requested: Day, product: Int, qty: Int, price: Int)] = []
    /// Whether the current order has a promotional line, and whether one ships less than ordered by its
    /// requested date.
    var orderPromotional = false
    var orderPromoShort = false

    /// Retail and wholesale order quantities, in hundredths: pieces, and kilograms in steps of 0.25.
    static let retailPieces = (values: [100, 200, 300, 400, 600], weights: [50, 22, 12, 8, 8])
    static let wholesalePieces = (values: [600, 1200, 2400, 4800, 10000], weights: [30, 35, 20, 10, 5])
    static let retailKg = (values: [25, 50, 75, 100, 150, 250], weights: [10, 25, 15, 25, 10, 15])
    static let wholesaleKg = (values: [250, 500, 1000, 1250, 2500], weights: [25, 30, 25, 10, 10])
    static let wholesaleShare = 0.25

    init(options: SampleGenerator.Options, directory: String) throws {
        self.options = options
        self.directory = directory
        rng = SplitMix64(seed: options.seed)
        lastDay = SampleGenerator.lastDay
        firstDay = lastDay - (7 * options.weeks - 1)
        dayCount = 7 * options.weeks
        supplyRNG = SplitMix64(seed: options.seed ^ 0x5EED_0F_5_0991_1E5)
        regionRNG = SplitMix64(seed: options.seed ^ 0x2E61_0A5E_ED00_0001)
        var catalog = SampleProduct.catalog(count: options.skus, rng: &rng)
        var brandRNG = SplitMix64(seed: options.seed ^ 0xB2A4_D5EE_D000_0002)
        SampleBrands.assign(&catalog, rng: &brandRNG)
        var bySupplier = SampleSupplier.byCategory.map { $0.map { _ in [Int]() } }
        for p in catalog.indices {
            catalog[p].supplier = supplyRNG.below(SampleSupplier.byCategory[catalog[p].category].count)
            catalog[p].inflexibleSupply = supplyRNG.chance(0.12)
            bySupplier[catalog[p].category][catalog[p].supplier].append(p)
        }
        products = catalog
        productsBySupplier = bySupplier
        campaigns = SampleCampaign.calendar(products: products, firstDay: firstDay)
        storyStart = campaigns.first { $0.capsSupply }?.start
        frother = SampleProduct.frother(in: products)
        unknownSKU = "SKU-" + String(repeating: "0", count: products.first.map { $0.sku.count - 4 } ?? 5)
        func mean(_ t: (values: [Int], weights: [Int])) -> Double {
            var sum = 0, total = 0
            for (v, w) in zip(t.values, t.weights) { sum += v * w; total += w }
            return Double(sum) / Double(total)
        }
        let retail = catalog.map { mean($0.isKg ? Self.retailKg : Self.retailPieces) * (1 - Self.wholesaleShare) }
        let means = catalog.indices.map { p in
            retail[p] + mean(catalog[p].isKg ? Self.wholesaleKg : Self.wholesalePieces) * Self.wholesaleShare
        }
        meanQuantity = means
        retailShare = catalog.indices.map { retail[$0] / means[$0] }
        wholesaleOrdered = Array(repeating: 0, count: products.count)
        stock = Array(repeating: 0, count: products.count)
        backorder = Array(repeating: 0, count: products.count)
        cumulative = Array(repeating: 0, count: products.count)
        itemOrdered = campaigns.map { Array(repeating: 0, count: $0.items.count) }
        onOrder = Array(repeating: 0, count: products.count)
        pendingCount = Array(repeating: 0, count: products.count)
        pendingDay = Array(repeating: 0, count: products.count * Self.pendingSlots)
        pendingQty = Array(repeating: 0, count: products.count * Self.pendingSlots)
        pendingLine = Array(repeating: 0, count: products.count * Self.pendingSlots)

        func open(_ source: SourceName, capacity: Int = 1 << 20, extra: [String] = []) throws -> CSVFileWriter {
            let writer = try CSVFileWriter(path: directory + "/" + source.rawValue + ".csv", capacity: capacity)
            writer.header(source.requiredColumns + source.optionalColumns + extra)
            return writer
        }
        // The region after the canonical columns, as an ERP export adds its own.
        orders = try open(.orders, extra: ["region"])
        deliveries = try open(.deliveries)
        returns = try open(.returns)
        freight = try open(.freight)
        inventory = try open(.inventory, extra: ["region"])
        forecast = try open(.forecast)
        // A tenth of the sales volume: smaller buffers keep the peak memory down.
        purchaseOrders = try open(.purchaseOrders, capacity: 1 << 18)
        receipts = try open(.receipts, capacity: 1 << 18)
    }

    /// Writes all eleven files.
    func run() throws {
        try writeProducts()
        try writeCampaigns()
        computeDemandScale()
        computePlanPrefixes()
        openStock()
        var linesSoFar = 0
        var weightSoFar = 0.0
        let totalWeight = dayWeights.reduce(0, +)
        for offset in 0..<dayCount {
            let day = firstDay + offset
            receive(on: day)
            if day.isoWeekday == 1 { purchase(monday: day) }
            weightSoFar += dayWeights[offset]
            // Cumulative rounding, so the days add up to the requested number of lines.
            let target = totalWeight > 0 ? Int((Double(options.lines) * weightSoFar / totalWeight).rounded()) : 0
            writeOrders(on: day, lines: target - linesSoFar)
            linesSoFar = target
            if day.isoWeekday == 7 {
                writeSnapshot(day)
                writeForecast(monday: day.weekStart, known: true)
            }
        }
        // Supply chain's plan reaches a few weeks beyond the last order.
        let nextMonday = lastDay.weekStart + 7
        for week in 0..<4 { writeForecast(monday: nextMonday + 7 * week, known: false) }
        receiveAfterLastDay()
        try writeCampaignItems()
        for writer in [orders, deliveries, returns, freight, inventory, forecast, purchaseOrders, receipts] {
            try writer.close()
        }
    }

    /// Whether a deliberately bad row is due in `source`: one after every `every` good rows.
    func badRowDue(_ source: SourceName, every: Int) -> Bool {
        let slot = Self.slot(source)
        let n = badRows[slot] + 1
        if n > every {
            badRows[slot] = 0
            return true
        }
        badRows[slot] = n
        return false
    }

    /// The source's position in `badRows`.
    static func slot(_ source: SourceName) -> Int {
        switch source {
        case .products: return 0
        case .campaigns: return 1
        case .campaignItems: return 2
        case .orders: return 3
        case .deliveries: return 4
        case .returns: return 5
        case .freight: return 6
        case .inventory: return 7
        case .forecast: return 8
        case .purchaseOrders: return 9
        case .receipts: return 10
        }
    }

    // MARK: Master data

    private func writeProducts() throws {
        let w = try CSVFileWriter(path: directory + "/products.csv")
        w.header(SourceName.products.requiredColumns + SourceName.products.optionalColumns + ["brand"])
        for p in products {
            w.field(p.sku)
            w.field(SampleProduct.categories[p.category])
            w.cents(p.unitCost)
            w.cents(p.listPrice)
            w.field(p.description)
            w.field(p.brand ?? "")
            w.endRow()
        }
        // A corrected price exported again under the same SKU: a duplicate key (the first row wins).
        if products.count >= 200 {
            let p = products[products.count / 2]
            w.field(p.sku)
            w.field(SampleProduct.categories[p.category])
            w.cents(p.unitCost)
            w.cents(p.listPrice + 100)
            w.field(p.description)
            w.field(p.brand ?? "")
            w.endRow()
        }
        try w.close()
    }

    private func writeCampaigns() throws {
        let w = try CSVFileWriter(path: directory + "/campaigns.csv")
        w.header(SourceName.campaigns.requiredColumns + SourceName.campaigns.optionalColumns)
        for c in campaigns {
            w.field(c.id)
            w.field(c.name)
            w.day(c.start)
            w.day(c.end)
            w.field(c.channel)
            if let budget = c.budget { w.cents(budget) } else { w.empty() }
            w.endRow()
        }
        try w.close()
    }
}
