import ScorecardCore
import Testing
@testable import Setup

@Suite struct ColumnDictionaryTests {
    @Test(arguments: [
        ("Order Id", "orderid"), ("ORDER_ID", "orderid"), ("order-id", "orderid"), ("WADAT_IST", "wadatist"),
        ("Stück", "stueck"), (" Gültig ab ", "gueltigab"), ("Pos.", "pos"),
    ])
    func normalizesHeaders(header: String, expected: String) {
        #expect(HeaderName.normalize(header) == expected)
    }

    /// SAP field names, German display names and English names, each for the source it belongs to.
    @Test(arguments: [
        ("VBELN", SourceName.orders, "order_id"), ("POSNR", .orders, "line_no"), ("MATNR", .orders, "sku"), ("ERDAT", .orders, "order_date"),
        ("EDATU", .orders, "requested_date"), ("KWMENG", .orders, "qty_ordered"), ("NETPR", .orders, "unit_price"),
        ("VGBEL", .deliveries, "order_id"), ("VGPOS", .deliveries, "line_no"), ("LFIMG", .deliveries, "qty_shipped"),
        ("WADAT_IST", .deliveries, "ship_date"), ("MATKL", .products, "category"), ("STPRS", .products, "unit_cost"),
        ("LABST", .inventory, "qty_on_hand"), ("WERKS", .inventory, "location"), ("EBELN", .purchaseOrders, "po_id"),
        ("EBELP", .purchaseOrders, "line_no"), ("EINDT", .purchaseOrders, "due_date"), ("MENGE", .purchaseOrders, "qty_ordered"),
        ("BUDAT", .receipts, "receipt_date"), ("EBELN", .receipts, "po_id"),
        ("Verkaufsbeleg", .orders, "order_id"), ("Position", .orders, "line_no"), ("Belegdatum", .orders, "order_date"),
        ("Material", .orders, "sku"), ("Auftragsmenge", .orders, "qty_ordered"), ("Nettopreis", .orders, "unit_price"),
        ("Liefermenge", .deliveries, "qty_shipped"), ("Warengruppe", .products, "category"), ("Standardpreis", .products, "unit_cost"),
        ("Stichtag", .inventory, "snapshot_date"), ("Bestand", .inventory, "qty_on_hand"), ("Werk", .inventory, "location"),
        ("Einkaufsbeleg", .purchaseOrders, "po_id"), ("Bestellmenge", .purchaseOrders, "qty_ordered"),
        ("Order Number", .orders, "order_id"), ("Ship Date", .deliveries, "ship_date"), ("On Hand", .inventory, "qty_on_hand"),
        ("qty_ordered", .orders, "qty_ordered"),
    ])
    func knowsTheName(header: String, source: SourceName, column: String) {
        let m = ColumnDictionary.match(header, source: source, column: column)
        #expect(m != nil && m!.strength >= .common, "\(header) → \(source).\(column)")
    }

    /// In a delivery export VBELN is the delivery and POSNR its item: at most a weak guess for the order.
    @Test func vbelnInADeliveryIsTheDelivery() {
        #expect(ColumnDictionary.match("VBELN", source: .deliveries, column: "order_id")?.strength == .weak)
        #expect(ColumnDictionary.match("VBELN", source: .deliveries, column: "delivery_id")?.strength == .common)
        #expect(ColumnDictionary.match("POSNR", source: .deliveries, column: "line_no")?.strength == .weak)
        #expect(ColumnDictionary.match("VBELN", source: .orders, column: "order_id")?.strength == .specific)
    }

    /// A word means different columns in different sources, and nothing in others.
    @Test func namesBelongToTheirSources() {
        #expect(ColumnDictionary.match("Bestellmenge", source: .orders, column: "qty_ordered") == nil)
        #expect(ColumnDictionary.match("Lieferdatum", source: .orders, column: "requested_date")?.strength == .common)
        #expect(ColumnDictionary.match("Lieferdatum", source: .deliveries, column: "ship_date")?.strength == .common)
        #expect(ColumnDictionary.match("Date", source: .orders, column: "order_date")?.strength == .weak)
        #expect(ColumnDictionary.match("Shoe size", source: .orders, column: "sku") == nil)
    }
}
