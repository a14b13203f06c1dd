import Testing
@testable import Ingest

@Suite struct ByteKeyTableTests {
    /// 300,000 keys grow the table past the size where its slots are mapped with huge pages.
    @Test func findsEveryKeyAfterGrowing() {
        var table = ByteKeyTable(capacity: 4)
        let n = 300_000
        for k in 0..<n {
            let r = Array("SO\(k)".utf8).withUnsafeBufferPointer { table.insert($0, value: Int32(k)) }
            #expect(r.inserted, "SO\(k)")
        }
        var wrong = 0
        for k in 0..<n where Array("SO\(k)".utf8).withUnsafeBufferPointer({ table.find($0) }) != Int32(k) { wrong += 1 }
        #expect(wrong == 0)
        #expect(Array("SO\(n)".utf8).withUnsafeBufferPointer { table.find($0) } == nil)
        #expect(Array("SO7".utf8).withUnsafeBufferPointer { table.insert($0, value: -5) } == (7, false))
        // The empty key is a key like any other.
        #expect([UInt8]().withUnsafeBufferPointer { table.insert($0, value: 42) } == (42, true))
        #expect([UInt8]().withUnsafeBufferPointer { table.find($0) } == 42)
        #expect(table.count == n + 1)
    }

    @Test func copiesDoNotShareInsertions() {
        var a = ByteKeyTable()
        _ = Array("x".utf8).withUnsafeBufferPointer { a.insert($0, value: 1) }
        var b = a
        _ = Array("y".utf8).withUnsafeBufferPointer { b.insert($0, value: 2) }
        #expect(Array("y".utf8).withUnsafeBufferPointer { a.find($0) } == nil)
        #expect(Array("y".utf8).withUnsafeBufferPointer { b.find($0) } == 2)
        #expect(Array("x".utf8).withUnsafeBufferPointer { b.find($0) } == 1)
    }
}
