import Foundation
import Testing
import ScorecardCore
@testable import Ingest

/// Workbooks saved by a real spreadsheet program (LibreOffice Calc 7.4; `Fixtures/Workbooks/make.sh`
/// re-makes them): its styles, explicit `t="n"`, escaped format codes (`dd\.mm\.yyyy`), merged title,
/// cached formula values.
@Suite struct SavedWorkbookTests {
    static func copy(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.folder("Workbooks") + "/" + name)))
    }

    @Test func aCalendarAndItsItemsFromOneWorkbook() throws {
        let yaml = """
            targets: {max_rejected_share: 1}
            sources:
              campaigns:
                path: marketing.xlsx
                sheet: Kalender
                header_row: 3
                date_format: dd.MM.yyyy
                columns: {campaign_id: Kampagne, name: Bezeichnung, start_date: Start, end_date: Ende, budget: Budget}
              campaign_items:
                path: marketing.xlsx
                sheet: Positionen
                columns: {campaign_id: Kampagne, sku: Material, category: Warengruppe, planned_units: Planmenge}
            """
        var files = Fixtures.minimal
        files["products.csv"] = Fixtures.bytes("sku,category,unit_cost,list_price\nA,Tools,1,2\n1700106,Garten,3,4\n")
        files["marketing.xlsx"] = try Self.copy("marketing.xlsx")
        let (summary, sink) = try WorkbookSourceTests.ingest(files, yaml: yaml)
        let campaigns = sink.master?.campaigns ?? []
        #expect(campaigns.map { "\($0.id) \($0.name) \($0.start) \($0.end) \($0.budget ?? -1)" } == [
            "K-01 Frühling & \"Garten\" 2026-03-02 2026-03-15 4500.0",
            "K-02 Ostern 2026-03-30 2026-04-12 1234.5",
        ])
        #expect(summary.rejections.map { "\($0.location): \($0.detail)" } == ["marketing.xlsx[Kalender]:7:C: start_date \"bald\""])
        let items = sink.master?.items ?? []
        #expect(items.map(\.plannedUnits) == [120, 80.5])
        #expect(items.first?.product == 1, "1700106 is the second product")
        #expect(summary.sources.first { $0.source == .campaigns }?.files.map(\.path) == ["marketing.xlsx[Kalender]"])
    }

    /// The bundled sample's campaigns.csv, opened in Calc and saved as .xlsx, reads as the same campaigns.
    @Test func theSampleCampaignsSavedAsAWorkbookReadTheSame() throws {
        let csv = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Samples/exports/campaigns.csv").standardized)
        var files = Fixtures.minimal
        files["campaigns.csv"] = Array(csv)
        files["campaign_items.csv"] = Fixtures.bytes("campaign_id,sku,category,planned_units\n")
        files["campaigns.xlsx"] = try Self.copy("campaigns.xlsx")
        let (_, fromCSV) = try WorkbookSourceTests.ingest(files, yaml: "")
        let (_, fromWorkbook) = try WorkbookSourceTests.ingest(files, yaml: "sources:\n  campaigns: {path: campaigns.xlsx}\n")
        let a = fromCSV.master?.campaigns ?? [], b = fromWorkbook.master?.campaigns ?? []
        #expect(a.count == 13)
        #expect(a == b)
    }
}
