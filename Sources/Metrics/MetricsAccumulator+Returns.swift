import ScorecardCore

/// Returns: period return rates (split by the returned line's status), campaign return rates and reasons.
extension MetricsAccumulator {
    public mutating func returned(_ record: ReturnRecord) {
        let l = Int(record.line)
        guard l >= 0, l < lines.count else { return }
        let q = record.qtyReturned
        let set = lines.campaignSet[l]
        if set != 0 {
            let reason = reasonCodeID(record.reasonCode)
            for c in index.members(set) {
                campaignSums.returned[Int(c)] += q
                campaignSums.returnReasons[Int64(c) << 32 | Int64(reason), default: 0] += q
            }
        }
        guard let cal = calendar else { return }
        let tw = cal.trendWeek(record.returnDate)
        if tw >= 0 { trend.returned[trend.cell(tw, Int(products.category[Int(lines.product[l])]))] += q }
        let s = cal.slot(record.returnDate)
        guard s >= 0 else { return }
        let w = cal.week(atSlot: s), m = cal.month(atSlot: s)
        if w >= 0 { weekSums[w].addReturned(q, promotional: set != 0) }
        if m >= 0 { monthSums[m].addReturned(q, promotional: set != 0) }
        if cal.inWindow(record.returnDate) {
            windowSums.returned[Int(products.category[Int(lines.product[l])])] += q
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

    /// Return rates; `null` without the returns source or when nothing shipped.
    func applyReturns(_ f: inout PeriodFigures, _ s: PeriodSums) {
        guard isPresent(.returns) else { return }
        f.returnRate = s.shipped == 0 ? nil : s.returned / s.shipped
        f.promoReturnRate = s.shippedPromo == 0 ? nil : s.returnedPromo / s.shippedPromo
        f.otherReturnRate = s.shippedOther == 0 ? nil : s.returnedOther / s.shippedOther
    }

    /// Per campaign, Σ qty_returned of its returns by reason code, largest first (ties by code, "not given"
    /// last).
    func returnReasonsByCampaign() -> [[ReasonCount]] {
        var byCampaign = [[ReasonCount]](repeating: [], count: masterData.campaigns.count)
        for (key, q) in campaignSums.returnReasons {
            let c = Int(key >> 32), reason = Int(Int32(truncatingIfNeeded: key))
            byCampaign[c].append(ReasonCount(reasonCode: reasonCodes[reason], quantity: q))
        }
        return byCampaign.map { list in
            list.sorted { a, b in
                if a.quantity != b.quantity { return a.quantity > b.quantity }
                switch (a.reasonCode, b.reasonCode) {
                case let (x?, y?): return MetricsAccumulator.byteOrder(x, y)
                case (_?, nil): return true
                default: return false
                }
            }
        }
    }
}
