/// The day each line is complete: the earliest event day on which the line's cumulative quantity reaches
/// what it ordered (docs/figures.md: order lines by their deliveries, PO lines by their receipts).
enum CompletionDays {
    /// No completion: the line never reached its quantity (or ordered nothing).
    static let never = Int32.min

    /// "Reaches" allows for binary rounding of decimal quantities (0.1 + 0.7 must reach 0.8).
    static let tolerance = 1e-9

    /// - Parameters:
    ///   - ordered: the quantity of each line; a line of 0 (or less) is never complete.
    ///   - events: (line, day, quantity) in any order.
    /// - Returns: per line, its completion day or `never`.
    static func compute(ordered: [Double], events: DatedQuantities) -> [Int32] {
        var done = [Int32](repeating: never, count: ordered.count)
        var cumulative = [Double](repeating: 0, count: ordered.count)
        // Events in day order (ties in arrival order), so the first day a running sum reaches its line's
        // quantity is the line's completion day.
        func apply(_ e: Int) {
            let l = Int(events.line[e])
            guard l >= 0, l < ordered.count, done[l] == never else { return }
            cumulative[l] += events.qty[e]
            if ordered[l] > 0, cumulative[l] >= ordered[l] - tolerance { done[l] = events.day[e] }
        }
        if let order = dayOrder(events.day) {
            for e in order { apply(Int(e)) }
        } else {
            for e in 0..<events.count { apply(e) }
        }
        return done
    }

    /// The indices of `days` sorted by day, stable; `nil` when they already are (exports usually list
    /// events in date order). Otherwise a counting sort over the days' range (at most the ten thousand
    /// years a date can name, so bounded memory) or, when that range dwarfs the events, a comparison sort.
    static func dayOrder(_ days: [Int32]) -> [Int32]? {
        var sorted = true
        var lo = Int32.max, hi = Int32.min
        for i in days.indices {
            if i > 0, days[i] < days[i - 1] { sorted = false }
            lo = Swift.min(lo, days[i])
            hi = Swift.max(hi, days[i])
        }
        if sorted { return nil }
        let range = Int(hi) - Int(lo) + 1
        guard range <= 4 * days.count + 1024 else {
            return days.indices.sorted { days[$0] != days[$1] ? days[$0] < days[$1] : $0 < $1 }.map { Int32($0) }
        }
        var start = [Int32](repeating: 0, count: range + 1)
        for d in days { start[Int(d) - Int(lo) + 1] += 1 }
        for k in 1...range { start[k] += start[k - 1] }
        var order = [Int32](repeating: 0, count: days.count)
        for i in days.indices {
            let k = Int(days[i]) - Int(lo)
            order[Int(start[k])] = Int32(i)
            start[k] += 1
        }
        return order
    }
}
