import Foundation

/// A value axis with round tick values ("nice numbers"), shared by the charts.
struct ChartScale: Sendable, Equatable {
    var low: Double
    var high: Double
    var ticks: [Double]

    /// A scale covering `values`; with `floorAtZero`, it starts at 0 when every value is ≥ 0 (bars must).
    init(covering values: [Double], floorAtZero: Bool) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if floorAtZero, lo >= 0 { lo = 0 }
        if hi - lo < 1e-9 {
            let pad = abs(hi) > 1e-9 ? abs(hi) * 0.1 : 1
            lo = floorAtZero && lo >= 0 ? max(0, lo - pad) : lo - pad
            hi += pad
        }
        let rough = (hi - lo) / 4
        let magnitude = pow(10, floor(log10(rough)))
        let norm = rough / magnitude
        let step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude
        low = floor(lo / step) * step
        high = ceil(hi / step) * step
        var ticks: [Double] = []
        var t = low
        while t <= high + step / 2 {
            // Snap to the step grid so 0.30000000000000004 does not reach a label.
            ticks.append((t / step).rounded() * step)
            t += step
        }
        self.ticks = ticks
    }

    /// Position of `value` between 0 (low) and 1 (high).
    func fraction(_ value: Double) -> Double {
        high > low ? (value - low) / (high - low) : 0
    }
}
