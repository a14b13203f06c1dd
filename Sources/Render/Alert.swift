/// Something a reader must see first on a scorecard page and in the digest; always carries a word and
/// an icon besides its colour.
struct Alert: Sendable, Equatable {
    enum Kind: String, Sendable {
        case stockoutShare = "stockout-share"
        case belowTarget = "below-target"
        case atRisk = "at-risk"
        case emergencyFreightJump = "emergency-freight-jump"
        case returnRateJump = "return-rate-jump"
        case figureTarget = "figure-target"
        case segmentBelowTarget = "segment-below-target"
    }

    /// A campaign an alert names; `campaignID` is set when the campaign has a page to link to, and
    /// `fragment` names the part of that page that explains the alert (its SKU table, its readiness).
    struct Item: Sendable, Equatable {
        var text: String
        var campaignID: String?
        var fragment: String = ""
        /// The site path of the page the item links to, when it is not a campaign's (a segment value's).
        var link: String? = nil
    }

    var kind: Kind
    var message: String
    var items: [Item]
    /// The id of the row or section of the period's own page that explains the alert (`#KEY`), if any.
    var anchor: String? = nil
    /// The site path of another page that explains it (a segment dimension's), instead of `anchor`.
    var link: String? = nil

    /// The words of the link to `anchor`.
    var anchorText: String {
        switch kind {
        case .stockoutShare, .belowTarget: return "See which SKUs ran short"
        case .atRisk: return "See the campaign"
        case .emergencyFreightJump, .returnRateJump, .figureTarget: return "See the figure"
        case .segmentBelowTarget: return "Compare them"
        }
    }
}
