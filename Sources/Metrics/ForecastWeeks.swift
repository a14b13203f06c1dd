import ScorecardCore

/// Weighted absolute error, weighted actuals, and whether a forecast row exists, for every week whose
/// Monday lies from `firstMonday` to the as-of date; periods add up the weeks whose Monday they hold.
struct ForecastWeeks: Sendable {
    let firstMonday: Day
    /// Σ |actual − forecast| × list_price over the week's (sku, week) pairs.
    var error: [Double]
    /// Σ actual × list_price.
    var weight: [Double]
    var hasForecast: [Bool]

    init(firstMonday: Day, lastMonday: Day) {
        self.firstMonday = firstMonday
        let n = Swift.max(0, (lastMonday - firstMonday) / 7 + 1)
        error = Array(repeating: 0, count: n)
        weight = Array(repeating: 0, count: n)
        hasForecast = Array(repeating: false, count: n)
    }

    /// The week index of a Monday, or -1 when outside.
    func index(of monday: Day) -> Int {
        let d = monday - firstMonday
        guard d >= 0, d % 7 == 0, d / 7 < error.count else { return -1 }
        return d / 7
    }

    /// `max(0, 1 − Σ error / Σ weight)` over the weeks whose Monday is from `first` to `last`; `nil` when
    /// none of them has a forecast row or the weight is 0.
    func accuracy(mondaysFrom first: Day, through last: Day) -> Double? {
        var monday = first.isoWeekday == 1 ? first : first.weekStart + 7
        var err = 0.0, w = 0.0, has = false
        while monday <= last {
            let i = index(of: monday)
            if i >= 0 {
                err += error[i]
                w += weight[i]
                has = has || hasForecast[i]
            }
            monday = monday + 7
        }
        guard has, w != 0 else { return nil }
        return Swift.max(0, 1 - err / w)
    }
}
