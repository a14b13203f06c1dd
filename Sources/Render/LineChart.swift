/// An inline SVG line chart of a few series over periods, with a title, both axis titles, tick labels,
/// a legend, and an optional target line. Series differ by dash pattern and marker shape as well as
/// colour. The numbers are also in a table on the same page; the chart is a picture of them.
struct LineChart: Sendable {
    struct Series: Sendable {
        var name: String
        var values: [Double?]
        /// A fainter line: the same periods a year earlier, drawn in the colour of series `faintOf`.
        var faintOf: Int?

        init(name: String, values: [Double?], faintOf: Int? = nil) {
            self.name = name
            self.values = values
            self.faintOf = faintOf
        }
    }

    /// A shaded span of the x axis: a campaign's window, in period slots (slot `i` runs from `i` to
    /// `i + 1`; fractions for the days of a week or month).
    struct Band: Sendable {
        var from: Double
        var to: Double
        var label: String
        /// Said in the chart's description: `C-17 (2026-11-20 to 2026-11-30)`.
        var description: String
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
    /// Campaign windows shaded behind the lines, labelled with the campaign id.
    var bands: [Band] = []

    static let colours = ["#1f4e79", "#a04000", "#2e6b30"]
    static let dashes = ["", "6 4", "2 3"]
    static let referenceColour = "#6a1b9a", referenceDash = "8 3 2 3"
    static let faintDash = "3 3", bandFill = "#f2e2b8"

    /// The text alternative beyond the title: the year-earlier line and the shaded campaigns.
    var description: String {
        var parts: [String] = []
        let faint = series.filter { $0.faintOf != nil }.map(\.name)
        if !faint.isEmpty { parts.append("A fainter line shows \(faint.joined(separator: " and ")).") }
        if !bands.isEmpty {
            parts.append("Shaded: the window\(bands.count == 1 ? "" : "s") of campaign\(bands.count == 1 ? "" : "s") "
                + bands.map(\.description).joined(separator: ", ") + ".")
        }
        return parts.joined(separator: " ")
    }

    /// Both drawings, wide and narrow (`ChartLayout`); the stylesheet shows one.
    func markup(_ formatter: ValueFormatter) -> String {
        ChartLayout.both.map { markup(formatter, layout: $0) }.joined()
    }

    func markup(_ formatter: ValueFormatter, layout L: ChartLayout) -> String {
        // Legend: the series, then the reference line with its label (kept off the plot, where it would
        // cover the values near it).
        var legendNames = series.map(\.name)
        if let reference { legendNames.append(reference.label) }
        // A name longer than a legend row (a long category name on a phone) is cut with "…"; the chart's
        // description and the table below it give it whole.
        let fits = max(8, Int((L.width - L.left - L.right - 34) / ChartLayout.legendChar))
        legendNames = legendNames.map { $0.count > fits ? String($0.prefix(fits - 1)) + "…" : $0 }
        let places = L.legend(legendNames.map(\.count))
        let rows = (places.map(\.row).max() ?? 0) + 1
        let top = L.top(legendRows: rows)
        let height = L.height + ChartLayout.legendRow * Double(rows - 1)
        let plotW = L.width - L.left - L.right
        let plotH = height - top - L.bottom
        var all = series.flatMap { $0.values.compactMap { $0 } }
        if let reference { all.append(reference.value) }
        // Not from zero: a fill rate moving between 93 % and 97 % must be visible; the axis is labelled.
        let scale = ChartScale(covering: all, floorAtZero: false)
        let n = max(labels.count, 1)
        func x(_ i: Int) -> Double { L.left + plotW * (Double(i) + 0.5) / Double(n) }
        func y(_ v: Double) -> Double { top + plotH * (1 - scale.fraction(v)) }
        let N = Markup.number
        let id = self.id + L.idSuffix
        var s = "<svg class=\"chart \(L.cssClass)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(L.width)) \(N(height))\" "
        let description = self.description
        s += "role=\"img\" aria-labelledby=\"\(id)-title\"" + (description.isEmpty ? "" : " aria-describedby=\"\(id)-desc\"") + ">"
        s += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        if !description.isEmpty { s += "<desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>" }
        s += "<rect x=\"0\" y=\"0\" width=\"\(N(L.width))\" height=\"\(N(height))\" fill=\"#ffffff\"/>"
        // Campaign windows behind everything else, each labelled at the top of the plot (four label rows,
        // so neighbouring windows' labels do not overlap).
        if !bands.isEmpty {
            func bx(_ slot: Double) -> Double { L.left + plotW * Swift.min(Swift.max(slot, 0), Double(n)) / Double(n) }
            s += "<path d=\"" + bands.map { b in
                "M\(N(bx(b.from))) \(N(top)) H\(N(Swift.max(bx(b.to), bx(b.from) + 1))) V\(N(top + plotH)) H\(N(bx(b.from))) Z"
            }.joined(separator: " ") + "\" fill=\"\(Self.bandFill)\" fill-opacity=\"0.6\"/>"
            s += "<g font-size=\"10\" fill=\"#333333\">"
            for (i, b) in bands.enumerated() {
                s += "<text x=\"\(N(bx(b.from) + 2))\" y=\"\(N(top + 11 + 11 * Double(i % 4)))\">\(Markup.escape(b.label))</text>"
            }
            s += "</g>"
        }
        // Grid and value axis: one path for the grid lines, one group for their labels (few elements, as
        // every page carries two drawings of each chart).
        let step = scale.ticks.count > 1 ? scale.ticks[1] - scale.ticks[0] : 1
        s += "<path d=\"" + scale.ticks.map { "M\(N(L.left)) \(N(y($0))) H\(N(L.width - L.right))" }.joined(separator: " ")
        s += "\" fill=\"none\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
        s += "<g font-size=\"11\" fill=\"#333333\" text-anchor=\"end\">"
        for t in scale.ticks {
            s += "<text x=\"\(N(L.left - 6))\" y=\"\(N(y(t) + 4))\">\(Markup.escape(tickLabel(t, step: step, formatter)))</text>"
        }
        s += "</g>"
        s += "<path d=\"M\(N(L.left)) \(N(top)) V\(N(top + plotH)) H\(N(L.width - L.right))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>"
        // Period labels; thinned so they never overlap (about 7 units a character, 8 units apart).
        let widest = Double(labels.map(\.count).max() ?? 3)
        let every = max(1, Int((Double(labels.count) * max(44, widest * 7 + 8) / plotW).rounded(.up)))
        s += "<g font-size=\"11\" fill=\"#333333\" text-anchor=\"middle\">"
        for (i, label) in labels.enumerated() where i % every == 0 || i == labels.count - 1 {
            if i != labels.count - 1, labels.count - 1 - i < every { continue }
            s += "<text x=\"\(N(x(i)))\" y=\"\(N(top + plotH + 16))\">\(Markup.escape(label))</text>"
        }
        s += "</g>"
        // Axis titles.
        s += "<text x=\"\(N(L.left + plotW / 2))\" y=\"\(N(height - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(xTitle))</text>"
        s += "<text x=\"\(N(L.yTitleX))\" y=\"\(N(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\" "
        s += "transform=\"rotate(-90 \(N(L.yTitleX)) \(N(top + plotH / 2)))\">\(Markup.escape(yTitle))</text>"
        if let reference {
            let ry = y(reference.value)
            s += "<line x1=\"\(N(L.left))\" y1=\"\(N(ry))\" x2=\"\(N(L.width - L.right))\" y2=\"\(N(ry))\" stroke=\"\(Self.referenceColour)\" stroke-width=\"1.5\" stroke-dasharray=\"\(Self.referenceDash)\"/>"
        }
        // Series: a line through consecutive values (a gap where a value is null) and a marker per value.
        for (k, serie) in series.enumerated() {
            let (colour, dash) = style(k)
            var d = "", pen = false
            for (i, v) in serie.values.enumerated() {
                guard let v else { pen = false; continue }
                d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + "\(N(x(i))) \(N(y(v)))"
                pen = true
            }
            if !d.isEmpty {
                s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(serie.faintOf == nil ? "2" : "1.5")\""
                s += (serie.faintOf == nil ? "" : " stroke-opacity=\"0.55\"")
                s += (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
            }
            // A year earlier is a line only: markers are for this year's values.
            guard serie.faintOf == nil else { continue }
            let marks = serie.values.enumerated().compactMap { i, v in v.map { markerPath(k, x(i), y($0)) } }
            if !marks.isEmpty { s += "<path d=\"\(marks.joined(separator: " "))\" fill=\"\(colour)\"/>" }
        }
        if all.isEmpty || series.allSatisfy({ $0.values.allSatisfy { $0 == nil } }) {
            s += "<text x=\"\(N(L.left + plotW / 2))\" y=\"\(N(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">No values in these periods</text>"
        }
        // Legend: sample line, marker and name of each series; the reference line's sample and label.
        for (k, place) in places.enumerated() {
            let lx = place.x, ly = 16 + ChartLayout.legendRow * Double(place.row)
            if k < series.count {
                let (colour, dash) = style(k)
                let faint = series[k].faintOf != nil
                s += "<line x1=\"\(N(lx))\" y1=\"\(N(ly))\" x2=\"\(N(lx + 28))\" y2=\"\(N(ly))\" stroke=\"\(colour)\" stroke-width=\"\(faint ? "1.5" : "2")\""
                s += (faint ? " stroke-opacity=\"0.55\"" : "") + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                if !faint { s += "<path d=\"\(markerPath(k, lx + 14, ly))\" fill=\"\(colour)\"/>" }
            } else {
                s += "<line x1=\"\(N(lx))\" y1=\"\(N(ly))\" x2=\"\(N(lx + 28))\" y2=\"\(N(ly))\" stroke=\"\(Self.referenceColour)\" stroke-width=\"1.5\" stroke-dasharray=\"\(Self.referenceDash)\"/>"
            }
            s += "<text x=\"\(N(lx + 34))\" y=\"\(N(ly + 4))\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(legendNames[k]))</text>"
        }
        return s + "</svg>"
    }

    /// The colour and dash pattern of series `k`: its own, or, for a year-earlier line, its series'
    /// colour with a short dash.
    func style(_ k: Int) -> (colour: String, dash: String) {
        if let main = series[k].faintOf { return (Self.colours[main % Self.colours.count], Self.faintDash) }
        let own = series[..<k].filter { $0.faintOf == nil }.count
        return (Self.colours[own % Self.colours.count], Self.dashes[own % Self.dashes.count])
    }

    /// Path data of one marker: a circle, a square or a triangle, so series are told apart without colour;
    /// a series' markers are one path.
    func markerPath(_ k: Int, _ x: Double, _ y: Double) -> String {
        let N = Markup.number
        switch k % 3 {
        case 0: return "M\(N(x - 3.5)) \(N(y)) a3.5 3.5 0 1 0 7 0 a3.5 3.5 0 1 0 -7 0 Z"
        case 1: return "M\(N(x - 3.5)) \(N(y - 3.5)) h7 v7 h-7 Z"
        default: return "M\(N(x)) \(N(y - 4.5)) L\(N(x + 4.5)) \(N(y + 3.5)) L\(N(x - 4.5)) \(N(y + 3.5)) Z"
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
