/// An inline SVG line chart of a few series over periods, with a title, both axis titles, tick labels,
/// a legend, and an optional target line. Series differ by dash pattern and marker shape as well as
/// colour. The numbers are also in a table on the same page; the chart is a picture of them.
struct LineChart: Sendable {
    struct Series: Sendable {
        var name: String
        var values: [Double?]
    }

    /// Unique on the page; prefixes the ids inside the SVG.
    var id: String
    var title: String
    var xTitle: String
    var yTitle: String
    /// One short label per period (`W46`).
    var labels: [String]
    var series: [Series]
    var kind: ValueKind
    var reference: (value: Double, label: String)?

    static let width = 640.0, height = 280.0
    static let left = 64.0, right = 16.0, top = 40.0, bottom = 52.0
    static let colours = ["#1f4e79", "#a04000", "#2e6b30"]
    static let dashes = ["", "6 4", "2 3"]

    func markup(_ formatter: ValueFormatter) -> String {
        let plotW = Self.width - Self.left - Self.right
        let plotH = Self.height - Self.top - Self.bottom
        var all = series.flatMap { $0.values.compactMap { $0 } }
        if let reference { all.append(reference.value) }
        // Not from zero: a fill rate moving between 93 % and 97 % must be visible; the axis is labelled.
        let scale = ChartScale(covering: all, floorAtZero: false)
        let n = max(labels.count, 1)
        func x(_ i: Int) -> Double { Self.left + plotW * (Double(i) + 0.5) / Double(n) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - scale.fraction(v)) }
        let N = Markup.number
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(Self.width)) \(N(Self.height))\" "
        s += "role=\"img\" aria-labelledby=\"\(id)-title\">"
        s += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(N(Self.width))\" height=\"\(N(Self.height))\" fill=\"#ffffff\"/>"
        // Grid and value axis.
        for t in scale.ticks {
            let ty = y(t)
            s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(ty))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(ty))\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
            s += "<text x=\"\(N(Self.left - 6))\" y=\"\(N(ty + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">"
            s += Markup.escape(tickLabel(t, step: scale.ticks.count > 1 ? scale.ticks[1] - scale.ticks[0] : 1, formatter)) + "</text>"
        }
        s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(Self.top))\" x2=\"\(N(Self.left))\" y2=\"\(N(Self.top + plotH))\" stroke=\"#333333\" stroke-width=\"1\"/>"
        s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(Self.top + plotH))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(Self.top + plotH))\" stroke=\"#333333\" stroke-width=\"1\"/>"
        // Period labels; thinned so they never overlap.
        let every = max(1, Int((Double(labels.count) * 44 / plotW).rounded(.up)))
        for (i, label) in labels.enumerated() where i % every == 0 || i == labels.count - 1 {
            if i != labels.count - 1, labels.count - 1 - i < every { continue }
            s += "<text x=\"\(N(x(i)))\" y=\"\(N(Self.top + plotH + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333333\">\(Markup.escape(label))</text>"
        }
        // Axis titles.
        s += "<text x=\"\(N(Self.left + plotW / 2))\" y=\"\(N(Self.height - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(xTitle))</text>"
        s += "<text x=\"14\" y=\"\(N(Self.top + plotH / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\" "
        s += "transform=\"rotate(-90 14 \(N(Self.top + plotH / 2)))\">\(Markup.escape(yTitle))</text>"
        if let reference {
            let ry = y(reference.value)
            s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(ry))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(ry))\" stroke=\"#6a1b9a\" stroke-width=\"1.5\" stroke-dasharray=\"8 3 2 3\"/>"
            s += "<text x=\"\(N(Self.width - Self.right - 4))\" y=\"\(N(ry - 5))\" text-anchor=\"end\" font-size=\"11\" fill=\"#6a1b9a\">\(Markup.escape(reference.label))</text>"
        }
        // Series: a line through consecutive values (a gap where a value is null) and a marker per value.
        for (k, serie) in series.enumerated() {
            let colour = Self.colours[k % Self.colours.count], dash = Self.dashes[k % Self.dashes.count]
            var d = "", pen = false
            for (i, v) in serie.values.enumerated() {
                guard let v else { pen = false; continue }
                d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + "\(N(x(i))) \(N(y(v)))"
                pen = true
            }
            if !d.isEmpty {
                s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
                s += (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
            }
            for (i, v) in serie.values.enumerated() {
                guard let v else { continue }
                s += marker(k, x(i), y(v), colour)
            }
        }
        if all.isEmpty || series.allSatisfy({ $0.values.allSatisfy { $0 == nil } }) {
            s += "<text x=\"\(N(Self.left + plotW / 2))\" y=\"\(N(Self.top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">No values in these periods</text>"
        }
        // Legend: sample line, marker and name.
        var lx = Self.left
        for (k, serie) in series.enumerated() {
            let colour = Self.colours[k % Self.colours.count], dash = Self.dashes[k % Self.dashes.count]
            s += "<line x1=\"\(N(lx))\" y1=\"16\" x2=\"\(N(lx + 28))\" y2=\"16\" stroke=\"\(colour)\" stroke-width=\"2\""
            s += (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
            s += marker(k, lx + 14, 16, colour)
            s += "<text x=\"\(N(lx + 34))\" y=\"20\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(serie.name))</text>"
            lx += 44 + Double(serie.name.count) * 6.5
        }
        return s + "</svg>"
    }

    /// Circle, square or triangle, so series are told apart without colour.
    func marker(_ k: Int, _ x: Double, _ y: Double, _ colour: String) -> String {
        let N = Markup.number
        switch k % 3 {
        case 0: return "<circle cx=\"\(N(x))\" cy=\"\(N(y))\" r=\"3.5\" fill=\"\(colour)\"/>"
        case 1: return "<rect x=\"\(N(x - 3.5))\" y=\"\(N(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\"/>"
        default: return "<path d=\"M\(N(x)) \(N(y - 4.5)) L\(N(x + 4.5)) \(N(y + 3.5)) L\(N(x - 4.5)) \(N(y + 3.5)) Z\" fill=\"\(colour)\"/>"
        }
    }

    func tickLabel(_ value: Double, step: Double, _ formatter: ValueFormatter) -> String {
        switch kind {
        case .percent, .signedPercent:
            // Whole percents when the step allows, so the axis is not cluttered with ".0".
            return step >= 0.01 ? formatter.targetPercent(value) : formatter.percent(value)
        case .money: return formatter.money(value)
        case .turns: return formatter.turns(value)
        case .quantity, .count: return formatter.quantity(value)
        case .days: return formatter.quantity(value)
        }
    }
}
