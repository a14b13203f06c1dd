import ScorecardCore

/// Walks the sample's calendar one day at a time and writes every source as it goes.
///
/// Memory is bounded by the number of products (stock, demand weights), never by the number of lines:
/// each order line is written, shipped, maybe returned and billed for freight before the next one is drawn.
final class SampleSimulation {
    let options: SampleGenerator.Options
    var rng: SplitMix64
    let products: [SampleProduct]
    let campaigns: [SampleCampaign]
    let firstDay: Day
    let lastDay: Day
    let dayCount: Int
    let frother: Int?
    /// The SKU of no product, for the deliberately bad rows.
    let unknownSKU: String

    /// Expected order lines per unit of demand weight (popularity × uplift × day factor).
    var scale = 0.0
    /// Demand weight of each day, in calendar order.
    var dayWeights: [Double] = []
    /// Mean ordered quantity of each product, in hundredths.
    let meanQuantity: [Double]
    /// Stock on hand of each product, in hundredths (both warehouses).
    var stock: [Int]
    /// Quantity promised to ship once the next receipt arrives, in hundredths.
    var backorder: [Int]
    /// Units ordered per campaign and item, in hundredths, from which `planned_units` are derived.
    var itemOrdered: [[Int]]
    /// Cumulative demand weights of the day being generated, for drawing products.
    var cumulative: [Double]

    // The streaming outputs; the small master data files are written whole by `run()`.
    let orders: CSVFileWriter
    let deliveries: CSVFileWriter
    let returns: CSVFileWriter
    let freight: CSVFileWriter
    let inventory: CSVFileWriter
    let forecast: CSVFileWriter
    let directory: String

    var orderNumber = 0
    var deliveryNumber = 0
    var returnNumber = 0
    var shipmentNumber = 0
    var purchaseOrderNumber = 4_500_012_000
    /// Good rows written per source since its last deliberately bad row, to keep bad rows far below 1 %.
    var badRows: [SourceName: Int] = [:]
    /// Bad deliveries so far, to alternate their two kinds.
    var badDeliveries = 0
    /// The current order's shipments, one per ship date, billed as freight when the order is done.
    var shipments: [(day: Day, value: Int, expedited: Bool)] = []

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
        products = SampleProduct.catalog(count: options.skus, rng: &rng)
        campaigns = SampleCampaign.calendar(products: products, firstDay: firstDay)
        frother = SampleProduct.frother(in: products)
        unknownSKU = "SKU-" + String(repeating: "0", count: products.first.map { $0.sku.count - 4 } ?? 5)
        meanQuantity = products.map { p in
            func mean(_ t: (values: [Int], weights: [Int])) -> Double {
                var sum = 0, total = 0
                for (v, w) in zip(t.values, t.weights) { sum += v * w; total += w }
                return Double(sum) / Double(total)
            }
            let retail = mean(p.isKg ? Self.retailKg : Self.retailPieces)
            let wholesale = mean(p.isKg ? Self.wholesaleKg : Self.wholesalePieces)
            return retail * (1 - Self.wholesaleShare) + wholesale * Self.wholesaleShare
        }
        stock = Array(repeating: 0, count: products.count)
        backorder = Array(repeating: 0, count: products.count)
        cumulative = Array(repeating: 0, count: products.count)
        itemOrdered = campaigns.map { Array(repeating: 0, count: $0.items.count) }

        func open(_ source: SourceName) throws -> CSVFileWriter {
            let writer = try CSVFileWriter(path: directory + "/" + source.rawValue + ".csv")
            writer.header(source.requiredColumns + source.optionalColumns)
            return writer
        }
        orders = try open(.orders)
        deliveries = try open(.deliveries)
        returns = try open(.returns)
        freight = try open(.freight)
        inventory = try open(.inventory)
        forecast = try open(.forecast)
    }

    /// Writes all nine files.
    func run() throws {
        try writeProducts()
        try writeCampaigns()
        computeDemandScale()
        var linesSoFar = 0
        var weightSoFar = 0.0
        let totalWeight = dayWeights.reduce(0, +)
        for offset in 0..<dayCount {
            let day = firstDay + offset
            if day.isoWeekday == 1 {
                replenish(monday: day)
                writeForecast(monday: day)
            }
            weightSoFar += dayWeights[offset]
            // Cumulative rounding, so the days add up to the requested number of lines.
            let target = totalWeight > 0 ? Int((Double(options.lines) * weightSoFar / totalWeight).rounded()) : 0
            writeOrders(on: day, lines: target - linesSoFar)
            linesSoFar = target
            if day.isoWeekday == 7 { writeSnapshot(day) }
        }
        // Supply chain's plan reaches a few weeks beyond the last order.
        let nextMonday = lastDay.weekStart + 7
        for week in 0..<4 { writeForecast(monday: nextMonday + 7 * week) }
        try writeCampaignItems()
        for writer in [orders, deliveries, returns, freight, inventory, forecast] { try writer.close() }
    }

    /// Whether a deliberately bad row is due in `source`: one after every `every` good rows.
    func badRowDue(_ source: SourceName, every: Int) -> Bool {
        let n = (badRows[source] ?? 0) + 1
        if n > every {
            badRows[source] = 0
            return true
        }
        badRows[source] = n
        return false
    }

    // MARK: Master data

    private func writeProducts() throws {
        let w = try CSVFileWriter(path: directory + "/products.csv")
        w.header(SourceName.products.requiredColumns + SourceName.products.optionalColumns)
        for p in products {
            w.field(p.sku)
            w.field(SampleProduct.categories[p.category])
            w.cents(p.unitCost)
            w.cents(p.listPrice)
            w.field(p.description)
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
