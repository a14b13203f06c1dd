/// The bit mixer of the flat hash tables (`SumTable`, `KeyIndex`): two multiplies and two shifts, so a
/// key's slot costs a few cycles instead of `Hasher`'s SipHash.
enum HashMix {
    @inline(__always)
    static func slot(_ key: Int64, _ mask: Int) -> Int {
        var h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }
}
