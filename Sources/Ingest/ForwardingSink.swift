import Dispatch
import ScorecardCore

/// A `RecordSink` that hands records, in batches and in order, to another sink on a consumer thread,
/// so that the metrics work on each record runs on the second core while the next rows are parsed.
///
/// Ownership: between `init` and `finish()` the wrapped sink is touched only by the serial consumer
/// queue; `finish()` waits for every batch and gives it back. At most `depth` batches are in flight,
/// which bounds the memory held to a few megabytes.
struct ForwardingSink<Sink: RecordSink>: RecordSink {
    private static var batchSize: Int { 8192 }
    private static var depth: Int { 8 }

    private let target: Handoff<Sink>
    private let consumer: any RecordBatchConsumer
    private let queue = DispatchQueue(label: "scorecard.ingest.sink")
    private let free = DispatchSemaphore(value: ForwardingSink.depth)
    private var orderLines: [OrderLineRecord] = []
    private var deliveries: [DeliveryRecord] = []
    private var returns: [ReturnRecord] = []
    private var freight: [FreightRecord] = []
    private var inventory: [InventoryRecord] = []
    private var forecast: [ForecastRecord] = []
    private var purchaseOrderLines: [PurchaseOrderLineRecord] = []
    private var receipts: [ReceiptRecord] = []

    init(_ sink: Sink) {
        target = Handoff(sink)
        consumer = target
    }

    /// Sends what is buffered, waits until the consumer has applied everything, and returns the sink.
    mutating func finish() -> Sink {
        flush()
        queue.sync {}
        return target.value
    }

    private func send(_ batch: RecordBatch) {
        free.wait()
        let consumer = consumer, free = free
        queue.async {
            consumer.apply(batch)
            free.signal()
        }
    }

    /// Sends every partly filled batch. Sources are contiguous (RecordSink), so at most one is non-empty
    /// and the order of records is kept.
    private mutating func flush() {
        if !orderLines.isEmpty { send(.orderLines(orderLines)); orderLines = [] }
        if !deliveries.isEmpty { send(.deliveries(deliveries)); deliveries = [] }
        if !returns.isEmpty { send(.returns(returns)); returns = [] }
        if !freight.isEmpty { send(.freight(freight)); freight = [] }
        if !inventory.isEmpty { send(.inventory(inventory)); inventory = [] }
        if !forecast.isEmpty { send(.forecast(forecast)); forecast = [] }
        if !purchaseOrderLines.isEmpty { send(.purchaseOrderLines(purchaseOrderLines)); purchaseOrderLines = [] }
        if !receipts.isEmpty { send(.receipts(receipts)); receipts = [] }
    }

    mutating func master(_ master: MasterData) {
        flush()
        send(.master(master))
    }

    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        flush()
        send(.ordersComplete(asOf: asOf, lineCount: lineCount, orderCount: orderCount))
    }

    mutating func orderLine(_ record: OrderLineRecord) {
        if orderLines.isEmpty { flush() }
        orderLines.append(record)
        if orderLines.count == Self.batchSize { send(.orderLines(orderLines)); orderLines.removeAll(keepingCapacity: true) }
    }

    mutating func delivery(_ record: DeliveryRecord) {
        if deliveries.isEmpty { flush() }
        deliveries.append(record)
        if deliveries.count == Self.batchSize { send(.deliveries(deliveries)); deliveries.removeAll(keepingCapacity: true) }
    }

    mutating func returned(_ record: ReturnRecord) {
        if returns.isEmpty { flush() }
        returns.append(record)
        if returns.count == Self.batchSize { send(.returns(returns)); returns.removeAll(keepingCapacity: true) }
    }

    mutating func freight(_ record: FreightRecord) {
        if freight.isEmpty { flush() }
        freight.append(record)
        if freight.count == Self.batchSize { send(.freight(freight)); freight.removeAll(keepingCapacity: true) }
    }

    mutating func inventory(_ record: InventoryRecord) {
        if inventory.isEmpty { flush() }
        inventory.append(record)
        if inventory.count == Self.batchSize { send(.inventory(inventory)); inventory.removeAll(keepingCapacity: true) }
    }

    mutating func forecast(_ record: ForecastRecord) {
        if forecast.isEmpty { flush() }
        forecast.append(record)
        if forecast.count == Self.batchSize { send(.forecast(forecast)); forecast.removeAll(keepingCapacity: true) }
    }

    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) {
        if purchaseOrderLines.isEmpty { flush() }
        purchaseOrderLines.append(record)
        if purchaseOrderLines.count == Self.batchSize {
            send(.purchaseOrderLines(purchaseOrderLines))
            purchaseOrderLines.removeAll(keepingCapacity: true)
        }
    }

    mutating func segmentTuples(_ source: SourceName, _ tuples: [[String]]) {
        flush()
        send(.segmentTuples(source, tuples))
    }

    mutating func receipt(_ record: ReceiptRecord) {
        if receipts.isEmpty { flush() }
        receipts.append(record)
        if receipts.count == Self.batchSize { send(.receipts(receipts)); receipts.removeAll(keepingCapacity: true) }
    }
}
