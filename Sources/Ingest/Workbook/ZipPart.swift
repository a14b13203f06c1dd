/// One file in a workbook's zip archive, as its central directory describes it.
struct ZipPart: Sendable, Equatable {
    var name: String
    /// 0 stored, 8 deflated.
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    /// Where its local header starts.
    var headerOffset: UInt64

    var isEncrypted: Bool { flags & 1 != 0 }
}
