import ScorecardCore
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("2025-12-29", "2026-W01"), // Monday of ISO week 1 of 2026, still in December 2025
        ("2027-01-01", "2026-W53"), // Friday; 2026 has 53 ISO weeks
        ("2026-11-15", "2026-W46"),
        ("2021-01-03", "2020-W53"),
        ("2024-12-30", "2025-W01"),
    ])
    func isoWeekLabels(date: String, label: String) throws {
        #expect(try #require(Day(iso: date)).isoWeekLabel == label)
    }

    @Test func roundTripsCivilDates() throws {
        for raw in Int32(-800_000)...Int32(120_000) where raw % 37 == 0 {
            let d = Day(rawValue: raw)
            let c = d.civil
            #expect(Day(year: c.year, month: c.month, day: c.day) == d)
        }
        #expect(Day(iso: "1970-01-01")?.rawValue == 0)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2024-02-29")?.description == "2024-02-29")
    }

    @Test func periodsAndDays() throws {
        let asOf = try #require(Day(iso: "2026-11-18")) // a Wednesday
        let week = Period.week(containing: asOf)
        #expect(week.start.description == "2026-11-16")
        #expect(week.days(asOf: asOf) == 3) // Mon, Tue, Wed
        let month = Period.month(containing: asOf)
        #expect(month.label == "2026-11")
        #expect(month.end.description == "2026-11-30")
        #expect(month.days(asOf: asOf) == 18)
        let months = Period.all(.month, from: try #require(Day(iso: "2025-12-31")), through: asOf)
        #expect(months.map(\.label).first == "2025-12")
        #expect(months.count == 12)
    }
}

@Suite struct DiagnosticTests {
    @Test func isOneLineWithLocationSourceAndField() {
        let d = Diagnostic("date does not parse: order_date \"x\"",
                           at: SourceLocation(file: "orders.csv", line: 12, column: 3, source: .orders, field: "order_date"))
        #expect(d.description == "orders.csv:12:3: error: date does not parse: order_date \"x\" [orders.order_date]")
    }

    @Test func controlCharactersFromAnExportAreMadeVisible() {
        let d = Diagnostic("missing column sku; found \"a\nb\", \"\u{1B}[31mred\"", at: SourceLocation(file: "p.csv", line: 1))
        #expect(d.description == "p.csv:1: error: missing column sku; found \"a\\u{A}b\", \"\\u{1B}[31mred\"")
        #expect(!d.description.contains("\n"))
    }
}
