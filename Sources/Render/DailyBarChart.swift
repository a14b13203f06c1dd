import Metrics

/// An inline SVG chart of a campaign's days: units ordered (solid bars) next to units shipped on time
/// (hatched bars), with a title, axis titles, tick labels and a legend. The numbers are also in a table.
struct DailyBarChart: Sendable {
    var id: String
    var title: String
    var days: [CampaignDay]

    static let width = 640.0, height = 280.0
    static let left = 64.0, right = 16.0, top = 40.0, bottom = 52.0
    static let ordered = "#1f4e79", onTime = "#a04000"

    func markup(_ formatter: ValueFormatter) -> String {
        let N = Markup.number
        let plotW = Self.width - Self.left - Self.right
        let plotH = Self.height - Self.top - Self.bottom
        let scale = ChartScale(covering: days.flatMap { [$0.orderedUnits, $0.onTimeShippedUnits] }, floorAtZero: true)
        let n = max(days.count, 1)
        let slot = plotW / Double(n)
        let bar = max(0.5, slot * 0.4)
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - scale.fraction(v)) }
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(Self.width)) \(N(Self.height))\" "
        s += "role=\"img\" aria-labelledby=\"\(id)-title\">"
        s += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        s += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        s += "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Self.onTime)\" stroke-width=\"4\"/></pattern></defs>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(N(Self.width))\" height=\"\(N(Self.height))\" fill=\"#ffffff\"/>"
        for t in scale.ticks {
            s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(y(t)))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(y(t)))\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
            s += "<text x=\"\(N(Self.left - 6))\" y=\"\(N(y(t) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">\(Markup.escape(formatter.quantity(t)))</text>"
        }
        for (i, day) in days.enumerated() {
            let x0 = Self.left + slot * Double(i) + (slot - 2 * bar) / 2
            let base = y(scale.low)
            let ho = max(0, base - y(day.orderedUnits)), hs = max(0, base - y(day.onTimeShippedUnits))
            s += "<rect x=\"\(N(x0))\" y=\"\(N(base - ho))\" width=\"\(N(bar))\" height=\"\(N(ho))\" fill=\"\(Self.ordered)\"/>"
            s += "<rect x=\"\(N(x0 + bar))\" y=\"\(N(base - hs))\" width=\"\(N(bar))\" height=\"\(N(hs))\" fill=\"url(#\(id)-hatch)\" stroke=\"\(Self.onTime)\" stroke-width=\"1\"/>"
        }
        s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(Self.top))\" x2=\"\(N(Self.left))\" y2=\"\(N(Self.top + plotH))\" stroke=\"#333333\" stroke-width=\"1\"/>"
        s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(Self.top + plotH))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(Self.top + plotH))\" stroke=\"#333333\" stroke-width=\"1\"/>"
        // Day-of-month labels, thinned to about one per 30 px; the first day of a month shows the month too.
        let every = max(1, Int((Double(days.count) * 30 / plotW).rounded(.up)))
        for (i, day) in days.enumerated() where i % every == 0 {
            let c = day.day.civil
            let label = i == 0 || c.day == 1 ? "\(c.day)/\(c.month)" : "\(c.day)"
            s += "<text x=\"\(N(Self.left + slot * (Double(i) + 0.5)))\" y=\"\(N(Self.top + plotH + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333333\">\(label)</text>"
        }
        if days.isEmpty {
            s += "<text x=\"\(N(Self.left + plotW / 2))\" y=\"\(N(Self.top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">No order days yet</text>"
        }
        s += "<text x=\"\(N(Self.left + plotW / 2))\" y=\"\(N(Self.height - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">Order date (day/month)</text>"
        s += "<text x=\"14\" y=\"\(N(Self.top + plotH / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\" "
        s += "transform=\"rotate(-90 14 \(N(Self.top + plotH / 2)))\">Units</text>"
        s += "<rect x=\"\(N(Self.left))\" y=\"9\" width=\"14\" height=\"12\" fill=\"\(Self.ordered)\"/>"
        s += "<text x=\"\(N(Self.left + 20))\" y=\"20\" font-size=\"12\" fill=\"#1a1a1a\">Units ordered</text>"
        s += "<rect x=\"\(N(Self.left + 130))\" y=\"9\" width=\"14\" height=\"12\" fill=\"url(#\(id)-hatch)\" stroke=\"\(Self.onTime)\" stroke-width=\"1\"/>"
        s += "<text x=\"\(N(Self.left + 150))\" y=\"20\" font-size=\"12\" fill=\"#1a1a1a\">Units shipped on time</text>"
        return s + "</svg>"
    }
}
