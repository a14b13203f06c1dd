/// The duplicate check of dated snapshot rows, keyed (date, product, location): inventory, and forecast
/// with one location.
///
/// Exports list snapshots in date order, so while every (product, location) only moves forward in time
/// a row is new exactly when its date is after that pair's latest date: a lookup in a table of the
/// pairs (tens of thousands, it stays in cache) instead of a probe into a table of every row. Keys are
/// logged meanwhile; at the first row that goes back in time for its pair, the log becomes a full
/// `PackedKeySet` and every later row is checked there, so the answer is exact in any order.
struct SnapshotKeySet {
    /// (product << 32 | location) → latest date, open addressing; `emptyPair` marks a free slot.
    private var pairs: [UInt64]
    private var latest: [Int32]
    private var pairMask: Int
    private var pairCount = 0
    private static var emptyPair: UInt64 { .max }
    /// Every key so far, (date << 32 | product, location), until `full` takes over.
    private var log: [(UInt64, UInt32)] = []
    private var full: PackedKeySet?
    private let expected: Int

    /// - Parameter expected: the number of rows expected, to size the log and, if needed, the full set.
    init(expected: Int) {
        self.expected = expected
        pairs = Array(repeating: Self.emptyPair, count: 1024)
        latest = Array(repeating: 0, count: 1024)
        pairMask = 1023
        log.reserveCapacity(expected)
    }

    /// Adds the key; `false` when it was already there. `product` and `location` are non-negative.
    mutating func insert(date: Int32, product: Int32, location: Int32) -> Bool {
        let low = UInt64(UInt32(bitPattern: date)) << 32 | UInt64(UInt32(bitPattern: product))
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
                    log.append((low, high))
                    return true
                }
                // Back in time for this pair: from now on check every key exactly.
                return switchToFull().insert(low, high)
            }
            if p == Self.emptyPair { break }
            i = (i + 1) & pairMask
        }
        pairs[i] = pair
        latest[i] = date
        pairCount += 1
        log.append((low, high))
        if pairCount * 2 > pairMask { growPairs() }
        return true
    }

    private mutating func switchToFull() -> PackedKeySet {
        let set = PackedKeySet(capacity: max(expected, log.count * 2))
        for (low, high) in log { _ = set.insert(low, high) }
        log = []
        full = set
        return set
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
