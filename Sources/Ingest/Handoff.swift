/// A value handed from one thread to another: written once by the thread that computes it before it
/// signals, read by the waiting thread only after the signal.
///
/// `@unchecked Sendable` because that ordering, not the type system, keeps the accesses apart; it also
/// carries values (such as the shared product key table) that are only read on both sides.
final class Handoff<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }
}
