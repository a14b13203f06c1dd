import Testing
@testable import Ingest

@Suite struct OrderLineIndexTests {
    static func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func resolvesPaddedAndNamedLinesAndRejectsDuplicates() {
        var index = OrderLineIndex()
        func insert(_ o: String, _ l: String, _ v: Int32) -> Int32? {
            Self.b(o).withUnsafeBufferPointer { op in Self.b(l).withUnsafeBufferPointer { index.insert(order: op, line: $0, value: v) } }
        }
        func find(_ o: String, _ l: String) -> Int32? {
            Self.b(o).withUnsafeBufferPointer { op in Self.b(l).withUnsafeBufferPointer { index.find(order: op, line: $0) } }
        }
        #expect(insert("4711", "000010", 0) == 0)       // order slot 0
        #expect(insert("4711", "000020", 1) == 0)
        #expect(insert("4712", "A", OrderLineIndex.ignored) == 1)
        #expect(insert("4711", "10", 2) == nil)          // the same line, written without padding
        #expect(insert("4711", "0", 3) == 0)
        #expect(find("4711", "10") == 0)
        #expect(find("4711", "020") == 1)
        #expect(find("4711", "0") == 3)
        #expect(find("4712", "A") == OrderLineIndex.ignored)
        #expect(find("4712", "B") == nil)
        #expect(find("4713", "10") == nil)
        // Dense order indices are given on first use only.
        #expect(index.useOrder(slot: 1) == 0)
        #expect(index.useOrder(slot: 0) == 1)
        #expect(index.useOrder(slot: 1) == 0)
        #expect(Self.b("4711").withUnsafeBufferPointer { index.usedOrder($0) } == 1)
        #expect(Self.b("9999").withUnsafeBufferPointer { index.usedOrder($0) } == nil)
    }
}
