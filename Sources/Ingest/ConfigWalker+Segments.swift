import ScorecardCore
import Yams

/// `segments:` and `email.segments:` of the config.
extension ConfigWalker {
    /// `segments:` — `max_values`, and one mapping per dimension: `label`, and the header of exactly one of
    /// `orders` (with optional `inventory`, `forecast`, `purchase_orders`) or `products`.
    mutating func readSegments(_ node: Node) -> SegmentsConfig {
        var segments = SegmentsConfig()
        for (k, v) in mapping(node, path: "segments") ?? [] {
            let key = keyName(k)
            if key == "max_values" {
                if let n = int(v, path: "segments.max_values") {
                    if SegmentsConfig.maxValuesRange.contains(n) {
                        segments.maxValues = n
                    } else {
                        problem("segments.max_values must be a number of values from \(SegmentsConfig.maxValuesRange.lowerBound) "
                                + "to \(SegmentsConfig.maxValuesRange.upperBound)", v)
                    }
                }
                continue
            }
            guard SegmentsConfig.isValidKey(key) else {
                problem("segments: the dimension key \"\(key)\" must be 1 to \(SegmentsConfig.maxKeyLength) characters of a-z, 0-9 and _ "
                        + "(it names folders and data keys)", k)
                continue
            }
            if segments.dimensions.count == SegmentsConfig.maxDimensions {
                problem("segments: at most \(SegmentsConfig.maxDimensions) dimensions (each adds its views to every build); "
                        + "\"\(key)\" is one too many", k)
                continue
            }
            if let dimension = readDimension(key, v, keyNode: k) { segments.dimensions.append(dimension) }
        }
        return segments
    }

    private mutating func readDimension(_ key: String, _ node: Node, keyNode: Node) -> SegmentDimension? {
        let path = "segments.\(key)"
        var label: String?
        var columns: [SourceName: String] = [:]
        var nodes: [SourceName: Node] = [:]
        let known = problems.count
        for (k, v) in mapping(node, path: path) ?? [] {
            let name = keyName(k)
            if name == "label" {
                label = string(v, path: "\(path).label")
                continue
            }
            guard let source = SourceName(rawValue: name), source == .products || SegmentDimension.orderSources.contains(source) else {
                unknownKey("\(path).\(name)", k)
                continue
            }
            guard let header = string(v, path: "\(path).\(name)") else { continue }
            let trimmed = header.trimmingWhitespace
            guard !trimmed.isEmpty else { problem("\(path).\(name) must name a header of the \(name) export", v); continue }
            columns[source] = trimmed
            nodes[source] = k
        }
        guard problems.count == known else { return nil }
        switch (columns[.orders] != nil, columns[.products] != nil) {
        case (true, true):
            problem("\(path) names both orders and products: a dimension is an attribute of the order lines or of the products, "
                    + "not both (make two dimensions)", keyNode)
            return nil
        case (false, false):
            problem("\(path) names neither orders nor products: give the header of the column that holds the dimension "
                    + "(orders: VKORG, or products: Brand)", keyNode)
            return nil
        case (false, true):
            for source in [SourceName.inventory, .forecast, .purchaseOrders] {
                if let n = nodes[source] {
                    problem("\(path).\(source): only a dimension of the order lines names other sources; a product dimension "
                            + "follows every SKU-keyed source by itself", n)
                }
            }
            guard problems.count == known else { return nil }
            return SegmentDimension(key: key, label: label, kind: .product, columns: columns)
        case (true, false):
            return SegmentDimension(key: key, label: label, kind: .order, columns: columns)
        }
    }

    /// `email.segments`: `DIMENSION: {VALUE: [addresses]}`.
    mutating func readEmailSegments(_ node: Node) -> [(dimension: String, values: [(value: String, to: [String])])] {
        var out: [(dimension: String, values: [(value: String, to: [String])])] = []
        for (k, v) in mapping(node, path: "email.segments") ?? [] {
            let key = keyName(k)
            emailSegmentKeys.append((key, k))
            var values: [(value: String, to: [String])] = []
            for (vk, vv) in mapping(v, path: "email.segments.\(key)") ?? [] {
                // A value is matched trimmed, as the exports' values are.
                let value = (vk.string ?? "").trimmingWhitespace
                let path = "email.segments.\(key).\(Self.shown(value))"
                if vv.scalar != nil, !isNull(vv), let s = vv.string {
                    values.append((value, [s]))
                } else if let list = stringList(vv, path: path) {
                    values.append((value, list))
                }
            }
            out.append((key, values))
        }
        return out
    }

    /// Every dimension `email.segments` names must be configured under `segments:`.
    mutating func checkEmailSegments(_ config: Config) {
        let keys = Set(config.segments.dimensions.map(\.key))
        for (key, node) in emailSegmentKeys where !keys.contains(key) {
            problem("email.segments.\(key): no dimension \"\(key)\" under segments:", node)
        }
    }
}
