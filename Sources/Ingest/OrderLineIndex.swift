#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves (order_id, line_no) to a line index, and order_id to a dense order index, for millions of
/// order lines.
///
/// A hash table keyed on the whole (order_id, line_no) costs a cache miss per line once it outgrows the
/// cache, which capped ingestion far below the target. Exports list an order's lines together, so this
/// index hashes only the order id (and skips even that while the order id repeats), then keeps each
/// order's lines in a short list whose entries were written next to each other.
struct OrderLineIndex {
    /// Line value of a line dated after the as-of date: its key resolves, but to nothing used.
    static let ignored: Int32 = -1

    /// order_id → order slot (every order with a non-rejected line, used or ignored).
    private var orders = ByteKeyTable(capacity: 1 << 16)
    /// Per order slot: dense index among orders with used lines, or -1.
    private var usedOrder: [Int32] = []
    /// Per order slot: its most recently added line entry, or -1.
    private var lastLine: [Int32] = []
    /// One per line: normalized line number, the previous entry of the same order, the line value.
    private struct Line {
        var key: UInt64
        var previous: Int32
        var value: Int32
    }

    private var lines: [Line] = []
    /// line_no values that are not plain numbers.
    private var lineNames = ByteKeyTable()
    /// The order id of the previous call and its slot, to skip hashing while it repeats.
    private var lastOrderID: [UInt8] = []
    private var lastSlot: Int32 = -1
    private(set) var usedOrderCount: Int32 = 0

    /// A number for line_no: its value when it is all digits (so `000010` and `10` match, as SAP pads
    /// POSNR in one export and not in the next), else an interned id with the top bit set.
    @inline(__always)
    private mutating func normalize(_ p: UnsafeBufferPointer<UInt8>, create: Bool) -> UInt64? {
        if p.count <= 18 {
            var v: UInt64 = 0
            var numeric = true
            for b in p {
                let d = b &- 48
                if d > 9 { numeric = false; break }
                v = v &* 10 &+ UInt64(d)
            }
            if numeric { return v }
        }
        if create { return 1 << 63 | UInt64(lineNames.insert(p, value: Int32(lineNames.count)).value) }
        return lineNames.find(p).map { 1 << 63 | UInt64($0) }
    }

    @inline(__always)
    private mutating func slot(_ orderID: UnsafeBufferPointer<UInt8>, create: Bool) -> Int32? {
        if lastSlot >= 0, lastOrderID.withUnsafeBufferPointer({ $0.bytesEqual(orderID) }) { return lastSlot }
        let s: Int32
        if create {
            let (v, inserted) = orders.insert(orderID, value: Int32(usedOrder.count))
            if inserted { usedOrder.append(-1); lastLine.append(-1) }
            s = v
        } else {
            guard let v = orders.find(orderID) else { return nil }
            s = v
        }
        lastOrderID.removeAll(keepingCapacity: true)
        lastOrderID.append(contentsOf: orderID)
        lastSlot = s
        return s
    }

    @inline(__always)
    private func entry(slot: Int32, key: UInt64) -> Int32? {
        var e = lastLine[Int(slot)]
        while e >= 0 {
            let line = lines[Int(e)]
            if line.key == key { return e }
            e = line.previous
        }
        return nil
    }

    /// Adds a line with `line` as its value (a line index or `ignored`); `nil` when the key is already
    /// there (a duplicate), else the order's slot.
    mutating func insert(order orderID: UnsafeBufferPointer<UInt8>, line lineNo: UnsafeBufferPointer<UInt8>, value line: Int32) -> Int32? {
        guard let s = slot(orderID, create: true), let key = normalize(lineNo, create: true) else { return nil }
        if entry(slot: s, key: key) != nil { return nil }
        lines.append(Line(key: key, previous: lastLine[Int(s)], value: line))
        lastLine[Int(s)] = Int32(lines.count - 1)
        return s
    }

    /// The dense used-order index of an order slot, assigned on its first used line.
    mutating func useOrder(slot: Int32) -> Int32 {
        if usedOrder[Int(slot)] < 0 {
            usedOrder[Int(slot)] = usedOrderCount
            usedOrderCount += 1
        }
        return usedOrder[Int(slot)]
    }

    /// The value of a line (line index or `ignored`), or `nil` when there is no such line.
    mutating func find(order orderID: UnsafeBufferPointer<UInt8>, line lineNo: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let s = slot(orderID, create: false), let key = normalize(lineNo, create: false),
              let e = entry(slot: s, key: key) else { return nil }
        return lines[Int(e)].value
    }

    /// The used-order index of an order id, or `nil` when it has no used line.
    mutating func usedOrder(_ orderID: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let s = slot(orderID, create: false) else { return nil }
        let u = usedOrder[Int(s)]
        return u >= 0 ? u : nil
    }
}
