/// Compact per-line state: what `finish` needs of every used order line, and nothing per CSV row else.
///
/// 24 bytes a line, plus 8 for a promotional line (its price matters only to shortfall value), plus the
/// deliveries' log (16 bytes a delivery), from which `finish` takes each line's on-time shipped quantity
/// and the day it became complete. Promotional entries are appended in line order, so the k-th
/// promotional line met while walking the lines in order owns entry k.
struct LineTable: Sendable {
    var qty: [Double] = []
    /// `requested_date` raw day.
    var requested: [Int32] = []
    /// `order_date` raw day (lead times, the campaigns' daily series).
    var orderDay: [Int32] = []
    var product: [Int32] = []
    /// Interned set of campaigns the line is promotional for (`CampaignSets`), 0 = not promotional.
    var campaignSet: [UInt32] = []
    var promoPrice: [Double] = []
    /// Every used delivery, for the day each line is complete (lead times).
    var deliveries = DatedQuantities()
    /// With segments only: each line's order index and unit price (freight is split among the views of
    /// an order's lines by their value), and its tuple of order-dimension values.
    var keepsOrders = false
    var order: [Int32] = []
    var price: [Double] = []
    var tuple: [Int32] = []

    var count: Int { qty.count }

    mutating func append(qty q: Double, requested r: Int32, product p: Int32, set: UInt32, orderDay: Int32, price unitPrice: Double,
                         order o: Int32 = 0, tuple t: Int32 = 0) {
        qty.append(q)
        requested.append(r)
        self.orderDay.append(orderDay)
        product.append(p)
        campaignSet.append(set)
        if set != 0 { promoPrice.append(unitPrice) }
        if keepsOrders {
            order.append(o)
            price.append(unitPrice)
            tuple.append(t)
        }
    }

    /// Per line, Σ qty_shipped of its deliveries with ship_date <= requested_date (uncapped; ots caps it),
    /// summed in the order the deliveries arrived.
    func onTimeShipped() -> [Double] {
        var onTime = [Double](repeating: 0, count: qty.count)
        for e in 0..<deliveries.count {
            let l = Int(deliveries.line[e])
            if deliveries.day[e] <= requested[l] { onTime[l] += deliveries.qty[e] }
        }
        return onTime
    }
}
