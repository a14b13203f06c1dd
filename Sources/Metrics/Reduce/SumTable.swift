/// Sums of `Double`s per `Int64` key, in one flat open-addressing table: the actual units per (week,
/// product), added once per order line.
///
/// `[Int64: Double]` spent most of its time in `Hasher` (SipHash) and cache misses; here a key is mixed
/// with two multiplies and a slot is its key next to its sum. Each key's sum adds its values in the
/// order they arrive, as the dictionary did, so the figures are the same to the last bit.
struct SumTable: Sendable {
    /// `Int64.min` marks an empty slot; that key itself is kept aside in `minSum`.
    private var keys: [Int64]
    private var sums: [Double]
    private var mask: Int
    private(set) var count = 0
    private var minSum: Double?

    init() {
        keys = Array(repeating: .min, count: 1024)
        sums = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int { HashMix.slot(key, mask) }

    /// Adds `value` to the sum of `key` (a new key starts at 0).
    mutating func add(_ key: Int64, _ value: Double) {
        if key == .min {
            if minSum == nil { count += 1 }
            minSum = (minSum ?? 0) + value
            return
        }
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { sums[i] += value; return }
            if k == .min { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        sums[i] = 0 + value
        count += 1
        if count * 2 > mask { grow() }
    }

    /// The sum of `key`, or `nil` when nothing was added to it.
    func sum(_ key: Int64) -> Double? {
        if key == .min { return minSum }
        var i = Self.slot(key, mask)
        while keys[i] != .min {
            if keys[i] == key { return sums[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Every key with its sum, in increasing key order.
    func sorted() -> [(key: Int64, value: Double)] {
        var out: [(key: Int64, value: Double)] = []
        out.reserveCapacity(count)
        if let minSum { out.append((.min, minSum)) }
        for i in keys.indices where keys[i] != .min { out.append((keys[i], sums[i])) }
        // Keys are distinct, so any sort gives this one order.
        out.sort { $0.key < $1.key }
        return out
    }

    private mutating func grow() {
        let oldKeys = keys, oldSums = sums
        let size = (mask + 1) * 2
        keys = Array(repeating: .min, count: size)
        sums = Array(repeating: 0, count: size)
        mask = size - 1
        for j in oldKeys.indices where oldKeys[j] != .min {
            var i = Self.slot(oldKeys[j], mask)
            while keys[i] != .min { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            sums[i] = oldSums[j]
        }
    }
}
