/// The workbook's shared string table: every string once, in one buffer, trimmed, with `_xHHHH_` escapes
/// decoded. Memory is its text plus 8 bytes a string.
///
/// A string longer than a row may be (1 MiB) is kept only up to just over that length: any row using it
/// is rejected as too long anyway, so a hostile string costs no more than a real one.
final class SharedStrings: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var length = 0
    private var ends: [Int] = []

    static let keptBytes = CSVReader.maxRecordBytes + 1

    init() {
        capacity = 1 << 12
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var count: Int { ends.count }

    /// String `k`; `k` must be below `count`.
    @inline(__always)
    func string(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        let start = k == 0 ? 0 : ends[k - 1]
        return UnsafeBufferPointer(start: storage + start, count: ends[k] - start)
    }

    /// Appends the next string.
    func append(_ text: [UInt8]) {
        var t = CellText.finished(text[...])
        if t.count > Self.keptBytes { t = Array(t.prefix(Self.keptBytes)) }
        reserve(t.count)
        t.withUnsafeBufferPointer { (storage + length).update(from: $0.baseAddress!, count: $0.count) }
        length += t.count
        ends.append(length)
    }

    private func reserve(_ extra: Int) {
        guard length + extra > capacity else { return }
        var c = capacity * 2
        while c < length + extra { c *= 2 }
        let s = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        s.update(from: storage, count: length)
        storage.deallocate()
        storage = s
        capacity = c
    }
}
