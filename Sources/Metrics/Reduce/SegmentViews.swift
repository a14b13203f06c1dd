import ScorecardCore

/// The views of the segment dimensions (docs/segments.md): for every dimension its values (at most
/// `max_values`, the rest folded into "Other"), and which view each order line, product and fact row
/// belongs to.
///
/// A view's id is its index in `Aggregates.views`; 0 is the whole company. The values of an order
/// dimension are known once the orders are read, those of a product dimension with the products; both
/// are ranked by revenue over the order lines, so the views are resolved at `ordersComplete`.
struct SegmentViews: Sendable {
    struct Dimension: Sendable {
        var config: SegmentDimension
        /// The position of this dimension's column in each source's tuples of segment values.
        var column: [SourceName: Int] = [:]
        /// The views, in view-id order: a value, or `nil` for "Other".
        var values: [String?] = []
        /// The id of the dimension's first view.
        var firstView: Int32 = 0
        /// Kept values → view id.
        var viewOfValue: [String: Int32] = [:]
        /// The "Other" view, when the dimension has more values than `max_values`.
        var otherView: Int32?
        /// Product dimensions: the view of each product.
        var productView: [Int32] = []
        /// Per source, the view of each tuple id (order dimensions: orders, and the facts the dimension maps).
        var tupleView: [SourceName: [Int32]] = [:]

        /// The view of a value met in any source: its own, else "Other", else none (-1).
        func view(of value: String) -> Int32 { viewOfValue[value] ?? otherView ?? -1 }
    }

    var dimensions: [Dimension] = []
    /// Views of all dimensions plus the company.
    var viewCount: Int { 1 + dimensions.reduce(0) { $0 + $1.values.count } }
    var isEmpty: Bool { dimensions.isEmpty }

    init() {}

    init(config: SegmentsConfig) {
        dimensions = config.dimensions.enumerated().map { d, dim in
            var dimension = Dimension(config: dim)
            for source in SourceName.allCases {
                if let k = config.columns(of: source).firstIndex(where: { $0.dimension == d }) { dimension.column[source] = k }
            }
            return dimension
        }
    }

    /// Decides every dimension's views from the revenue of its values, and the view of every product and
    /// order tuple.
    /// - Parameters:
    ///   - orderTuples: the orders' tuples of order-dimension values, by tuple id.
    ///   - tupleRevenue: Σ qty_ordered × unit_price of the used lines of each order tuple.
    ///   - products: the products (their tuples of product-dimension values, `productTuples`).
    ///   - productRevenue: the same sum per product.
    mutating func resolve(maxValues: Int, orderTuples: [[String]], tupleRevenue: [Double],
                          products: [Product], productTuples: [[String]], productRevenue: [Double]) {
        var next: Int32 = 1
        for d in dimensions.indices {
            var revenue: [String: Double] = [:]
            switch dimensions[d].config.kind {
            case .order:
                guard let k = dimensions[d].column[.orders] else { continue }
                for (t, tuple) in orderTuples.enumerated() where k < tuple.count {
                    revenue[tuple[k], default: 0] += t < tupleRevenue.count ? tupleRevenue[t] : 0
                }
            case .product:
                guard let k = dimensions[d].column[.products] else { continue }
                for (p, product) in products.enumerated() {
                    let t = Int(product.segment)
                    guard t < productTuples.count, k < productTuples[t].count else { continue }
                    revenue[productTuples[t][k], default: 0] += p < productRevenue.count ? productRevenue[p] : 0
                }
            }
            // Values in code-point order; beyond max_values the largest by revenue keep their view (ties by value).
            let all = revenue.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var kept = all
            var other = false
            if all.count > maxValues {
                // Revenues are compared as the decimals they stand for (3 × 1.1 and 1 × 3.3 tie), so binary
                // rounding never decides which value keeps its view.
                let key = revenue.mapValues(ViewFinisher.orderingKey)
                let ranked = all.sorted { key[$0]! != key[$1]! ? key[$0]! > key[$1]! : $0.utf8.lexicographicallyPrecedes($1.utf8) }
                let keep = Set(ranked.prefix(maxValues - 1))
                kept = all.filter { keep.contains($0) }
                other = true
            }
            dimensions[d].firstView = next
            dimensions[d].values = kept.map { Optional($0) } + (other ? [nil] : [])
            for value in kept {
                dimensions[d].viewOfValue[value] = next
                next += 1
            }
            if other {
                dimensions[d].otherView = next
                next += 1
            }
            switch dimensions[d].config.kind {
            case .order:
                if let k = dimensions[d].column[.orders] { dimensions[d].tupleView[.orders] = orderTuples.map { dimensions[d].view(of: $0[k]) } }
            case .product:
                let k = dimensions[d].column[.products] ?? 0
                dimensions[d].productView = products.map { p in
                    let t = Int(p.segment)
                    return t < productTuples.count && k < productTuples[t].count ? dimensions[d].view(of: productTuples[t][k]) : -1
                }
            }
        }
    }

    /// Records the views of a fact source's tuples (inventory, forecast, purchase orders) for the order
    /// dimensions that map the source.
    mutating func resolve(_ source: SourceName, tuples: [[String]]) {
        for d in dimensions.indices where dimensions[d].config.kind == .order {
            guard let k = dimensions[d].column[source] else { continue }
            dimensions[d].tupleView[source] = tuples.map { k < $0.count ? dimensions[d].view(of: $0[k]) : -1 }
        }
    }

    /// The view of dimension `d` of a row of `source` with tuple `tuple` of product `product`; -1 when the
    /// row is in no view of it (or the dimension does not follow the source).
    @inline(__always)
    func view(_ d: Int, source: SourceName, tuple: Int32, product: Int32) -> Int32 {
        let dim = dimensions[d]
        if dim.config.kind == .product {
            return product >= 0 && Int(product) < dim.productView.count ? dim.productView[Int(product)] : -1
        }
        guard let views = dim.tupleView[source], tuple >= 0, Int(tuple) < views.count else { return -1 }
        return views[Int(tuple)]
    }

    /// Whether dimension `d`'s views hold rows of `source` (an order dimension only those it maps).
    func follows(_ d: Int, _ source: SourceName) -> Bool {
        let dim = dimensions[d]
        if dim.config.kind == .product { return true }
        switch source {
        case .orders, .deliveries, .returns, .freight, .products, .campaigns, .campaignItems: return true
        case .receipts: return dim.column[.purchaseOrders] != nil
        default: return dim.column[source] != nil
        }
    }
}
