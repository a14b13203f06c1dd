import ScorecardCore

/// Consecutive records of one kind (or one of the single calls) of a `RecordSink`, as `ForwardingSink`
/// passes them to its consumer thread.
enum RecordBatch: Sendable {
    case master(MasterData)
    case orderLines([OrderLineRecord])
    case ordersComplete(asOf: Day, lineCount: Int, orderCount: Int)
    case deliveries([DeliveryRecord])
    case returns([ReturnRecord])
    case freight([FreightRecord])
    case inventory([InventoryRecord])
    case forecast([ForecastRecord])
    case purchaseOrderLines([PurchaseOrderLineRecord])
    case receipts([ReceiptRecord])
    case segmentTuples(SourceName, [[String]])
}
