/// The duplicate check of dated snapshot rows, keyed (date, product, location): inventory, and forecast
/// with one location.
///
/// Exports list snapshots in date order, so while every (product, location) only moves forward in time
/// a row is new exactly when its date is after that pair's latest date: a lookup in a table of the
/// pairs (tens of thousands, it stays in cache) instead of a probe into a table of every row. Only each
/// key's location is logged meanwhile (two bytes; the caller keeps every accepted row's date and product
/// anyway); at the first row that goes back in time for its pair, the keys so far become a full
/// `PackedKeySet` and every later row is checked there, so the answer is exact in any order.
struct SnapshotKeySet {
    /// (product << 32 | location) → latest date, open addressing; `emptyPair` marks a free slot.
    private var pairs: [UInt64]
    private var latest: [Int32]
    private var pairMask: Int
    private var pairCount = 0
    private static var emptyPair: UInt64 { .max }
    /// The location of every key so far, in order, until `full` takes over.
    private var locations = CompactIndices()
    private var full: PackedKeySet?
    private let expected: Int

    /// - Parameter expected: the number of rows expected, to size the location log and, if needed, the full set.
    init(expected: Int) {
        self.expected = expected
        pairs = Array(repeating: Self.emptyPair, count: 1024)
        latest = Array(repeating: 0, count: 1024)
        pairMask = 1023
        locations.reserveCapacity(expected)
    }

    /// Adds the key; `false` when it was already there. `product` and `location` are non-negative.
    /// - Parameter earlier: the date and product of the `i`-th key this set accepted, called only at
    ///   the first key back in time for its pair.
    mutating func insert(date: Int32, product: Int32, location: Int32,
                         earlier: (_ i: Int) -> (date: Int32, product: Int32)) -> Bool {
        let low = Self.low(date, product)
        let high = UInt32(bitPattern: location)
        if let full { return full.insert(low, high) }
        let pair = UInt64(UInt32(bitPattern: product)) << 32 | UInt64(high)
        var h = pair &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        var i = Int(truncatingIfNeeded: h) & pairMask
        while true {
            let p = pairs[i]
            if p == pair {
                if date > latest[i] {
                    latest[i] = date
                    locations.append(location)
                    return true
                }
                // Back in time for this pair: from now on check every key exactly.
                return switchToFull(earlier).insert(low, high)
            }
            if p == Self.emptyPair { break }
            i = (i + 1) & pairMask
        }
        pairs[i] = pair
        latest[i] = date
        pairCount += 1
        locations.append(location)
        if pairCount * 2 > pairMask { growPairs() }
        return true
    }

    private mutating func switchToFull(_ earlier: (Int) -> (date: Int32, product: Int32)) -> PackedKeySet {
        let set = PackedKeySet(capacity: max(expected, locations.count * 2))
        for i in 0..<locations.count {
            let (date, product) = earlier(i)
            _ = set.insert(Self.low(date, product), UInt32(bitPattern: locations[i]))
        }
        locations = CompactIndices()
        full = set
        return set
    }

    @inline(__always)
    private static func low(_ date: Int32, _ product: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: date)) << 32 | UInt64(UInt32(bitPattern: product))
    }

    private mutating func growPairs() {
        let oldPairs = pairs, oldLatest = latest
        let size = (pairMask + 1) * 2
        pairs = Array(repeating: Self.emptyPair, count: size)
        latest = Array(repeating: 0, count: size)
        pairMask = size - 1
        for j in oldPairs.indices where oldPairs[j] != Self.emptyPair {
            var h = oldPairs[j] &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            var i = Int(truncatingIfNeeded: h) & pairMask
            while pairs[i] != Self.emptyPair { i = (i + 1) & pairMask }
            pairs[i] = oldPairs[j]
            latest[i] = oldLatest[j]
        }
    }
}
