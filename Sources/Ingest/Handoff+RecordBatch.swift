import ScorecardCore

extension Handoff: RecordBatchConsumer where Value: RecordSink {
    /// Applies a batch to the held sink, in record order. Called only on `ForwardingSink`'s consumer queue.
    func apply(_ batch: RecordBatch) {
        switch batch {
        case .master(let m): value.master(m)
        case .orderLines(let rs): Self.each(rs, &value) { $1.orderLine($0) }
        case .ordersComplete(let asOf, let lines, let orders): value.ordersComplete(asOf: asOf, lineCount: lines, orderCount: orders)
        case .deliveries(let rs): Self.each(rs, &value) { $1.delivery($0) }
        case .returns(let rs): Self.each(rs, &value) { $1.returned($0) }
        case .freight(let rs): Self.each(rs, &value) { $1.freight($0) }
        case .inventory(let rs): Self.each(rs, &value) { $1.inventory($0) }
        case .forecast(let rs): Self.each(rs, &value) { $1.forecast($0) }
        case .purchaseOrderLines(let rs): Self.each(rs, &value) { $1.purchaseOrderLine($0) }
        case .receipts(let rs): Self.each(rs, &value) { $1.receipt($0) }
        case .segmentTuples(let source, let tuples): value.segmentTuples(source, tuples)
        }
    }

    /// One exclusive access to the sink for a whole batch, not one per record.
    @inline(__always)
    private static func each<R>(_ records: [R], _ sink: inout Value, _ body: (R, inout Value) -> Void) {
        for r in records { body(r, &sink) }
    }
}
