import Testing
import ScorecardCore
@testable import Ingest

@Suite struct DatePatternTests {
    static func parse(_ s: String, _ pattern: String) -> Day? {
        guard let p = DatePattern(pattern) else { return nil }
        return Array(s.utf8).withUnsafeBufferPointer { p.parse($0) }
    }

    @Test(arguments: [
        ("2026-03-02", "yyyy-MM-dd", "2026-03-02"),
        ("2017-10-02 10:56:33", "yyyy-MM-dd", "2017-10-02"),
        ("2026-11-03T08:00:00Z", "yyyy-MM-dd", "2026-11-03"),
        ("02.03.2026 09:15:00", "dd.MM.yyyy HH:mm:ss", "2026-03-02"),
        ("02.03.2026", "dd.MM.yyyy", "2026-03-02"),
        ("3/2/26", "M/d/yy", "2026-03-02"),
        ("12/31/26 22:56", "M/d/yy", "2026-12-31"),
        ("2-Mar-26", "d-MMM-yy", "2026-03-02"),
        ("02-MAR-26", "d-MMM-yy", "2026-03-02"),
        ("2-march-2026", "d-MMM-yyyy", "2026-03-02"),
        ("29.02.2024", "dd.MM.yyyy", "2024-02-29"),
        ("20260302", "yyyyMMdd", "2026-03-02"),
    ])
    func parses(text: String, pattern: String, iso: String) {
        #expect(Self.parse(text, pattern) == Day(iso: iso))
    }

    @Test(arguments: [
        ("Date Not Captured", "yyyy-MM-dd"), ("", "yyyy-MM-dd"), ("2026-02-30", "yyyy-MM-dd"), ("2026-13-01", "yyyy-MM-dd"),
        ("2026-03-02x", "yyyy-MM-dd"), ("02.03.2026", "yyyy-MM-dd"), ("2026/03/02", "yyyy-MM-dd"), ("2-Mzr-26", "d-MMM-yy"),
        ("29.02.2026", "dd.MM.yyyy"),
    ])
    func rejects(text: String, pattern: String) {
        #expect(Self.parse(text, pattern) == nil)
    }

    @Test(arguments: ["", "yyyy-MM", "MM-dd", "yyy-MM-dd", "yyyy-MM-dd-dd", "yyyy-MMMM-dd"])
    func invalidPatterns(pattern: String) {
        #expect(DatePattern(pattern) == nil)
    }
}
