/// The raw sums of one period (a week, a month or a comparison range) gathered from the aggregate
/// tables; ratios are taken from them in `ViewFinisher.figures`.
struct PeriodSums: Sendable {
    // Lines due in the period (requested_date in P and <= A).
    var promoQty = 0.0
    var promoOts = 0.0
    var promoShortfall = 0.0
    var otherQty = 0.0
    var otherOts = 0.0
    // Freight rows with ship_date in P.
    var freightTotal = 0.0
    var freightEmergency = 0.0
    var freightPromoEmergency = 0.0
    // Returns with return_date in P, and deliveries with ship_date in P, split by the line's status.
    var returnedPromo = 0.0
    var returnedOther = 0.0
    var shippedPromo = 0.0
    var shippedOther = 0.0
    // Inventory turns: COGS and snapshot value of the period's promoted categories and of the others, and
    // the distinct snapshot dates in the period.
    var cogsPromoted = 0.0
    var cogsOther = 0.0
    var valuePromoted = 0.0
    var valueOther = 0.0
    var snapshots = 0
    // Forecast pairs of the weeks whose Monday is in the period: Σ error, Σ weight, Σ signed error, pairs
    // with a forecast row; all, promotional SKU-weeks, the others.
    var forecastPromo = SIMD4<Double>.zero
    var forecastOther = SIMD4<Double>.zero
    // Purchase-order lines due in the period: Σ received on time, Σ ordered.
    var supplierOnTime = SIMD2<Double>.zero
    // Lead times of lines completed in the period, and of PO lines received in it.
    var promoLeadTimes = LeadTimeCounts()
    var otherLeadTimes = LeadTimeCounts()
    var supplierLeadTimes = LeadTimeCounts()

    /// Adds a row of the `lines` table (see `LineColumn`).
    @inline(__always)
    mutating func addLines(_ v: SIMD8<Double>, promotional: Bool, promotedCategory: Bool) {
        if promotional {
            promoQty += v[LineColumn.due]
            promoOts += v[LineColumn.onTime]
            promoShortfall += v[LineColumn.shortfall]
            shippedPromo += v[LineColumn.shipped]
            returnedPromo += v[LineColumn.returned]
        } else {
            otherQty += v[LineColumn.due]
            otherOts += v[LineColumn.onTime]
            shippedOther += v[LineColumn.shipped]
            returnedOther += v[LineColumn.returned]
        }
        if promotedCategory { cogsPromoted += v[LineColumn.cogs] } else { cogsOther += v[LineColumn.cogs] }
    }
}
