/// What `ForwardingSink`'s consumer queue applies batches to: an existential, so that the closures sent
/// to the queue capture no generic sink type.
protocol RecordBatchConsumer: AnyObject, Sendable {
    func apply(_ batch: RecordBatch)
}
