/// The raw sums of one week or month that the streamed records add to; ratios are taken at `finish`.
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
    // Returns with return_date in P, split by the returned line's status.
    var returned = 0.0
    var returnedPromo = 0.0
    var returnedOther = 0.0
    // Deliveries with ship_date in P, split the same way.
    var shipped = 0.0
    var shippedPromo = 0.0
    var shippedOther = 0.0
}
