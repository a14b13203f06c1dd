import Testing
@testable import Render

/// Legend names stay inside the drawing: a name too long for a row is cut with "…" (the description
/// and the table give it whole), and short names are left alone.
@Suite struct LineChartLegendTests {
    static func chart(_ name: String) -> LineChart {
        LineChart(id: "c", title: "T", xTitle: "Week", yTitle: "Rate", labels: ["W1", "W2"],
                  series: [.init(name: "Promoted", values: [0.5, 0.6]), .init(name: name, values: [0.4, nil], faintOf: 0)],
                  kind: .percent, reference: nil)
    }

    @Test func aLongNameIsCutToTheRow() {
        let long = String(repeating: "Nuts & Dried Fruit ", count: 4) + "a year earlier"
        let f = ValueFormatter(currency: "EUR")
        // Narrow: (360 − 56 − 10 − 34) / 7.2 = 36 characters, the last of them "…".
        let narrow = Self.chart(long).markup(f, layout: .narrow)
        #expect(narrow.contains(">Nuts &amp; Dried Fruit Nuts &amp; Dried Fru…</text>"))
        // Wide: (560 − 60 − 14 − 34) / 7.2 = 62 characters.
        let wide = Self.chart(long).markup(f, layout: .wide)
        #expect(wide.contains(">" + String(long.prefix(61)).replacingOccurrences(of: "&", with: "&amp;") + "…</text>"))
        #expect(Self.chart(long).description.contains(long))
    }

    @Test func aNameThatFitsIsWhole() {
        let svg = Self.chart("Promoted, a year earlier").markup(ValueFormatter(currency: "EUR"), layout: .narrow)
        #expect(svg.contains(">Promoted, a year earlier</text>"))
    }
}
