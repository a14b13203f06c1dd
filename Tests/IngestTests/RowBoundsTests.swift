import Testing
import ScorecardCore
@testable import Ingest

/// One hostile row costs a bounded amount: a row over the reader's limit is rejected as too long, and
/// every detail that quotes a value quotes at most `Rejection.maxQuotedBytes` of it.
@Suite struct RowBoundsTests {
    static let ordersHeader = "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n"

    static func ingest(orders: [UInt8], config: Config = Config()) throws -> (IngestSummary, CollectingSink) {
        var files = Fixtures.minimal
        files["orders.csv"] = orders
        var config = config
        config.targets.maxRejectedShare = 1
        return try Fixtures.withFolder(files) { dir in try Fixtures.ingest(dir, config: config) }
    }

    @Test func aRowLongerThanTheLimitIsRejectedAsTooLongOnItsLine() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "9"), count: CSVReader.maxRecordBytes + 10)
        let orders = Fixtures.bytes(Self.ordersHeader + "O1,1,2026-03-02,2026-03-05,A,1,2\nO2,1,2026-03-02,2026-03-05,A,1,")
            + huge + Fixtures.bytes("\nO3,1,2026-03-02,2026-03-05,A,1,2\n")
        let (summary, sink) = try Self.ingest(orders: orders)
        #expect(sink.orders.count == 2)
        let rejected = summary.rejections.filter { $0.location.source == .orders }
        #expect(rejected.count == 1)
        #expect(rejected.first?.reason == .tooLong)
        #expect(rejected.first?.location.line == 3)
        #expect((rejected.first?.detail.utf8.count ?? 0) < 200)
        let stats = summary.sources.first { $0.source == .orders }
        #expect(stats?.rows == 3 && stats?.rejected == 1)
    }

    @Test func aHeaderLongerThanTheLimitIsAProblem() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "h"), count: CSVReader.maxRecordBytes + 1)
        let got = try IngestFailureTests.failure(Fixtures.minimal.merging(["orders.csv": huge + [10]]) { $1 })
        #expect(got == ["orders.csv:1: error: orders header line is longer than 1 MiB (1048576 bytes) [orders]"], "\(got)")
    }

    /// A header of 20,000 long names (inside the limit) is quoted in part: 40 names of at most 80 bytes.
    @Test func aMissingColumnProblemStaysShortWhateverTheHeaderHolds() throws {
        let names = (0..<20_000).map { "column-\($0)-" + String(repeating: "x", count: 10) }
        let got = try IngestFailureTests.failure(Fixtures.minimal.merging(["orders.csv": Fixtures.bytes(names.joined(separator: ",") + "\n")]) { $1 })
        #expect(got.count == 1)
        #expect(got[0].utf8.count < 5_000)
        #expect(got[0].contains("and 19960 more"), "\(got[0].prefix(300))")
    }

    /// Every detail that quotes a value from the row: a bad number, a duplicate key, an unknown order line.
    @Test func detailsQuoteAtMost80BytesOfAValue() throws {
        let long = String(repeating: "é", count: 5_000)
        let zalgo = "e" + String(repeating: "\u{0301}", count: 5_000)
        let orders = Self.ordersHeader
            + "O1,1,2026-03-02,2026-03-05,A,1,\(long)\n"  // number does not parse
            + "\(zalgo),1,2026-03-02,2026-03-05,A,1,2\n"
            + "\(zalgo),1,2026-03-02,2026-03-05,A,1,2\n"  // duplicate key
            + "O3,1,2026-03-02,2026-03-05,\(long),1,2\n"  // unknown product
        let (summary, _) = try Self.ingest(orders: Fixtures.bytes(orders))
        let details = summary.rejections.filter { $0.location.source == .orders }
        #expect(details.map(\.reason) == [.badNumber, .duplicateKey, .unknownProduct])
        for d in details {
            #expect(d.detail.utf8.count <= 2 * Rejection.maxQuotedBytes + 60, "\(d.reason): \(d.detail.utf8.count) bytes")
        }
    }
}
