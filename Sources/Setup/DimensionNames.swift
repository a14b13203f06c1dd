import ScorecardCore

/// Header names of columns that make good dimensions for `segments:`: a region, a sales organisation, a
/// distribution channel, a customer group or a plant on the order lines, a brand on the products. English
/// names, SAP field names and SAP's German display names, as in `ColumnDictionary`.
enum DimensionNames {
    enum Kind: CaseIterable, Sendable {
        case region, salesOrganisation, channel, customerGroup, plant, brand

        /// The dimension's key in `segments:`.
        var key: String {
            switch self {
            case .region: return "region"
            case .salesOrganisation: return "sales_org"
            case .channel: return "channel"
            case .customerGroup: return "customer_group"
            case .plant: return "plant"
            case .brand: return "brand"
            }
        }

        /// The label shown on the pages.
        var label: String {
            switch self {
            case .region: return "Region"
            case .salesOrganisation: return "Sales organisation"
            case .channel: return "Distribution channel"
            case .customerGroup: return "Customer group"
            case .plant: return "Plant"
            case .brand: return "Brand"
            }
        }

        /// What the column is, for the comment: "a region", "a brand".
        var what: String {
            switch self {
            case .region: return "a region"
            case .salesOrganisation: return "a sales organisation"
            case .channel: return "a distribution channel"
            case .customerGroup: return "a customer group"
            case .plant: return "a plant"
            case .brand: return "a brand"
            }
        }

        /// The source whose column it is: every kind is an attribute of the order lines but the brand,
        /// which is one of the products.
        var source: SourceName { self == .brand ? .products : .orders }
    }

    struct Match: Sendable, Equatable {
        var kind: Kind
        /// Where the name comes from, for the comment: `SAP field VKORG`, `an English name`.
        var origin: String
    }

    /// The kind of dimension `header` names, or `nil`.
    static func match(_ header: String) -> Match? {
        table[HeaderName.normalize(header)]
    }

    private static let table: [String: Match] = {
        var t: [String: Match] = [:]
        func add(_ kind: Kind, _ origin: String, _ names: [String]) {
            for n in names { t[HeaderName.normalize(n)] = Match(kind: kind, origin: origin) }
        }
        func sap(_ kind: Kind, _ field: String, _ meaning: String) {
            t[HeaderName.normalize(field)] = Match(kind: kind, origin: "SAP field \(field), \(meaning)")
        }
        let english = "an English name", german = "a German name, as SAP displays it"
        sap(.region, "BZIRK", "sales district")
        sap(.region, "REGIO", "region")
        add(.region, english, ["Region", "Sales Region", "Sales Area", "Sales Territory", "Territory", "Sales District",
                                "Market", "Sales Market"])
        add(.region, german, ["Verkaufsregion", "Vertriebsregion", "Verkaufsgebiet", "Vertriebsgebiet", "Gebiet",
                                  "Verkaufsbezirk", "Bezirk"])
        sap(.salesOrganisation, "VKORG", "sales organisation")
        add(.salesOrganisation, english, ["Sales Organization", "Sales Organisation", "Sales Org", "Sales Org."])
        add(.salesOrganisation, german, ["Verkaufsorganisation", "Verkaufsorg.", "VerkOrg"])
        sap(.channel, "VTWEG", "distribution channel")
        add(.channel, english, ["Distribution Channel", "Sales Channel", "Channel", "Order Channel"])
        add(.channel, german, ["Vertriebsweg", "Vertriebskanal", "Kanal", "Absatzkanal"])
        sap(.customerGroup, "KDGRP", "customer group")
        add(.customerGroup, english, ["Customer Group", "Customer Segment", "Customer Type", "Customer Class"])
        add(.customerGroup, german, ["Kundengruppe", "Kundensegment", "Kundentyp"])
        sap(.plant, "WERKS", "plant")
        add(.plant, english, ["Plant", "Delivering Plant", "Shipping Plant", "Warehouse", "Distribution Center", "Ship From"])
        add(.plant, german, ["Werk", "Auslieferungswerk", "Lieferwerk"])
        sap(.brand, "BRAND_ID", "brand")
        add(.brand, english, ["Brand", "Brand Name", "Product Brand"])
        add(.brand, german, ["Marke", "Markenname", "Produktmarke"])
        return t
    }()
}
