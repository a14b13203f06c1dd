/// The records that `Ingest` hands to `Metrics`: validated, typed, references resolved to dense indices.
///
/// Order lines, deliveries and the other large sources are streamed one record at a time (see
/// `RecordSink`), so nothing holds a row per CSV row; products, campaigns and their items are small and
/// arrive whole as `MasterData`.

/// A row of `products`; its index in `MasterData.products` is its product index.
public struct Product: Sendable, Equatable {
    public var sku: String
    /// Index into `MasterData.categories`.
    public var category: Int32
    public var unitCost: Double
    public var listPrice: Double
    public var description: String?
    /// The product's tuple of product-dimension values (`MasterData.productSegmentTuples`); 0 without any.
    public var segment: Int32

    public init(sku: String, category: Int32, unitCost: Double, listPrice: Double, description: String? = nil, segment: Int32 = 0) {
        self.sku = sku
        self.category = category
        self.unitCost = unitCost
        self.listPrice = listPrice
        self.description = description
        self.segment = segment
    }
}

/// A row of `campaigns`; its index in `MasterData.campaigns` is its campaign index.
public struct Campaign: Sendable, Equatable {
    public var id: String
    public var name: String
    public var start: Day
    public var end: Day
    public var channel: String?
    public var budget: Double?

    public init(id: String, name: String, start: Day, end: Day, channel: String? = nil, budget: Double? = nil) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.channel = channel
        self.budget = budget
    }
}

/// A row of `campaign_items`: exactly one of `product` and `category` is set.
public struct CampaignItem: Sendable, Equatable {
    public var campaign: Int32
    /// Product index, for a SKU item.
    public var product: Int32?
    /// Category index, for a category item.
    public var category: Int32?
    public var plannedUnits: Double

    public init(campaign: Int32, product: Int32? = nil, category: Int32? = nil, plannedUnits: Double) {
        self.campaign = campaign
        self.product = product
        self.category = category
        self.plannedUnits = plannedUnits
    }
}

/// The small sources, whole, plus which optional sources exist at all.
public struct MasterData: Sendable, Equatable {
    public var products: [Product]
    /// Distinct category names, in order of first appearance in `products`.
    public var categories: [String]
    public var campaigns: [Campaign]
    public var items: [CampaignItem]
    /// Every source that was found (required ones always; optional ones when present).
    public var present: Set<SourceName>
    /// Per tuple id of `Product.segment`, the product's values of the product dimensions, in the order of
    /// `SegmentsConfig.columns(of: .products)`; empty without product dimensions.
    public var productSegmentTuples: [[String]]

    public init(products: [Product], categories: [String], campaigns: [Campaign], items: [CampaignItem], present: Set<SourceName>,
                productSegmentTuples: [[String]] = []) {
        self.products = products
        self.categories = categories
        self.campaigns = campaigns
        self.items = items
        self.present = present
        self.productSegmentTuples = productSegmentTuples
    }
}

/// An order line that is used (not rejected, not after the as-of date).
public struct OrderLineRecord: Sendable, Equatable {
    /// Dense index of used lines, 0, 1, 2 … in the order they are sent.
    public var line: Int32
    /// Dense index of distinct `order_id`s of used lines.
    public var order: Int32
    public var orderDate: Day
    public var requestedDate: Day
    public var product: Int32
    public var qtyOrdered: Double
    public var unitPrice: Double
    /// The line's tuple of order-dimension values (`RecordSink.segmentTuples(.orders, …)`); 0 without any.
    public var segment: Int32

    public init(line: Int32, order: Int32, orderDate: Day, requestedDate: Day, product: Int32, qtyOrdered: Double, unitPrice: Double,
                segment: Int32 = 0) {
        self.line = line
        self.order = order
        self.orderDate = orderDate
        self.requestedDate = requestedDate
        self.product = product
        self.qtyOrdered = qtyOrdered
        self.unitPrice = unitPrice
        self.segment = segment
    }
}

/// A used delivery (its line is used, its ship date not after the as-of date).
public struct DeliveryRecord: Sendable, Equatable {
    public var line: Int32
    public var shipDate: Day
    public var qtyShipped: Double
    public init(line: Int32, shipDate: Day, qtyShipped: Double) {
        self.line = line
        self.shipDate = shipDate
        self.qtyShipped = qtyShipped
    }
}

/// A used return.
public struct ReturnRecord: Sendable, Equatable {
    public var line: Int32
    public var returnDate: Day
    public var qtyReturned: Double
    public var reasonCode: String?
    public init(line: Int32, returnDate: Day, qtyReturned: Double, reasonCode: String? = nil) {
        self.line = line
        self.returnDate = returnDate
        self.qtyReturned = qtyReturned
        self.reasonCode = reasonCode
    }
}

/// A used freight row.
public struct FreightRecord: Sendable, Equatable {
    public var shipDate: Day
    /// As written (trimmed); `Metrics` decides whether it is an emergency level.
    public var serviceLevel: String
    public var cost: Double
    /// Order index when `order_id` names an order with used lines, else `nil`.
    public var order: Int32?
    public var carrier: String?
    public init(shipDate: Day, serviceLevel: String, cost: Double, order: Int32? = nil, carrier: String? = nil) {
        self.shipDate = shipDate
        self.serviceLevel = serviceLevel
        self.cost = cost
        self.order = order
        self.carrier = carrier
    }
}

/// A used inventory snapshot row.
public struct InventoryRecord: Sendable, Equatable {
    public var snapshotDate: Day
    public var product: Int32
    public var qtyOnHand: Double
    /// The row's tuple of segment values (`RecordSink.segmentTuples(.inventory, …)`); 0 without any.
    public var segment: Int32
    public init(snapshotDate: Day, product: Int32, qtyOnHand: Double, segment: Int32 = 0) {
        self.snapshotDate = snapshotDate
        self.product = product
        self.qtyOnHand = qtyOnHand
        self.segment = segment
    }
}

/// A used forecast row (`weekStart` is a Monday).
public struct ForecastRecord: Sendable, Equatable {
    public var weekStart: Day
    public var product: Int32
    public var forecastUnits: Double
    /// The row's tuple of segment values (`RecordSink.segmentTuples(.forecast, …)`); 0 without any.
    public var segment: Int32
    public init(weekStart: Day, product: Int32, forecastUnits: Double, segment: Int32 = 0) {
        self.weekStart = weekStart
        self.product = product
        self.forecastUnits = forecastUnits
        self.segment = segment
    }
}

/// A used purchase-order line (not rejected, `order_date` not after the as-of date).
public struct PurchaseOrderLineRecord: Sendable, Equatable {
    /// Dense index of used PO lines, 0, 1, 2 … in the order they are sent.
    public var line: Int32
    public var orderDate: Day
    public var dueDate: Day
    public var product: Int32
    public var qtyOrdered: Double
    /// The line's tuple of segment values (`RecordSink.segmentTuples(.purchaseOrders, …)`); 0 without any.
    public var segment: Int32
    public init(line: Int32, orderDate: Day, dueDate: Day, product: Int32, qtyOrdered: Double, segment: Int32 = 0) {
        self.line = line
        self.orderDate = orderDate
        self.dueDate = dueDate
        self.product = product
        self.qtyOrdered = qtyOrdered
        self.segment = segment
    }
}

/// A used goods receipt (its PO line is used, its receipt date not after the as-of date).
public struct ReceiptRecord: Sendable, Equatable {
    /// The `line` of its `PurchaseOrderLineRecord`.
    public var line: Int32
    public var receiptDate: Day
    public var qtyReceived: Double
    public init(line: Int32, receiptDate: Day, qtyReceived: Double) {
        self.line = line
        self.receiptDate = receiptDate
        self.qtyReceived = qtyReceived
    }
}

/// Receives the validated records of one build, in this order: `master` once; every `orderLine`;
/// `ordersComplete` once (the as-of date is then known); then deliveries, returns, freight, inventory,
/// forecast, purchase-order lines and receipts (each source's records contiguous, sources in
/// `SourceName` order; every receipt after every PO line).
///
/// Records that are rejected or dated after the as-of date never reach the sink.
public protocol RecordSink {
    mutating func master(_ master: MasterData)
    mutating func orderLine(_ record: OrderLineRecord)
    /// - Parameters:
    ///   - asOf: the scorecard's date.
    ///   - lineCount: the number of used order lines (`line` indices are `0..<lineCount`).
    ///   - orderCount: the number of distinct orders of used lines.
    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int)
    mutating func delivery(_ record: DeliveryRecord)
    mutating func returned(_ record: ReturnRecord)
    mutating func freight(_ record: FreightRecord)
    mutating func inventory(_ record: InventoryRecord)
    mutating func forecast(_ record: ForecastRecord)
    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord)
    mutating func receipt(_ record: ReceiptRecord)
    /// The tuples of segment values that the source's records name by `segment`, one value per segment
    /// column of the source (`SegmentsConfig.columns(of:)`): sent for orders before `ordersComplete`, for
    /// inventory, forecast and purchase orders before their first record. Only when the source has
    /// segment columns.
    mutating func segmentTuples(_ source: SourceName, _ tuples: [[String]])
}

extension RecordSink {
    public mutating func segmentTuples(_ source: SourceName, _ tuples: [[String]]) {}
}
