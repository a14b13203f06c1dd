import Testing
@testable import Render

@Suite struct ValueFormatterTests {
    let eur = ValueFormatter(currency: "EUR")

    @Test(arguments: [
        (0.931, "93.1 %"),
        (0.93149, "93.1 %"),
        (0.93151, "93.2 %"),  // 93.151 rounds up at one decimal
        (1.0, "100.0 %"),
        (0, "0.0 %"),
        (12.345, "1,234.5 %"),  // thousands separators apply to percentages too
    ])
    func percentages(value: Double, text: String) {
        #expect(eur.percent(value) == text)
    }

    @Test func nullIsADash() {
        #expect(eur.percent(nil) == "\u{2014}")
        #expect(eur.money(nil) == "\u{2014}")
        #expect(eur.quantity(nil) == "\u{2014}")
        #expect(eur.turns(nil) == "\u{2014}")
        #expect(eur.change(from: nil, to: 0.5, as: .percent) == "\u{2014}")
    }

    @Test(arguments: [
        (1234567.891, "EUR 1,234,567.89"),
        (0.005, "EUR 0.01"),  // half a cent rounds away from zero
        (999.999, "EUR 1,000.00"),
        (-12.5, "\u{2212}EUR 12.50"),
        (0, "EUR 0.00"),
    ])
    func money(value: Double, text: String) {
        #expect(eur.money(value) == text)
    }

    @Test func moneyWithoutCurrency() {
        #expect(ValueFormatter(currency: nil).money(1234.5) == "1,234.50")
    }

    @Test(arguments: [
        (12345.0, "12,345"),
        (12.5, "12.5"),
        (0.1 + 0.2, "0.3"),  // binary noise of a sum does not show
        (1000000.25, "1,000,000.25"),
        (0, "0"),
    ])
    func quantities(value: Double, text: String) {
        #expect(eur.quantity(value) == text)
    }

    @Test func targets() {
        #expect(eur.targetPercent(0.95) == "95 %")
        #expect(eur.targetPercent(0.955) == "95.5 %")
        #expect(eur.targetPercent(0.05) == "5 %")
    }

    @Test func changes() {
        // 0.931 − 0.95 = −0.019 → −1.9 percentage points.
        #expect(eur.change(from: 0.95, to: 0.931, as: .percent) == "\u{2212}1.9 pts")
        #expect(eur.change(from: 0.5, to: 0.5, as: .percent) == "\u{00B1}0.0 pts")
        // 2,000 − 1,000 = +1,000 money.
        #expect(eur.change(from: 1000, to: 2000, as: .money) == "+EUR 1,000.00")
        #expect(eur.change(from: 3, to: 1, as: .count) == "\u{2212}2")
        #expect(eur.turns(8.25) == "8.3")
    }

    @Test func absurdValuesDoNotCrash() {
        #expect(eur.money(1e300) != "")
        #expect(eur.quantity(.infinity) == "\u{221E}")
        #expect(eur.percent(.nan) == "\u{2014}")
    }
}
