/// A used freight row as parsed on a worker thread: 24 bytes, strings as indices into that thread's
/// interned strings, until it is sent to the sink as a `FreightRecord`.
struct FreightRow: Sendable {
    var shipDate: Int32
    var serviceLevel: Int32
    var cost: Double
    /// Used-order index, or -1 when unattributed.
    var order: Int32
    /// Interned carrier, or -1 when empty or absent.
    var carrier: Int32
}
