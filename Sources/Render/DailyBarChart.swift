import Metrics

/// An inline SVG chart of a campaign's days: units ordered (solid bars) next to units shipped on time
/// (hatched bars), with a title, axis titles, tick labels and a legend. The numbers are also in a table.
struct DailyBarChart: Sendable {
    var id: String
    var title: String
    var days: [CampaignDay]

    static let ordered = "#1f4e79", onTime = "#a04000"
    static let legendNames = ["Units ordered", "Units shipped on time"]

    /// Both drawings, wide and narrow (`ChartLayout`); the stylesheet shows one.
    func markup(_ formatter: ValueFormatter) -> String {
        ChartLayout.both.map { markup(formatter, layout: $0) }.joined()
    }

    func markup(_ formatter: ValueFormatter, layout L: ChartLayout) -> String {
        let N = Markup.number
        let places = L.legend(Self.legendNames.map(\.count))
        let rows = (places.map(\.row).max() ?? 0) + 1
        let top = L.top(legendRows: rows)
        let height = L.height + ChartLayout.legendRow * Double(rows - 1)
        let plotW = L.width - L.left - L.right
        let plotH = height - top - L.bottom
        let scale = ChartScale(covering: days.flatMap { [$0.orderedUnits, $0.onTimeShippedUnits] }, floorAtZero: true)
        let n = max(days.count, 1)
        let slot = plotW / Double(n)
        let bar = max(0.5, slot * 0.4)
        func y(_ v: Double) -> Double { top + plotH * (1 - scale.fraction(v)) }
        let id = self.id + L.idSuffix
        var s = "<svg class=\"chart \(L.cssClass)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(L.width)) \(N(height))\" "
        s += "role=\"img\" aria-labelledby=\"\(id)-title\">"
        s += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        s += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        s += "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Self.onTime)\" stroke-width=\"4\"/></pattern></defs>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(N(L.width))\" height=\"\(N(height))\" fill=\"#ffffff\"/>"
        // Grid lines as one path and their labels in one group; each series' bars as one path (a campaign
        // may have hundreds of days, and every page carries two drawings of the chart).
        s += "<path d=\"" + scale.ticks.map { "M\(N(L.left)) \(N(y($0))) H\(N(L.width - L.right))" }.joined(separator: " ")
        s += "\" fill=\"none\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
        s += "<g font-size=\"11\" fill=\"#333333\" text-anchor=\"end\">"
        for t in scale.ticks {
            s += "<text x=\"\(N(L.left - 6))\" y=\"\(N(y(t) + 4))\">\(Markup.escape(formatter.quantity(t)))</text>"
        }
        s += "</g>"
        var ordered: [String] = [], onTime: [String] = []
        let base = y(scale.low)
        for (i, day) in days.enumerated() {
            let x0 = L.left + slot * Double(i) + (slot - 2 * bar) / 2
            let ho = max(0, base - y(day.orderedUnits)), hs = max(0, base - y(day.onTimeShippedUnits))
            if ho > 0 { ordered.append("M\(N(x0)) \(N(base - ho)) h\(N(bar)) v\(N(ho)) h-\(N(bar)) Z") }
            if hs > 0 { onTime.append("M\(N(x0 + bar)) \(N(base - hs)) h\(N(bar)) v\(N(hs)) h-\(N(bar)) Z") }
        }
        if !ordered.isEmpty { s += "<path d=\"\(ordered.joined(separator: " "))\" fill=\"\(Self.ordered)\"/>" }
        if !onTime.isEmpty {
            s += "<path d=\"\(onTime.joined(separator: " "))\" fill=\"url(#\(id)-hatch)\" stroke=\"\(Self.onTime)\" stroke-width=\"1\"/>"
        }
        s += "<path d=\"M\(N(L.left)) \(N(top)) V\(N(top + plotH)) H\(N(L.width - L.right))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>"
        // Day-of-month labels, thinned to about one per 30 units; the first day of a month shows the month too.
        let every = max(1, Int((Double(days.count) * 30 / plotW).rounded(.up)))
        s += "<g font-size=\"11\" fill=\"#333333\" text-anchor=\"middle\">"
        for (i, day) in days.enumerated() where i % every == 0 {
            let c = day.day.civil
            let label = i == 0 || c.day == 1 ? "\(c.day)/\(c.month)" : "\(c.day)"
            s += "<text x=\"\(N(L.left + slot * (Double(i) + 0.5)))\" y=\"\(N(top + plotH + 16))\">\(label)</text>"
        }
        s += "</g>"
        if days.isEmpty {
            s += "<text x=\"\(N(L.left + plotW / 2))\" y=\"\(N(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">No order days yet</text>"
        }
        s += "<text x=\"\(N(L.left + plotW / 2))\" y=\"\(N(height - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">Order date (day/month)</text>"
        s += "<text x=\"\(N(L.yTitleX))\" y=\"\(N(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\" "
        s += "transform=\"rotate(-90 \(N(L.yTitleX)) \(N(top + plotH / 2)))\">Units</text>"
        // Legend: a solid and a hatched swatch.
        for (k, place) in places.enumerated() {
            let lx = place.x, ly = 16 + ChartLayout.legendRow * Double(place.row)
            let fill = k == 0 ? "fill=\"\(Self.ordered)\"" : "fill=\"url(#\(id)-hatch)\" stroke=\"\(Self.onTime)\" stroke-width=\"1\""
            s += "<rect x=\"\(N(lx + 7))\" y=\"\(N(ly - 7))\" width=\"14\" height=\"12\" \(fill)/>"
            s += "<text x=\"\(N(lx + 34))\" y=\"\(N(ly + 4))\" font-size=\"12\" fill=\"#1a1a1a\">\(Self.legendNames[k])</text>"
        }
        return s + "</svg>"
    }
}
