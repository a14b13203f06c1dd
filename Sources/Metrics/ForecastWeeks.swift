import ScorecardCore

/// Per week whose Monday lies from `firstMonday` to the as-of date, the revenue-weighted sums of its
/// (sku, week) pairs: for all pairs, the promotional pairs and the others. Periods add up the weeks
/// whose Monday they hold.
struct ForecastWeeks: Sendable {
    /// The sums of one group of pairs, one entry per week.
    struct Group: Sendable {
        /// Σ |actual − forecast| × list_price.
        var error: [Double]
        /// Σ actual × list_price.
        var weight: [Double]
        /// Σ (forecast − actual) × list_price.
        var signed: [Double]
        /// Whether a pair of the group has a forecast row.
        var hasForecast: [Bool]

        init(weeks n: Int) {
            error = Array(repeating: 0, count: n)
            weight = Array(repeating: 0, count: n)
            signed = Array(repeating: 0, count: n)
            hasForecast = Array(repeating: false, count: n)
        }

        @inline(__always) mutating func add(week w: Int, actual a: Double, forecast f: Double, price: Double, hasRow: Bool) {
            error[w] += abs(a - f) * price
            weight[w] += a * price
            signed[w] += (f - a) * price
            if hasRow { hasForecast[w] = true }
        }
    }

    let firstMonday: Day
    var all: Group
    var promo: Group
    var other: Group

    init(firstMonday: Day, lastMonday: Day) {
        self.firstMonday = firstMonday
        let n = Swift.max(0, (lastMonday - firstMonday) / 7 + 1)
        all = Group(weeks: n)
        promo = Group(weeks: n)
        other = Group(weeks: n)
    }

    /// The week index of a Monday, or -1 when outside.
    func index(of monday: Day) -> Int {
        let d = monday - firstMonday
        guard d >= 0, d % 7 == 0, d / 7 < all.error.count else { return -1 }
        return d / 7
    }

    /// Over the weeks whose Monday is from `first` to `last`: `max(0, 1 − Σ error / Σ weight)` and
    /// `Σ signed / Σ weight`; both `nil` when no pair of the group has a forecast row or the weight is 0.
    func figures(_ group: Group, mondaysFrom first: Day, through last: Day) -> (accuracy: Double?, bias: Double?) {
        var monday = first.isoWeekday == 1 ? first : first.weekStart + 7
        var err = 0.0, w = 0.0, signed = 0.0, has = false
        while monday <= last {
            let i = index(of: monday)
            if i >= 0 {
                err += group.error[i]
                w += group.weight[i]
                signed += group.signed[i]
                has = has || group.hasForecast[i]
            }
            monday = monday + 7
        }
        guard has, w != 0 else { return (nil, nil) }
        return (Swift.max(0, 1 - err / w), signed / w)
    }
}
