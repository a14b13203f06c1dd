/// One small chart of a set drawn on the same scale: one value's 13-week promotional fill rate beside the
/// others', so a reader compares the shapes and the levels at a glance. No legend: the title names the
/// value; the target is a dashed line; the latest week is marked; gaps where the rate is `null`.
struct SmallMultiple: Sendable {
    var id: String
    var title: String
    var values: [Double?]
    /// The periods of `values` (`2026-W46`).
    var periods: [String]
    /// Shared by every chart of the set.
    var scale: ChartScale
    var target: Double?

    static let width = 240.0, height = 110.0, left = 40.0, right = 8.0, top = 8.0, bottom = 18.0

    /// The text alternative: the first and the latest value, the lowest and the highest.
    func summary(_ f: ValueFormatter) -> String {
        Sparkline(id: id, label: title, values: values, periods: periods, kind: .percent).summary(f)
    }

    func markup(_ f: ValueFormatter) -> String {
        let N = Markup.number
        let plotW = Self.width - Self.left - Self.right, plotH = Self.height - Self.top - Self.bottom
        let n = Swift.max(values.count, 1)
        func x(_ i: Int) -> Double { Self.left + plotW * (Double(i) + 0.5) / Double(n) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - Swift.min(Swift.max(scale.fraction(v), 0), 1)) }
        var s = "<svg class=\"multiple\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(Self.width)) \(N(Self.height))\" "
        s += "role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(Markup.escape(summary(f)))</title>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(N(Self.width))\" height=\"\(N(Self.height))\" fill=\"#ffffff\"/>"
        // The scale's ends, labelled, and the plot's frame.
        s += "<path d=\"M\(N(Self.left)) \(N(Self.top)) H\(N(Self.width - Self.right)) M\(N(Self.left)) \(N(Self.top + plotH)) H\(N(Self.width - Self.right))\" "
        s += "fill=\"none\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
        s += "<g font-size=\"10\" fill=\"#333333\" text-anchor=\"end\">"
        s += "<text x=\"\(N(Self.left - 4))\" y=\"\(N(Self.top + 4))\">\(Markup.escape(f.targetPercent(scale.high)))</text>"
        s += "<text x=\"\(N(Self.left - 4))\" y=\"\(N(Self.top + plotH + 3))\">\(Markup.escape(f.targetPercent(scale.low)))</text></g>"
        if let first = periods.first, let last = periods.last {
            s += "<g font-size=\"10\" fill=\"#333333\"><text x=\"\(N(Self.left))\" y=\"\(N(Self.height - 4))\">\(Markup.escape(String(first.suffix(3))))</text>"
            s += "<text x=\"\(N(Self.width - Self.right))\" y=\"\(N(Self.height - 4))\" text-anchor=\"end\">\(Markup.escape(String(last.suffix(3))))</text></g>"
        }
        if let target {
            s += "<line x1=\"\(N(Self.left))\" y1=\"\(N(y(target)))\" x2=\"\(N(Self.width - Self.right))\" y2=\"\(N(y(target)))\" "
            s += "stroke=\"\(LineChart.referenceColour)\" stroke-width=\"1\" stroke-dasharray=\"\(LineChart.referenceDash)\"/>"
        }
        var d = "", pen = false
        for (i, v) in values.enumerated() {
            guard let v, v.isFinite else { pen = false; continue }
            d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + "\(N(x(i))) \(N(y(v)))"
            pen = true
        }
        if !d.isEmpty { s += "<path d=\"\(d)\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1.8\"/>" }
        for (i, v) in values.enumerated() {
            // Every value a dot, so a week between two gaps shows too; the latest one larger.
            guard let v, v.isFinite else { continue }
            s += "<circle cx=\"\(N(x(i)))\" cy=\"\(N(y(v)))\" r=\"\(i == values.count - 1 ? "3" : "1.6")\" fill=\"#1f4e79\"/>"
        }
        if values.allSatisfy({ $0 == nil }) {
            s += "<text x=\"\(N(Self.left + plotW / 2))\" y=\"\(N(Self.top + plotH / 2))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333333\">no value</text>"
        }
        return s + "</svg>"
    }
}
