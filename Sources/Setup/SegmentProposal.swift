import ScorecardCore

/// A dimension `scorecard init` proposes for `segments:`, written commented out: a column of the orders
/// that looks like a region, sales organisation, distribution channel, customer group or plant, or a column
/// of the products that looks like a brand.
struct SegmentProposal: Sendable {
    /// The same attribute in another source of an order dimension (inventory, forecast, purchase_orders).
    struct Also: Sendable, Equatable {
        var source: SourceName
        var header: String
        var reason: String
    }

    var key: String
    var kind: DimensionNames.Kind
    var header: String
    /// Why: the name's origin, and what the sample shows.
    var reason: String
    var also: [Also]

    var source: SourceName { kind.source }

    /// Most dimensions one config may hold.
    static let limit = SegmentsConfig.maxDimensions

    /// The dimensions the plan's orders and products propose, and notes on the columns that were not
    /// proposed (a single value).
    static func propose(_ plan: SetupPlan) -> (proposals: [SegmentProposal], notes: [String]) {
        var proposals: [SegmentProposal] = []
        var notes: [String] = []
        var keys = Set<String>()
        for source in [SourceName.orders, .products] {
            guard let a = plan.assignments[source] else { continue }
            let g = plan.inspection.groups[a.match.group]
            for p in g.columns {
                guard let m = DimensionNames.match(p.header), m.kind.source == source else { continue }
                let distinct = p.distinct.count + (p.empty > 0 ? 1 : 0)
                let scope = g.isComplete ? "in the file" : "in the sampled rows"
                guard distinct >= 2 else {
                    notes.append("\(source) \"\(p.header)\" looks like \(m.kind.what) but has "
                                 + (p.values.isEmpty ? "no value" : "the single value \"\(ConfigText.shorten(p.values[0], 30))\"")
                                 + " \(scope): not proposed")
                    continue
                }
                guard proposals.count < limit else {
                    notes.append("\(source) \"\(p.header)\" looks like \(m.kind.what): not proposed, a config holds at most \(limit) dimensions")
                    continue
                }
                var key = m.kind.key
                var n = 2
                while keys.contains(key) { key = "\(m.kind.key)_\(n)"; n += 1 }
                keys.insert(key)
                var reason = "\(m.kind.what) by its name (\(m.origin)); \(p.distinct.count) distinct value\(p.distinct.count == 1 ? "" : "s") \(scope)"
                if !p.values.isEmpty { reason += ", e.g. \(p.examples())" }
                if p.empty > 0 { reason += "; \(p.empty) empty (shown as \"(none)\")" }
                if p.distinct.count > SegmentsConfig.defaultMaxValues {
                    reason += "; more than \(SegmentsConfig.defaultMaxValues): all but the largest share one view, \"Other\" (max_values)"
                }
                let also = source == .orders ? Self.also(p, in: plan) : []
                proposals.append(SegmentProposal(key: key, kind: m.kind, header: p.header, reason: reason, also: also))
            }
        }
        return (proposals, notes)
    }

    /// The column of the same attribute in inventory, forecast and purchase_orders: the same header, else a
    /// header of the same kind, else a text column whose values are all values of the orders' column.
    private static func also(_ column: ColumnProfile, in plan: SetupPlan) -> [Also] {
        let kind = DimensionNames.match(column.header)?.kind
        let normalized = HeaderName.normalize(column.header)
        var out: [Also] = []
        for source in SegmentDimension.orderSources where source != .orders {
            guard let a = plan.assignments[source] else { continue }
            let g = plan.inspection.groups[a.match.group]
            if let p = g.columns.first(where: { $0.header == column.header }) {
                out.append(Also(source: source, header: p.header, reason: "the same header"))
            } else if let p = g.columns.first(where: { HeaderName.normalize($0.header) == normalized }) {
                out.append(Also(source: source, header: p.header, reason: "the same name"))
            } else if let kind, let p = g.columns.first(where: { DimensionNames.match($0.header)?.kind == kind }) {
                out.append(Also(source: source, header: p.header, reason: "\(kind.what) too"))
            } else if let p = g.columns.first(where: { p in
                !p.isDate && !p.isNumeric && p.distinct.count >= 2 && p.distinct.isSubset(of: column.distinct)
            }) {
                out.append(Also(source: source, header: p.header,
                                reason: "its \(p.distinct.count) values (e.g. \(p.examples())) are all values of orders \"\(column.header)\""))
            }
        }
        return out
    }
}
