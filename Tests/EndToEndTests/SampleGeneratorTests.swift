import Foundation
import Sample
import ScorecardCore
import Testing

/// Keeps the bundled sample (`Samples/`) identical to what the generator writes, and checks its shape.
@Suite struct SampleGeneratorTests {
    /// The repository root, found from this file's path (Tests/EndToEndTests/…).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every source but the inbound ones, which the generator does not write yet.
    static let sources = SourceName.allCases.filter { $0 != .purchaseOrders && $0 != .receipts }
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

    @Test func headersAreExactlyTheCanonicalColumns() throws {
        var options = SampleGenerator.Options()
        options.lines = 300
        options.skus = 20
        options.weeks = 4
        try withSample(options) { folder in
            for source in Self.sources {
                let text = try String(contentsOf: folder.appendingPathComponent(source.rawValue + ".csv"), encoding: .utf8)
                let header = text.prefix { $0 != "\n" }
                #expect(header == (source.requiredColumns + source.optionalColumns).joined(separator: ","))
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
        // The header, exactly the 20,000 lines asked for, and one bad line after every 2,000 orders (4).
        #expect(orders.count == 1 + 20_000 + 4)
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
    }

    @Test func invalidOptionsThrowInsteadOfWriting() {
        var options = SampleGenerator.Options()
        options.lines = 0
        #expect(throws: SampleError.self) { try SampleGenerator(options: options).write(to: "/nonexistent/never") }
    }
}
