import Dispatch

/// Freight rows passed from the thread that parses them to the thread that sends them to the sink, in
/// chunks, at most `depth` chunks at a time: the parser runs ahead while deliveries and returns are read,
/// without holding every row of a large export (24 bytes a row) at once.
///
/// One producer, one consumer; the consumer pops until `.end`, so every `free.wait()` is matched by a
/// `free.signal()` and the semaphores end at their initial values.
final class FreightChannel: @unchecked Sendable {
    enum Message {
        /// Rows, with the interned strings their indices refer to (so far).
        case rows([FreightRow], [String])
        /// Counts, rejections and problems of the whole source.
        case end(BufferedFacts<FreightRow>)
    }

    static let chunkSize = 1 << 16
    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)
    private let lock = DispatchSemaphore(value: 1)
    private var queue: [Message] = []
    private var head = 0

    init(depth: Int = 32) {
        free = DispatchSemaphore(value: depth)
    }

    /// Producer: waits while `depth` messages are unread.
    func push(_ message: Message) {
        free.wait()
        lock.wait()
        queue.append(message)
        lock.signal()
        ready.signal()
    }

    /// Consumer: waits for the next message.
    func pop() -> Message {
        ready.wait()
        lock.wait()
        let message = queue[head]
        head += 1
        if head == queue.count { queue.removeAll(keepingCapacity: true); head = 0 }
        lock.signal()
        free.signal()
        return message
    }
}
