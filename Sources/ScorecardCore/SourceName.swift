/// The eleven CSV sources of the scorecard (docs/inputs.md), in the order they are read and reported.
public enum SourceName: String, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case products
    case campaigns
    case campaignItems = "campaign_items"
    case orders
    case deliveries
    case returns
    case freight
    case inventory
    case forecast
    case purchaseOrders = "purchase_orders"
    case receipts

    /// Required sources fail the build when missing; optional ones only switch off their KPIs.
    public var isRequired: Bool {
        switch self {
        case .products, .orders, .deliveries, .campaigns, .campaignItems: return true
        case .inventory, .freight, .returns, .forecast, .purchaseOrders, .receipts: return false
        }
    }

    /// Canonical column names, required first; `optionalColumns` may be absent from an export.
    public var requiredColumns: [String] {
        switch self {
        case .products: return ["sku", "category", "unit_cost", "list_price"]
        case .orders: return ["order_id", "line_no", "order_date", "requested_date", "sku", "qty_ordered", "unit_price"]
        case .deliveries: return ["order_id", "line_no", "ship_date", "qty_shipped"]
        case .campaigns: return ["campaign_id", "name", "start_date", "end_date"]
        case .campaignItems: return ["campaign_id", "sku", "category", "planned_units"]
        case .inventory: return ["snapshot_date", "sku", "qty_on_hand"]
        case .freight: return ["shipment_id", "ship_date", "service_level", "cost"]
        case .returns: return ["order_id", "line_no", "return_date", "qty_returned"]
        case .forecast: return ["week_start", "sku", "forecast_units"]
        case .purchaseOrders: return ["po_id", "line_no", "order_date", "due_date", "sku", "qty_ordered"]
        case .receipts: return ["po_id", "line_no", "receipt_date", "qty_received"]
        }
    }

    public var optionalColumns: [String] {
        switch self {
        case .products: return ["description"]
        case .deliveries: return ["delivery_id"]
        case .campaigns: return ["channel", "budget"]
        case .inventory: return ["location"]
        case .freight: return ["order_id", "carrier"]
        case .returns: return ["return_id", "reason_code"]
        case .purchaseOrders: return ["supplier"]
        case .receipts: return ["receipt_id"]
        case .orders, .campaignItems, .forecast: return []
        }
    }

    public var description: String { rawValue }

    public static func < (a: SourceName, b: SourceName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
