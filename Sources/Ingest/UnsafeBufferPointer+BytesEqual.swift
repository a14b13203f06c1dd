#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether both hold the same bytes; keys are short, so a loop beats a call to `memcmp`.
    @inline(__always)
    func bytesEqual(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let a = baseAddress, let b = other.baseAddress else { return true }
        if count > 32 { return memcmp(a, b, count) == 0 }
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }
}
