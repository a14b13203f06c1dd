import ScorecardCore

/// The demand model: product popularity × campaign uplift × weekday × a gentle upward trend.
extension SampleSimulation {
    /// Monday … Sunday.
    static let weekdayFactors = [1.15, 1.1, 1.05, 1.0, 0.95, 0.45, 0.3]

    /// Weekday and trend factor of a day: busy Mondays, quiet weekends, business growing over the period
    /// (and planned flat after it, so short histories do not extrapolate a steep trend).
    func dayFactor(_ day: Day) -> Double {
        let weekday = Self.weekdayFactors[day.isoWeekday - 1]
        let progress = min(1, Double(day - firstDay) / Double(max(1, dayCount)))
        return weekday * (0.9 + 0.2 * progress)
    }

    /// The demand multiplier campaigns put on a product on a day: the strongest active one.
    func uplift(_ product: Int, on day: Day, planned: Bool) -> Double {
        var m = 1.0
        for c in campaigns where c.matches[product] && c.isActive(on: day) {
            m = max(m, planned ? c.plannedUplift : c.actualUplift)
        }
        return m
    }

    /// Expected ordered quantity of a product on a day, in hundredths: as it happens, or as planned.
    func expectedQuantity(_ product: Int, on day: Day, planned: Bool, campaigns withCampaigns: Bool = true) -> Double {
        let m = withCampaigns ? uplift(product, on: day, planned: planned) : 1.0
        return scale * dayFactor(day) * products[product].popularity * m * meanQuantity[product]
    }

    /// The planned demand of a product over `days` days from `from`, in hundredths: what supply chain plans
    /// with (campaigns at their planned uplift), or the usual demand without campaigns.
    ///
    /// Products matched by the same campaigns share one prefix sum of day factor × planned uplift, so a range
    /// costs two look-ups however long it is; days before the first day count as none.
    func plannedDemand(_ product: Int, from: Day, days: Int, campaigns withCampaigns: Bool = true) -> Double {
        let prefix = withCampaigns ? plannedPrefix[signature[product]] : basePrefix
        let last = prefix.count - 1
        let a = min(last, max(0, from - firstDay)), b = min(last, max(0, from - firstDay + days))
        return scale * products[product].popularity * meanQuantity[product] * (prefix[b] - prefix[a])
    }

    /// Groups products by the campaigns that match them and sums each group's planned day weights.
    func computePlanPrefixes() {
        var groups: [[Bool]: Int] = [:]
        var members: [[Bool]] = []
        signature = products.indices.map { p in
            let key = campaigns.map { $0.matches[p] }
            if let g = groups[key] { return g }
            groups[key] = members.count
            members.append(key)
            return members.count - 1
        }
        let days = dayCount + Self.planningDays
        func prefix(_ weight: (Day) -> Double) -> [Double] {
            var sums = [0.0]
            sums.reserveCapacity(days + 1)
            for offset in 0..<days { sums.append(sums[offset] + weight(firstDay + offset)) }
            return sums
        }
        basePrefix = prefix(dayFactor)
        plannedPrefix = members.map { key in
            prefix { day in
                var m = 1.0
                for (c, matches) in zip(campaigns, key) where matches && c.isActive(on: day) {
                    m = max(m, c.plannedUplift)
                }
                return self.dayFactor(day) * m
            }
        }
    }

    /// Sets `dayWeights` and `scale` so that the days hold `options.lines` lines in all.
    func computeDemandScale() {
        dayWeights = (0..<dayCount).map { offset in
            let day = firstDay + offset
            var sum = 0.0
            for p in products.indices { sum += products[p].popularity * uplift(p, on: day, planned: false) }
            return sum * dayFactor(day)
        }
        baseDayWeight = products.reduce(0) { $0 + $1.popularity }
        let total = dayWeights.reduce(0, +)
        scale = total > 0 ? Double(options.lines) / total : 0
    }

    /// Prepares `cumulative` for drawing the products of a day's lines.
    func prepareDraws(on day: Day) {
        var sum = 0.0
        for p in products.indices {
            sum += products[p].popularity * uplift(p, on: day, planned: false)
            cumulative[p] = sum
        }
    }

    /// A product drawn in proportion to the day's demand weights.
    func drawProduct() -> Int {
        let target = rng.unit() * (cumulative.last ?? 0)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// An ordered quantity in hundredths.
    func drawQuantity(_ product: Int, wholesale: Bool) -> Int {
        let t = products[product].isKg
            ? (wholesale ? Self.wholesaleKg : Self.retailKg)
            : (wholesale ? Self.wholesalePieces : Self.retailPieces)
        return rng.pick(t.values, weights: t.weights)
    }
}
