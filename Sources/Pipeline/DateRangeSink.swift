import ScorecardCore

/// A `RecordSink` that passes every record on and keeps, per source, the earliest and latest date of
/// the rows used (for `scorecard check`).
struct DateRangeSink<Wrapped: RecordSink>: RecordSink {
    var wrapped: Wrapped
    private(set) var ranges: [SourceName: ClosedRange<Day>] = [:]

    init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    private mutating func note(_ source: SourceName, _ day: Day) {
        if let r = ranges[source] {
            if day < r.lowerBound { ranges[source] = day...r.upperBound } else if day > r.upperBound { ranges[source] = r.lowerBound...day }
        } else {
            ranges[source] = day...day
        }
    }

    mutating func master(_ master: MasterData) {
        for c in master.campaigns {
            note(.campaigns, c.start)
            note(.campaigns, c.end)
        }
        wrapped.master(master)
    }

    mutating func orderLine(_ record: OrderLineRecord) {
        note(.orders, record.orderDate)
        wrapped.orderLine(record)
    }

    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {
        wrapped.ordersComplete(asOf: asOf, lineCount: lineCount, orderCount: orderCount)
    }

    mutating func delivery(_ record: DeliveryRecord) {
        note(.deliveries, record.shipDate)
        wrapped.delivery(record)
    }

    mutating func returned(_ record: ReturnRecord) {
        note(.returns, record.returnDate)
        wrapped.returned(record)
    }

    mutating func freight(_ record: FreightRecord) {
        note(.freight, record.shipDate)
        wrapped.freight(record)
    }

    mutating func inventory(_ record: InventoryRecord) {
        note(.inventory, record.snapshotDate)
        wrapped.inventory(record)
    }

    mutating func forecast(_ record: ForecastRecord) {
        note(.forecast, record.weekStart)
        wrapped.forecast(record)
    }

    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) {
        note(.purchaseOrders, record.orderDate)
        wrapped.purchaseOrderLine(record)
    }

    mutating func receipt(_ record: ReceiptRecord) {
        note(.receipts, record.receiptDate)
        wrapped.receipt(record)
    }
}
