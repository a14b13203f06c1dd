import Foundation
import Logging
import ScorecardCore
@testable import Ingest

/// Runs ingestion over fixture folders and temporary folders.
enum Fixtures {
    static let logger = Logger(label: "ingest-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The folder of a fixture under Tests/IngestTests/Fixtures.
    static func folder(_ name: String) -> String {
        let base = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
        return base.path
    }

    /// Ingests a folder with its `scorecard.yml` (or the defaults when it has none).
    static func ingest(_ folder: String, config override: Config? = nil) throws -> (IngestSummary, CollectingSink) {
        var config = override ?? Config()
        let yml = folder + "/scorecard.yml"
        if override == nil, let text = try? String(contentsOfFile: yml, encoding: .utf8) {
            config = try ConfigLoader.parse(text, file: yml)
        }
        var sink = CollectingSink()
        let summary = try Ingestor(config: config, dataDirectory: folder, logger: logger).run(into: &sink)
        return (summary, sink)
    }

    /// A temporary folder holding `files` (path → bytes), removed after `body`.
    static func withFolder<T>(_ files: [String: [UInt8]], _ body: (String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return try body(dir.path)
    }

    /// Minimal valid master data and orders, for tests that vary one source.
    static let minimal: [String: [UInt8]] = [
        "products.csv": bytes("sku,category,unit_cost,list_price\nA,Tools,1,2\n"),
        "campaigns.csv": bytes("campaign_id,name,start_date,end_date\nC1,March,2026-03-01,2026-03-31\n"),
        "campaign_items.csv": bytes("campaign_id,sku,category,planned_units\nC1,A,,10\n"),
        "orders.csv": bytes("order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\nO1,1,2026-03-02,2026-03-05,A,1,2\n"),
        "deliveries.csv": bytes("order_id,line_no,ship_date,qty_shipped\nO1,1,2026-03-03,1\n"),
    ]

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
}
