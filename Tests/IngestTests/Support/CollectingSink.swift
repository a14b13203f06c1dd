import ScorecardCore

/// Keeps every record it is sent, and the order of the calls, for tests to inspect.
struct CollectingSink: RecordSink {
    var master: MasterData?
    var orders: [OrderLineRecord] = []
    var complete: (asOf: Day, lineCount: Int, orderCount: Int)?
    var deliveries: [DeliveryRecord] = []
    var returns: [ReturnRecord] = []
    var freight: [FreightRecord] = []
    var inventory: [InventoryRecord] = []
    var forecast: [ForecastRecord] = []
    var purchaseOrderLines: [PurchaseOrderLineRecord] = []
    var receipts: [ReceiptRecord] = []
    /// One letter per call, e.g. `MOOCDD`, to check the order the sink documents.
    var calls = ""

    mutating func master(_ master: MasterData) { self.master = master; calls += "M" }
    mutating func orderLine(_ record: OrderLineRecord) { orders.append(record); calls += "O" }
    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        complete = (asOf, lineCount, orderCount)
        calls += "C"
    }
    mutating func delivery(_ record: DeliveryRecord) { deliveries.append(record); calls += "D" }
    mutating func returned(_ record: ReturnRecord) { returns.append(record); calls += "R" }
    mutating func freight(_ record: FreightRecord) { freight.append(record); calls += "F" }
    mutating func inventory(_ record: InventoryRecord) { inventory.append(record); calls += "I" }
    mutating func forecast(_ record: ForecastRecord) { forecast.append(record); calls += "W" }
    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) { purchaseOrderLines.append(record); calls += "P" }
    mutating func receipt(_ record: ReceiptRecord) { receipts.append(record); calls += "G" }

    /// Records sent per source, to check rows = used + rejected + ignored.
    func used(_ source: SourceName) -> Int {
        switch source {
        case .products: return master?.products.count ?? 0
        case .campaigns: return master?.campaigns.count ?? 0
        case .campaignItems: return master?.items.count ?? 0
        case .orders: return orders.count
        case .deliveries: return deliveries.count
        case .returns: return returns.count
        case .freight: return freight.count
        case .inventory: return inventory.count
        case .forecast: return forecast.count
        case .purchaseOrders: return purchaseOrderLines.count
        case .receipts: return receipts.count
        }
    }
}
