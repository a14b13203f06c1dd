import Testing
import ScorecardCore
@testable import Ingest

/// Real-world shapes, from the fixture folders under Fixtures/.
@Suite struct IngestorFixtureTests {
    /// rows = used + rejected + ignored for every source and file, and the sink got exactly the used rows.
    static func checkBalance(_ summary: IngestSummary, _ sink: CollectingSink) {
        for s in summary.sources {
            #expect(s.rows == sink.used(s.source) + s.rejected + s.ignoredAfterAsOf, "\(s.source)")
            #expect(summary.rejections.filter { $0.location.source == s.source }.count == s.rejected, "\(s.source)")
        }
    }

    @Test func sapExport() throws {
        let (summary, sink) = try Fixtures.ingest(Fixtures.folder("sap"))
        Self.checkBalance(summary, sink)
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        // No as_of in the config: the latest order date, 10.03.2026 (time ignored).
        #expect(summary.asOf == Day(iso: "2026-03-10"))
        #expect(sink.calls == "MOOOCDDPPGG")

        let m = try #require(sink.master)
        // MARA.csv is windows-1252: ü and ä arrive as UTF-8.
        #expect(m.categories == ["Küche", "Bäder"])
        #expect(m.products.map(\.sku) == ["000000000000100001", "000000000000100002"])
        // "1.234,50" with decimal comma and thousands dot.
        #expect(m.products[0].unitCost == 1234.5)
        #expect(m.products[0].listPrice == 1999)
        #expect(m.products[0].description == "Schöne Tasse 5\" groß")
        #expect(m.products[1].description == "Handtuch; weiß \"Premium\"")
        #expect(m.campaigns == [Campaign(id: "K1", name: "Frühjahr", start: Day(iso: "2026-03-02")!, end: Day(iso: "2026-03-15")!)])
        // "1.000" is a thousand units, "250,5" two hundred and fifty and a half.
        #expect(m.items == [CampaignItem(campaign: 0, product: 0, plannedUnits: 1000), CampaignItem(campaign: 0, category: 1, plannedUnits: 250.5)])
        #expect(m.present == [.products, .campaigns, .campaignItems, .orders, .deliveries, .purchaseOrders, .receipts])

        // Two files matched by one glob, read as one table in name order (notes.txt is not matched).
        #expect(summary.sources.first { $0.source == .orders }?.files.map(\.path) == ["VBAP/VBAP_2026-W10.csv", "VBAP/VBAP_2026-W11.csv"])
        let d: (String) -> Day = { Day(iso: $0)! }
        #expect(sink.orders == [
            OrderLineRecord(line: 0, order: 0, orderDate: d("2026-03-02"), requestedDate: d("2026-03-09"), product: 0, qtyOrdered: 2, unitPrice: 1234.5),
            OrderLineRecord(line: 1, order: 0, orderDate: d("2026-03-02"), requestedDate: d("2026-03-09"), product: 1, qtyOrdered: 10.5, unitPrice: 12.75),
            OrderLineRecord(line: 2, order: 1, orderDate: d("2026-03-10"), requestedDate: d("2026-03-17"), product: 1, qtyOrdered: 3, unitPrice: 12.75),
        ])
        #expect(sink.complete?.lineCount == 3)
        #expect(sink.complete?.orderCount == 2)
        // LIPS writes positions unpadded ("10") where VBAP pads them ("000010"); they still match.
        // Delivery 8003 ships on 11.03., after the as-of date: ignored, not rejected.
        #expect(sink.deliveries == [DeliveryRecord(line: 0, shipDate: d("2026-03-05"), qtyShipped: 2),
                                    DeliveryRecord(line: 1, shipDate: d("2026-03-06"), qtyShipped: 10.5)])
        let deliveries = try #require(summary.sources.first { $0.source == .deliveries })
        #expect((deliveries.rows, deliveries.rejected, deliveries.ignoredAfterAsOf) == (3, 0, 1))

        // EKPO/EKBE-like purchase orders and goods receipts, mapped by the config only: "1.500,5" units,
        // EKPO pads positions ("00010") where EKBE does not ("10"), and EKBE has dates without a time.
        #expect(sink.purchaseOrderLines == [
            PurchaseOrderLineRecord(line: 0, orderDate: d("2026-03-01"), dueDate: d("2026-03-09"), product: 0, qtyOrdered: 1500.5),
            PurchaseOrderLineRecord(line: 1, orderDate: d("2026-03-01"), dueDate: d("2026-03-20"), product: 1, qtyOrdered: 40),
        ])
        #expect(sink.receipts == [ReceiptRecord(line: 0, receiptDate: d("2026-03-05"), qtyReceived: 1000),
                                  ReceiptRecord(line: 0, receiptDate: d("2026-03-08"), qtyReceived: 500.5)])
        // 4500000002 is ordered on 11.03., after the as-of date: it and its receipt are ignored.
        let po = try #require(summary.sources.first { $0.source == .purchaseOrders })
        #expect((po.rows, po.rejected, po.ignoredAfterAsOf) == (3, 0, 1))
        let gr = try #require(summary.sources.first { $0.source == .receipts })
        #expect((gr.rows, gr.rejected, gr.ignoredAfterAsOf) == (3, 0, 1))
    }

    @Test func textInDateAndCostColumns() throws {
        let (summary, sink) = try Fixtures.ingest(Fixtures.folder("messy"))
        Self.checkBalance(summary, sink)
        #expect(summary.asOf == Day(iso: "2026-03-31"))
        let described = summary.rejections.map { "\($0.location) \($0.location.source!).\($0.location.field!) \($0.reason.rawValue): \($0.detail)" }
        #expect(described == [
            "orders.csv:3:4 orders.requested_date date does not parse: requested_date \"Date Not Captured\"",
            // The line of a rejected order resolves nothing: its delivery is rejected too.
            "deliveries/2026-W09.csv:3:1 deliveries.order_id order line not in orders: order_id \"O1\" line_no \"2\" is not in orders",
            "deliveries/2026-W10.csv:2:3 deliveries.ship_date date does not parse: ship_date \"Date Not Captured\"",
            "freight.csv:3:4 freight.cost number does not parse: cost \"Freight Included in Commodity Cost\"",
        ])
        let m = try #require(sink.master)
        #expect(m.campaigns.first?.name == "Spring, \"Big\" Sale")
        #expect(m.campaigns.first?.budget == 1500)
        #expect(m.campaigns.first?.channel == "email")
        // Weekly delta files of a folder are one source.
        #expect(summary.sources.first { $0.source == .deliveries }?.files.map(\.path) == ["deliveries/2026-W09.csv", "deliveries/2026-W10.csv"])
        #expect(sink.deliveries == [DeliveryRecord(line: 0, shipDate: Day(iso: "2026-03-04")!, qtyShipped: 4)])
        // O2's single line is used line 1 of order 1 (O1's second line was rejected).
        #expect(sink.orders.map(\.order) == [0, 1])
        // S3 names no order and keeps its trimmed service level; S1 belongs to O1.
        #expect(sink.freight == [
            FreightRecord(shipDate: Day(iso: "2026-03-04")!, serviceLevel: "Standard", cost: 12.5, order: 0, carrier: "DHL"),
            FreightRecord(shipDate: Day(iso: "2026-03-05")!, serviceLevel: "expedited", cost: 30, order: nil, carrier: "UPS"),
        ])
        #expect(m.present.contains(.freight) && !m.present.contains(.returns))
    }

    @Test func oneFileFeedsOrdersDeliveriesAndFreight() throws {
        let (summary, sink) = try Fixtures.ingest(Fixtures.folder("combined"))
        Self.checkBalance(summary, sink)
        #expect(summary.rejections.isEmpty)
        let d: (String) -> Day = { Day(iso: $0)! }
        // "Shipping Date" feeds requested_date, the delivery's ship_date and the freight's ship_date.
        #expect(sink.orders.map(\.requestedDate) == [d("2026-03-04"), d("2026-03-05"), d("2026-03-06")])
        #expect(sink.orders.map(\.unitPrice) == [10, 20, 10])
        #expect(sink.deliveries == [DeliveryRecord(line: 0, shipDate: d("2026-03-04"), qtyShipped: 2),
                                    DeliveryRecord(line: 1, shipDate: d("2026-03-05"), qtyShipped: 1),
                                    DeliveryRecord(line: 2, shipDate: d("2026-03-06"), qtyShipped: 3)])
        #expect(sink.freight.map(\.order) == [0, 0, 1])
        #expect(sink.freight.map(\.cost) == [5, 7.5, 12])
        #expect(sink.freight.map(\.serviceLevel) == ["Standard Class", "First Class", "Same Day"])
        #expect(summary.sources.filter { $0.files.map(\.path) == ["shipments.csv"] }.map(\.source) == [.orders, .deliveries, .freight])
        #expect(sink.calls == "MOOOCDDDFFF")
    }

    @Test func everyRejectionReason() throws {
        let (summary, sink) = try Fixtures.ingest(Fixtures.folder("rejections"))
        Self.checkBalance(summary, sink)
        // All but a row over the reader's 1 MiB limit, which RowBoundsTests covers.
        #expect(Set(summary.rejections.map(\.reason)) == Set(Rejection.Reason.allCases).subtracting([.tooLong]))
        let got = summary.rejections.map { "\($0.location.file):\($0.location.line!) \($0.reason.rawValue)" }
        #expect(got == [
            "products.csv:3 negative quantity, price or cost",
            "products.csv:4 duplicate key",
            "products.csv:5 empty required field",
            "products.csv:6 number does not parse",
            "products.csv:7 wrong number of fields",
            "campaigns.csv:3 end_date before start_date",
            "campaigns.csv:4 date does not parse",
            "campaign_items.csv:3 campaign_id not in campaigns",
            "campaign_items.csv:4 sku not in products",
            "campaign_items.csv:5 category no product has",
            "campaign_items.csv:6 both or neither of sku and category",
            "campaign_items.csv:7 both or neither of sku and category",
            // K2 was rejected, so it resolves nothing; Cat2 only had a rejected product.
            "campaign_items.csv:8 campaign_id not in campaigns",
            "campaign_items.csv:9 category no product has",
            "orders.csv:3 duplicate key",
            "orders.csv:4 sku not in products",
            "deliveries.csv:3 order line not in orders",
            "returns.csv:3 order line not in orders",
            "freight.csv:2 negative quantity, price or cost",
            "freight.csv:3 empty required field",
            "inventory.csv:3 duplicate key",
            "forecast.csv:3 week_start is not a Monday",
            "forecast.csv:4 duplicate key",
            "forecast.csv:5 sku not in products",
            "purchase_orders.csv:3 duplicate key",
            // P2 was rejected from products, so it resolves nothing.
            "purchase_orders.csv:4 sku not in products",
            "purchase_orders.csv:6 date does not parse",
            "purchase_orders.csv:7 negative quantity, price or cost",
            "purchase_orders.csv:8 number does not parse",
            "purchase_orders.csv:9 empty required field",
            "purchase_orders.csv:10 wrong number of fields",
            // PO1/20 was rejected, so its receipt is rejected too.
            "receipts.csv:4 PO line not in purchase_orders",
            "receipts.csv:6 PO line not in purchase_orders",
            "receipts.csv:7 empty required field",
            "receipts.csv:8 date does not parse",
            "receipts.csv:9 number does not parse",
            "receipts.csv:10 negative quantity, price or cost",
            "receipts.csv:11 wrong number of fields",
        ])
        // (rows, rejected, ignored) per source: O2 is after the as-of date, so are its delivery and the
        // delivery shipped on 2026-04-01, and the April inventory snapshot; PO2 is ordered after it, so
        // its receipt (dated before the as-of date) is ignored too, as is PO1/10's April receipt.
        let counts = summary.sources.map { "\($0.source) \($0.rows) \($0.rejected) \($0.ignoredAfterAsOf)" }
        #expect(counts == [
            "products 6 5 0", "campaigns 3 2 0", "campaign_items 8 7 0", "orders 4 2 1", "deliveries 4 1 2",
            "returns 2 1 0", "freight 2 2 0", "inventory 3 1 1", "forecast 4 3 0",
            "purchase_orders 9 7 1", "receipts 10 7 2",
        ])
        #expect(sink.purchaseOrderLines == [PurchaseOrderLineRecord(line: 0, orderDate: Day(iso: "2026-03-01")!, dueDate: Day(iso: "2026-03-10")!,
                                                                    product: 0, qtyOrdered: 100)])
        #expect(sink.receipts == [ReceiptRecord(line: 0, receiptDate: Day(iso: "2026-03-09")!, qtyReceived: 60)])
        #expect(sink.calls.hasSuffix("PG"))
        #expect(summary.sources.map(\.source) == SourceName.allCases)
    }
}
