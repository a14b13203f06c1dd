/// An open-addressing hash table from byte strings to dense `Int32` values, looked up without creating
/// `String`s: SKUs, order ids and categories repeat millions of times in an export.
///
/// Keys are copied once into one growing byte arena; a lookup hashes the field's bytes in place.
struct ByteKeyTable {
    private var arena: [UInt8] = []
    /// Per entry: start in `arena`, length, value.
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private(set) var values: [Int32] = []
    /// Entry index + 1; 0 = empty slot.
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // FNV-1a, then a final mix so low bits spread over the mask.
        var h: UInt32 = 2_166_136_261
        for b in p { h = (h ^ UInt32(b)) &* 16_777_619 }
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }

    /// The value stored for these bytes, or `nil`.
    @inline(__always)
    func find(_ p: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = ByteKeyTable.hash(p)
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return nil }
            if hashes[e - 1] == h, equal(e - 1, p) { return values[e - 1] }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ e: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[e]) == p.count else { return false }
        let start = starts[e]
        return arena.withUnsafeBufferPointer { a in
            for k in 0..<p.count where a[start + k] != p[k] { return false }
            return true
        }
    }

    /// Inserts the key with `value` unless it is present; returns the value now stored and whether it
    /// was inserted.
    @discardableResult
    mutating func insert(_ p: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        let h = ByteKeyTable.hash(p)
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { break }
            if hashes[e - 1] == h, equal(e - 1, p) { return (values[e - 1], false) }
            s = (s + 1) & mask
        }
        starts.append(arena.count)
        lengths.append(Int32(p.count))
        arena.append(contentsOf: p)
        values.append(value)
        hashes.append(h)
        slots[s] = Int32(values.count)
        if values.count * 2 > mask { grow() }
        return (value, true)
    }

    /// Overwrites the value of a present key.
    mutating func update(_ p: UnsafeBufferPointer<UInt8>, value: Int32) {
        let h = ByteKeyTable.hash(p)
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return }
            if hashes[e - 1] == h, equal(e - 1, p) { values[e - 1] = value; return }
            s = (s + 1) & mask
        }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var newSlots = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for e in 0..<values.count {
            var s = Int(hashes[e]) & newMask
            while newSlots[s] != 0 { s = (s + 1) & newMask }
            newSlots[s] = Int32(e + 1)
        }
        slots = newSlots
        mask = newMask
    }
}
