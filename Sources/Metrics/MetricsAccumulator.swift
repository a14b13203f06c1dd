import ScorecardCore

/// Accumulates the record stream into compact per-line state and daily aggregates, then computes every
/// figure of shared/spec/kpis.md (`finish()`).
public struct MetricsAccumulator: RecordSink {
    public let config: Config

    public init(config: Config) {
        self.config = config
    }

    public mutating func master(_ master: MasterData) {}
    public mutating func orderLine(_ record: OrderLineRecord) {}
    public mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {}
    public mutating func delivery(_ record: DeliveryRecord) {}
    public mutating func returned(_ record: ReturnRecord) {}
    public mutating func freight(_ record: FreightRecord) {}
    public mutating func inventory(_ record: InventoryRecord) {}
    public mutating func forecast(_ record: ForecastRecord) {}

    /// Every figure, once all records are in.
    public func finish(asOf: Day) -> Report {
        Report(asOf: asOf, targets: config.targets, present: [], weeks: [], months: [], campaigns: [], categories: [],
               categoryWindow: asOf...asOf)
    }
}
