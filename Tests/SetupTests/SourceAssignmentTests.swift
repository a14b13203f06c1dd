import Foundation
import Ingest
import ScorecardCore
import Testing
@testable import Setup

/// Which files feed which source and which header feeds which column; wrong guesses are the failure
/// that matters, so the ambiguous cases are here.
@Suite struct SourceAssignmentTests {
    static let products = "sku,category,unit_cost,list_price\nA-1,Tools,4,10\nB-2,Tools,8,20\nC-3,Garden,5,9\n"
    static let campaigns = "campaign_id,name,start_date,end_date\nC1,March,2026-03-01,2026-03-31\n"
    static let items = "campaign_id,sku,category,planned_units\nC1,,Tools,10\nC1,C-3,,5\n"
    static let deliveries = "order_id,line_no,ship_date,qty_shipped\n1001,1,2026-03-04,2\n1002,1,2026-03-05,1\n"

    static func columns(_ plan: SetupPlan, _ source: SourceName) -> [String: String] {
        plan.assignments[source]?.match.columns ?? [:]
    }

    @Test func canonicalFilesMapToThemselves() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products, "campaigns.csv": Self.campaigns, "campaign_items.csv": Self.items,
            "orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n1001,1,2026-03-02,2026-03-05,A-1,2,10\n1002,1,2026-03-02,2026-03-06,B-2,1,20\n",
            "deliveries.csv": Self.deliveries,
        ])
        let plan = folder.plan()
        #expect(plan.isComplete)
        for source in SourceName.allCases where source.isRequired {
            let a = try #require(plan.assignments[source])
            #expect(plan.inspection.groups[a.match.group].pattern == "\(source).csv")
            for c in source.requiredColumns { #expect(a.match.columns[c] == c) }
        }
        #expect(plan.assignments[.inventory] == nil)
    }

    /// A column whose values are the SKUs of the item master is the sku, whatever its name.
    @Test func skuFoundByItsValues() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "lines.csv": "Order Number,Line,Order Date,Requested Date,Ref,Qty Ordered,Unit Price\n1,1,2026-03-02,2026-03-05,A-1,2,10\n2,1,2026-03-02,2026-03-05,C-3,1,9\n",
        ])
        let plan = folder.plan()
        let orders = try #require(plan.assignments[.orders])
        #expect(orders.match.columns["sku"] == "Ref")
        #expect(orders.match.choices.first { $0.column == "sku" }?.reason.contains("SKUs of products") == true)
    }

    /// SAP's VBELN is the order in VBAP but the delivery in LIPS; the delivery's order is VGBEL, whose
    /// values are the orders' ids.
    @Test func sapDeliveryExportUsesTheReferenceDocument() throws {
        let folder = try DataFolderFixture([
            "MARA.csv": "MATNR;MATKL;STPRS;KBETR\nM1;001;4,5;10\nM2;001;8;20\n",
            "VBAP.csv": "VBELN;POSNR;MATNR;ERDAT;EDATU;KWMENG;NETPR\n4711;000010;M1;02.03.2026;09.03.2026;2;10\n4712;000010;M2;03.03.2026;13.03.2026;1;20\n",
            "LIPS.csv": "VBELN;POSNR;VGBEL;VGPOS;WADAT_IST;LFIMG\n8001;000010;4711;10;05.03.2026;2\n8002;000010;4712;10;14.03.2026;1\n",
        ])
        let plan = folder.plan()
        #expect(Self.columns(plan, .orders) == ["order_id": "VBELN", "line_no": "POSNR", "sku": "MATNR", "order_date": "ERDAT",
                                                "requested_date": "EDATU", "qty_ordered": "KWMENG", "unit_price": "NETPR"])
        #expect(Self.columns(plan, .deliveries) == ["order_id": "VGBEL", "line_no": "VGPOS", "ship_date": "WADAT_IST",
                                                    "qty_shipped": "LFIMG", "delivery_id": "VBELN"])
        let lips = try #require(plan.inspection.groups.first { $0.files[0].path == "LIPS.csv" })
        #expect(lips.dates.pattern == "dd.MM.yyyy")
    }

    /// Two date columns: the names decide (ERDAT is the order date, EDATU the requested date, AEDAT a
    /// change date that feeds nothing), not the column order.
    @Test func twoDateColumnsDecidedByName() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "VBAP.csv": "VBELN,POSNR,AEDAT,EDATU,ERDAT,MATNR,KWMENG,NETPR\n1,10,2026-03-09,2026-03-12,2026-03-02,A-1,2,10\n",
        ])
        let orders = Self.columns(folder.plan(), .orders)
        #expect(orders["order_date"] == "ERDAT")
        #expect(orders["requested_date"] == "EDATU")
    }

    /// Two date columns with the same generic name: the values decide (an order is placed on or before
    /// the date it is wanted), and the comment says so.
    @Test func twoDateColumnsDecidedByValues() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "orders.csv": "order_id,line_no,Datum 1,Datum 2,sku,qty_ordered,unit_price\n"
                + "1,1,2026-03-09,2026-03-02,A-1,2,10\n2,1,2026-03-12,2026-03-03,B-2,1,20\n3,1,2026-03-05,2026-03-05,A-1,1,10\n",
        ])
        let plan = folder.plan()
        let orders = try #require(plan.assignments[.orders])
        #expect(orders.match.columns["order_date"] == "Datum 2")
        #expect(orders.match.columns["requested_date"] == "Datum 1")
        let choice = try #require(orders.match.choices.first { $0.column == "order_date" })
        #expect(choice.reason.contains("order_date ≤ requested_date"))
        #expect(choice.unsure, "a generic name is flagged for checking even when the values decide")
    }

    /// When neither names nor values tell two date columns apart, the guess is flagged with the
    /// alternative, never made silently.
    @Test func twoDateColumnsThatNothingDecidesAreFlagged() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "orders.csv": "order_id,line_no,Datum 1,Datum 2,sku,qty_ordered,unit_price\n1,1,2026-03-09,2026-03-09,A-1,2,10\n",
        ])
        let orders = try #require(folder.plan().assignments[.orders])
        let choice = try #require(orders.match.choices.first { $0.column == "order_date" })
        #expect(choice.unsure)
        #expect(choice.alternatives.contains("Datum 2") || choice.alternatives.contains("Datum 1"))
        let writer = ConfigWriter(plan: folder.plan(), data: ".", dataShown: ".")
        #expect(writer.checkLines().contains { $0.hasPrefix("orders.order_date") })
    }

    /// One export of shipped order lines feeds orders and deliveries.
    @Test func oneFileFeedsOrdersAndDeliveries() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products, "campaigns.csv": Self.campaigns, "campaign_items.csv": Self.items,
            "shipments.csv": "Order ID,Line No,Order Date,Requested Date,SKU,Ordered Qty,Unit Price,Ship Date,Shipped Qty\n"
                + "1001,1,2026-03-02,2026-03-05,A-1,2,10,2026-03-04,2\n1002,1,2026-03-02,2026-03-06,B-2,1,20,2026-03-05,1\n",
        ])
        let plan = folder.plan()
        #expect(plan.isComplete)
        let orders = try #require(plan.assignments[.orders])
        let deliveries = try #require(plan.assignments[.deliveries])
        #expect(orders.match.group == deliveries.match.group)
        #expect(deliveries.match.columns["ship_date"] == "Ship Date")
        #expect(deliveries.match.columns["qty_shipped"] == "Shipped Qty")
        #expect(orders.match.columns["qty_ordered"] == "Ordered Qty")
    }

    /// Weekly exports of one shape become one glob that also takes next week's file.
    @Test func filesOfOneShapeBecomeOneGlob() throws {
        let header = "Verkaufsbeleg;Position;Belegdatum;Wunschlieferdatum;Material;Auftragsmenge;Nettopreis\n"
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "VBAP/VBAP_2026-W10.csv": header + "4711;10;02.03.2026;09.03.2026;A-1;2;10\n",
            "VBAP/VBAP_2026-W11.csv": header + "4712;10;10.03.2026;17.03.2026;B-2;1;20\n",
            "VBAP/notes.txt": "not an export",
        ])
        let plan = folder.plan()
        let orders = try #require(plan.assignments[.orders])
        let g = plan.inspection.groups[orders.match.group]
        #expect(g.pattern == "VBAP/VBAP_*.csv")
        #expect(g.files.count == 2)
    }

    /// A glob that would also take another file of the folder is narrowed, or, when no glob can tell
    /// them apart, the other file is named for a warning.
    @Test func aGlobThatWouldTakeOtherFilesIsNarrowed() {
        let narrowed = PathPattern.make(directory: "VBAP", names: ["VBAP_2026-W10.csv", "VBAP_2026-W11.csv"],
                                        siblings: ["VBAP_2025-W50.csv", "VBAP_2026-W10.csv", "VBAP_2026-W11.csv"])
        #expect(narrowed.pattern == "VBAP/VBAP_2026-W1*.csv")
        #expect(narrowed.alsoMatches.isEmpty)
        let warned = PathPattern.make(directory: "", names: ["VBAP_1.csv", "VBAP_2.csv"], siblings: ["VBAP_1.csv", "VBAP_2.csv", "VBAP_12.csv"])
        #expect(warned.alsoMatches == ["VBAP_12.csv"])
    }

    /// Nothing matches: every required source is reported missing, and the plan is not complete.
    @Test func nothingMatches() throws {
        let folder = try DataFolderFixture(["weather.csv": "city,temperature,humidity\nBerlin,21.5,40\n"])
        let plan = folder.plan()
        #expect(!plan.isComplete)
        #expect(plan.assignments.isEmpty)
        #expect(Set(plan.missingSources) == Set(SourceName.allCases.filter(\.isRequired)))
        #expect(plan.unusedGroups.count == 1)
        let text = ConfigWriter(plan: plan, data: ".", dataShown: ".").text()
        #expect(text.contains("NOT MAPPED"))
        #expect(text.contains("weather.csv"))
    }

    /// A required column that no header fits is listed, and the rest of the source is still mapped.
    @Test func aMissingRequiredColumnIsListed() throws {
        let folder = try DataFolderFixture([
            "products.csv": Self.products,
            "deliveries.csv": "order_id,line_no,qty_shipped\n1001,1,2\n",
            "orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n1001,1,2026-03-02,2026-03-05,A-1,2,10\n",
        ])
        let plan = folder.plan()
        let deliveries = try #require(plan.assignments[.deliveries])
        #expect(deliveries.match.missing == ["ship_date"])
        #expect(!plan.isComplete)
    }

    /// The written config loads with the project's own loader, and gives back exactly the plan's config,
    /// with awkward headers (quotes, `:`, `#`, non-ASCII) and a tab delimiter.
    @Test func theWrittenConfigRoundTrips() throws {
        let folder = try DataFolderFixture([
            "products.tsv": "SKU: \"code\"\tKategorie #\tStandardpreis\tListenpreis\nA-1\tKüche\t4,5\t1.234,50\nB-2\tBad\t8\t20\n",
            "sub dir/Orders.csv": "Order ID,Line,Order Date,Requested Date,SKU: \"code\",Qty Ordered,Unit Price\n1,1,3/2/2026,3/15/2026,A-1,2,10\n",
        ])
        let plan = folder.plan()
        let text = ConfigWriter(plan: plan, data: "exports", dataShown: "exports").text()
        let loaded = try ConfigLoader.parse(text, file: "scorecard.yml")
        #expect(loaded == plan.config(data: "exports"), "\(text)")
        #expect(loaded.sources[.products]?.columns["sku"] == "SKU: \"code\"")
        #expect(loaded.sources[.products]?.delimiter == 9)
        #expect(loaded.sources[.orders]?.path == "sub dir/Orders.csv")
        #expect(loaded.sources[.orders]?.dateFormat == "M/d/yyyy")
    }
}

/// `ExportSetup`, as the command runs it: writes the file once, reads back as planned, never overwrites.
@Suite struct ExportSetupTests {
    @Test func writesTheFileOnceAndItReadsBack() throws {
        let folder = try DataFolderFixture([
            "exports/products.csv": SourceAssignmentTests.products, "exports/campaigns.csv": SourceAssignmentTests.campaigns,
            "exports/campaign_items.csv": SourceAssignmentTests.items, "exports/deliveries.csv": SourceAssignmentTests.deliveries,
            "exports/orders.csv": "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n1001,1,2026-03-02,2026-03-05,A-1,2,10\n",
        ])
        let config = folder.path + "/scorecard.yml"
        let report = try ExportSetup(dataDirectory: folder.path + "/exports", configPath: config).run()
        #expect(report.isComplete)
        #expect(report.problems.isEmpty)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text == report.text)
        #expect(try ConfigLoader.parse(text, file: config) == report.config)
        #expect(report.config.data == "exports", "the data folder relative to the config's folder")

        #expect(throws: SetupFailure.self) { try ExportSetup(dataDirectory: folder.path + "/exports", configPath: config).run() }
        #expect(try String(contentsOfFile: config, encoding: .utf8) == text)
    }

    @Test func aMissingDataFolderIsAnError() throws {
        let folder = try DataFolderFixture()
        #expect(throws: SetupFailure.self) { try ExportSetup(dataDirectory: folder.path + "/nope", configPath: folder.path + "/x.yml").run() }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/x.yml"))
    }

    @Test(arguments: [("/a/b/exports", "/a/b", "exports"), ("/a/b", "/a/b", "."), ("/a/exports", "/a/b", "../exports"), ("/x/y", "/a/b", "/x/y")])
    func relativeDataPath(path: String, base: String, expected: String) {
        #expect(ExportSetup.relative(path, from: base) == expected)
    }
}
