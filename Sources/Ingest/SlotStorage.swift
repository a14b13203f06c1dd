#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The zeroed slot array of a `ByteKeyTable`.
///
/// A table of millions of order ids is probed at random, so nearly every probe misses the cache and,
/// with 4 KiB pages, the TLB as well; large tables are therefore mapped directly and, on Linux, marked
/// for transparent huge pages, which roughly halves the cost of those probes.
final class SlotStorage {
    let pointer: UnsafeMutablePointer<UInt64>
    let count: Int
    private let mappedBytes: Int

    init(count: Int) {
        self.count = count
        let bytes = count * MemoryLayout<UInt64>.stride
        if bytes >= 4 << 20, let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            #if os(Linux)
            _ = madvise(p, bytes, MADV_HUGEPAGE)
            #endif
            // Anonymous mappings are zero-filled.
            pointer = p.bindMemory(to: UInt64.self, capacity: count)
            mappedBytes = bytes
        } else {
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: 0, count: count)
            mappedBytes = 0
        }
    }

    /// A copy, for a table that is mutated while another copy still shares these slots.
    func copy() -> SlotStorage {
        let c = SlotStorage(count: count)
        c.pointer.update(from: pointer, count: count)
        return c
    }

    deinit {
        if mappedBytes > 0 { munmap(pointer, mappedBytes) } else { pointer.deallocate() }
    }
}
