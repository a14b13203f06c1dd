import ScorecardCore

/// Deliveries, returns and freight: logged or summed by the day they happened.
extension MetricsAccumulator {
    public mutating func delivery(_ record: DeliveryRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyShipped
        // Kept per line for on-time shipped quantities and completion days (lead times).
        lines.deliveries.append(line: record.line, day: record.shipDate.rawValue, qty: q)
        let set = lines.campaignSet[l]
        let p = lines.product[l]
        company.lines.add(.key(record.shipDate.rawValue, category(p), set != 0 ? 1 : 0),
                          SIMD8(0, 0, 0, q, q * products.unitCost[Int(p)], 0, 0, 0))
        if set != 0 {
            for c in index.members(set) { company.campaignSKUs.add(.key(c, p), SIMD8(0, 0, 0, 0, q, 0, 0, 0)) }
        }
    }

    public mutating func returned(_ record: ReturnRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyReturned
        let set = lines.campaignSet[l]
        let p = lines.product[l]
        company.lines.add(.key(record.returnDate.rawValue, category(p), set != 0 ? 1 : 0), SIMD8(0, 0, 0, 0, 0, q, 0, 0))
        guard set != 0 else { return }
        let reason = reasonCodeID(record.reasonCode)
        for c in index.members(set) {
            company.campaignSKUs.add(.key(c, p), SIMD8(0, 0, 0, 0, 0, q, 0, 0))
            company.campaignReturns.add(.key(c, reason), q)
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
        company.freight.add(.key(record.shipDate.rawValue),
                            SIMD4(cost, emergency ? cost : 0, emergency && orderSet != 0 ? cost : 0, 0))
        if emergency, orderSet != 0 {
            for c in index.members(orderSet) { company.campaignFreight.add(.key(c), cost) }
        }
    }
}
