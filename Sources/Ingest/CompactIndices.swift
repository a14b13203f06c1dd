/// An append-only list of small non-negative indices (segment tuples, locations) kept two bytes each
/// while every index fits, and widened once to four bytes at the first that does not.
///
/// A buffered inventory row carries one or two of these; at tens of millions of rows the two bytes
/// saved per index are what keeps the build's peak memory flat.
struct CompactIndices: Sendable {
    private var narrow: [UInt16] = []
    private var wide: [Int32] = []
    private var isWide = false

    var count: Int { isWide ? wide.count : narrow.count }
    var isEmpty: Bool { count == 0 }

    mutating func reserveCapacity(_ n: Int) {
        if isWide { wide.reserveCapacity(n) } else { narrow.reserveCapacity(n) }
    }

    /// Appends `index`, which must be non-negative.
    @inline(__always)
    mutating func append(_ index: Int32) {
        if !isWide, index >= 0, index < Int32(UInt16.max) {
            narrow.append(UInt16(truncatingIfNeeded: index))
        } else {
            if !isWide { widen() }
            wide.append(index)
        }
    }

    @inline(__always)
    subscript(i: Int) -> Int32 {
        isWide ? wide[i] : Int32(narrow[i])
    }

    private mutating func widen() {
        wide.reserveCapacity(max(narrow.capacity, narrow.count + 1))
        for v in narrow { wide.append(Int32(v)) }
        narrow = []
        isWide = true
    }
}
