/// A small inline SVG line of one figure over the last periods, for the headline tiles: no axes, the
/// latest value marked, gaps where the figure is `null`. Its `<title>` says in words what it shows,
/// and the same numbers are in the page's trend table.
struct Sparkline: Sendable {
    /// Unique on the page; prefixes the ids inside the SVG.
    var id: String
    var label: String
    var values: [Double?]
    /// The period of each value (`2026-W46`).
    var periods: [String]
    var kind: ValueKind

    static let width = 132.0, height = 36.0, pad = 4.0

    /// The text alternative: first and latest value, lowest and highest.
    func summary(_ f: ValueFormatter) -> String {
        let known = zip(periods, values).compactMap { p, v in v.map { (p, $0) } }
        guard let first = known.first, let last = known.last,
              let low = known.map(\.1).min(), let high = known.map(\.1).max() else {
            return "\(label): no value in the last \(values.count) periods"
        }
        return "\(label) over the last \(values.count) periods: \(f.format(first.1, as: kind)) in \(first.0), "
            + "\(f.format(last.1, as: kind)) in \(last.0); lowest \(f.format(low, as: kind)), highest \(f.format(high, as: kind))"
    }

    func markup(_ f: ValueFormatter) -> String {
        let N = Markup.number
        let known = values.compactMap { $0 }.filter(\.isFinite)
        let lo = known.min() ?? 0, hi = known.max() ?? 1
        let span = hi - lo > 1e-12 ? hi - lo : 1
        let n = Swift.max(values.count - 1, 1)
        func x(_ i: Int) -> Double { Self.pad + (Self.width - 2 * Self.pad) * Double(i) / Double(n) }
        func y(_ v: Double) -> Double { Self.height - Self.pad - (Self.height - 2 * Self.pad) * (hi - lo > 1e-12 ? (v - lo) / span : 0.5) }
        var s = "<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N(Self.width)) \(N(Self.height))\" "
        s += "width=\"\(N(Self.width))\" height=\"\(N(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        s += "<title id=\"\(id)-title\">\(Markup.escape(summary(f)))</title>"
        // One polyline per run of non-null values.
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                s += "<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1.8\" points=\"\(run.joined(separator: " "))\"/>"
            } else if let only = run.first {
                let xy = only.split(separator: ",")
                s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"1.8\" fill=\"#1f4e79\"/>"
            }
            run = []
        }
        for (i, v) in values.enumerated() {
            if let v, v.isFinite { run.append("\(N(x(i))),\(N(y(v)))") } else { flush() }
        }
        flush()
        if let last = values.last, let v = last, v.isFinite {
            s += "<circle cx=\"\(N(x(values.count - 1)))\" cy=\"\(N(y(v)))\" r=\"3\" fill=\"#1f4e79\"/>"
        }
        return s + "</svg>"
    }
}
