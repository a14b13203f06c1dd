import Dispatch

/// `(0..<count).map(body)` with the calls spread over the machine's cores (the results in index order).
///
/// For independent, similar-sized jobs such as rendering or validating one page each; `body` must not
/// touch shared mutable state. Each index's slot of the result is written by exactly one call, and read
/// only after every call has returned.
public enum ParallelMap {
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer { slots.deinitialize(count: count); slots.deallocate() }
        let shared = Slots(pointer: slots)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            shared.pointer[i] = body(i)
        }
        return (0..<count).map { slots[$0]! }
    }

    /// The result slots, shared with the worker threads: disjoint indices, so no two writes meet.
    private struct Slots<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T?>
    }
}
