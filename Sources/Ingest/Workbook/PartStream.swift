import Foundation
import ZIPFoundation

/// The inflated bytes of one workbook part, pulled by the XML reader while a thread of its own inflates
/// the part with ZIPFoundation, a few chunks ahead: memory stays at a few chunks whatever the part's size.
///
/// Why a thread: ZIPFoundation's inflater pushes its output to a closure, and libxml2's reader pulls its
/// input from a callback, so one of the two has to wait for the other.
///
/// Limits (docs/inputs.md, "Workbooks"), checked on the sizes the zip directory declares before anything
/// is inflated, and again on the bytes actually inflated, since a header can lie: a part may be at most
/// 1 GiB uncompressed, may not inflate beyond its declared size, and a part over 1 MiB may not inflate to
/// more than 100 times its compressed size. The CRC-32 is checked at the end.
final class PartStream: @unchecked Sendable {
    static let maxPartBytes: UInt64 = 1 << 30
    static let maxRatio: UInt64 = 100
    /// Below this size the ratio does not matter: a small part costs nothing however well it compresses.
    static let ratioFloor: UInt64 = 1 << 20
    /// Bytes handed over at a time, and how many chunks may wait.
    static let chunkSize = 64 << 10
    static let queueLength = 4

    let part: ZipPart
    /// What the two threads share; the inflating thread holds it, not the stream, so that a stream dropped
    /// by its reader still stops the thread.
    private let shared = Shared()
    // The reader's side only:
    private var current = Data()
    private var offset = 0

    /// Checks the declared sizes and starts inflating `part` of `file`.
    init(file: WorkbookFile, part: ZipPart) throws(WorkbookError) {
        self.part = part
        if part.isEncrypted { throw WorkbookError(.unreadablePart(part.name, why: "it is encrypted")) }
        guard part.method == 0 || part.method == 8 else {
            throw WorkbookError(.unreadablePart(part.name, why: "it is compressed with method \(part.method), not deflate"))
        }
        if part.uncompressedSize > Self.maxPartBytes { throw WorkbookError(.partTooLarge(part.name)) }
        if Self.ratioExceeded(compressed: part.compressedSize, uncompressed: part.uncompressedSize) {
            throw WorkbookError(.compressionRatio(part.name, compressed: part.compressedSize, uncompressed: part.uncompressedSize))
        }
        if part.method == 0, part.compressedSize != part.uncompressedSize {
            throw WorkbookError(.damagedPart(part.name, why: "stored, but its sizes differ"))
        }
        let start = try ZipDirectory.dataOffset(of: part, in: file)
        let shared = self.shared
        let thread = Thread {
            let result = Self.inflate(file: file, part: part, start: start, into: shared)
            shared.condition.lock()
            if let result, shared.failure == nil, !shared.cancelled { shared.failure = result }
            shared.finished = true
            shared.threadDone = true
            shared.condition.broadcast()
            shared.condition.unlock()
        }
        thread.stackSize = 1 << 20
        shared.threadDone = false
        thread.start()
    }

    deinit { close() }

    /// The queue between the inflating thread and the reader, guarded by `condition`.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var queue: [Data] = []
        var finished = false
        var cancelled = false
        /// No thread is running (none was started, or it has ended).
        var threadDone = true
        var failure: WorkbookError?

        /// Hands a chunk to the reader, waiting while the queue is full; throws once the reader has gone.
        func deliver(_ data: Data) throws {
            condition.lock()
            defer { condition.unlock() }
            while queue.count >= PartStream.queueLength, !cancelled { condition.wait() }
            if cancelled { throw Stop() }
            queue.append(data)
            condition.broadcast()
        }

        var isCancelled: Bool {
            condition.lock()
            defer { condition.unlock() }
            return cancelled
        }
    }

    static func ratioExceeded(compressed: UInt64, uncompressed: UInt64) -> Bool {
        uncompressed > ratioFloor && uncompressed / maxRatio > compressed
    }

    /// Stops the inflating thread (it ends at its next chunk) and waits for it.
    func close() {
        shared.condition.lock()
        shared.cancelled = true
        shared.condition.broadcast()
        while !shared.threadDone { shared.condition.wait() }
        shared.queue = []
        shared.condition.unlock()
    }

    /// Copies up to `count` inflated bytes into `buffer`: the count, 0 at the end of the part, or `nil`
    /// with `error` set when the part cannot be inflated (after every byte inflated before the problem).
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        if offset >= current.count {
            let s = shared
            s.condition.lock()
            while s.queue.isEmpty, !s.finished { s.condition.wait() }
            // Every byte inflated before a failure is handed over first: what the reader sees, and so which
            // problem it reports, depends on the part's bytes only, never on how far ahead the thread was.
            if s.queue.isEmpty {
                let failed = s.failure != nil
                s.condition.unlock()
                return failed ? nil : 0
            }
            current = s.queue.removeFirst()
            offset = 0
            s.condition.broadcast()
            s.condition.unlock()
        }
        let n = min(count, current.count - offset)
        current.withUnsafeBytes { raw in
            buffer.update(from: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset, count: n)
        }
        offset += n
        return n
    }

    /// Why the part could not be inflated, once `read` has returned `nil`.
    var error: WorkbookError? {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return shared.failure
    }

    private struct Stop: Error {}

    /// Inflates the part on the calling thread into `stream`; the problem, or `nil` when it ended well or
    /// the reader stopped it.
    private static func inflate(file: WorkbookFile, part: ZipPart, start: UInt64, into stream: Shared) -> WorkbookError? {
        var produced: UInt64 = 0
        var tooLarge: WorkbookError?
        func count(_ n: Int) throws {
            produced += UInt64(n)
            if produced > part.uncompressedSize {
                // Either limit may be what the lie hides; name the one it breaks.
                tooLarge = produced > maxPartBytes ? WorkbookError(.partTooLarge(part.name))
                    : ratioExceeded(compressed: part.compressedSize, uncompressed: produced)
                    ? WorkbookError(.compressionRatio(part.name, compressed: part.compressedSize, uncompressed: produced))
                    : WorkbookError(.damagedPart(part.name, why: "it inflates to more than the \(part.uncompressedSize) bytes its header declares"))
                throw Stop()
            }
        }
        do {
            var crc: UInt32 = 0
            if part.method == 0 {
                var position: UInt64 = 0
                while position < part.uncompressedSize {
                    let n = Int(min(UInt64(chunkSize), part.uncompressedSize - position))
                    var chunk = Data(count: n)
                    let got = chunk.withUnsafeMutableBytes { file.read(at: start + position, count: n, into: $0.baseAddress!) }
                    guard got == n else { return WorkbookError(.damagedZip("\(WorkbookError.quoted(part.name)) is cut off")) }
                    crc = chunk.crc32(checksum: crc)
                    try count(n)
                    try stream.deliver(chunk)
                    position += UInt64(n)
                }
            } else {
                let compressed = part.compressedSize
                // The provider always returns `size` bytes (zero-padded after the part's last byte): ZIPFoundation's
                // Linux inflater tells zlib the input is `size` bytes long whatever the chunk holds. Asked for
                // bytes after the part's end, the deflate stream has not ended where it must: it is an error,
                // not a wait for more input.
                crc = try Data.decompress(size: Int64(compressed), bufferSize: chunkSize, skipCRC32: false, provider: { position, size in
                    guard position >= 0, UInt64(position) < compressed else { throw Stop() }
                    var chunk = Data(count: size)
                    let n = Int(min(UInt64(size), compressed - UInt64(position)))
                    let got = chunk.withUnsafeMutableBytes { file.read(at: start + UInt64(position), count: n, into: $0.baseAddress!) }
                    guard got == n else { throw Stop() }
                    return chunk
                }, consumer: { data in
                    guard !data.isEmpty else { return }
                    try count(data.count)
                    try stream.deliver(data)
                })
            }
            if produced != part.uncompressedSize {
                return WorkbookError(.damagedPart(part.name, why: "it inflates to \(produced) bytes, its header declares \(part.uncompressedSize)"))
            }
            if crc != part.crc32 { return WorkbookError(.damagedPart(part.name, why: "its checksum does not match")) }
            return nil
        } catch {
            if let tooLarge { return tooLarge }
            if stream.isCancelled { return nil }
            return WorkbookError(.damagedPart(part.name, why: "its compressed data is not valid deflate data"))
        }
    }
}
