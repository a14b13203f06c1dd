extension PeriodSums {
    @inline(__always) mutating func addDue(qty: Double, ots: Double, shortfall: Double, promotional: Bool) {
        if promotional {
            promoQty += qty
            promoOts += ots
            promoShortfall += shortfall
        } else {
            otherQty += qty
            otherOts += ots
        }
    }

    @inline(__always) mutating func addShipped(_ qty: Double, promotional: Bool) {
        shipped += qty
        if promotional { shippedPromo += qty } else { shippedOther += qty }
    }

    @inline(__always) mutating func addReturned(_ qty: Double, promotional: Bool) {
        returned += qty
        if promotional { returnedPromo += qty } else { returnedOther += qty }
    }

    @inline(__always) mutating func addFreight(_ cost: Double, emergency: Bool, promotionalOrder: Bool) {
        freightTotal += cost
        if emergency {
            freightEmergency += cost
            if promotionalOrder { freightPromoEmergency += cost }
        }
    }
}
