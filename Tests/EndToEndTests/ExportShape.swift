import Foundation

/// One way real exports look, built from canonical sample exports, with the config a person would
/// write for it by hand.
struct ExportShape: CustomStringConvertible, Sendable {
    struct File: Sendable {
        var source: String
        var path: String
        /// Canonical column → the export's header, in the export's column order.
        var columns: [(String, String)]
        var dialect: ExportShapes.Dialect
        var split = 1
    }

    var name: String
    var files: [File]
    /// The hand-written config, placed beside the `exports` folder.
    var handConfig: String
    /// Changes to the canonical values (umlauts, padded line numbers, extra tables).
    var transform: @Sendable (inout [String: ExportShapes.Table]) -> Void = { _ in }

    var description: String { name }

    /// Writes the shape's files into `exports` from the canonical files in `canonical`.
    func write(from canonical: URL, to exports: URL) throws {
        var tables: [String: ExportShapes.Table] = [:]
        for f in files where tables[f.source] == nil {
            let url = canonical.appendingPathComponent("\(f.source).csv")
            if FileManager.default.fileExists(atPath: url.path) { tables[f.source] = try ExportShapes.read(url) }
        }
        transform(&tables)
        for f in files {
            guard let t = tables[f.source] else { continue }
            // No columns named: the canonical file as it is.
            let columns = f.columns.isEmpty ? t.header.map { ($0, $0) } : f.columns
            let idx = columns.map { t.header.firstIndex(of: $0.0)! }
            let projected = ExportShapes.Table(header: columns.map(\.0), rows: t.rows.map { r in idx.map { $0 < r.count ? r[$0] : "" } })
            try ExportShapes.write(projected, f.dialect, to: exports, path: f.path, headers: columns, split: f.split)
        }
    }
}

extension ExportShape {
    static let all: [ExportShape] = [canonical, sapTechnical, sapGerman, usSpreadsheet]

    /// The canonical exports as `scorecard sample` writes them; by hand, no config at all.
    static let canonical = ExportShape(
        name: "canonical",
        files: ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight", "inventory", "forecast"].map { s in
            File(source: s, path: "\(s).csv", columns: [], dialect: ExportShapes.Dialect())
        },
        handConfig: "data: exports\n")

    /// SAP tables with their field names, tab-separated, dates as SAP stores them (`yyyyMMdd`), order line
    /// numbers padded (`000010`), a delivery export whose VBELN is the delivery; purchase orders and goods
    /// receipts; the marketing files in English.
    static let sapTechnical: ExportShape = {
        var sap = ExportShapes.Dialect()
        sap.delimiter = "\t"
        sap.date = { y, m, d, _ in String(format: "%04d%02d%02d", y, m, d) }
        let english = ExportShapes.Dialect()
        return ExportShape(
            name: "sap-technical",
            files: [
                File(source: "products", path: "MARA.csv", columns: [("sku", "MATNR"), ("category", "MATKL"), ("unit_cost", "STPRS"),
                                                                    ("list_price", "KBETR"), ("description", "MAKTX")], dialect: sap),
                File(source: "campaigns", path: "marketing/campaigns.csv", columns: [("campaign_id", "Campaign ID"), ("name", "Campaign Name"),
                     ("start_date", "Start Date"), ("end_date", "End Date"), ("channel", "Channel"), ("budget", "Budget")], dialect: english),
                File(source: "campaign_items", path: "marketing/campaign_products.csv", columns: [("campaign_id", "Campaign ID"),
                     ("sku", "Product ID"), ("category", "Product Group"), ("planned_units", "Planned Units")], dialect: english),
                File(source: "orders", path: "VBAP.csv", columns: [("order_id", "VBELN"), ("line_no", "POSNR"), ("sku", "MATNR"),
                     ("order_date", "ERDAT"), ("requested_date", "EDATU"), ("qty_ordered", "KWMENG"), ("unit_price", "NETPR"),
                     ("currency", "WAERK")], dialect: sap),
                File(source: "deliveries", path: "LIPS.csv", columns: [("delivery_id", "VBELN"), ("delivery_item", "POSNR"), ("order_id", "VGBEL"),
                     ("line_no", "VGPOS"), ("ship_date", "WADAT_IST"), ("qty_shipped", "LFIMG")], dialect: sap),
                File(source: "inventory", path: "MARD.csv", columns: [("snapshot_date", "STICHTAG"), ("sku", "MATNR"), ("location", "WERKS"),
                     ("qty_on_hand", "LABST")], dialect: sap),
                File(source: "purchase_orders", path: "EKPO.csv", columns: [("po_id", "EBELN"), ("line_no", "EBELP"), ("sku", "MATNR"),
                     ("order_date", "BEDAT"), ("due_date", "EINDT"), ("qty_ordered", "MENGE"), ("supplier", "LIFNR")], dialect: sap),
                File(source: "receipts", path: "MSEG.csv", columns: [("receipt_id", "MBLNR"), ("po_id", "EBELN"), ("line_no", "EBELP"),
                     ("receipt_date", "BUDAT"), ("qty_received", "MENGE")], dialect: sap),
            ],
            handConfig: """
            data: exports
            csv:
              delimiter: "\\t"
              date_format: yyyyMMdd
            sources:
              products:
                path: MARA.csv
                columns: {sku: MATNR, category: MATKL, unit_cost: STPRS, list_price: KBETR, description: MAKTX}
              campaigns:
                path: marketing/campaigns.csv
                delimiter: ","
                date_format: yyyy-MM-dd
                columns: {campaign_id: Campaign ID, name: Campaign Name, start_date: Start Date, end_date: End Date, channel: Channel, budget: Budget}
              campaign_items:
                path: marketing/campaign_products.csv
                delimiter: ","
                columns: {campaign_id: Campaign ID, sku: Product ID, category: Product Group, planned_units: Planned Units}
              orders:
                path: VBAP.csv
                columns: {order_id: VBELN, line_no: POSNR, order_date: ERDAT, requested_date: EDATU, sku: MATNR, qty_ordered: KWMENG, unit_price: NETPR}
              deliveries:
                path: LIPS.csv
                columns: {order_id: VGBEL, line_no: VGPOS, ship_date: WADAT_IST, qty_shipped: LFIMG, delivery_id: VBELN}
              inventory:
                path: MARD.csv
                columns: {snapshot_date: STICHTAG, sku: MATNR, qty_on_hand: LABST, location: WERKS}
              purchase_orders:
                path: EKPO.csv
                columns: {po_id: EBELN, line_no: EBELP, order_date: BEDAT, due_date: EINDT, sku: MATNR, qty_ordered: MENGE, supplier: LIFNR}
              receipts:
                path: MSEG.csv
                columns: {po_id: EBELN, line_no: EBELP, receipt_date: BUDAT, qty_received: MENGE, receipt_id: MBLNR}

            """,
            transform: { tables in
                // SAP pads item numbers; the delivery export names the order's item without padding.
                if var orders = tables["orders"] {
                    let l = orders.column("line_no")
                    orders.header.append("currency")
                    orders.rows = orders.rows.map { r in
                        var r = r
                        if let n = Int(r[l]) { r[l] = String(format: "%06d", n) }
                        return r + ["EUR"]
                    }
                    tables["orders"] = orders
                }
                if var deliveries = tables["deliveries"] {
                    deliveries.header.append("delivery_item")
                    deliveries.rows = deliveries.rows.map { $0 + ["000010"] }
                    tables["deliveries"] = deliveries
                }
                if let products = tables["products"], let orders = tables["orders"] {
                    (tables["purchase_orders"], tables["receipts"]) = inbound(products: products, orders: orders)
                }
            })
    }()

    /// SAP's German display names, `;`-separated, decimal comma and `.` grouping, dates with a time,
    /// windows-1252 with umlauts in the values, and the order lines split over two files.
    static let sapGerman: ExportShape = {
        var de = ExportShapes.Dialect()
        de.delimiter = ";"
        de.decimal = ","
        de.thousands = "."
        de.windows1252 = true
        de.crlf = true
        de.date = { y, m, d, time in String(format: "%02d.%02d.%04d ", d, m, y) + (time ?? "00:00:00") }
        return ExportShape(
            name: "sap-german",
            files: [
                File(source: "products", path: "MARA.csv", columns: [("sku", "Material"), ("category", "Warengruppe"), ("unit_cost", "Standardpreis"),
                     ("list_price", "Listenpreis"), ("description", "Materialkurztext")], dialect: de),
                File(source: "campaigns", path: "Kampagnen.csv", columns: [("campaign_id", "Kampagne"), ("name", "Bezeichnung"), ("start_date", "Beginn"),
                     ("end_date", "Ende"), ("channel", "Kanal"), ("budget", "Budget")], dialect: de),
                File(source: "campaign_items", path: "Kampagnenpositionen.csv", columns: [("campaign_id", "Kampagne"), ("sku", "Material"),
                     ("category", "Warengruppe"), ("planned_units", "Planmenge")], dialect: de),
                File(source: "orders", path: "VBAP/VBAP.csv", columns: [("order_id", "Verkaufsbeleg"), ("line_no", "Position"), ("order_date", "Belegdatum"),
                     ("requested_date", "Wunschlieferdatum"), ("sku", "Material"), ("qty_ordered", "Auftragsmenge"), ("unit_price", "Nettopreis")],
                     dialect: de, split: 2),
                File(source: "deliveries", path: "LIPS.csv", columns: [("delivery_id", "Lieferung"), ("order_id", "Referenzbeleg"),
                     ("line_no", "Referenzposition"), ("ship_date", "Warenausgangsdatum"), ("qty_shipped", "Liefermenge")], dialect: de),
                File(source: "returns", path: "Retouren.csv", columns: [("return_id", "Retoure"), ("order_id", "Referenzbeleg"), ("line_no", "Referenzposition"),
                     ("return_date", "Retourendatum"), ("qty_returned", "Retourenmenge"), ("reason_code", "Grund")], dialect: de),
                File(source: "freight", path: "Fracht.csv", columns: [("shipment_id", "Sendung"), ("ship_date", "Versanddatum"), ("service_level", "Versandart"),
                     ("cost", "Frachtkosten"), ("order_id", "Verkaufsbeleg"), ("carrier", "Spediteur")], dialect: de),
                File(source: "inventory", path: "Bestand.csv", columns: [("snapshot_date", "Stichtag"), ("sku", "Material"), ("location", "Werk"),
                     ("qty_on_hand", "Bestand")], dialect: de),
                File(source: "forecast", path: "Prognose.csv", columns: [("week_start", "Woche"), ("sku", "Material"), ("forecast_units", "Prognose")], dialect: de),
            ],
            handConfig: """
            data: exports
            csv:
              delimiter: ";"
              decimal: ","
              thousands: "."
              date_format: "dd.MM.yyyy HH:mm:ss"
              encoding: windows-1252
            sources:
              products: {path: MARA.csv, columns: {sku: Material, category: Warengruppe, unit_cost: Standardpreis, list_price: Listenpreis, description: Materialkurztext}}
              campaigns: {path: Kampagnen.csv, columns: {campaign_id: Kampagne, name: Bezeichnung, start_date: Beginn, end_date: Ende, channel: Kanal, budget: Budget}}
              campaign_items: {path: Kampagnenpositionen.csv, columns: {campaign_id: Kampagne, sku: Material, category: Warengruppe, planned_units: Planmenge}}
              orders: {path: "VBAP/VBAP_*.csv", columns: {order_id: Verkaufsbeleg, line_no: Position, order_date: Belegdatum, requested_date: Wunschlieferdatum, sku: Material, qty_ordered: Auftragsmenge, unit_price: Nettopreis}}
              deliveries: {path: LIPS.csv, columns: {order_id: Referenzbeleg, line_no: Referenzposition, ship_date: Warenausgangsdatum, qty_shipped: Liefermenge, delivery_id: Lieferung}}
              returns: {path: Retouren.csv, columns: {order_id: Referenzbeleg, line_no: Referenzposition, return_date: Retourendatum, qty_returned: Retourenmenge, return_id: Retoure, reason_code: Grund}}
              freight: {path: Fracht.csv, columns: {shipment_id: Sendung, ship_date: Versanddatum, service_level: Versandart, cost: Frachtkosten, order_id: Verkaufsbeleg, carrier: Spediteur}}
              inventory: {path: Bestand.csv, columns: {snapshot_date: Stichtag, sku: Material, qty_on_hand: Bestand, location: Werk}}
              forecast: {path: Prognose.csv, columns: {week_start: Woche, sku: Material, forecast_units: Prognose}}

            """,
            transform: { tables in
                // German category names and descriptions: bytes above 0x7F in windows-1252.
                let german = ["Coffee": "Kaffee", "Spices": "Gewürze", "Tea": "Tee", "Snacks": "Knabbereien", "Bakery": "Bäckerei"]
                for source in ["products", "campaign_items"] {
                    guard var t = tables[source] else { continue }
                    let c = t.column("category")
                    t.rows = t.rows.map { r in var r = r; r[c] = german[r[c]] ?? r[c]; return r }
                    if let d = t.header.firstIndex(of: "description") {
                        t.rows = t.rows.map { r in var r = r; if !r[d].isEmpty { r[d] += " – Qualität" }; return r }
                    }
                    tables[source] = t
                }
            })
    }()

    /// A US spreadsheet: UTF-8 with a byte-order mark, CRLF, `M/d/yyyy`, numbers grouped with `,` and
    /// quoted, display names with spaces in file and column names.
    static let usSpreadsheet: ExportShape = {
        var us = ExportShapes.Dialect()
        us.thousands = ","
        us.quoteNumbers = true
        us.byteOrderMark = true
        us.crlf = true
        us.date = { y, m, d, _ in "\(m)/\(d)/\(y)" }
        return ExportShape(
            name: "us-spreadsheet",
            files: [
                File(source: "products", path: "Item Master.csv", columns: [("sku", "Item Number"), ("description", "Item Description"),
                     ("category", "Category"), ("unit_cost", "Standard Cost"), ("list_price", "List Price")], dialect: us),
                File(source: "campaigns", path: "Campaigns.csv", columns: [("campaign_id", "Campaign"), ("name", "Campaign Name"), ("start_date", "Start Date"),
                     ("end_date", "End Date"), ("channel", "Channel"), ("budget", "Budget")], dialect: us),
                File(source: "campaign_items", path: "Campaign Items.csv", columns: [("campaign_id", "Campaign"), ("sku", "Item Number"),
                     ("category", "Category"), ("planned_units", "Planned Qty")], dialect: us),
                File(source: "orders", path: "Sales Order Lines.csv", columns: [("order_id", "Order Number"), ("line_no", "Line"), ("order_date", "Order Date"),
                     ("requested_date", "Requested Delivery Date"), ("sku", "Item Number"), ("qty_ordered", "Ordered Qty"), ("unit_price", "Unit Price")], dialect: us),
                File(source: "deliveries", path: "Shipments.csv", columns: [("delivery_id", "Delivery Number"), ("order_id", "Order Number"),
                     ("line_no", "Order Line"), ("ship_date", "Ship Date"), ("qty_shipped", "Shipped Qty")], dialect: us),
                File(source: "returns", path: "Returns.csv", columns: [("return_id", "RMA Number"), ("order_id", "Order Number"), ("line_no", "Order Line"),
                     ("return_date", "Return Date"), ("qty_returned", "Returned Qty"), ("reason_code", "Return Reason")], dialect: us),
                File(source: "freight", path: "Freight Invoices.csv", columns: [("shipment_id", "Shipment Number"), ("ship_date", "Ship Date"),
                     ("service_level", "Service Level"), ("cost", "Freight Cost"), ("order_id", "Order Number"), ("carrier", "Carrier")], dialect: us),
                File(source: "inventory", path: "Stock Snapshots.csv", columns: [("snapshot_date", "Snapshot Date"), ("sku", "Item Number"),
                     ("location", "Warehouse"), ("qty_on_hand", "On Hand")], dialect: us),
                File(source: "forecast", path: "Forecast.csv", columns: [("week_start", "Week Starting"), ("sku", "Item Number"), ("forecast_units", "Forecast Qty")], dialect: us),
            ],
            handConfig: """
            data: exports
            csv:
              thousands: ","
              date_format: M/d/yyyy
            sources:
              products: {path: Item Master.csv, columns: {sku: Item Number, category: Category, unit_cost: Standard Cost, list_price: List Price, description: Item Description}}
              campaigns: {path: Campaigns.csv, columns: {campaign_id: Campaign, name: Campaign Name, start_date: Start Date, end_date: End Date, channel: Channel, budget: Budget}}
              campaign_items: {path: Campaign Items.csv, columns: {campaign_id: Campaign, sku: Item Number, category: Category, planned_units: Planned Qty}}
              orders: {path: Sales Order Lines.csv, columns: {order_id: Order Number, line_no: Line, order_date: Order Date, requested_date: Requested Delivery Date, sku: Item Number, qty_ordered: Ordered Qty, unit_price: Unit Price}}
              deliveries: {path: Shipments.csv, columns: {order_id: Order Number, line_no: Order Line, ship_date: Ship Date, qty_shipped: Shipped Qty, delivery_id: Delivery Number}}
              returns: {path: Returns.csv, columns: {order_id: Order Number, line_no: Order Line, return_date: Return Date, qty_returned: Returned Qty, return_id: RMA Number, reason_code: Return Reason}}
              freight: {path: Freight Invoices.csv, columns: {shipment_id: Shipment Number, ship_date: Ship Date, service_level: Service Level, cost: Freight Cost, order_id: Order Number, carrier: Carrier}}
              inventory: {path: Stock Snapshots.csv, columns: {snapshot_date: Snapshot Date, sku: Item Number, qty_on_hand: On Hand, location: Warehouse}}
              forecast: {path: Forecast.csv, columns: {week_start: Week Starting, sku: Item Number, forecast_units: Forecast Qty}}

            """)
    }()

    /// Purchase-order lines for the first products, and a goods receipt for every other one (the sample
    /// generator has no inbound sources yet).
    static func inbound(products: ExportShapes.Table, orders: ExportShapes.Table) -> (ExportShapes.Table, ExportShapes.Table) {
        let first = orders.rows.map { $0[orders.column("order_date")] }.filter { $0.count == 10 }.min() ?? "2026-05-18"
        let skus = products.rows.map { $0[products.column("sku")] }
        var po = ExportShapes.Table(header: ["po_id", "line_no", "sku", "order_date", "due_date", "qty_ordered", "supplier"], rows: [])
        var gr = ExportShapes.Table(header: ["receipt_id", "po_id", "line_no", "receipt_date", "qty_received"], rows: [])
        func day(_ iso: String, plus n: Int) -> String {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withFullDate]
            let d = f.date(from: iso)!.addingTimeInterval(Double(n) * 86_400)
            return f.string(from: d)
        }
        for (k, sku) in skus.prefix(24).enumerated() {
            let id = String(format: "45%08d", k / 3 + 1)
            let line = String(format: "%05d", (k % 3 + 1) * 10)
            po.rows.append([id, line, sku, day(first, plus: 7 * k), day(first, plus: 7 * k + 14), String(100 + 10 * k), "V\(k % 4 + 1)"])
            if k % 2 == 0 {
                gr.rows.append([String(format: "50%08d", k + 1), id, String((k % 3 + 1) * 10), day(first, plus: 7 * k + 12 + k % 5), String(100 + 10 * k)])
            }
        }
        return (po, gr)
    }
}
