import Testing
import ScorecardCore

@Suite struct StringClippedTests {
    @Test func shortTextIsKept() {
        #expect("abc".clipped(toUTF8: 80) == "abc")
        #expect(String(repeating: "x", count: 80).clipped(toUTF8: 80).utf8.count == 80)
    }

    @Test func longTextEndsInAnEllipsisWithinTheLimit() {
        let clipped = String(repeating: "x", count: 10_000).clipped(toUTF8: 80)
        #expect(clipped == String(repeating: "x", count: 77) + "…")
    }

    /// One `Character` can hold thousands of combining marks: clipping counts bytes, not characters.
    @Test func combiningMarksCannotMakeAClippedValueLong() {
        let zalgo = "e" + String(repeating: "\u{0301}", count: 10_000)
        #expect(zalgo.count == 1)
        let clipped = zalgo.clipped(toUTF8: 80)
        #expect(clipped.utf8.count <= 80)
        #expect(clipped.hasSuffix("…"))
    }

    @Test func multiByteScalarsAreNeverSplit() {
        let clipped = String(repeating: "é", count: 100).clipped(toUTF8: 80)
        #expect(clipped.utf8.count <= 80)
        #expect(clipped == String(repeating: "é", count: 38) + "…")
    }

    @Test func rejectionQuotesAtMost80Bytes() {
        #expect(Rejection.quoted(String(repeating: "🙂", count: 1000)).utf8.count <= Rejection.maxQuotedBytes)
    }
}
