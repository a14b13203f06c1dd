import ScorecardCore

/// Header names that feed each canonical column: English names, SAP field names and SAP's German
/// display names, each with how strongly it points at the column.
///
/// The same header can mean different columns in different sources: `VBELN` is the order in a sales
/// order export (VBAP) but the delivery in a delivery export (LIPS), whose order is `VGBEL`; `MENGE` is
/// ordered in a purchase order and received in a goods receipt. Entries therefore name their sources.
enum ColumnDictionary {
    /// How strongly a header points at a column.
    enum Strength: Int, Sendable, Comparable {
        /// A generic word (`Date`, `Menge`, `Qty`): a guess only when nothing better is there.
        case weak = 1
        /// A usual name with another possible meaning (`Price`, `Lieferdatum`).
        case common = 2
        /// The canonical name, or a name that means exactly this column.
        case specific = 3

        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where a name comes from, for the config's comments.
    enum Origin: String, Sendable {
        case canonical = "the canonical name"
        case english = "an English name"
        case sapField = "an SAP field name"
        case sapGerman = "an SAP display name (German)"
        case generic = "a generic name"
    }

    struct Match: Sendable, Equatable {
        var strength: Strength
        var origin: Origin
        /// A short gloss, e.g. `SAP field VBELN (sales document)`.
        var gloss: String?
    }

    private struct Entry {
        var sources: Set<SourceName>?
        var column: String
        var strength: Strength
        var origin: Origin
        var name: String
        var gloss: String?
    }

    /// The best match of `header` for `column` of `source`, or `nil`.
    static func match(_ header: String, source: SourceName, column: String) -> Match? {
        let key = HeaderName.normalize(header)
        if key == HeaderName.normalize(column) { return Match(strength: .specific, origin: .canonical, gloss: nil) }
        var best: Match?
        for e in table[key] ?? [] where e.column == column && (e.sources?.contains(source) ?? true) {
            if best == nil || e.strength > best!.strength { best = Match(strength: e.strength, origin: e.origin, gloss: e.gloss) }
        }
        if best == nil {
            // A generic word with a number (`Datum 1`, `Date2`) is still only that generic word.
            let stem = String(key.reversed().drop { $0.isNumber }.reversed())
            if stem != key, !stem.isEmpty {
                for e in table[stem] ?? [] where e.column == column && e.strength == .weak && (e.sources?.contains(source) ?? true) {
                    best = Match(strength: .weak, origin: e.origin, gloss: e.gloss)
                }
            }
        }
        return best
    }

    private static let table: [String: [Entry]] = {
        var t: [String: [Entry]] = [:]
        for e in entries { t[HeaderName.normalize(e.name), default: []].append(e) }
        return t
    }()

    private static let sales: Set<SourceName> = [.orders]
    private static let salesFollowUps: Set<SourceName> = [.deliveries, .returns, .freight]
    private static let inbound: Set<SourceName> = [.purchaseOrders, .receipts]

    // MARK: the table

    private static func names(_ column: String, _ strength: Strength, _ origin: Origin, in sources: Set<SourceName>? = nil,
                              _ list: [String], gloss: String? = nil) -> [Entry] {
        list.map { Entry(sources: sources, column: column, strength: strength, origin: origin, name: $0, gloss: gloss) }
    }

    private static func sap(_ column: String, _ field: String, _ meaning: String, _ strength: Strength = .specific,
                            in sources: Set<SourceName>? = nil) -> Entry {
        Entry(sources: sources, column: column, strength: strength, origin: .sapField, name: field, gloss: "SAP field \(field) (\(meaning))")
    }

    private static let entries: [Entry] = {
        var e: [Entry] = []
        // sku
        e.append(sap("sku", "MATNR", "material number"))
        e += names("sku", .specific, .sapGerman, ["Material", "Materialnummer", "Artikelnummer", "Artikelnr"])
        e += names("sku", .specific, .english, ["SKU Code", "Item Number", "Item No", "Item Code", "Item ID", "Product ID",
                                                 "Product Code", "Product Number", "Article Number", "Part Number", "Material Number"])
        e += names("sku", .common, .english, ["Product", "Item", "Article", "Artikel", "Produkt"])
        // category
        e.append(sap("category", "MATKL", "material group"))
        e += names("category", .specific, .sapGerman, ["Warengruppe", "Produktgruppe", "Kategorie", "Materialgruppe"])
        e += names("category", .specific, .english, ["Material Group", "Product Category", "Product Group", "Category Name", "Merchandise Category"])
        e += names("category", .common, .english, ["Group", "Department", "Product Line", "Family", "Product Family"])
        // products: unit_cost, list_price, description
        e.append(sap("unit_cost", "STPRS", "standard price"))
        e.append(sap("unit_cost", "VERPR", "moving average price", .common))
        e += names("unit_cost", .specific, .sapGerman, ["Standardpreis", "Einstandspreis", "Stückkosten", "Herstellkosten"])
        e += names("unit_cost", .specific, .english, ["Standard Cost", "Standard Price", "Unit Cost", "Cost Price", "Item Cost", "Product Cost"])
        e += names("unit_cost", .common, .english, in: [.products], ["Cost", "Kosten", "Gleitender Durchschnittspreis"])
        e += names("list_price", .specific, .sapGerman, ["Listenpreis", "Verkaufspreis", "Bruttopreis", "UVP"])
        e += names("list_price", .specific, .english, ["List Price", "Retail Price", "Sales Price", "Selling Price", "MSRP", "RRP"])
        e += names("list_price", .common, .english, in: [.products], ["Price", "Preis"])
        e.append(sap("list_price", "KBETR", "condition amount: the list price condition", .common, in: [.products]))
        e.append(sap("description", "MAKTX", "material description"))
        e += names("description", .specific, .sapGerman, ["Materialkurztext", "Kurztext", "Artikelbezeichnung", "Beschreibung"])
        e += names("description", .specific, .english, ["Material Description", "Product Name", "Item Description", "Product Description", "Item Name"])
        e += names("description", .common, .english, in: [.products], ["Name", "Bezeichnung", "Title", "Text"])
        // campaigns
        e += names("campaign_id", .specific, .sapGerman, ["Kampagne", "Kampagnen-ID", "Kampagnennummer", "Aktion", "Aktionsnummer"])
        e += names("campaign_id", .specific, .english, ["Campaign", "Campaign ID", "Campaign Code", "Campaign No", "Promotion",
                                                         "Promotion ID", "Promo ID", "Promo"])
        e += names("name", .specific, .english, in: [.campaigns], ["Campaign Name", "Promotion Name", "Promo Name", "Title"])
        e += names("name", .specific, .sapGerman, in: [.campaigns], ["Bezeichnung", "Kampagnenname", "Aktionsname"])
        e += names("name", .common, .english, in: [.campaigns], ["Description", "Beschreibung", "Text"])
        e += names("start_date", .specific, .english, ["Start", "Start Date", "Starts", "Begin", "Begin Date", "Valid From", "From Date", "First Day"])
        e += names("start_date", .specific, .sapGerman, ["Beginn", "Startdatum", "Beginndatum", "Gültig ab", "Von"])
        e.append(sap("start_date", "DATAB", "valid from"))
        e += names("end_date", .specific, .english, ["End", "End Date", "Ends", "Valid To", "To Date", "Until", "Last Day"])
        e += names("end_date", .specific, .sapGerman, ["Ende", "Enddatum", "Gültig bis", "Bis"])
        e.append(sap("end_date", "DATBI", "valid to"))
        e += names("channel", .specific, .english, ["Channel", "Marketing Channel", "Medium"])
        e += names("channel", .specific, .sapGerman, ["Kanal", "Werbekanal"])
        e += names("budget", .specific, .english, ["Budget", "Campaign Budget", "Spend", "Planned Spend"])
        e += names("budget", .specific, .sapGerman, ["Etat", "Kampagnenbudget"])
        // campaign_items
        e += names("planned_units", .specific, .english, ["Planned Units", "Plan Units", "Planned Qty", "Plan Qty", "Planned Quantity",
                                                           "Target Units", "Target Qty", "Promo Units", "Expected Units"])
        e += names("planned_units", .specific, .sapGerman, ["Planmenge", "Zielmenge", "Aktionsmenge"])
        e += names("planned_units", .common, .english, in: [.campaignItems], ["Plan", "Units", "Quantity", "Qty", "Menge"])
        // orders
        e.append(sap("order_id", "VBELN", "sales document", in: sales))
        e.append(sap("order_id", "VBELN", "in a delivery export the delivery, not the order", .weak, in: salesFollowUps))
        e.append(sap("order_id", "VGBEL", "reference document: the order", in: salesFollowUps))
        e.append(sap("order_id", "AUBEL", "sales document", in: salesFollowUps))
        e += names("order_id", .specific, .sapGerman, in: sales.union(salesFollowUps), ["Verkaufsbeleg", "Kundenauftrag", "Auftragsnummer", "Auftrag"])
        e += names("order_id", .specific, .sapGerman, in: salesFollowUps, ["Referenzbeleg", "Vorgängerbeleg", "Bezugsbeleg"])
        e += names("order_id", .specific, .english, in: sales.union(salesFollowUps), ["Order ID", "Order Number", "Order No", "Sales Order",
                                                                                         "Sales Order Number", "SO Number", "SO", "Sales Document", "Order Ref"])
        e += names("order_id", .common, .english, in: sales.union(salesFollowUps), ["Order", "Document", "Beleg", "Belegnummer", "Document Number"])
        e.append(sap("line_no", "POSNR", "item of the sales document", in: sales))
        e.append(sap("line_no", "POSNR", "in a delivery export the delivery item, not the order's", .weak, in: salesFollowUps))
        e.append(sap("line_no", "VGPOS", "reference item: the order line", in: salesFollowUps))
        e.append(sap("line_no", "AUPOS", "sales document item", in: salesFollowUps))
        e.append(sap("line_no", "EBELP", "purchase order item", in: inbound))
        e += names("line_no", .specific, .sapGerman, in: salesFollowUps, ["Referenzposition", "Vorgängerposition", "Auftragsposition"])
        e += names("line_no", .specific, .english, in: salesFollowUps, ["Order Line", "Order Line No", "Order Line Number", "Order Item", "Order Item Id", "Sales Order Item"])
        e += names("line_no", .specific, .english, in: inbound, ["PO Line", "PO Line No", "PO Item", "Purchase Order Item"])
        e += names("line_no", .specific, .english, in: sales.union(inbound), ["Line", "Line No", "Line Number", "Line Item", "Order Line", "Order Item", "Order Item Id", "Item No", "Pos"])
        e += names("line_no", .specific, .sapGerman, in: sales.union(inbound), ["Position", "Positionsnummer", "Pos.", "Bestellposition"])
        e += names("line_no", .common, .sapGerman, in: salesFollowUps, ["Position", "Line", "Line No", "Pos"])
        e.append(sap("order_date", "ERDAT", "created on", in: sales))
        e.append(sap("order_date", "AUDAT", "document date", in: sales))
        e.append(sap("order_date", "BEDAT", "purchasing document date", in: [.purchaseOrders]))
        e.append(sap("order_date", "AEDAT", "created/changed on", .common, in: [.purchaseOrders]))
        e += names("order_date", .specific, .sapGerman, in: sales.union([.purchaseOrders]), ["Belegdatum", "Angelegt am", "Erfassungsdatum", "Auftragsdatum"])
        e += names("order_date", .specific, .sapGerman, in: [.purchaseOrders], ["Bestelldatum"])
        e += names("order_date", .specific, .english, in: sales.union([.purchaseOrders]), ["Order Date", "Ordered On", "Created On", "Document Date",
                                                                                            "Order Created", "Date Ordered", "PO Date", "Purchase Date"])
        e += names("order_date", .common, .english, in: sales.union([.purchaseOrders]), ["Created", "Created At", "Creation Date", "Entry Date"])
        e.append(sap("requested_date", "EDATU", "schedule line date", in: sales))
        e.append(sap("requested_date", "VDATU", "requested delivery date", in: sales))
        e += names("requested_date", .specific, .sapGerman, in: sales, ["Wunschlieferdatum", "Wunschtermin", "Einteilungsdatum", "Wunschdatum"])
        e += names("requested_date", .common, .sapGerman, in: sales, ["Lieferdatum", "Liefertermin"])
        e += names("requested_date", .specific, .english, in: sales, ["Requested Date", "Requested Delivery Date", "Request Date", "Requested Ship Date",
                                                                       "Need By Date", "Customer Requested Date", "Schedule Line Date"])
        e += names("requested_date", .common, .english, in: sales, ["Due Date", "Delivery Date", "Promised Date", "Expected Delivery Date"])
        e.append(sap("qty_ordered", "KWMENG", "order quantity", in: sales))
        e.append(sap("qty_ordered", "MENGE", "quantity", in: [.purchaseOrders]))
        e += names("qty_ordered", .specific, .sapGerman, in: sales, ["Auftragsmenge", "Kumulierte Auftragsmenge"])
        e += names("qty_ordered", .specific, .sapGerman, in: [.purchaseOrders], ["Bestellmenge"])
        e += names("qty_ordered", .specific, .english, in: sales.union([.purchaseOrders]), ["Order Quantity", "Ordered Quantity", "Ordered Qty", "Order Qty",
                                                                                             "Qty Ordered", "Quantity Ordered", "Ordered Units", "PO Quantity"])
        e.append(sap("unit_price", "NETPR", "net price"))
        e += names("unit_price", .specific, .sapGerman, in: sales, ["Nettopreis", "Verkaufspreis", "Preis je Einheit"])
        e += names("unit_price", .specific, .english, in: sales, ["Net Price", "Unit Price", "Price per Unit", "Price Each", "Sales Price", "Selling Price"])
        e += names("unit_price", .common, .english, in: sales, ["Price", "Preis"])
        // deliveries
        e.append(sap("ship_date", "WADAT_IST", "actual goods issue date", in: [.deliveries, .freight]))
        e.append(sap("ship_date", "WADAT", "planned goods issue date", .common, in: [.deliveries, .freight]))
        e.append(sap("ship_date", "LFDAT", "delivery date", .common, in: [.deliveries, .freight]))
        e += names("ship_date", .specific, .sapGerman, in: [.deliveries, .freight], ["Warenausgangsdatum", "Ist-Warenausgangsdatum", "Ist-Warenbewegungsdatum",
                                                                                     "Versanddatum", "Warenausgang", "Versandt am"])
        e += names("ship_date", .common, .sapGerman, in: [.deliveries, .freight], ["Lieferdatum", "Liefertermin"])
        e += names("ship_date", .specific, .english, in: [.deliveries, .freight], ["Ship Date", "Shipped Date", "Shipping Date", "Date Shipped", "Shipped On",
                                                                                    "Goods Issue Date", "Actual Goods Issue Date", "Dispatch Date", "Dispatched On"])
        e += names("ship_date", .common, .english, in: [.deliveries, .freight], ["Delivery Date", "Pickup Date", "Pick Up Date"])
        e.append(sap("qty_shipped", "LFIMG", "delivered quantity"))
        e += names("qty_shipped", .specific, .sapGerman, ["Liefermenge", "Gelieferte Menge", "Versandmenge"])
        e += names("qty_shipped", .specific, .english, ["Shipped Quantity", "Shipped Qty", "Qty Shipped", "Quantity Shipped", "Delivered Quantity",
                                                         "Delivered Qty", "Delivery Quantity", "Units Shipped"])
        e += names("delivery_id", .specific, .sapGerman, ["Lieferung", "Lieferschein", "Lieferscheinnummer", "Lieferungsnummer"])
        e += names("delivery_id", .specific, .english, ["Delivery", "Delivery ID", "Delivery Number", "Delivery No", "Shipment ID", "Packing Slip"])
        e.append(sap("delivery_id", "VBELN", "delivery", .common, in: [.deliveries]))
        // returns
        e += names("return_date", .specific, .english, ["Return Date", "Returned On", "Returned Date", "RMA Date", "Date Returned"])
        e += names("return_date", .specific, .sapGerman, ["Retourendatum", "Rücksendedatum", "Retoure am", "Rückgabedatum"])
        e += names("qty_returned", .specific, .english, ["Returned Quantity", "Returned Qty", "Return Quantity", "Return Qty", "Qty Returned", "Quantity Returned", "Units Returned"])
        e += names("qty_returned", .specific, .sapGerman, ["Retourenmenge", "Rücksendemenge", "Rückgabemenge"])
        e += names("return_id", .specific, .english, ["Return ID", "Return Number", "RMA", "RMA Number", "RMA ID", "Return"])
        e += names("return_id", .specific, .sapGerman, ["Retoure", "Retourennummer", "Retourenauftrag"])
        e.append(sap("reason_code", "AUGRU", "order reason"))
        e += names("reason_code", .specific, .english, ["Reason", "Reason Code", "Return Reason", "Return Reason Code"])
        e += names("reason_code", .specific, .sapGerman, ["Auftragsgrund", "Retourengrund", "Grund", "Rücksendegrund"])
        // freight
        e.append(sap("shipment_id", "TKNUM", "shipment number"))
        e += names("shipment_id", .specific, .english, ["Shipment", "Shipment ID", "Shipment Number", "Shipment No", "Consignment", "Waybill", "Freight Invoice"])
        e += names("shipment_id", .specific, .sapGerman, ["Transport", "Transportnummer", "Sendung", "Sendungsnummer", "Frachtbrief"])
        e += names("shipment_id", .common, .english, in: [.freight], ["Tracking Number", "Tracking No", "Invoice", "Invoice Number"])
        e.append(sap("service_level", "VSART", "shipping type"))
        e.append(sap("service_level", "VSBED", "shipping conditions"))
        e += names("service_level", .specific, .english, ["Service Level", "Service", "Shipping Mode", "Ship Mode", "Shipping Method", "Ship Method",
                                                           "Shipping Service", "Transport Mode", "Mode", "Shipping Class", "Shipping Type"])
        e += names("service_level", .specific, .sapGerman, ["Versandart", "Versandbedingung", "Servicelevel", "Transportart"])
        e += names("cost", .specific, .english, in: [.freight], ["Freight", "Freight Cost", "Cost", "Shipping Cost", "Charge", "Freight Charge", "Amount", "Total Cost"])
        e += names("cost", .specific, .sapGerman, in: [.freight], ["Frachtkosten", "Kosten", "Betrag", "Versandkosten"])
        e.append(sap("carrier", "TDLNR", "forwarding agent"))
        e += names("carrier", .specific, .english, ["Carrier", "Forwarder", "Carrier Name", "Shipper"])
        e += names("carrier", .specific, .sapGerman, ["Spediteur", "Frachtführer", "Dienstleister"])
        // inventory
        e.append(sap("qty_on_hand", "LABST", "unrestricted-use stock"))
        e += names("qty_on_hand", .specific, .sapGerman, ["Bestand", "Lagerbestand", "Frei verwendbar", "Bewerteter Bestand", "Bestandsmenge"])
        e += names("qty_on_hand", .specific, .english, ["On Hand", "Qty On Hand", "Quantity On Hand", "On Hand Qty", "Stock", "Stock Qty",
                                                         "Unrestricted Stock", "Available Stock", "Inventory", "Stock On Hand"])
        e += names("snapshot_date", .specific, .sapGerman, ["Stichtag", "Bestandsdatum", "Stichtagsdatum"])
        e += names("snapshot_date", .specific, .english, ["Snapshot Date", "Snapshot", "Stock Date", "Inventory Date", "As Of", "As Of Date", "Count Date"])
        e.append(sap("location", "WERKS", "plant"))
        e.append(sap("location", "LGORT", "storage location"))
        e += names("location", .specific, .sapGerman, ["Werk", "Lagerort", "Lager", "Standort"])
        e += names("location", .specific, .english, ["Location", "Plant", "Warehouse", "Site", "Storage Location", "DC", "Distribution Center", "Store"])
        // forecast
        e += names("week_start", .specific, .english, ["Week", "Week Start", "Week Starting", "Week Of", "Week Beginning", "Week Start Date", "Forecast Week"])
        e += names("week_start", .specific, .sapGerman, ["Woche", "Wochenbeginn", "Wochenstart", "Planungswoche"])
        e += names("forecast_units", .specific, .english, ["Forecast", "Forecast Qty", "Forecast Quantity", "Forecast Units", "Demand Forecast",
                                                            "Planned Demand", "Demand Plan", "Statistical Forecast"])
        e += names("forecast_units", .specific, .sapGerman, ["Prognose", "Prognosemenge", "Bedarfsmenge", "Planbedarf"])
        e.append(sap("forecast_units", "PLNMG", "planned quantity"))
        // purchase_orders and receipts
        e.append(sap("po_id", "EBELN", "purchasing document"))
        e += names("po_id", .specific, .sapGerman, ["Einkaufsbeleg", "Bestellung", "Bestellnummer", "Einkaufsbelegnummer"])
        e += names("po_id", .specific, .english, ["PO", "PO Number", "PO No", "PO ID", "Purchase Order", "Purchase Order Number", "Purchasing Document"])
        e.append(sap("due_date", "EINDT", "delivery date of the schedule line"))
        e.append(sap("due_date", "SLFDT", "statistical delivery date", .common))
        e += names("due_date", .specific, .english, in: [.purchaseOrders], ["Due Date", "Expected Date", "Expected Delivery Date", "Promised Date",
                                                                             "Need By Date", "Delivery Due", "ETA"])
        e += names("due_date", .specific, .sapGerman, in: [.purchaseOrders], ["Liefertermin", "Lieferdatum", "Fälligkeitsdatum", "Wunschtermin"])
        e.append(sap("supplier", "LIFNR", "vendor"))
        e += names("supplier", .specific, .english, ["Supplier", "Vendor", "Supplier ID", "Vendor ID", "Supplier Name", "Vendor Name"])
        e += names("supplier", .specific, .sapGerman, ["Lieferant", "Kreditor", "Lieferantennummer"])
        e.append(sap("receipt_date", "BUDAT", "posting date"))
        e += names("receipt_date", .specific, .english, ["Receipt Date", "Received Date", "Received On", "GR Date", "Goods Receipt Date", "Posting Date"])
        e += names("receipt_date", .specific, .sapGerman, ["Buchungsdatum", "Wareneingangsdatum", "Eingangsdatum"])
        e.append(sap("qty_received", "MENGE", "quantity", .common, in: [.receipts]))
        e.append(sap("qty_received", "ERFMG", "quantity in unit of entry"))
        e += names("qty_received", .specific, .english, ["Received Quantity", "Received Qty", "Qty Received", "Quantity Received", "GR Quantity", "Receipt Quantity"])
        e += names("qty_received", .specific, .sapGerman, ["Wareneingangsmenge", "Eingangsmenge", "Gelieferte Menge"])
        e.append(sap("receipt_id", "MBLNR", "material document"))
        e += names("receipt_id", .specific, .sapGerman, ["Materialbeleg", "Wareneingang", "Wareneingangsbeleg"])
        e += names("receipt_id", .specific, .english, ["Receipt ID", "Receipt Number", "GR Number", "Goods Receipt", "Material Document"])
        // Generic words: a guess for the column of the right type when nothing better is there.
        for c in ["order_date", "requested_date", "ship_date", "return_date", "snapshot_date", "receipt_date", "due_date"] {
            e += names(c, .weak, .generic, ["Date", "Datum", "Day", "Tag"])
        }
        for c in ["qty_ordered", "qty_shipped", "qty_returned", "qty_on_hand", "qty_received", "forecast_units"] {
            e += names(c, .weak, .generic, ["Quantity", "Qty", "Menge", "Units", "Stück", "Anzahl", "Amount"])
        }
        e.append(sap("qty_received", "MENGE", "quantity", .weak))
        return e
    }()
}
