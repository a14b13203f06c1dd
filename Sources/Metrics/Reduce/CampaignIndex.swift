import ScorecardCore

/// Which campaigns an order line is promotional for, answered from its product and order date.
///
/// Built once from the master data: for each product, the campaigns an item matches (by SKU or by the
/// product's category) are cut into date segments between campaign starts and ends, each segment carrying
/// the interned set of campaigns running then. Classifying a line is then a binary search in a short array.
struct CampaignIndex: Sendable {
    struct Segment: Sendable {
        /// First day of the segment; the segment runs until the next one starts.
        var from: Int32
        var set: UInt32
    }

    var sets = CampaignSets()
    /// Every product's date segments, in order, one product after another; before a product's first
    /// segment a line is not promotional. One flat array: a nested array cost a retain and release per line.
    private var segments: [Segment] = []
    /// Product `p`'s segments are `segments[start[p]..<start[p + 1]]`.
    private var start: [Int32] = [0]

    init() {}

    init(master: MasterData, products: ProductTable) {
        var matching = [[Int32]](repeating: [], count: master.products.count)
        for item in master.items {
            let c = Int(item.campaign)
            guard c >= 0, c < master.campaigns.count else { continue }
            if let p = item.product, Int(p) >= 0, Int(p) < products.count {
                matching[Int(p)].append(item.campaign)
            } else if let k = item.category, Int(k) >= 0, Int(k) < products.productsByCategory.count {
                for p in products.productsByCategory[Int(k)] { matching[Int(p)].append(item.campaign) }
            }
        }
        start = [0]
        start.reserveCapacity(master.products.count + 1)
        for p in matching.indices {
            defer { start.append(Int32(segments.count)) }
            guard !matching[p].isEmpty else { continue }
            let campaigns = Array(Set(matching[p])).sorted()
            var bounds = Set<Int32>()
            for c in campaigns {
                bounds.insert(master.campaigns[Int(c)].start.rawValue)
                bounds.insert(master.campaigns[Int(c)].end.rawValue + 1)
            }
            var list: [Segment] = []
            for from in bounds.sorted() {
                let active = campaigns.filter {
                    master.campaigns[Int($0)].start.rawValue <= from && from <= master.campaigns[Int($0)].end.rawValue
                }
                let set = sets.intern(active)
                // Adjacent segments with the same set would only lengthen the search.
                if list.last?.set != set { list.append(Segment(from: from, set: set)) }
            }
            segments += list
        }
    }

    /// The set of campaigns a line of `product` ordered on `day` is promotional for (0 = none).
    func set(product: Int32, day: Day) -> UInt32 {
        guard Int(product) >= 0, Int(product) + 1 < start.count else { return 0 }
        let first = Int(start[Int(product)])
        // Last segment starting on or before `day`.
        var lo = first, hi = Int(start[Int(product) + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].from <= day.rawValue { lo = mid + 1 } else { hi = mid }
        }
        return lo == first ? 0 : segments[lo - 1].set
    }

    /// Whether some campaign with an item matching `product` runs on some day from `first` to `last`
    /// (docs/figures.md's promotional SKU-week: `start_date <= last` and `end_date >= first`).
    func isPromoted(product: Int32, from first: Day, through last: Day) -> Bool {
        guard first <= last, Int(product) >= 0, Int(product) + 1 < start.count else { return false }
        let lower = Int(start[Int(product)]), upper = Int(start[Int(product) + 1])
        // The segment holding `first` (last one starting on or before it) …
        var lo = lower, hi = upper
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].from <= first.rawValue { lo = mid + 1 } else { hi = mid }
        }
        if lo > lower, segments[lo - 1].set != 0 { return true }
        // … or the next one, if it starts by `last`: adjacent segments differ, so after an empty one
        // comes a non-empty one.
        return lo < upper && segments[lo].from <= last.rawValue && segments[lo].set != 0
    }

    /// Sorted campaign indices of a set.
    @inline(__always) func members(_ set: UInt32) -> [Int32] { sets.members[Int(set)] }
}
