#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open workbook file, read with `pread(2)` so that the threads inflating its parts share it without a
/// file position.
final class WorkbookFile: Sendable {
    let path: String
    let size: UInt64
    private let fd: Int32

    init(path: String) throws(WorkbookError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw WorkbookError(.cannotRead(String(cString: strerror(errno)))) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw WorkbookError(.cannotRead("not a regular file"))
        }
        self.fd = fd
        self.path = path
        self.size = UInt64(max(0, st.st_size))
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end of the file or on an error.
    func read(at offset: UInt64, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
        var done = 0
        while done < count {
            let r = pread(fd, buffer + done, count - done, off_t(offset) + off_t(done))
            if r < 0, errno == EINTR { continue }
            if r <= 0 { break }
            done += r
        }
        return done
    }

    /// `count` bytes at `offset`, or fewer at the end of the file.
    func bytes(at offset: UInt64, count: Int) -> [UInt8] {
        guard count > 0, offset < size else { return [] }
        let n = Int(min(UInt64(count), size - offset))
        var out = [UInt8](repeating: 0, count: n)
        let got = out.withUnsafeMutableBytes { read(at: offset, count: n, into: $0.baseAddress!) }
        if got < n { out.removeSubrange(got...) }
        return out
    }
}
