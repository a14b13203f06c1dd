/// The parts of a workbook's zip archive, from its central directory.
///
/// Read here rather than through ZIPFoundation's `Archive`, which the workbook reader uses only to inflate
/// (`Data.decompress`) and check sums: `Archive` turns 64-bit offsets read from the file into `off_t` with a
/// conversion that traps above `Int64.max` (a ZIP64 field of a hostile file crashes it), looks for the end
/// record by reading one byte at a time back through the whole file (seconds for a large file that is not
/// a zip), and its `extract` reads on past an entry's bytes and, on Linux, loops forever when a deflate
/// stream does not end before the end of the file. Here every offset and size is checked against the file
/// before it is used, and a part's bytes are located exactly (`dataOffset`).
struct ZipDirectory: Sendable {
    /// By lower-case name (part names in a package are case-insensitive); the first entry of a name wins.
    private(set) var parts: [String: ZipPart] = [:]

    /// The most entries read (a workbook has a few dozen parts; a sheet each, plus styles, themes …).
    static let maxEntries = 100_000
    /// The most bytes of central directory read.
    static let maxDirectoryBytes = 64 << 20

    func part(_ name: String) -> ZipPart? { parts[name.lowercased()] }

    static func read(_ file: WorkbookFile) throws(WorkbookError) -> ZipDirectory {
        let size = file.size
        // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
        let tailLength = Int(min(size, 22 + 65_535))
        let tail = file.bytes(at: size - UInt64(tailLength), count: tailLength)
        guard tail.count == tailLength else { throw WorkbookError(.cannotRead("the file could not be read to its end")) }
        var end = -1
        var k = tailLength - 22
        while k >= 0 {
            if tail[k] == 0x50, tail[k + 1] == 0x4B, tail[k + 2] == 0x05, tail[k + 3] == 0x06,
               k + 22 + Int(le16(tail, k + 20)) <= tailLength {
                end = k
                break
            }
            k -= 1
        }
        guard end >= 0 else {
            let head = file.bytes(at: 0, count: 8)
            throw WorkbookError(.notZip(compoundFile: head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        }
        let endOffset = size - UInt64(tailLength - end)
        var disk = UInt64(le16(tail, end + 4)), directoryDisk = UInt64(le16(tail, end + 6))
        var count = UInt64(le16(tail, end + 10))
        var directorySize = UInt64(le32(tail, end + 12))
        var directoryOffset = UInt64(le32(tail, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record points at the ZIP64 end record.
            guard endOffset >= 20 else { throw WorkbookError(.damagedZip("no ZIP64 end record")) }
            let locator = file.bytes(at: endOffset - 20, count: 20)
            guard locator.count == 20, le32(locator, 0) == 0x0706_4B50 else { throw WorkbookError(.damagedZip("no ZIP64 end record")) }
            let recordOffset = le64(locator, 8)
            guard recordOffset < endOffset, endOffset - recordOffset >= 56 else { throw WorkbookError(.damagedZip("the ZIP64 end record is outside the file")) }
            let record = file.bytes(at: recordOffset, count: 56)
            guard record.count == 56, le32(record, 0) == 0x0606_4B50 else { throw WorkbookError(.damagedZip("no ZIP64 end record")) }
            disk = UInt64(le32(record, 16)); directoryDisk = UInt64(le32(record, 20))
            count = le64(record, 32)
            directorySize = le64(record, 40)
            directoryOffset = le64(record, 48)
        }
        guard disk == 0, directoryDisk == 0 else { throw WorkbookError(.damagedZip("it is split across several files")) }
        guard count <= UInt64(maxEntries) else { throw WorkbookError(.damagedZip("more than \(maxEntries) entries")) }
        guard directorySize <= UInt64(maxDirectoryBytes), directoryOffset <= endOffset, directorySize <= endOffset - directoryOffset else {
            throw WorkbookError(.damagedZip("the central directory is outside the file"))
        }
        let directory = file.bytes(at: directoryOffset, count: Int(directorySize))
        guard directory.count == Int(directorySize) else { throw WorkbookError(.damagedZip("the central directory is cut off")) }

        var out = ZipDirectory()
        var p = 0
        for _ in 0..<Int(count) {
            guard p + 46 <= directory.count, le32(directory, p) == 0x0201_4B50 else {
                throw WorkbookError(.damagedZip("a central directory entry is missing"))
            }
            let nameLength = Int(le16(directory, p + 28)), extraLength = Int(le16(directory, p + 30))
            let commentLength = Int(le16(directory, p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw WorkbookError(.damagedZip("a central directory entry is cut off")) }
            var part = ZipPart(name: String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                               method: le16(directory, p + 10), flags: le16(directory, p + 8), crc32: le32(directory, p + 16),
                               compressedSize: UInt64(le32(directory, p + 20)), uncompressedSize: UInt64(le32(directory, p + 24)),
                               headerOffset: UInt64(le32(directory, p + 42)))
            // ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order.
            if part.uncompressedSize == 0xFFFF_FFFF || part.compressedSize == 0xFFFF_FFFF || part.headerOffset == 0xFFFF_FFFF {
                var e = p + 46 + nameLength
                let extraEnd = e + extraLength
                var found = false
                while e + 4 <= extraEnd {
                    let id = le16(directory, e), length = Int(le16(directory, e + 2))
                    guard e + 4 + length <= extraEnd else { break }
                    if id == 1 {
                        var f = e + 4
                        let fieldEnd = f + length
                        func take(_ v: inout UInt64) -> Bool {
                            guard v == 0xFFFF_FFFF else { return true }
                            guard f + 8 <= fieldEnd else { return false }
                            v = le64(directory, f)
                            f += 8
                            return true
                        }
                        found = take(&part.uncompressedSize) && take(&part.compressedSize) && take(&part.headerOffset)
                        break
                    }
                    e += 4 + length
                }
                guard found else { throw WorkbookError(.damagedZip("a ZIP64 size or offset is missing")) }
            }
            p = next
            if part.name.hasSuffix("/") { continue }
            let key = part.name.lowercased()
            if out.parts[key] == nil { out.parts[key] = part }
        }
        return out
    }

    /// Where the bytes of `part` start, from its local header; checks that they lie within the file.
    static func dataOffset(of part: ZipPart, in file: WorkbookFile) throws(WorkbookError) -> UInt64 {
        let header = part.headerOffset < file.size ? file.bytes(at: part.headerOffset, count: 30) : []
        guard header.count == 30, le32(header, 0) == 0x0403_4B50 else {
            throw WorkbookError(.damagedZip("the local header of \(WorkbookError.quoted(part.name)) is missing"))
        }
        let start = part.headerOffset + 30 + UInt64(le16(header, 26)) + UInt64(le16(header, 28))
        guard start <= file.size, part.compressedSize <= file.size - start else {
            throw WorkbookError(.damagedZip("the data of \(WorkbookError.quoted(part.name)) runs past the end of the file"))
        }
        return start
    }

    static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
}
