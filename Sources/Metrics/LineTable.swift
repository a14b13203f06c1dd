/// Compact per-line state: what `finish` needs of every used order line, and nothing per CSV row else.
///
/// 28 bytes a line, plus 12 for a promotional line (its order date and price matter only to promotional
/// figures: shortfall value and the campaigns' daily series). Promotional entries are appended in line
/// order, so the k-th promotional line met while walking the lines in order owns entry k.
struct LineTable: Sendable {
    var qty: [Double] = []
    /// Σ qty_shipped of the line's deliveries with ship_date <= requested_date (uncapped; ots caps it).
    var onTime: [Double] = []
    /// `requested_date` raw day.
    var requested: [Int32] = []
    var product: [Int32] = []
    /// Interned set of campaigns the line is promotional for (`CampaignSets`), 0 = not promotional.
    var campaignSet: [UInt32] = []
    var promoOrderDay: [Int32] = []
    var promoPrice: [Double] = []

    var count: Int { qty.count }

    mutating func append(qty q: Double, requested r: Int32, product p: Int32, set: UInt32, orderDay: Int32, price: Double) {
        qty.append(q)
        onTime.append(0)
        requested.append(r)
        product.append(p)
        campaignSet.append(set)
        if set != 0 {
            promoOrderDay.append(orderDay)
            promoPrice.append(price)
        }
    }
}
