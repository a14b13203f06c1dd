import ScorecardCore

/// `finish`: every figure of the report from the accumulated state.
extension MetricsAccumulator {
    /// Every figure, once all records are in.
    ///
    /// - Parameter asOf: the as-of date; the one given to `ordersComplete` is used when it was called
    ///   (the pipeline passes the same date to both).
    public func finish(asOf: Day) -> Report {
        var work = self
        let cal = work.calendar ?? work.prepare(asOf: asOf)
        work.walkLines(calendar: cal)
        let forecast = work.forecastWeeks(calendar: cal)
        let weeks = work.periodFigures(cal.weeks, sums: work.weekSums, categories: work.weekCategories,
                                       campaignDue: work.weekCampaignDue, forecast: forecast, calendar: cal)
        let months = work.periodFigures(cal.months, sums: work.monthSums, categories: work.monthCategories,
                                        campaignDue: work.monthCampaignDue, forecast: forecast, calendar: cal)
        return Report(asOf: cal.asOf, targets: config.targets, present: masterData.present, weeks: weeks, months: months,
                      campaigns: work.campaignFigures(calendar: cal), categories: work.categoryFigures(calendar: cal),
                      categoryWindow: cal.window)
    }

    func periodFigures(_ periods: [Period], sums: [PeriodSums], categories: CategorySums,
                       campaignDue: [Int64: SIMD2<Double>], forecast: ForecastWeeks, calendar cal: ReportCalendar) -> [PeriodFigures] {
        let (measured, below) = measuredCampaigns(campaignDue, periods: periods.count)
        return periods.indices.map { i in
            var f = PeriodFigures(period: periods[i])
            applyFillRate(&f, sums[i], measured: measured[i], belowTarget: below[i])
            applyInventoryTurns(&f, period: i, sums: categories, calendar: cal)
            applyFreight(&f, sums[i])
            applyReturns(&f, sums[i])
            applyForecastAccuracy(&f, weeks: forecast, asOf: cal.asOf)
            return f
        }
    }
}
