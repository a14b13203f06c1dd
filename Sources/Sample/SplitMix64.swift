/// SplitMix64: a tiny, fast, seedable generator, so the same seed writes the same bytes on every platform.
///
/// The standard library's generators and `random(in:)` algorithms are not specified to stay stable across
/// releases, so the sample draws every number through these methods and only uses exactly rounded
/// floating-point operations (no `exp`/`log`, whose results differ between C libraries).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<n` (`n > 0`), by Lemire's multiply-high (bias below 2⁻⁴⁰ for our ranges).
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform double in `[low, high)`.
    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An index of `weights`, drawn in proportion to them.
    mutating func pick(_ weights: [Int]) -> Int {
        var total = 0
        for w in weights { total += w }
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// One of `values`, drawn in proportion to `weights`.
    mutating func pick<T>(_ values: [T], weights: [Int]) -> T { values[pick(weights)] }

    /// One of `values`, uniformly.
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}
