import ScorecardCore

/// Deliveries, returns, freight, inventory and forecast: streamed, resolved against orders and
/// products, and ignored when dated after the as-of date.
extension IngestRun {
    mutating func readDeliveries<Sink: RecordSink>(into sink: inout Sink) {
        guard let scan = scan(.deliveries) else { return }
        let firstDay = window.firstDay
        var early = EarlyRowTally()
        // Canonical columns: order_id, line_no, ship_date, qty_shipped, [delivery_id].
        while scan.next() {
            do throws(RejectedRow) {
                let orderID = try scan.text(0)
                let lineNo = try scan.text(1)
                let ship = try scan.date(2)
                let qty = try scan.number(3)
                let line = try resolveLine(orderID, lineNo, scan)
                if line == OrderLineIndex.ignored || ship > asOf {
                    scan.count(.ignored)
                } else {
                    sink.delivery(DeliveryRecord(line: line, shipDate: ship, qtyShipped: qty))
                    if ship < firstDay { early.note(ship) { scan.location(2) } }
                    scan.count(.used)
                }
            } catch {
                scan.count(error)
            }
        }
        finish(scan, early: early)
    }

    mutating func readReturns<Sink: RecordSink>(into sink: inout Sink) {
        guard let scan = scan(.returns) else { return }
        let firstDay = window.firstDay
        var early = EarlyRowTally()
        // Canonical columns: order_id, line_no, return_date, qty_returned, [return_id], [reason_code].
        while scan.next() {
            do throws(RejectedRow) {
                let orderID = try scan.text(0)
                let lineNo = try scan.text(1)
                let date = try scan.date(2)
                let qty = try scan.number(3)
                let line = try resolveLine(orderID, lineNo, scan)
                if line == OrderLineIndex.ignored || date > asOf {
                    scan.count(.ignored)
                } else {
                    let reason = scan.bytes(5)
                    sink.returned(ReturnRecord(line: line, returnDate: date, qtyReturned: qty,
                                               reasonCode: reason.isEmpty ? nil : intern(reason)))
                    if date < firstDay { early.note(date) { scan.location(2) } }
                    scan.count(.used)
                }
            } catch {
                scan.count(error)
            }
        }
        finish(scan, early: early)
    }

    /// The line index (or `OrderLineIndex.ignored`) of (order_id, line_no); a line that is not in orders rejects the row.
    private mutating func resolveLine(_ orderID: UnsafeBufferPointer<UInt8>, _ lineNo: UnsafeBufferPointer<UInt8>,
                                      _ scan: SourceScan) throws(RejectedRow) -> Int32 {
        guard let line = orderLines.find(order: orderID, line: lineNo) else {
            throw scan.reject(.unknownOrderLine, 0, "order_id \"\(scan.quoted(0))\" line_no \"\(scan.quoted(1))\" is not in orders")
        }
        return line
    }

    /// Parses freight rows against a copy of the order index, interning its strings, into `channel`.
    static func scanFreight(_ scan: SourceScan, orderLines: OrderLineIndex, asOf: Day, firstDay: Day, into channel: FreightChannel) {
        var early = EarlyRowTally()
        var orderLines = orderLines
        var interned = ByteKeyTable()
        var strings: [String] = []
        func intern(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
            let (v, inserted) = interned.insert(b, value: Int32(strings.count))
            if inserted { strings.append(String(decoding: b, as: UTF8.self)) }
            return v
        }
        var chunk: [FreightRow] = []
        chunk.reserveCapacity(FreightChannel.chunkSize)
        // Canonical columns: shipment_id, ship_date, service_level, cost, [order_id], [carrier].
        while scan.next() {
            do throws(RejectedRow) {
                _ = try scan.text(0)
                let ship = try scan.date(1)
                let level = try scan.text(2)
                let cost = try scan.number(3)
                if ship > asOf {
                    scan.count(.ignored)
                } else {
                    let orderID = scan.bytes(4)
                    let carrier = scan.bytes(5)
                    // An order id that is not an order (or only of ignored lines) is kept, unattributed.
                    let order = orderID.isEmpty ? nil : orderLines.usedOrder(orderID)
                    chunk.append(FreightRow(shipDate: ship.rawValue, serviceLevel: intern(level), cost: cost, order: order ?? -1,
                                            carrier: carrier.isEmpty ? -1 : intern(carrier)))
                    if ship < firstDay { early.note(ship) { scan.location(1) } }
                    scan.count(.used)
                    if chunk.count == FreightChannel.chunkSize {
                        channel.push(.rows(chunk, strings))
                        chunk = []
                        chunk.reserveCapacity(FreightChannel.chunkSize)
                    }
                }
            } catch {
                scan.count(error)
            }
        }
        if !chunk.isEmpty { channel.push(.rows(chunk, strings)) }
        var out = BufferedFacts<FreightRow>(source: scan.source)
        out.close(scan)
        out.early = early
        channel.push(.end(out))
    }

    /// Sends the freight rows of `channel` to the sink as they come, until the source's end.
    mutating func deliverFreight<Sink: RecordSink>(from channel: FreightChannel, into sink: inout Sink) {
        while true {
            switch channel.pop() {
            case .rows(let rows, let strings):
                for r in rows {
                    sink.freight(FreightRecord(shipDate: Day(rawValue: r.shipDate), serviceLevel: strings[Int(r.serviceLevel)], cost: r.cost,
                                               order: r.order < 0 ? nil : r.order, carrier: r.carrier < 0 ? nil : strings[Int(r.carrier)]))
                }
            case .end(let freight):
                finish(freight.source, stats: freight.stats, rejections: freight.rejections, problems: freight.problems,
                       early: freight.early)
                return
            }
        }
    }

    /// Parses inventory rows; whether a row is after the as-of date is left to `deliver`.
    static func scanInventory(_ scan: SourceScan, productKeys: borrowing ByteKeyTable) -> BufferedFacts<DatedFact> {
        var out = BufferedFacts<DatedFact>(source: scan.source)
        // Sized from the files (an inventory row takes at least ~30 bytes) so the table rarely grows.
        let rows = scan.files.reduce(0) { $0 + SourceLocator.byteSize($1.path) } / 30
        var seen = SnapshotKeySet(expected: rows)
        out.records.reserveCapacity(rows)
        var locations = ByteKeyTable()
        // Canonical columns: snapshot_date, sku, qty_on_hand, [location].
        while scan.next() {
            out.enterRow(of: scan)
            do throws(RejectedRow) {
                let date = try scan.date(0)
                let sku = try scan.text(1)
                let qty = try scan.number(2)
                guard let product = productKeys.find(sku) else { throw scan.reject(.unknownProduct, 1) }
                // An absent location column reads as an empty location.
                let location = locations.insert(scan.bytes(3), value: Int32(locations.count)).value
                guard seen.insert(date: date.rawValue, product: product, location: location, earlier: {
                    (out.records[$0].day.rawValue, out.records[$0].product)
                }) else {
                    throw scan.reject(.duplicateKey, 1, "snapshot_date \(date) sku \"\(scan.quoted(1))\" location \"\(scan.quoted(3))\" appears on an earlier row")
                }
                out.append(day: date, product: product, quantity: qty)
                out.noteSegment(of: scan)
                if out.earliest.earliest.map({ date < $0 }) ?? true { out.earliest.note(date) { scan.location(0) } }
            } catch {
                scan.count(error)
            }
        }
        out.close(scan)
        return out
    }

    /// Sends the inventory rows up to the as-of date to the sink and counts the later ones as ignored.
    mutating func deliverInventory<Sink: RecordSink>(_ inventory: BufferedFacts<DatedFact>, into sink: inout Sink) {
        var stats = inventory.stats
        if !inventory.segmentTuples.isEmpty { sink.segmentTuples(.inventory, inventory.segmentTuples) }
        let firstDay = window.firstDay
        var early = 0
        var begin = 0
        var cursor = 0
        for (f, end) in inventory.fileEnds.enumerated() {
            for i in begin..<end {
                let r = inventory.records[i]
                let qty = inventory.quantity(of: r, cursor: &cursor)
                if r.day > asOf {
                    if f < stats.count { stats[f].ignoredAfterAsOf += 1 }
                } else {
                    sink.inventory(InventoryRecord(snapshotDate: r.day, product: r.product, qtyOnHand: qty, segment: inventory.segment(i)))
                    if r.day < firstDay { early += 1 }
                }
            }
            begin = end
        }
        finish(inventory.source, stats: stats, rejections: inventory.rejections, problems: inventory.problems,
               early: inventory.earliestRows(count: early))
    }

    /// Parses forecast rows. Forecast rows are never ignored: they are about the future by nature.
    static func scanForecast(_ scan: SourceScan, productKeys: borrowing ByteKeyTable) -> BufferedFacts<DatedFact> {
        var out = BufferedFacts<DatedFact>(source: scan.source)
        // Sized from the files (a forecast row takes at least ~24 bytes) so the table rarely grows.
        let rows = scan.files.reduce(0) { $0 + SourceLocator.byteSize($1.path) } / 24
        var seen = SnapshotKeySet(expected: rows)
        out.records.reserveCapacity(rows)
        // Canonical columns: week_start, sku, forecast_units.
        while scan.next() {
            out.enterRow(of: scan)
            do throws(RejectedRow) {
                let week = try scan.date(0)
                let sku = try scan.text(1)
                let units = try scan.number(2)
                if week.isoWeekday != 1 { throw scan.reject(.notMonday, 0, "week_start \(week) is not a Monday") }
                guard let product = productKeys.find(sku) else { throw scan.reject(.unknownProduct, 1) }
                // With segment columns a forecast may be split by them: the key is (week_start, sku, values).
                let segment = scan.segmentTuple()
                guard seen.insert(date: week.rawValue, product: product, location: segment, earlier: {
                    (out.records[$0].day.rawValue, out.records[$0].product)
                }) else {
                    let values = scan.segmentColumns.isEmpty ? "" : " with the same segment values"
                    throw scan.reject(.duplicateKey, 0, "week_start \(week) sku \"\(scan.quoted(1))\"\(values) appears on an earlier row")
                }
                out.append(day: week, product: product, quantity: units)
                if !scan.segmentColumns.isEmpty { out.segments.append(segment) }
                if out.earliest.earliest.map({ week < $0 }) ?? true { out.earliest.note(week) { scan.location(0) } }
            } catch {
                scan.count(error)
            }
        }
        out.close(scan)
        return out
    }

    /// Sends every forecast row to the sink.
    mutating func deliverForecast<Sink: RecordSink>(_ forecast: BufferedFacts<DatedFact>, into sink: inout Sink) {
        let firstDay = window.firstDay
        var early = 0
        if !forecast.segmentTuples.isEmpty { sink.segmentTuples(.forecast, forecast.segmentTuples) }
        var cursor = 0
        for (i, r) in forecast.records.enumerated() {
            sink.forecast(ForecastRecord(weekStart: r.day, product: r.product, forecastUnits: forecast.quantity(of: r, cursor: &cursor),
                                         segment: forecast.segment(i)))
            if r.day < firstDay { early += 1 }
        }
        finish(forecast.source, stats: forecast.stats, rejections: forecast.rejections, problems: forecast.problems,
               early: forecast.earliestRows(count: early))
    }
}
