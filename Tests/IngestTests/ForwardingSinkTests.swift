import Testing
@testable import Ingest
import ScorecardCore

@Suite struct ForwardingSinkTests {
    /// 20,000 order lines (more than two batches of 8,192), then a few records of every other kind: the
    /// wrapped sink gets every call, in the order sent.
    @Test func keepsEveryRecordInOrder() {
        var sink = ForwardingSink(CollectingSink())
        let master = MasterData(products: [], categories: [], campaigns: [], items: [], present: [])
        sink.master(master)
        for k in 0..<20_000 as Range<Int32> {
            sink.orderLine(OrderLineRecord(line: k, order: k / 2, orderDate: Day(rawValue: 1), requestedDate: Day(rawValue: 2),
                                           product: 0, qtyOrdered: Double(k), unitPrice: 1))
        }
        sink.ordersComplete(asOf: Day(rawValue: 9), lineCount: 20_000, orderCount: 10_000)
        sink.delivery(DeliveryRecord(line: 3, shipDate: Day(rawValue: 4), qtyShipped: 1))
        sink.delivery(DeliveryRecord(line: 4, shipDate: Day(rawValue: 4), qtyShipped: 2))
        sink.returned(ReturnRecord(line: 3, returnDate: Day(rawValue: 5), qtyReturned: 1, reasonCode: nil))
        sink.freight(FreightRecord(shipDate: Day(rawValue: 4), serviceLevel: "GROUND", cost: 5, order: 1, carrier: nil))
        sink.inventory(InventoryRecord(snapshotDate: Day(rawValue: 6), product: 0, qtyOnHand: 3))
        sink.forecast(ForecastRecord(weekStart: Day(rawValue: 7), product: 0, forecastUnits: 4))
        sink.forecast(ForecastRecord(weekStart: Day(rawValue: 14), product: 0, forecastUnits: 5))
        let got = sink.finish()
        #expect(got.calls == "M" + String(repeating: "O", count: 20_000) + "CDDRFIWW")
        #expect(got.orders.map(\.qtyOrdered) == (0..<20_000).map(Double.init))
        #expect(got.master == master)
        #expect(got.complete?.orderCount == 10_000)
        #expect(got.deliveries.map(\.qtyShipped) == [1, 2])
        #expect(got.forecast.map(\.forecastUnits) == [4, 5])
    }
}
