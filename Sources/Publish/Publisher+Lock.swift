import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Publisher {
    /// Takes the build lock of `out` (a `flock` on a file beside it, released when the process dies);
    /// waits up to `wait` seconds for a running build, then throws.
    ///
    /// Also checks, before any work is done, that `out` is something this publisher may replace.
    public func lock(waitSeconds: Int) throws(PublishError) -> BuildLock {
        try POSIX.makeDirectories(parent)
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PublishError("cannot open the build lock of \(out): \(POSIX.message())", path: lockPath)
        }
        let deadline = Date().addingTimeInterval(TimeInterval(max(0, waitSeconds)))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK, Date() < deadline else {
                close(fd)
                if code != EWOULDBLOCK {
                    throw PublishError("cannot take the build lock of \(out): \(POSIX.message(code))", path: lockPath)
                }
                let waited = waitSeconds > 0 ? " after waiting \(waitSeconds) s" : ""
                throw PublishError(
                    "another build is publishing into \(out)\(waited) (it holds \(lockPath)); nothing was published. "
                        + "Run again when it has finished, or pass --wait SECONDS to wait for it")
            }
            usleep(100_000)
        }
        let lock = BuildLock(path: lockPath, descriptor: fd)
        if case .foreign(let problem) = publishedState {
            lock.release()
            throw PublishError(problem, path: out)
        }
        return lock
    }
}
