#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardCore

/// Writes one CSV file through a fixed buffer and `write(2)`, formatting numbers and dates as bytes.
///
/// The sample reaches hundreds of megabytes, so nothing is built as a `String` per row, and numbers never go
/// through a locale. A failed write is remembered and reported by `close()`, which keeps every call site
/// free of `try` on the hot path.
final class CSVFileWriter {
    let path: String
    private var fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var failure: Int32?
    private var needsSeparator = false

    init(path: String, capacity: Int = 1 << 20) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SampleError(.cannotOpen(errno: errno), path: path) }
        self.fd = fd
        self.path = path
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if fd >= 0 { _ = systemClose(fd) }
        buffer.deallocate()
    }

    // MARK: Rows

    /// Writes the header row.
    func header(_ columns: [String]) {
        for c in columns { field(c) }
        endRow()
    }

    func endRow() {
        byte(10)
        needsSeparator = false
    }

    /// Starts the next field of the row.
    @inline(__always)
    private func separate() {
        if needsSeparator { byte(44) }
        needsSeparator = true
    }

    /// A text field, quoted per RFC 4180 when it holds a comma, a quote or a line break.
    func field(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { bytes in
            var quote = false
            for b in bytes where b == 44 || b == 34 || b == 10 || b == 13 { quote = true; break }
            guard quote else { return append(bytes) }
            byte(34)
            for b in bytes {
                if b == 34 { byte(34) }
                byte(b)
            }
            byte(34)
        }
    }

    /// An empty field.
    func empty() { separate() }

    /// `prefix` then `value` zero-padded to `width` digits, e.g. `SO-0000042`.
    func id(_ prefix: StaticString, _ value: Int, width: Int) {
        separate()
        append(prefix)
        digits(value, minimumWidth: width)
    }

    func int(_ value: Int) {
        separate()
        if value < 0 { byte(45) }
        digits(value.magnitude, minimumWidth: 1)
    }

    /// Hundredths as a fixed two-decimal number: money from integer cents (`1234` → `12.34`).
    func cents(_ value: Int) {
        separate()
        if value < 0 { byte(45) }
        let m = value.magnitude
        digits(m / 100, minimumWidth: 1)
        byte(46)
        digits(m % 100, minimumWidth: 2)
    }

    /// Hundredths as the shortest decimal: quantities (`300` → `3`, `250` → `2.5`, `75` → `0.75`).
    func quantity(_ hundredths: Int) {
        separate()
        if hundredths < 0 { byte(45) }
        let m = hundredths.magnitude
        digits(m / 100, minimumWidth: 1)
        let fraction = m % 100
        if fraction == 0 { return }
        byte(46)
        if fraction % 10 == 0 { digits(fraction / 10, minimumWidth: 1) } else { digits(fraction, minimumWidth: 2) }
    }

    /// `yyyy-MM-dd`.
    func day(_ d: Day) {
        separate()
        dayDigits(d)
    }

    /// `yyyy-MM-ddTHH:mm:00Z`, as some carriers export time stamps.
    func timestamp(_ d: Day, hour: Int, minute: Int) {
        separate()
        dayDigits(d)
        byte(84)
        digits(UInt(hour), minimumWidth: 2)
        byte(58)
        digits(UInt(minute), minimumWidth: 2)
        append(":00Z")
    }

    /// Bytes as they are, for values known to need no quoting.
    func raw(_ text: StaticString) {
        separate()
        append(text)
    }

    // MARK: Bytes

    private func dayDigits(_ d: Day) {
        let c = d.civil
        digits(UInt(c.year), minimumWidth: 4)
        byte(45)
        digits(UInt(c.month), minimumWidth: 2)
        byte(45)
        digits(UInt(c.day), minimumWidth: 2)
    }

    private func digits(_ value: Int, minimumWidth: Int) { digits(value.magnitude, minimumWidth: minimumWidth) }

    private func digits(_ value: UInt, minimumWidth: Int) {
        // Up to 20 digits, written backwards into a small stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { scratch in
            var v = value
            var n = 0
            repeat {
                scratch[23 - n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n < minimumWidth && n < 24 {
                scratch[23 - n] = 48
                n += 1
            }
            append(UnsafeBufferPointer(rebasing: scratch[(24 - n)...]))
        }
    }

    @inline(__always)
    private func byte(_ b: UInt8) {
        if count == capacity { flush() }
        buffer[count] = b
        count += 1
    }

    private func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity - count {
            flush()
            if bytes.count > capacity { return writeAll(base, bytes.count) }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private func flush() {
        writeAll(buffer, count)
        count = 0
    }

    private func writeAll(_ start: UnsafePointer<UInt8>, _ length: Int) {
        guard failure == nil else { return }
        var done = 0
        while done < length {
            let n = write(fd, start + done, length - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            done += n
        }
    }

    private func writeAll(_ start: UnsafeMutablePointer<UInt8>, _ length: Int) {
        writeAll(UnsafePointer(start), length)
    }

    /// Flushes and closes the file; throws the first write error, if any.
    func close() throws {
        flush()
        let result = systemClose(fd)
        let closeErrno = errno
        fd = -1
        if let failure { throw SampleError(.cannotWrite(errno: failure), path: path) }
        if result != 0 { throw SampleError(.cannotWrite(errno: closeErrno), path: path) }
    }
}

/// `close(2)`, named apart from `CSVFileWriter.close()`.
@inline(__always)
private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(fd)
    #elseif canImport(Musl)
    return Musl.close(fd)
    #else
    return Darwin.close(fd)
    #endif
}
