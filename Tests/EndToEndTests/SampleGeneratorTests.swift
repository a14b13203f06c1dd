import Foundation
import Sample
import ScorecardCore
import Testing

/// Keeps the bundled sample (`Samples/`) identical to what the generator writes, and checks its shape.
@Suite struct SampleGeneratorTests {
    /// The repository root, found from this file's path (Tests/EndToEndTests/…).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every source, the inbound ones included.
    static let sources = SourceName.allCases
    static let files = sources.map { $0.rawValue + ".csv" }

    /// Writes a sample into a fresh temporary folder, hands it to `body`, and removes it.
    func withSample(_ options: SampleGenerator.Options = .init(), _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("scorecard-sample-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SampleGenerator(options: options).write(to: folder.path)
        try body(folder)
    }

    func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func bundledExportsAreWhatTheGeneratorWrites() throws {
        let bundled = Self.repository.appendingPathComponent("Samples/exports")
        try withSample { folder in
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(written == Self.files.sorted())
            for name in Self.files {
                let expected = try read(bundled.appendingPathComponent(name))
                let actual = try read(folder.appendingPathComponent(name))
                // Regenerate with `swift run scorecard sample --out Samples/exports` after changing the generator.
                #expect(actual == expected, "Samples/exports/\(name) differs from the generator's output")
            }
        }
    }

    @Test func bundledConfigIsTheGeneratorsConfig() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Samples/scorecard.yml"), encoding: .utf8)
        #expect(text == SampleGenerator.sampleConfig)
    }

    /// Columns the sample adds after the canonical ones: the dimensions of `segments:`.
    static let extraColumns: [SourceName: [String]] = [.orders: ["region"], .inventory: ["region"], .products: ["brand"]]

    @Test func headersAreTheCanonicalColumnsThenTheDimensions() throws {
        var options = SampleGenerator.Options()
        options.lines = 300
        options.skus = 20
        options.weeks = 4
        try withSample(options) { folder in
            for source in Self.sources {
                let text = try String(contentsOf: folder.appendingPathComponent(source.rawValue + ".csv"), encoding: .utf8)
                let header = text.prefix { $0 != "\n" }
                let columns = source.requiredColumns + source.optionalColumns + (Self.extraColumns[source] ?? [])
                #expect(header == columns.joined(separator: ","))
                #expect(text.hasSuffix("\n"))
            }
        }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        var options = SampleGenerator.Options()
        options.lines = 500
        options.skus = 30
        options.weeks = 6
        var first: [Data] = []
        var again: [Data] = []
        var other: [Data] = []
        try withSample(options) { folder in first = try Self.files.map { try read(folder.appendingPathComponent($0)) } }
        try withSample(options) { folder in again = try Self.files.map { try read(folder.appendingPathComponent($0)) } }
        options.seed = 7
        try withSample(options) { folder in other = try Self.files.map { try read(folder.appendingPathComponent($0)) } }
        #expect(first == again)
        #expect(first[Self.files.firstIndex(of: "orders.csv") ?? 0] != other[Self.files.firstIndex(of: "orders.csv") ?? 0])
    }

    /// The stories the bundled sample must tell, read back from the bundled files.
    @Test func bundledSampleTellsItsStories() throws {
        let exports = Self.repository.appendingPathComponent("Samples/exports")
        func lines(_ name: String) throws -> [Substring] {
            try String(contentsOf: exports.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        }
        let orders = try lines("orders.csv")
        // The header, exactly the 24,000 lines asked for, and one bad line after every 2,000 orders (5).
        #expect(orders.count == 1 + 24_000 + 5)
        #expect(orders.contains { $0.contains("Date Not Captured") })
        #expect(orders.contains { $0.contains(",0.75,") || $0.contains(",2.5,") })
        // The last order date is the fixed end date, a Sunday, so the default as-of date never moves.
        #expect(orders.dropFirst().contains { $0.split(separator: ",")[2] == "2026-11-15" })
        #expect(SampleGenerator.lastDay.isoWeekday == 7)

        let campaigns = try lines("campaigns.csv")
        #expect(campaigns.contains { $0.contains("\"Coffee \"\"Barista Days\"\" & Tasting\"") })
        // An upcoming campaign within the 28-day readiness horizon.
        #expect(campaigns.contains { $0.contains(",2026-11-23,") })

        let freight = try lines("freight.csv")
        #expect(freight.contains { $0.contains(",expedited ,") })
        let returns = try lines("returns.csv")
        #expect(returns.contains { $0.hasSuffix(",DEFECTIVE") })

        // Exactly one line ships the day before it was ordered (one in 24,000): a negative lead time.
        var orderDates: [Substring: Substring] = [:]
        for line in orders.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            orderDates[f[0] + "/" + f[1]] = f[2]
        }
        let deliveries = try lines("deliveries.csv").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let early = deliveries.filter { f in orderDates[f[0] + "/" + f[1]].map { f[2] < $0 } ?? false }
        #expect(early.count == 1)

        // Inbound supply: suppliers of every category, lines received in several receipts, lines still open,
        // and a few receipts posted the morning after the last day.
        let purchaseOrders = try lines("purchase_orders.csv").dropFirst().map { $0.split(separator: ",") }
        // The supplier is the last column and may hold a comma (quoted): two per category.
        #expect(Set(purchaseOrders.map { $0.dropFirst(6).joined(separator: ",") }).count == 16)
        let receipts = try lines("receipts.csv").dropFirst().map { $0.split(separator: ",") }
        var receiptsPerLine: [Substring: Int] = [:]
        for r in receipts { receiptsPerLine[r[0] + "/" + r[1], default: 0] += 1 }
        #expect(receiptsPerLine.values.contains { $0 >= 3 })
        #expect(purchaseOrders.contains { receiptsPerLine[$0[0] + "/" + $0[1]] == nil })
        let afterLastDay = receipts.filter { $0[2] > "2026-11-15" }.count
        #expect(afterLastDay > 0 && afterLastDay < 20)

        // The dimensions: a region on every order line (its last column; a handful empty), a brand on
        // every product (the last column, after a description that may be quoted).
        #expect(orders[0].hasSuffix(",unit_price,region"))
        var regions: [Substring: Int] = [:]
        for line in orders.dropFirst() { regions[line.split(separator: ",", omittingEmptySubsequences: false).last ?? "", default: 0] += 1 }
        #expect(Set(regions.keys) == ["North", "West", "South", "Central", "East", "Alps", ""])
        #expect((5...40).contains(regions[""] ?? 0), "a handful of lines without a region: \(regions[""] ?? 0)")
        let products = try ExportShapes.read(exports.appendingPathComponent("products.csv"))
        #expect(products.header == ["sku", "category", "unit_cost", "list_price", "description", "brand"])
        let brands = Set(products.rows.map { $0[products.column("brand")] })
        #expect(brands.count == 20, "\(brands.sorted())")
        #expect(brands.contains("Café Olé") && brands.contains("Cacao & Co.") && brands.contains("Whizz"))
    }

    /// The regions' story, read from the built `data/segments.json`: East's promotional orders miss their
    /// dates from the Halloween campaign on, so in the as-of week East is far below the fill-rate target
    /// while every other region meets it and the company is near it; in September East was like the others.
    @Test func bundledSampleSegmentsTellTheirStory() throws {
        let tmp = try TemporaryDirectory()
        let build = try ScorecardProcess.run(["build", "--config", Self.repository.appendingPathComponent("Samples/scorecard.yml").path,
                                              "--out", tmp.path("site").path])
        #expect(build.status == 0, "stderr: \(build.stderr)")
        func json(_ name: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("site/data/\(name)"))) as? [String: Any] ?? [:]
        }
        func fillRate(_ periods: Any?, _ label: String) -> Double? {
            (periods as? [[String: Any]])?.first { $0["period"] as? String == label }?["promo_fill_rate"] as? Double
        }
        let kpis = try json("kpis.json")
        let dimensions = try #require(try json("segments.json")["dimensions"] as? [[String: Any]])
        #expect(dimensions.map { $0["key"] as? String } == ["region", "brand"])
        #expect((kpis["segments"] as? [[String: Any]])?.map { $0["values"] as? Int } == [7, 20])

        let company = try #require(fillRate(kpis["weeks"], "2026-W46"))
        #expect(company >= 0.9 && company < 0.95, "the company is near the target: \(company)")
        let regions = try #require(dimensions[0]["values"] as? [[String: Any]])
        let labels = regions.compactMap { $0["label"] as? String }
        #expect(Set(labels) == ["North", "West", "South", "Central", "East", "Alps", "(none)"])
        // Worst first: East.
        #expect(labels.first == "East")
        let none = regions.first { $0["label"] as? String == "(none)" }
        #expect(none?["value"] as? String == "" && none?["path"] as? String == "segments/region/_none/")
        for region in regions where region["label"] as? String != "(none)" {
            let label = region["label"] as? String ?? ""
            let week = try #require(fillRate(region["weeks"], "2026-W46"), "\(label) has no promotional line due in 2026-W46")
            let november = try #require(fillRate(region["months"], "2026-11"))
            let september = try #require(fillRate(region["months"], "2026-09"))
            #expect(september >= 0.95, "\(label) met the target before the story: \(september)")
            if label == "East" {
                #expect(week < 0.6, "East in the as-of week: \(week)")
                #expect(november < 0.5, "East in November: \(november)")
            } else {
                #expect(week >= 0.95, "\(label) in the as-of week: \(week)")
                #expect(november > 0.6, "\(label) in November: \(november)")
            }
        }

        let brands = try #require(dimensions[1]["values"] as? [[String: Any]])
        #expect(dimensions[1]["source"] as? String == "products")
        #expect(brands.count == 20)
        let cafe = brands.first { $0["label"] as? String == "Café Olé" }
        let path = cafe?["path"] as? String ?? ""
        #expect(path.hasPrefix("segments/brand/") && path.utf8.allSatisfy { $0 < 0x80 }, "a path made safe: \(path)")
    }

    @Test func invalidOptionsThrowInsteadOfWriting() {
        var options = SampleGenerator.Options()
        options.lines = 0
        #expect(throws: SampleError.self) { try SampleGenerator(options: options).write(to: "/nonexistent/never") }
    }
}
