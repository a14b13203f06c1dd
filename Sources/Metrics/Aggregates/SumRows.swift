/// The rows of one aggregate table: sums keyed by up to four small integers (a day, a category, a
/// product, a campaign, a lead time in days, …), in the order the keys were first seen.
///
/// One flat open-addressing index over the keys, with the sums in a parallel array: adding to a row
/// costs a multiply-and-shift hash and, usually, one probe. Each row adds its values in the order they
/// arrive, so the same record stream gives the same sums to the last bit.
public struct SumRows<Value: AggregateValue>: Sendable {
    /// Every key, in the order first seen; `values[i]` is the sum of `keys[i]`.
    public private(set) var keys: [SIMD4<Int32>] = []
    public private(set) var values: [Value] = []
    /// Row index + 1 per slot; 0 marks an empty slot.
    private var slots: [Int32]
    private var mask: Int

    public init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
    }

    public var count: Int { keys.count }

    @inline(__always)
    static func slot(_ k: SIMD4<Int32>, _ mask: Int) -> Int {
        let a = UInt64(UInt32(bitPattern: k.x)) | UInt64(UInt32(bitPattern: k.y)) << 32
        let b = UInt64(UInt32(bitPattern: k.z)) | UInt64(UInt32(bitPattern: k.w)) << 32
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b ^ (b >> 31)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The row of `key`, created with a zero sum when new.
    @inline(__always)
    public mutating func row(_ key: SIMD4<Int32>) -> Int {
        var i = Self.slot(key, mask)
        while true {
            let r = Int(slots[i])
            if r == 0 { break }
            if keys[r - 1] == key { return r - 1 }
            i = (i + 1) & mask
        }
        let r = keys.count
        keys.append(key)
        values.append(.zero)
        slots[i] = Int32(r + 1)
        if keys.count * 2 > mask { grow() }
        return r
    }

    /// Adds `value` to the sum of `key`.
    @inline(__always)
    public mutating func add(_ key: SIMD4<Int32>, _ value: Value) {
        let r = row(key)
        values[r] += value
    }

    /// The row of `key`, or `nil` when nothing was added to it.
    public func find(_ key: SIMD4<Int32>) -> Int? {
        var i = Self.slot(key, mask)
        while true {
            let r = Int(slots[i])
            if r == 0 { return nil }
            if keys[r - 1] == key { return r - 1 }
            i = (i + 1) & mask
        }
    }

    /// The sum of `key`, zero when absent.
    public subscript(key: SIMD4<Int32>) -> Value { find(key).map { values[$0] } ?? .zero }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (r, key) in keys.enumerated() {
            var i = Self.slot(key, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(r + 1)
        }
    }
}

/// What a table sums: a `Double` or a vector of them, added lane by lane.
public protocol AggregateValue: Sendable {
    static var zero: Self { get }
    static func += (a: inout Self, b: Self)
}

extension Double: AggregateValue {}
extension SIMD2: AggregateValue where Scalar == Double {}
extension SIMD4: AggregateValue where Scalar == Double {}
extension SIMD8: AggregateValue where Scalar == Double {}

extension SIMD4 where Scalar == Int32 {
    /// A key of one to four integers (the rest 0).
    @inline(__always)
    public static func key(_ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0) -> SIMD4<Int32> { SIMD4(a, b, c, d) }
}
