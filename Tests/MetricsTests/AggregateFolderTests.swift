import Engine
import Foundation
import Metrics
import ScorecardCore
import Testing

/// The aggregate folder is the boundary between the reduce and the finish stage: tables written by the
/// built-in engine and read back finish into the same figures, so another engine that writes the same
/// tables gets the same scorecard.
@Suite struct AggregateFolderTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aggregates-\(UUID().uuidString)").path
        return path
    }

    static func ingest(asOf: Day) -> IngestSummary {
        IngestSummary(
            asOf: asOf,
            sources: [SourceStats(source: .orders, files: [FileStats(path: "orders/a.csv", rows: 10, rejected: 1, ignoredAfterAsOf: 2),
                                                           FileStats(path: "orders/b.csv", rows: 5)])],
            rejections: [Rejection(location: SourceLocation(file: "orders/a.csv", line: 4, column: 3, source: .orders, field: "order_date"),
                                   reason: .badDate, detail: "order_date \"Date, \"Not\" Captured\"")],
            earlyRows: [EarlyRows(source: .orders, count: 1, earliest: Day(iso: "0026-05-18")!,
                                  location: SourceLocation(file: "orders/a.csv", line: 5, column: 3, source: .orders, field: "order_date"))],
            asOfRow: SourceLocation(file: "orders/b.csv", line: 2, column: 3, source: .orders, field: "order_date"))
    }

    @Test(arguments: [true, false])
    func writtenAndReadTheTablesFinishIntoTheSameFigures(segments: Bool) throws {
        var f = SegmentTests.regions()
        if !segments { f.config.segments = SegmentsConfig() }
        let aggregates = f.aggregates()
        let direct = Finisher(aggregates: aggregates, config: f.config).report()
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ingest = Self.ingest(asOf: aggregates.asOf)
        try AggregateFolder.write(aggregates, ingest: ingest, config: f.config, to: path)
        let read = try AggregateFolder.read(from: path, config: f.config)
        let report = Finisher(aggregates: read.aggregates, config: f.config).report()
        let differences = Deep.differences(report, direct, path: "report")
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "; "))")
        #expect(report.segments.count == (segments ? 2 : 0))
        // The ingestion summary comes back whole, warnings recomputed.
        #expect(read.ingest.sources == ingest.sources)
        #expect(read.ingest.rejections == ingest.rejections)
        #expect(read.ingest.earlyRows == ingest.earlyRows)
        #expect(read.ingest.asOfRow == ingest.asOfRow)
        #expect(read.ingest.warnings.count == 1, "a 0026 date is a mistyped year")
    }

    @Test func aBrokenFolderIsAnEngineFailure() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var f = SegmentTests.regions()
        f.config.segments = SegmentsConfig()
        try AggregateFolder.write(f.aggregates(), ingest: Self.ingest(asOf: Day(iso: "2026-11-18")!), config: f.config, to: path)
        let lines = URL(fileURLWithPath: path).appendingPathComponent("lines.csv")
        try (try String(contentsOf: lines, encoding: .utf8) + "0,2026-11-02,Garden,1,1,1,0,0,0,0\n").write(to: lines, atomically: true, encoding: .utf8)
        #expect(throws: AggregateFolderError.self) { try AggregateFolder.read(from: path, config: f.config) }
        do {
            _ = try AggregateFolder.read(from: path, config: f.config)
        } catch {
            #expect(error.diagnostics.first?.description.contains("unknown category \"Garden\"") == true, "\(error.diagnostics)")
            #expect(!error.isUserError)
        }
    }
}
