/// A log of (line, date, quantity) events: deliveries of order lines, receipts of PO lines. Kept so
/// that the day a line is complete can be found whatever order the export lists its events in.
///
/// 16 bytes an event, in three flat arrays.
struct DatedQuantities: Sendable {
    var line: [Int32] = []
    var day: [Int32] = []
    var qty: [Double] = []

    var count: Int { qty.count }

    @inline(__always) mutating func append(line l: Int32, day d: Int32, qty q: Double) {
        line.append(l)
        day.append(d)
        qty.append(q)
    }
}
