/// The sample's sales regions (`orders.region`, an order dimension).
///
/// Each order comes from one region, drawn from a stream of its own, so the regions leave every other value
/// of the sample as it was. Each region is served by one of the two warehouses (North, Central and East by
/// `DC-North`, the others by `DC-South`); a warehouse's stock is allocated to the regions it serves, one
/// storage location per region (`inventory.region`). The story: when the Halloween campaign's products run
/// short, DC-North serves its near regions first and East, at the end of its routes, waits: from that
/// campaign's start on, the orders whose promotional lines miss their requested date are mostly East's, and
/// East's promotional fill rate falls far below the company's.
enum SampleRegions {
    static let names = ["North", "West", "South", "Central", "East", "Alps"]
    /// Percent of the orders per region.
    static let shares = [22, 20, 18, 16, 14, 10]
    /// The region that waits in the story.
    static let east = 4
    /// From the campaign's start on, for orders with a promotional line: the chance that the order is East's
    /// when such a line misses its requested date, and when none does (lower, so that East's share of the
    /// promotional orders stays near its usual one). Other orders keep the usual shares.
    static let eastShareOfShortOrders = 0.7
    static let eastShareOfOnTimeOrders = 0.04
    /// Orders whose region the ERP left empty ("(none)" on the pages): this share of them.
    static let emptyShare = 0.0008

    /// The two warehouses; North, Central and East are served by the first, the others by the second.
    static let warehouses = ["DC-North", "DC-South"]
    static func served(by warehouse: Int) -> [Int] { warehouse == 0 ? [0, 3, 4] : [1, 2, 5] }

    /// The index of an order's region, or `nil` for an empty one.
    static func draw(_ rng: inout SplitMix64, promotional: Bool, short: Bool, storyRunning: Bool) -> Int? {
        if rng.chance(emptyShare) { return nil }
        let u = rng.unit()
        guard storyRunning && promotional else { return pick(u, excluding: nil) }
        let eastChance = short ? eastShareOfShortOrders : eastShareOfOnTimeOrders
        if u < eastChance { return east }
        return pick((u - eastChance) / (1 - eastChance), excluding: east)
    }

    /// The region at `u` in [0, 1) of the cumulative shares, leaving out `excluded`.
    private static func pick(_ u: Double, excluding excluded: Int?) -> Int {
        var total = 0
        for r in shares.indices where r != excluded { total += shares[r] }
        var target = u * Double(total)
        var last = 0
        for r in shares.indices where r != excluded {
            target -= Double(shares[r])
            if target < 0 { return r }
            last = r
        }
        return last
    }
}
