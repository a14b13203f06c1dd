/// Dense indices for `Int64` keys, in one flat open-addressing table: (period, product) pairs for the
/// shortfall by SKU, (campaign, product) pairs for the campaigns' SKU tables. The caller keeps its
/// sums in arrays indexed by the returned index, in first-seen order.
struct KeyIndex: Sendable {
    /// `Int64.min` marks an empty slot (no key here is negative).
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    /// Every key, in the order first seen (its index).
    private(set) var order: [Int64] = []

    init() {
        keys = Array(repeating: .min, count: 1024)
        values = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    var count: Int { order.count }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int { HashMix.slot(key, mask) }

    /// The index of `key` (non-negative), and whether it was added now.
    @inline(__always)
    mutating func index(_ key: Int64) -> (index: Int, isNew: Bool) {
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return (Int(values[i]), false) }
            if k == .min { break }
            i = (i + 1) & mask
        }
        let v = order.count
        keys[i] = key
        values[i] = Int32(v)
        order.append(key)
        if order.count * 2 > mask { grow() }
        return (v, true)
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        keys = Array(repeating: .min, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        for (v, key) in order.enumerated() {
            var i = Self.slot(key, mask)
            while keys[i] != .min { i = (i + 1) & mask }
            keys[i] = key
            values[i] = Int32(v)
        }
    }

    /// Packs two non-negative 32-bit values into a key.
    @inline(__always) static func key(_ high: Int, _ low: Int32) -> Int64 { Int64(high) << 32 | Int64(UInt32(bitPattern: low)) }
    @inline(__always) static func high(_ key: Int64) -> Int { Int(key >> 32) }
    @inline(__always) static func low(_ key: Int64) -> Int32 { Int32(truncatingIfNeeded: key) }
}
