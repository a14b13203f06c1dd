import Foundation
import ZIPFoundation

/// Zip files written byte by byte, for hostile archives no zip library would write: sizes that lie,
/// deflate streams that never end, offsets past the end of the file.
public enum RawZip {
    public struct Entry {
        public var name: String
        public var method: UInt16 = 0
        /// The bytes stored (compressed when `method` is 8).
        public var data: [UInt8]
        public var crc32: UInt32
        public var compressedSize: UInt32
        public var uncompressedSize: UInt32

        public init(name: String, method: UInt16 = 0, data: [UInt8], crc32: UInt32, compressedSize: UInt32, uncompressedSize: UInt32) {
            self.name = name
            self.method = method
            self.data = data
            self.crc32 = crc32
            self.compressedSize = compressedSize
            self.uncompressedSize = uncompressedSize
        }

        /// A stored entry with true sizes and checksum.
        public static func stored(_ name: String, _ bytes: [UInt8]) -> Entry {
            Entry(name: name, data: bytes, crc32: Data(bytes).crc32(checksum: 0), compressedSize: UInt32(bytes.count), uncompressedSize: UInt32(bytes.count))
        }
    }

    public static func make(_ entries: [Entry], centralOffsetOverride: UInt32? = nil) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let offset = UInt32(out.count)
            let name = Array(e.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21) + le32(e.crc32)
                + le32(e.compressedSize) + le32(e.uncompressedSize) + le16(UInt16(name.count)) + le16(0) + name + e.data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21) + le32(e.crc32)
                + le32(e.compressedSize) + le32(e.uncompressedSize) + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(central.count)) + le32(centralOffsetOverride ?? start) + le16(0)
        return out
    }

    /// The parts of `workbook` as stored entries, with `replaced` entries instead of those of the same name.
    public static func workbook(_ workbook: TestWorkbook, replacing replaced: [Entry]) -> [UInt8] {
        var entries = workbook.parts.map { Entry.stored($0.0, $0.1) }
        for r in replaced {
            if let k = entries.firstIndex(where: { $0.name == r.name }) { entries[k] = r } else { entries.append(r) }
        }
        return make(entries)
    }

    public static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    public static func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }

    /// `bytes` deflated (raw, as zip stores it), with ZIPFoundation.
    public static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        let data = Data(bytes)
        _ = try Data.compress(size: Int64(data.count), bufferSize: 1 << 16, provider: { position, size in
            data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
        }, consumer: { out += $0 })
        return out
    }
}
