import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Held for the duration of one build; released by `release()` or when the process exits.
///
/// An `flock(2)` on an open descriptor of the lock file: the kernel releases it when the descriptor is
/// closed, including when the process is killed, so a stale lock cannot exist.
public final class BuildLock: @unchecked Sendable {
    public let path: String
    let descriptor: Int32
    // `release()` may be called from a `defer` and again from `deinit`; closing twice could close a
    // descriptor number the process has reused meanwhile.
    private let guardLock = NSLock()
    private var released = false

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }
}

extension BuildLock {
    /// Releases the lock (idempotent).
    public func release() {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard !released else { return }
        released = true
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }
}
