#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded sample of one file's bytes: the whole file when it is small, else its head and a few blocks
/// from further in, each cut to whole lines, so that inspecting an export of any size reads a few MB.
///
/// Why blocks from further in: a column may be empty in the first thousand rows (a date filled in only
/// for later orders), a value above 12 that settles day/month order may appear in any month, and
/// non-ASCII text may appear only in later rows.
struct FileSample: Sendable {
    /// How much is read.
    struct Limits: Sendable {
        /// Files up to this size are read whole.
        var wholeFile = 4 << 20
        /// The head of a larger file.
        var head = 1 << 20
        /// Blocks read from evenly spaced offsets after the head, each aligned to the next line start.
        var blocks = 8
        var blockSize = 128 << 10

        init() {}
    }

    var path: String
    /// The file's size in bytes.
    var size: Int
    /// The head (the whole file when `isComplete`), ending with a whole line.
    var head: [UInt8]
    /// Further blocks, each starting at a line start and ending with a whole line (as far as line breaks
    /// inside quoted fields allow: a block that starts inside one is dropped when it is parsed).
    var blocks: [[UInt8]]
    /// Whether every byte of the file is in `head`.
    var isComplete: Bool

    /// Reads the sample of `path`; `nil` when the file cannot be opened.
    static func read(_ path: String, limits: Limits = Limits()) -> FileSample? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size <= limits.wholeFile {
            let bytes = readAt(fd, offset: 0, count: size)
            return FileSample(path: path, size: size, head: bytes, blocks: [], isComplete: true)
        }
        let head = cutToLastLine(readAt(fd, offset: 0, count: limits.head))
        var blocks: [[UInt8]] = []
        let span = size - limits.head
        for k in 0..<limits.blocks {
            // Evenly spaced, the last one ending at the end of the file.
            let offset = limits.head + span * (k + 1) / limits.blocks - limits.blockSize
            guard offset > limits.head else { continue }
            var block = readAt(fd, offset: offset - 1, count: limits.blockSize + 1)
            // Drop the partial line the block starts in (the byte before it tells whether it is partial).
            guard let firstBreak = block.firstIndex(of: 10) else { continue }
            block.removeSubrange(0...firstBreak)
            if offset + limits.blockSize < size { block = cutToLastLine(block) }
            if !block.isEmpty { blocks.append(block) }
        }
        return FileSample(path: path, size: size, head: head, blocks: blocks, isComplete: false)
    }

    /// `bytes` up to and including its last line break (all of it when there is none).
    private static func cutToLastLine(_ bytes: [UInt8]) -> [UInt8] {
        guard let last = bytes.lastIndex(of: 10) else { return bytes }
        return Array(bytes[...last])
    }

    private static func readAt(_ fd: Int32, offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        var total = 0
        out.withUnsafeMutableBytes { p in
            while total < count {
                let r = pread(fd, p.baseAddress! + total, count - total, off_t(offset + total))
                if r < 0, errno == EINTR { continue }
                if r <= 0 { break }
                total += r
            }
        }
        out.removeSubrange(total...)
        return out
    }
}
