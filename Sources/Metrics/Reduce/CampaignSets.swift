/// Interned sets of campaign indices, so a line stores the campaigns it is promotional for as one `UInt32`.
///
/// Id 0 is the empty set (a line promotional for no campaign). Campaigns overlap in few distinct ways, so
/// the sets are few while the lines are many; interning keeps per-line state at four bytes.
struct CampaignSets: Sendable {
    /// Sorted campaign indices of each set, by id.
    private(set) var members: [[Int32]] = [[]]
    private var ids: [[Int32]: UInt32] = [[]: 0]
    /// (smaller id, larger id) → id of the union; orders add their lines' sets one at a time.
    private var unions: [UInt64: UInt32] = [:]

    /// The id of `campaigns`, which must be sorted and free of duplicates.
    mutating func intern(_ campaigns: [Int32]) -> UInt32 {
        if let id = ids[campaigns] { return id }
        let id = UInt32(members.count)
        members.append(campaigns)
        ids[campaigns] = id
        return id
    }

    /// The id of the union of two sets.
    mutating func union(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if a == b || b == 0 { return a }
        if a == 0 { return b }
        let key = UInt64(Swift.min(a, b)) << 32 | UInt64(Swift.max(a, b))
        if let id = unions[key] { return id }
        let x = members[Int(a)], y = members[Int(b)]
        var merged: [Int32] = []
        merged.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && x[i] < y[j]) {
                merged.append(x[i]); i += 1
            } else if i == x.count || y[j] < x[i] {
                merged.append(y[j]); j += 1
            } else {
                merged.append(x[i]); i += 1; j += 1
            }
        }
        let id = intern(merged)
        unions[key] = id
        return id
    }
}
