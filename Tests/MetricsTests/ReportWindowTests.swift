import Metrics
import ScorecardCore
import Testing

/// `report.max_weeks`: the reported weeks and months are bounded; rows before them still count.
@Suite struct ReportWindowTests {
    @Test func maxWeeksBoundsWeeksAndMonths() {
        var f = Fixture()
        f.product("P1", "Toys")
        f.line("O1", "2026-01-10", requested: "2026-01-12", "P1", qty: 1)
        f.line("O2", "2026-03-04", requested: "2026-03-04", "P1", qty: 1)
        f.config.report.maxWeeks = 2
        let r = f.report()
        // A = Wednesday 2026-03-04, its week starts Monday 03-02; two weeks back: Monday 02-23.
        #expect(r.weeks.map(\.period.label) == ["2026-W09", "2026-W10"])
        // The later of January (earliest order) and February (the first week's Monday).
        #expect(r.months.map(\.period.label) == ["2026-02", "2026-03"])
    }

    @Test func windowStartsAtTheEarlierOfFirstWeekAndFirstMonth() {
        // Earliest order Wednesday 2026-07-01: its week starts Monday 06-29, its month 07-01.
        let w = ReportWindow(firstOrder: day("2026-07-01"), asOf: day("2026-07-20"), maxWeeks: 260)
        #expect(w.firstWeek == day("2026-06-29"))
        #expect(w.firstMonth == day("2026-07-01"))
        #expect(w.firstDay == day("2026-06-29"))
        #expect(w.weeks.count == 4)
        #expect(w.months.map(\.label) == ["2026-07"])
        // Shortened: 260 weeks back from the as-of week's Monday 2026-07-20 is Monday 2021-08-02, in August 2021.
        let typo = ReportWindow(firstOrder: day("0026-05-18"), asOf: day("2026-07-20"), maxWeeks: 260)
        #expect(typo.firstWeek == day("2021-08-02"))
        #expect(typo.firstMonth == day("2021-08-01"))
        #expect(typo.weeks.count == 260)
        #expect(typo.months.count == 60) // 2021-08 … 2026-07: 5 months of 2021, 48 of 2022–2025, 7 of 2026
    }

    /// One mistyped year far in the past changes no reported figure and no array size.
    @Test func aMistypedYearChangesNoReportedFigure() {
        func fixture(typo: Bool) -> Report {
            var f = Fixture()
            f.product("P1", "Toys", cost: 2, list: 3)
            f.campaign("C1", "2026-03-01", "2026-03-31")
            f.item("C1", sku: "P1", planned: 10)
            let a = f.line("O1", "2026-03-02", requested: "2026-03-04", "P1", qty: 4, price: 5)
            f.deliver(a, "2026-03-03", 3)
            let b = f.line("O2", "2026-02-20", requested: "2026-02-23", "P1", qty: 2)
            f.deliver(b, "2026-02-23", 2)
            f.snapshot("2026-03-01", "P1", 7)
            f.plan("2026-03-02", "P1", 5)
            if typo {
                let t = f.line("O3", "0026-03-02", requested: "0026-03-04", "P1", qty: 9)
                f.deliver(t, "0026-03-03", 9)
            }
            f.asOf = "2026-03-08"
            return f.report()
        }
        let clean = fixture(typo: false), typo = fixture(typo: true)
        #expect(typo.weeks.count == 260)
        #expect(typo.weeks.last?.period.label == "2026-W10")
        // Every week the clean report has, the shortened one has with the same figures.
        for w in clean.weeks {
            #expect(typo.week(w.period.label) == w, "\(w.period.label)")
        }
        #expect(clean.month("2026-03") == typo.month("2026-03"))
        // The early line still counts where no period is involved: the campaign is unchanged (not
        // promotional: 0026 is outside it), the category's window too.
        #expect(clean.campaigns == typo.campaigns)
    }
}
