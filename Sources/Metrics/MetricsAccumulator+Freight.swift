import ScorecardCore

/// Freight: total, emergency and promotional-emergency spend per period; emergency spend per campaign.
extension MetricsAccumulator {
    public mutating func freight(_ record: FreightRecord) {
        let emergency = emergencyLevels.isEmergency(record.serviceLevel)
        var orderSet: UInt32 = 0
        if let o = record.order, o >= 0, Int(o) < orderSets.count { orderSet = orderSets[Int(o)] }
        if emergency, orderSet != 0 {
            for c in index.members(orderSet) { campaignSums.emergencyFreight[Int(c)] += record.cost }
        }
        guard let cal = calendar else { return }
        let s = cal.slot(record.shipDate)
        guard s >= 0 else { return }
        let w = cal.week(atSlot: s), m = cal.month(atSlot: s)
        if w >= 0 { weekSums[w].addFreight(record.cost, emergency: emergency, promotionalOrder: orderSet != 0) }
        if m >= 0 { monthSums[m].addFreight(record.cost, emergency: emergency, promotionalOrder: orderSet != 0) }
    }

    /// Freight spend and share; `null` without the freight source, the share also when nothing was spent.
    func applyFreight(_ f: inout PeriodFigures, _ s: PeriodSums) {
        guard isPresent(.freight) else { return }
        f.totalFreightSpend = s.freightTotal
        f.emergencyFreightSpend = s.freightEmergency
        f.emergencyFreightShare = s.freightTotal == 0 ? nil : s.freightEmergency / s.freightTotal
        f.promoEmergencyFreightSpend = s.freightPromoEmergency
    }
}
