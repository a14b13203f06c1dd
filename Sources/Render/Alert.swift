/// Something a reader must see first on a scorecard page and in the digest; always carries a word and
/// an icon besides its colour.
struct Alert: Sendable, Equatable {
    enum Kind: String, Sendable {
        case stockoutShare = "stockout-share"
        case belowTarget = "below-target"
        case atRisk = "at-risk"
        case emergencyFreightJump = "emergency-freight-jump"
        case returnRateJump = "return-rate-jump"
    }

    /// A campaign an alert names; `campaignID` is set when the campaign has a page to link to.
    struct Item: Sendable, Equatable {
        var text: String
        var campaignID: String?
    }

    var kind: Kind
    var message: String
    var items: [Item]
}
