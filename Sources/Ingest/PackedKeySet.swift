/// A set of keys of up to 96 bits (a `UInt64` and a `UInt32` below `UInt32.max`) in one flat
/// open-addressing table: the duplicate-key checks of inventory and forecast.
///
/// `Set<InventoryKey>` spent most of inventory's time in `Hasher` (SipHash, seeded per call) and in
/// rehashing on growth; here a key is mixed with two multiplies and a slot is one 16-byte record.
/// A class so that `SnapshotKeySet` can create it on demand and share nothing.
final class PackedKeySet {
    private struct Slot {
        var low: UInt64
        /// `UInt32.max` marks an empty slot.
        var high: UInt32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    private(set) var count = 0

    /// - Parameter capacity: keys to hold before the first growth.
    init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(low: 0, high: .max), count: size)
        mask = size - 1
    }

    deinit { slots.deallocate() }

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt32) -> Int {
        var h = (low ^ UInt64(high) &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// Adds the key; `false` when it was already there. `high` must be below `UInt32.max`.
    @inline(__always)
    func insert(_ low: UInt64, _ high: UInt32 = 0) -> Bool {
        precondition(high != .max, "PackedKeySet: high part UInt32.max is reserved")
        var i = Self.hash(low, high) & mask
        while true {
            let s = slots[i]
            if s.high == .max { break }
            if s.low == low && s.high == high { return false }
            i = (i + 1) & mask
        }
        slots[i] = Slot(low: low, high: high)
        count += 1
        if count * 4 > (mask + 1) * 3 { grow() }
        return true
    }

    private func grow() {
        let old = slots
        let oldSize = mask + 1
        let size = oldSize * 2
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(low: 0, high: .max), count: size)
        mask = size - 1
        for j in 0..<oldSize where old[j].high != .max {
            var i = Self.hash(old[j].low, old[j].high) & mask
            while slots[i].high != .max { i = (i + 1) & mask }
            slots[i] = old[j]
        }
        old.deallocate()
    }
}
