import ScorecardCore

/// The views of the segment dimensions, resolved once the orders are read.
extension MetricsAccumulator {
    /// Decides every dimension's views and sizes their tables.
    mutating func resolveViews() {
        guard !segments.isEmpty else { return }
        segments.resolve(maxValues: config.segments.maxValues, orderTuples: orderTuples, tupleRevenue: tupleRevenue,
                         products: masterData.products, productTuples: masterData.productSegmentTuples, productRevenue: productRevenue)
        let dims = segments.dimensions
        lineViews = ViewLookup(dims.map { d in
            d.config.kind == .product ? (true, d.productView) : (false, d.tupleView[.orders] ?? [])
        })
        productViews = dims.map { $0.config.kind == .product ? $0.productView : [] }
        if sourceTupleViews.count != dims.count {
            // Fact tuples may have arrived already (they are resolved against the values as they come).
            sourceTupleViews = dims.map { $0.tupleView.filter { $0.key != .orders } }
        }
        let company = masterData.present
        for (d, dim) in dims.enumerated() {
            var present = company
            if dim.config.kind == .order {
                // A source the order dimension does not map is absent in its views (its figures are null).
                for source in [SourceName.inventory, .forecast, .purchaseOrders] where !dim.config.maps(source) { present.remove(source) }
                if !dim.config.maps(.purchaseOrders) { present.remove(.receipts) }
            }
            for (i, value) in dim.values.enumerated() {
                let view = dim.firstView + Int32(i)
                let products: [Bool]? = dim.config.kind == .product ? dim.productView.map { $0 == view } : nil
                tables.append(ViewAggregates(present: present, products: products, segment: ViewSegment(dimension: d, value: value)))
                stocks.append(LatestStock(products: masterData.products.count))
            }
        }
    }

    /// The views of order line `l`, the company first.
    @inline(__always)
    func views(ofLine l: Int) -> ViewList {
        var list = ViewList()
        for d in 0..<dimensionCount {
            let v = lineView(d, l)
            if v > 0 { list.append(v) }
        }
        return list
    }

    /// The views of a fact row of `source`, the company first.
    @inline(__always)
    func views(of source: SourceName, tuple: Int32, product: Int32) -> ViewList {
        var list = ViewList()
        for d in 0..<dimensionCount {
            let v = factView(d, source, tuple: tuple, product: product)
            if v > 0 { list.append(v) }
        }
        return list
    }
}

/// The views a record adds to: the company (0) and at most one per dimension (at most eight), inline.
struct ViewList: Sequence, IteratorProtocol {
    private var storage: SIMD16<Int32> = .zero
    private(set) var count = 1
    private var position = 0

    @inline(__always) mutating func append(_ v: Int32) {
        storage[count] = v
        count += 1
    }

    @inline(__always) mutating func next() -> Int? {
        guard position < count else { return nil }
        defer { position += 1 }
        return Int(storage[position])
    }
}
