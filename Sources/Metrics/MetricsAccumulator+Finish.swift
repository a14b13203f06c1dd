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
        let completed = CompletionDays.compute(ordered: work.lines.qty, events: work.lines.deliveries)
        work.walkLines(calendar: cal, completed: completed, onTime: work.lines.onTimeShipped())
        let inbound = work.inboundSums(calendar: cal)
        let forecast = work.forecastWeeks(calendar: cal)
        let weeks = work.periodFigures(cal.weeks, sums: work.weekSums, categories: work.weekCategories,
                                       campaignDue: work.weekCampaignDue, forecast: forecast, calendar: cal,
                                       leadTimes: work.leadTimes.weeks, skus: work.weekSKUs,
                                       supplierLeadTimes: inbound.weekLeadTimes, supplierOnTime: inbound.weekOnTime)
        let months = work.periodFigures(cal.months, sums: work.monthSums, categories: work.monthCategories,
                                        campaignDue: work.monthCampaignDue, forecast: forecast, calendar: cal,
                                        leadTimes: work.leadTimes.months, skus: work.monthSKUs,
                                        supplierLeadTimes: inbound.monthLeadTimes, supplierOnTime: inbound.monthOnTime)
        let campaigns = work.campaignFigures(calendar: cal, inbound: inbound)
        return Report(asOf: cal.asOf, targets: config.targets, present: masterData.present, weeks: weeks, months: months,
                      campaigns: campaigns, categories: work.categoryFigures(calendar: cal, inbound: inbound, campaigns: campaigns),
                      categoryWindow: cal.window, campaignSKUs: work.campaignSKUFigures(campaigns))
    }

    func periodFigures(_ periods: [Period], sums: [PeriodSums], categories: CategorySums,
                       campaignDue: [Int64: SIMD2<Double>], forecast: ForecastWeeks, calendar cal: ReportCalendar,
                       leadTimes: [[Int32]], skus: SKUSums,
                       supplierLeadTimes: [[Int32]], supplierOnTime: [SIMD2<Double>]) -> [PeriodFigures] {
        let (measured, below) = measuredCampaigns(campaignDue, periods: periods.count)
        let shortfall = topShortfall(skus, periods: periods.count)
        return periods.indices.map { i in
            var f = PeriodFigures(period: periods[i])
            applyFillRate(&f, sums[i], measured: measured[i], belowTarget: below[i])
            applyInventoryTurns(&f, period: i, sums: categories, calendar: cal)
            applyFreight(&f, sums[i])
            applyReturns(&f, sums[i])
            applyForecastAccuracy(&f, weeks: forecast, asOf: cal.asOf)
            var promo = leadTimes[2 * i], other = leadTimes[2 * i + 1]
            (f.promoLeadTimeMedian, f.promoLeadTimeP90) = NearestRank.medianAndP90(&promo)
            (f.otherLeadTimeMedian, f.otherLeadTimeP90) = NearestRank.medianAndP90(&other)
            f.topShortfall = shortfall[i]
            applyInbound(&f, leadTimes: supplierLeadTimes[i], onTime: supplierOnTime[i])
            return f
        }
    }
}
