import ScorecardCore

/// Deliveries, returns and freight: logged or summed by the day they happened, in the company's tables
/// and those of the views of their order line.
extension MetricsAccumulator {
    public mutating func delivery(_ record: DeliveryRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyShipped
        // Kept per line for on-time shipped quantities and completion days (lead times).
        lines.deliveries.append(line: record.line, day: record.shipDate.rawValue, qty: q)
        let set = lines.campaignSet[l]
        let p = lines.product[l]
        let key = SIMD4<Int32>.key(record.shipDate.rawValue, category(p), set != 0 ? 1 : 0)
        let shipped = SIMD8(0, 0, 0, q, q * products.unitCost[Int(p)], 0, 0, 0)
        for v in views(ofLine: l) {
            tables[v].lines.add(key, shipped)
            guard set != 0 else { continue }
            for c in index.members(set) { tables[v].campaignSKUs.add(.key(c, v == 0 ? p : -1), SIMD8(0, 0, 0, 0, q, 0, 0, 0)) }
        }
    }

    public mutating func returned(_ record: ReturnRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyReturned
        let set = lines.campaignSet[l]
        let p = lines.product[l]
        let reason = set != 0 ? reasonCodeID(record.reasonCode) : 0
        let key = SIMD4<Int32>.key(record.returnDate.rawValue, category(p), set != 0 ? 1 : 0)
        for v in views(ofLine: l) {
            tables[v].lines.add(key, SIMD8(0, 0, 0, 0, 0, q, 0, 0))
            guard set != 0 else { continue }
            for c in index.members(set) {
                tables[v].campaignSKUs.add(.key(c, v == 0 ? p : -1), SIMD8(0, 0, 0, 0, 0, q, 0, 0))
                tables[v].campaignReturns.add(.key(c, reason), q)
            }
        }
    }

    private mutating func reasonCodeID(_ code: String?) -> Int32 {
        guard let code, !code.isEmpty else { return 0 }
        if let id = reasonCodeIDs[code] { return id }
        let id = Int32(reasonCodes.count)
        reasonCodes.append(code)
        reasonCodeIDs[code] = id
        return id
    }

    public mutating func freight(_ record: FreightRecord) {
        let emergency = emergencyLevels.isEmergency(record.serviceLevel)
        var orderSet: UInt32 = 0
        if let o = record.order, o >= 0, Int(o) < orderSets.count { orderSet = orderSets[Int(o)] }
        let cost = record.cost
        tables[0].freight.add(.key(record.shipDate.rawValue),
                              SIMD4(cost, emergency ? cost : 0, emergency && orderSet != 0 ? cost : 0, 0))
        if emergency, orderSet != 0 {
            for c in index.members(orderSet) { tables[0].campaignFreight.add(.key(c), cost) }
        }
        // The views get a share of it by the value of the order's lines in each, once all lines are known;
        // a row without an order is in no view.
        if !segments.isEmpty, let o = record.order, o >= 0 {
            orderFreight.append(OrderFreight(order: o, day: record.shipDate.rawValue, cost: cost, emergency: emergency))
        }
    }
}
