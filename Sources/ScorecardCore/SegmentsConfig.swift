/// `segments:` of the config: the dimensions that split the scorecard into views, one per value.
public struct SegmentsConfig: Sendable, Equatable {
    /// In the config's order.
    public var dimensions: [SegmentDimension] = []
    /// Per dimension: the values with the largest revenue keep their own view, the rest are "Other".
    public var maxValues: Int = 50

    public static let defaultMaxValues = 50
    public static let maxValuesRange = 2...500
    /// At most this many dimensions.
    public static let maxDimensions = 8
    /// At most this many characters in a dimension's key.
    public static let maxKeyLength = 40

    public init() {}

    /// The dimensions that read a column of `source`, with its header.
    public func columns(of source: SourceName) -> [(dimension: Int, header: String)] {
        dimensions.enumerated().compactMap { d, dim in dim.columns[source].map { (d, $0) } }
    }

    /// Whether a key is a valid dimension key: a-z, 0-9 and `_`, 1 to 40 characters.
    public static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= maxKeyLength
            && key.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}

/// One dimension: an attribute of each order line (an order dimension: region, sales organisation,
/// channel, customer group) or of each product (a product dimension: brand).
public struct SegmentDimension: Sendable, Equatable {
    public enum Kind: String, Sendable { case order, product }

    /// Used in paths and data (`segments/region/`).
    public var key: String
    /// Shown on pages (default: the key).
    public var label: String
    public var kind: Kind
    /// The header of the dimension's column per source: `orders` (and optionally `inventory`, `forecast`,
    /// `purchase_orders`) for an order dimension, `products` for a product dimension.
    public var columns: [SourceName: String]

    public init(key: String, label: String? = nil, kind: Kind, columns: [SourceName: String]) {
        self.key = key
        self.label = label ?? key
        self.kind = kind
        self.columns = columns
    }

    /// The sources an order dimension may also name (receipts follow their purchase-order line).
    public static let orderSources: [SourceName] = [.orders, .inventory, .forecast, .purchaseOrders]

    /// Whether the dimension names a column in `source` (its views then hold that source's rows of the value).
    public func maps(_ source: SourceName) -> Bool { columns[source] != nil }
}
