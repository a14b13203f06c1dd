import ScorecardCore

/// Values of the sources assigned so far, for checking the references of the next ones: an `orders`
/// column whose values are SKUs of the item master is its `sku`.
struct KnownValues: Sendable {
    struct ReferenceSet: Sendable {
        var values: Set<String>
        /// Whether the whole file was read (else a value missing from the sample proves nothing).
        var isComplete: Bool
    }

    var skus: ReferenceSet?
    var categories: ReferenceSet?
    var campaignIDs: ReferenceSet?
    var orderIDs: ReferenceSet?
    /// `order_id` + U+1F + line number without leading zeros.
    var orderLines: ReferenceSet?
    var poIDs: ReferenceSet?
    var poLines: ReferenceSet?

    /// The referenced values a column of `source` should be among, with what they are called.
    func reference(for column: String, of source: SourceName) -> (set: ReferenceSet, name: String)? {
        switch (column, source) {
        case ("sku", .products): return nil
        case ("sku", _): return skus.map { ($0, "SKUs of products") }
        case ("category", .campaignItems): return categories.map { ($0, "categories of products") }
        case ("campaign_id", .campaignItems): return campaignIDs.map { ($0, "campaign ids of campaigns") }
        case ("order_id", .deliveries), ("order_id", .returns), ("order_id", .freight): return orderIDs.map { ($0, "order ids of orders") }
        case ("po_id", .receipts): return poIDs.map { ($0, "PO ids of purchase_orders") }
        default: return nil
        }
    }

    /// A line number as the ingestion compares it: digits without leading zeros (`000010` is `10`).
    static func lineKey(_ id: String, _ line: String) -> String {
        var l = Substring(line)
        if l.allSatisfy(\.isNumber) { while l.count > 1, l.first == "0" { l = l.dropFirst() } }
        return id + "\u{1F}" + l
    }
}
