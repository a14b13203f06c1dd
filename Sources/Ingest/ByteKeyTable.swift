#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing hash table from byte strings to dense `Int32` values, looked up without creating
/// `String`s: SKUs, order ids and categories repeat millions of times in an export.
///
/// Keys are copied once into one growing byte arena; a lookup hashes the field's bytes in place. With
/// millions of order lines the table no longer fits in cache, so each slot carries its key's hash next
/// to the entry number (a probe compares hashes without another memory access), and an entry keeps its
/// key's place and its value together.
struct ByteKeyTable {
    private struct Entry {
        var start: Int
        var length: Int32
        var value: Int32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// `hash << 32 | (entry + 1)`; 0 = empty. Copied before a mutation when shared (copy on write).
    private var slots: SlotStorage
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = SlotStorage(count: size)
        mask = size - 1
    }

    var count: Int { entries.count }

    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // Eight bytes per multiply (keys are ids of 5–20 bytes), then a final mix so that the low bits
        // used for the slot depend on every byte.
        let n = p.count
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(n)
        guard let base = p.baseAddress else { return UInt32(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    /// The slot holding the key, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (slot: Int, entry: Int?) {
        var s = Int(h) & mask
        let tag = UInt64(h) << 32
        let slots = self.slots.pointer
        while true {
            let v = slots[s]
            if v == 0 { return (s, nil) }
            if v & 0xFFFF_FFFF_0000_0000 == tag {
                let e = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                if equal(entries[e], p) { return (s, e) }
            }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ e: Entry, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(e.length) == p.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            UnsafeBufferPointer(rebasing: a[e.start..<(e.start + p.count)]).bytesEqual(p)
        }
    }

    /// The value stored for these bytes, or `nil`.
    @inline(__always)
    func find(_ p: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let e = probe(p, ByteKeyTable.hash(p)).entry else { return nil }
        return entries[e].value
    }

    /// Inserts the key with `value` unless it is present; returns the value now stored and whether it
    /// was inserted.
    @discardableResult
    mutating func insert(_ p: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        let h = ByteKeyTable.hash(p)
        let (s, found) = probe(p, h)
        if let e = found { return (entries[e].value, false) }
        entries.append(Entry(start: arena.count, length: Int32(p.count), value: value))
        arena.append(contentsOf: p)
        if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
        slots.pointer[s] = UInt64(h) << 32 | UInt64(entries.count)
        if entries.count * 2 > mask { grow() }
        return (value, true)
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        let grown = SlotStorage(count: size)
        let newSlots = grown.pointer
        let newMask = size - 1
        for k in 0..<slots.count {
            let v = slots.pointer[k]
            if v == 0 { continue }
            var s = Int(truncatingIfNeeded: v >> 32) & newMask
            while newSlots[s] != 0 { s = (s + 1) & newMask }
            newSlots[s] = v
        }
        slots = grown
        mask = newMask
    }
}
