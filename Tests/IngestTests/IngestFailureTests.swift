import Testing
import ScorecardCore
@testable import Ingest

/// The problems that fail the build: all gathered, each naming the file (and line where there is one).
@Suite struct IngestFailureTests {
    /// The diagnostics of a run that must fail.
    static func failure(_ files: [String: [UInt8]], config: Config = Config()) throws -> [String] {
        try Fixtures.withFolder(files) { dir in
            var sink = CollectingSink()
            do throws(IngestFailure) {
                _ = try Ingestor(config: config, dataDirectory: dir, logger: Fixtures.logger).run(into: &sink)
                Issue.record("expected an IngestFailure")
                return []
            } catch {
                #expect(error.isUserError)
                // Paths are shown relative to the data folder; strip the temporary folder where one is absolute.
                return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
            }
        }
    }

    @Test func missingRequiredSourcesAreAllListed() throws {
        var files = Fixtures.minimal
        files["orders.csv"] = nil
        files["campaigns.csv"] = nil
        files["returns/README.txt"] = Fixtures.bytes("no csv here")
        let got = try Self.failure(files)
        #expect(got.count == 2, "\(got)")
        #expect(got.contains { $0.contains("required source campaigns is missing") && $0.contains("campaigns.csv or campaigns/*.csv") })
        #expect(got.contains { $0.contains("required source orders is missing") })
    }

    @Test func configuredGlobMatchingNothing() throws {
        var config = Config()
        var s = SourceConfig()
        s.path = "exports/VBAP_*.csv"
        config.sources[.orders] = s
        let got = try Self.failure(Fixtures.minimal, config: config)
        #expect(got.count == 1)
        #expect(got.first?.contains("exports/VBAP_*.csv (sources.orders.path)") == true, "\(got)")
    }

    @Test func missingColumnsNameTheColumnAndTheHeadersFound() throws {
        var files = Fixtures.minimal
        files["orders.csv"] = Fixtures.bytes("order_id;line_no;order_date\nO1;1;2026-03-02\n")
        files["deliveries.csv"] = Fixtures.bytes("order_id,line_no,shipped_on,qty_shipped\n")
        let got = try Self.failure(files)
        #expect(got.count == 2, "\(got)")
        // The file is comma-separated by config, so a semicolon export is one header.
        #expect(got.contains { $0.hasPrefix("orders.csv:1: error: orders lacks required columns 'order_id'") && $0.contains("headers found: 'order_id;line_no;order_date'") })
        #expect(got.contains { $0.hasPrefix("deliveries.csv:1: error: deliveries lacks required column 'ship_date'; headers found: 'order_id', 'line_no', 'shipped_on', 'qty_shipped'") })
    }

    @Test func mappedColumnIsNamedWithItsHeader() throws {
        var config = Config()
        var s = SourceConfig()
        s.columns = ["ship_date": "WADAT"]
        config.sources[.deliveries] = s
        let got = try Self.failure(Fixtures.minimal, config: config)
        #expect(got == ["deliveries.csv:1: error: deliveries lacks required column 'ship_date' (header 'WADAT'); headers found: 'order_id', 'line_no', 'ship_date', 'qty_shipped' [deliveries]"])
    }

    @Test func invalidEncodingAndUnterminatedQuoteNameFileAndLine() throws {
        var files = Fixtures.minimal
        files["orders.csv"] = Fixtures.bytes("order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\nO1,1,2026-03-02,2026-03-05,A,1,2\nO2,1,2026-03-02,2026-03-05,A,1,2\n")
            + [0xFF] + Fixtures.bytes(",1,2026-03-02,2026-03-05,A,1,2\n")
        files["returns.csv"] = Fixtures.bytes("order_id,line_no,return_date,qty_returned\nO1,1,2026-03-04,\"1\n")
        let got = try Self.failure(files)
        #expect(got.contains("orders.csv:4: error: orders file is not valid utf-8 [orders]"), "\(got)")
        #expect(got.contains("returns.csv:2: error: returns file ends inside a quoted field that starts on this line [returns]"), "\(got)")
    }

    @Test func tooManyRejectedRows() throws {
        // 1 of 2 deliveries rejected = 0.5 > 0.01 (the default); orders: 0 of 1.
        var files = Fixtures.minimal
        files["deliveries.csv"] = Fixtures.bytes("order_id,line_no,ship_date,qty_shipped\nO1,1,2026-03-03,1\nO1,1,someday,1\n")
        let got = try Self.failure(files)
        // Nothing is published, so the rejected row itself is on stderr, with file, line and column.
        #expect(got == [
            "deliveries.csv:3:3: error: rejected row: date does not parse: ship_date \"someday\" [deliveries.ship_date]",
            "deliveries.csv: error: deliveries rejected 1 of 2 rows, more than max_rejected_share 0.01 (listed above) [deliveries]",
        ])

        // At exactly the share the build goes on: 1 of 2 = 0.5, not more than 0.5.
        var config = Config()
        config.targets.maxRejectedShare = 0.5
        let summary = try Fixtures.withFolder(files) { dir in
            var sink = CollectingSink()
            return try Ingestor(config: config, dataDirectory: dir, logger: Fixtures.logger).run(into: &sink)
        }
        #expect(summary.rejections.count == 1)
    }

    @Test func aFailingSourceListsItsFirst20RejectedRows() throws {
        // 25 of 26 deliveries have a bad date: 20 rejected rows on stderr (lines 3…22), then the summary.
        var files = Fixtures.minimal
        let bad = (0..<25).map { _ in "O1,1,someday,1\n" }.joined()
        files["deliveries.csv"] = Fixtures.bytes("order_id,line_no,ship_date,qty_shipped\nO1,1,2026-03-03,1\n" + bad)
        let got = try Self.failure(files)
        #expect(got.count == 21)
        #expect(got.first == "deliveries.csv:3:3: error: rejected row: date does not parse: ship_date \"someday\" [deliveries.ship_date]")
        #expect(got[19].hasPrefix("deliveries.csv:22:3: error: rejected row"))
        #expect(got.last == "deliveries.csv: error: deliveries rejected 25 of 26 rows, more than max_rejected_share 0.01 (the first 20 are listed above) [deliveries]")
    }

    @Test func optionalSourcesMayBeAbsentAndExplicitAsOfIgnoresLaterOrders() throws {
        var files = Fixtures.minimal
        files["orders.csv"] = Fixtures.bytes("order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\nO1,1,2026-03-02,2026-03-05,A,1,2\nO2,1,2026-03-09,2026-03-12,A,1,2\n")
        files["freight.csv"] = Fixtures.bytes("shipment_id,ship_date,service_level,cost,order_id\nS1,2026-03-03,AIR,9,O2\n")
        var config = Config()
        config.asOf = Day(iso: "2026-03-05")
        let (summary, sink) = try Fixtures.withFolder(files) { dir in
            var sink = CollectingSink()
            return (try Ingestor(config: config, dataDirectory: dir, logger: Fixtures.logger).run(into: &sink), sink)
        }
        #expect(summary.asOf == Day(iso: "2026-03-05"))
        #expect(sink.orders.count == 1)
        #expect(summary.sources.first { $0.source == .orders }?.ignoredAfterAsOf == 1)
        // O2 has no used line, so its freight is kept unattributed.
        #expect(sink.freight.map(\.order) == [nil])
        #expect(sink.master?.present == [.products, .campaigns, .campaignItems, .orders, .deliveries, .freight])
    }
}

extension IngestFailureTests {
    /// Receipts only count against PO lines: without purchase_orders they are a configuration error.
    @Test func receiptsWithoutPurchaseOrders() throws {
        var files = Fixtures.minimal
        files["receipts.csv"] = Fixtures.bytes("po_id,line_no,receipt_date,qty_received\nPO1,1,2026-03-03,1\n")
        let got = try Self.failure(files)
        #expect(got.count == 1, "\(got)")
        #expect(got.first?.hasPrefix("receipts.csv: error: receipts are given without purchase_orders") == true, "\(got)")
    }
}
