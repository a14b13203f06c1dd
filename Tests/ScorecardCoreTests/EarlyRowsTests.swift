import ScorecardCore
import Testing

/// Which rows before the report window are warned about on stderr (likely typos) and which are only
/// noted on the data-quality page (history).
struct EarlyRowsTests {
    let asOf = Day(iso: "2026-11-15")!

    func rows(_ count: Int, earliest: String) -> EarlyRows {
        EarlyRows(source: .orders, count: count, earliest: Day(iso: earliest)!,
                  location: SourceLocation(file: "orders.csv", line: 5, source: .orders))
    }

    @Test(arguments: [
        // At most 1 % of the used rows: a few rows, likely typos.
        (1, 100, "2025-01-01", true),
        (10, 1000, "2025-01-01", true),
        // More than 1 %: history.
        (2, 100, "2025-01-01", false),
        (60068, 200_000, "2025-01-01", false),
        // More than 50 years before A is a mistyped year, however many rows there are.
        (5000, 10_000, "1976-11-14", true),
        (5000, 10_000, "0026-05-18", true),
        // Exactly 50 years before A is not "more than".
        (5000, 10_000, "1976-11-15", false),
    ])
    func mistakeOrHistory(count: Int, used: Int, earliest: String, mistake: Bool) {
        #expect(rows(count, earliest: earliest).isLikelyMistake(usedRows: used, asOf: asOf) == mistake)
    }

    @Test func addingYearsKeepsMonthAndDay() {
        #expect(Day(iso: "2026-11-15")!.addingYears(-1) == Day(iso: "2025-11-15"))
        #expect(Day(iso: "2024-02-29")!.addingYears(-1) == Day(iso: "2023-02-28"))
        #expect(Day(iso: "2024-02-29")!.addingYears(4) == Day(iso: "2028-02-29"))
        #expect(Day(iso: "2026-11-15")!.addingYears(-50) == Day(iso: "1976-11-15"))
    }
}
