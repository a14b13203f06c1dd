import Foundation
import Ingest
import ScorecardCore
import Testing
@testable import Setup

/// `scorecard init` proposes dimensions for `segments:` as a commented-out block: which columns, why, and
/// that the block switches on by removing its comment marks.
@Suite struct SegmentProposalTests {
    static let campaigns = SourceAssignmentTests.campaigns
    static let items = SourceAssignmentTests.items
    static let deliveries = SourceAssignmentTests.deliveries

    /// The lines of the proposed block with their `# ` removed: what a user gets by uncommenting it.
    static func uncommented(_ text: String) -> String {
        var out: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "# segments:" { inBlock = true }
            if inBlock, line.hasPrefix("# ") {
                out.append(String(line.dropFirst(2)))
            } else {
                if inBlock, !line.hasPrefix("#") { inBlock = false }
                out.append(String(line))
            }
        }
        return out.joined(separator: "\n")
    }

    /// SAP field names in VBAP-like order lines and in the stock export (where WERKS is also the location),
    /// a German brand column in the item master.
    static func sapFolder() throws -> DataFolderFixture {
        try DataFolderFixture([
            "MARA.csv": "MATNR;MATKL;STPRS;KBETR;Marke\nM1;001;4,5;10;Café Olé\nM2;001;8;20;Nutkin\nM3;002;5;9;Café Olé\n",
            "VBAP.csv": "VBELN;POSNR;MATNR;ERDAT;EDATU;KWMENG;NETPR;VKORG;VTWEG;KDGRP;WERKS\n"
                + "4711;000010;M1;02.03.2026;09.03.2026;2;10;1000;10;01;DE01\n"
                + "4712;000010;M2;03.03.2026;13.03.2026;1;20;1000;20;02;DE02\n"
                + "4713;000010;M3;03.03.2026;14.03.2026;1;9;2000;10;01;DE01\n",
            "LIPS.csv": "VBELN;POSNR;VGBEL;VGPOS;WADAT_IST;LFIMG\n8001;000010;4711;10;05.03.2026;2\n8002;000010;4712;10;14.03.2026;1\n",
            "MARD.csv": "STICHTAG;MATNR;WERKS;LABST\n08.03.2026;M1;DE01;5\n08.03.2026;M1;DE02;3\n08.03.2026;M2;DE01;4\n",
            "campaigns.csv": campaigns, "campaign_items.csv": "campaign_id,sku,category,planned_units\nC1,M1,,10\n",
        ])
    }

    @Test func sapFieldsOfOrdersAndTheBrandOfProductsAreProposed() throws {
        let folder = try Self.sapFolder()
        let plan = folder.plan()
        #expect(plan.assignments[.inventory]?.match.columns["location"] == "WERKS", "WERKS is the stock's location")
        let byKey = Dictionary(uniqueKeysWithValues: plan.segments.map { ($0.key, $0) })
        #expect(plan.segments.map(\.key) == ["sales_org", "channel", "customer_group", "plant", "brand"])
        #expect(byKey["sales_org"]?.header == "VKORG" && byKey["sales_org"]?.source == .orders)
        #expect(byKey["channel"]?.header == "VTWEG")
        #expect(byKey["customer_group"]?.header == "KDGRP")
        #expect(byKey["brand"]?.header == "Marke" && byKey["brand"]?.source == .products)
        // Already the inventory's location, and still proposed: the same header in the stock export.
        #expect(byKey["plant"]?.also == [SegmentProposal.Also(source: .inventory, header: "WERKS", reason: "the same header")])
        #expect(byKey["sales_org"]?.also == [])
        let reason = byKey["sales_org"]?.reason ?? ""
        #expect(reason.contains("SAP field VKORG, sales organisation"), "\(reason)")
        #expect(reason.contains("2 distinct values"), "\(reason)")
        #expect(reason.contains("\"1000\", \"2000\""), "\(reason)")
    }

    @Test func theBlockIsCommentedOutAndSwitchesOnWhenUncommented() throws {
        let folder = try Self.sapFolder()
        let plan = folder.plan()
        let text = ConfigWriter(plan: plan, data: ".", dataShown: ".").text()
        #expect(text.contains("\n# segments:\n#   sales_org:\n"), "\(text)")
        #expect(text.contains("#     # orders \"VKORG\": a sales organisation"), "\(text)")
        #expect(text.contains("#     inventory: \"WERKS\"\n"), "\(text)")
        // As written, the proposals are comments: the config is the plan's, without segments.
        let written = try ConfigLoader.parse(text, file: "scorecard.yml")
        #expect(written == plan.config(data: "."))
        #expect(written.segments.dimensions.isEmpty)

        let switchedOn = try ConfigLoader.parse(Self.uncommented(text), file: "scorecard.yml")
        let dimensions = switchedOn.segments.dimensions
        #expect(dimensions.map(\.key) == ["sales_org", "channel", "customer_group", "plant", "brand"])
        #expect(dimensions.first { $0.key == "plant" }?.columns == [.orders: "WERKS", .inventory: "WERKS"])
        #expect(dimensions.first { $0.key == "brand" }?.columns == [.products: "Marke"])
        #expect(dimensions.first { $0.key == "brand" }?.kind == .product)
        #expect(dimensions.first { $0.key == "sales_org" }?.label == "Sales organisation")
        // Everything else as written.
        var rest = switchedOn
        rest.segments = SegmentsConfig()
        #expect(rest == written)
    }

    /// German display names; a region whose stock export calls it otherwise but holds the same values;
    /// empty values (the "(none)" view); a column with one value only is not proposed, and says so.
    @Test func germanNamesValuesAndSingleValues() throws {
        let folder = try DataFolderFixture([
            "products.csv": "sku,category,unit_cost,list_price,Hersteller\nA-1,Tools,4,10,X\nB-2,Tools,8,20,X\nC-3,Garden,5,9,X\n",
            "campaigns.csv": Self.campaigns, "campaign_items.csv": Self.items, "deliveries.csv": Self.deliveries,
            "orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price,Verkaufsorganisation,Vertriebsweg,Kundengruppe,Werk,Region\n"
                + "1001,1,2026-03-02,2026-03-05,A-1,2,10,DE10,Online,Handel,W1,Nord\n"
                + "1002,1,2026-03-02,2026-03-06,B-2,1,20,DE10,Online,Handel,W1,Süd\n"
                + "1003,1,2026-03-03,2026-03-06,C-3,1,9,DE10,Filiale,Gastro,W1,\n",
            "inventory.csv": "snapshot_date,sku,qty_on_hand,Lager\n2026-03-01,A-1,5,Nord\n2026-03-01,A-1,2,Süd\n",
        ])
        let plan = folder.plan()
        let byKey = Dictionary(uniqueKeysWithValues: plan.segments.map { ($0.key, $0) })
        #expect(plan.segments.map(\.key) == ["channel", "customer_group", "region"])
        #expect(byKey["channel"]?.header == "Vertriebsweg")
        #expect(byKey["customer_group"]?.header == "Kundengruppe")
        let region = try #require(byKey["region"])
        #expect(region.reason.contains("2 distinct values"), "\(region.reason)")
        #expect(region.reason.contains("1 empty (shown as \"(none)\")"), "\(region.reason)")
        #expect(region.also.map(\.header) == ["Lager"], "the stock's column holds the same values")
        #expect(region.also.first?.reason.contains("are all values of orders \"Region\"") == true)
        // One sales organisation and one plant: nothing to split by.
        #expect(byKey["sales_org"] == nil && byKey["plant"] == nil)
        #expect(plan.segmentNotes.contains { $0.contains("\"Verkaufsorganisation\"") && $0.contains("single value \"DE10\"") })
        #expect(plan.segmentNotes.contains { $0.contains("\"Werk\"") })

        let text = ConfigWriter(plan: plan, data: ".", dataShown: ".").text()
        #expect(try ConfigLoader.parse(text, file: "scorecard.yml") == plan.config(data: "."))
        let on = try ConfigLoader.parse(Self.uncommented(text), file: "scorecard.yml")
        #expect(on.segments.dimensions.first { $0.key == "region" }?.columns == [.orders: "Region", .inventory: "Lager"])
    }

    @Test func noDimensionNoBlock() throws {
        let folder = try DataFolderFixture([
            "products.csv": SourceAssignmentTests.products, "campaigns.csv": Self.campaigns, "campaign_items.csv": Self.items,
            "orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n1001,1,2026-03-02,2026-03-05,A-1,2,10\n",
            "deliveries.csv": Self.deliveries,
        ])
        let plan = folder.plan()
        #expect(plan.segments.isEmpty && plan.segmentNotes.isEmpty)
        #expect(!ConfigWriter(plan: plan, data: ".", dataShown: ".").text().contains("segments"))
    }

    @Test(arguments: [("VKORG", DimensionNames.Kind.salesOrganisation), ("Verkaufsorganisation", .salesOrganisation),
                      ("Sales Org.", .salesOrganisation), ("VTWEG", .channel), ("Vertriebsweg", .channel),
                      ("KDGRP", .customerGroup), ("Kundengruppe", .customerGroup), ("WERKS", .plant), ("Werk", .plant),
                      ("Region", .region), ("Sales Region", .region), ("BZIRK", .region), ("Brand", .brand), ("Marke", .brand)])
    func dimensionNames(header: String, kind: DimensionNames.Kind) {
        #expect(DimensionNames.match(header)?.kind == kind)
    }

    @Test func unrelatedHeadersAreNoDimension() {
        for header in ["sku", "category", "Material", "Warengruppe", "Lagerort", "Location", "Description"] {
            #expect(DimensionNames.match(header) == nil, "\(header)")
        }
    }
}
