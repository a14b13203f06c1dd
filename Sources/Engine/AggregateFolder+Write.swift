import Foundation
import Metrics
import ScorecardCore

extension AggregateFolder {
    /// Writes `aggregates` and `ingest` into `directory` (created; existing files replaced).
    public static func write(_ aggregates: Aggregates, ingest: IngestSummary, config: Config, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files(aggregates, ingest: ingest, config: config) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
    }

    /// Every file of the folder, by name.
    static func files(_ a: Aggregates, ingest: IngestSummary, config: Config) -> [String: String] {
        let master = a.master
        let sku = master.products.map(\.sku)
        let category = master.categories
        let campaign = master.campaigns.map(\.id)
        let day = { (d: Int32) in Day(rawValue: d).description }
        let n = AggregateTable.number
        var files: [String: String] = [:]

        var manifest: [String: Any] = [
            "format": format, "as_of": a.asOf.description,
            "present": SourceName.allCases.filter { master.present.contains($0) }.map(\.rawValue),
        ]
        if let first = a.firstOrder { manifest["first_order"] = first.description }
        if let row = ingest.asOfRow { manifest["as_of_row"] = location(row) }
        files["manifest.json"] = String(decoding: (try? JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])) ?? Data(),
                                        as: UTF8.self) + "\n"

        var sources = AggregateTable(["source", "file", "rows", "rejected", "ignored_after_as_of"])
        for s in ingest.sources {
            for f in s.files { sources.row([s.source.rawValue, f.path, String(f.rows), String(f.rejected), String(f.ignoredAfterAsOf)]) }
        }
        files["sources.csv"] = sources.text
        var rejections = AggregateTable(["source", "file", "line", "column", "in_sheet", "field", "reason", "detail"])
        for r in ingest.rejections {
            let l = r.location
            rejections.row([l.source?.rawValue ?? "", l.file, l.line.map(String.init) ?? "", l.column.map(String.init) ?? "",
                            l.inSheet ? "1" : "", l.field ?? "", r.reason.rawValue, r.detail])
        }
        files["rejections.csv"] = rejections.text
        var early = AggregateTable(["source", "rows", "earliest", "file", "line", "column", "in_sheet", "field"])
        for e in ingest.earlyRows {
            let l = e.location
            early.row([e.source.rawValue, String(e.count), e.earliest.description, l.file, l.line.map(String.init) ?? "",
                       l.column.map(String.init) ?? "", l.inSheet ? "1" : "", l.field ?? ""])
        }
        files["early_rows.csv"] = early.text

        var products = AggregateTable(["sku", "category", "unit_cost", "list_price", "description"])
        for p in master.products {
            products.row([p.sku, category[Int(p.category)], n(p.unitCost), n(p.listPrice), p.description ?? ""])
        }
        files["products.csv"] = products.text
        var campaigns = AggregateTable(["campaign_id", "name", "start_date", "end_date", "channel", "budget"])
        for c in master.campaigns {
            campaigns.row([c.id, c.name, c.start.description, c.end.description, c.channel ?? "", n(c.budget)])
        }
        files["campaigns.csv"] = campaigns.text
        var items = AggregateTable(["campaign_id", "sku", "category", "planned_units"])
        for i in master.items {
            items.row([campaign[Int(i.campaign)], i.product.map { sku[Int($0)] } ?? "", i.category.map { category[Int($0)] } ?? "",
                       n(i.plannedUnits)])
        }
        files["campaign_items.csv"] = items.text
        var sets = AggregateTable(["campaign_set", "campaign_id"])
        for (id, members) in a.campaignSets.enumerated() where id > 0 {
            for c in members { sets.row([String(id), campaign[Int(c)]]) }
        }
        files["campaign_sets.csv"] = sets.text
        var reasons = AggregateTable(["reason", "reason_code"])
        for (id, code) in a.reasonCodes.enumerated() where id > 0 { reasons.row([String(id), code ?? ""]) }
        files["reason_codes.csv"] = reasons.text

        var views = AggregateTable(["view", "dimension", "value", "other", "present", "snapshot_date"])
        var viewProducts = AggregateTable(["view", "sku"])
        for (v, view) in a.views.enumerated() {
            let dimension = view.segment.map { config.segments.dimensions[$0.dimension].key } ?? ""
            let present = SourceName.allCases.filter { !$0.isRequired && view.present.contains($0) }.map(\.rawValue).joined(separator: " ")
            views.row([String(v), dimension, view.segment?.value ?? "", view.segment != nil && view.segment?.value == nil ? "1" : "",
                       present, view.snapshotDate?.description ?? ""])
            for (p, member) in (view.products ?? []).enumerated() where member { viewProducts.row([String(v), sku[p]]) }
        }
        files["views.csv"] = views.text
        files["view_products.csv"] = viewProducts.text

        // The tables: each view's rows, the view first.
        func table(_ name: String, _ rows: (Int, ViewAggregates, inout AggregateTable) -> Void) {
            let spec = tables.first { $0.name == name }!
            var t = AggregateTable(spec.keys + spec.values)
            for (v, view) in a.views.enumerated() { rows(v, view, &t) }
            files[name + ".csv"] = t.text
        }
        func each<V>(_ rows: SumRows<V>, _ body: (SIMD4<Int32>, V) -> Void) {
            for (i, key) in rows.keys.enumerated() { body(key, rows.values[i]) }
        }
        let productName = { (p: Int32) in p >= 0 ? sku[Int(p)] : "" }
        table("lines") { v, view, t in
            each(view.lines) { k, x in t.row([String(v), day(k.x), category[Int(k.y)], String(k.z)] + (0..<6).map { n(x[$0]) }) }
        }
        table("sku_due") { v, view, t in
            each(view.skuDue) { k, x in t.row([String(v), day(k.x), sku[Int(k.y)], String(UInt32(bitPattern: k.z))] + (0..<3).map { n(x[$0]) }) }
        }
        table("freight") { v, view, t in each(view.freight) { k, x in t.row([String(v), day(k.x)] + (0..<3).map { n(x[$0]) }) } }
        table("inventory") { v, view, t in
            each(view.inventory) { k, x in t.row([String(v), day(k.x), category[Int(k.y)]] + (0..<3).map { n(x[$0]) }) }
        }
        table("stock") { v, view, t in each(view.stock) { k, x in t.row([String(v), sku[Int(k.x)], n(x)]) } }
        table("forecast") { v, view, t in each(view.forecast) { k, x in t.row([String(v), day(k.x), String(k.y)] + (0..<4).map { n(x[$0]) }) } }
        table("lead_times") { v, view, t in
            each(view.leadTimes) { k, x in t.row([String(v), day(k.x), category[Int(k.y)], String(k.z), String(k.w), n(x)]) }
        }
        table("campaign_skus") { v, view, t in
            each(view.campaignSKUs) { k, x in t.row([String(v), campaign[Int(k.x)], productName(k.y)] + (0..<6).map { n(x[$0]) }) }
        }
        table("campaign_days") { v, view, t in
            each(view.campaignDays) { k, x in t.row([String(v), campaign[Int(k.x)], day(k.y), n(x.x), n(x.y)]) }
        }
        table("campaign_freight") { v, view, t in each(view.campaignFreight) { k, x in t.row([String(v), campaign[Int(k.x)], n(x)]) } }
        table("campaign_returns") { v, view, t in
            each(view.campaignReturns) { k, x in t.row([String(v), campaign[Int(k.x)], String(k.y), n(x)]) }
        }
        table("campaign_lead_times") { v, view, t in
            each(view.campaignLeadTimes) { k, x in t.row([String(v), campaign[Int(k.x)], productName(k.y), String(k.z), n(x)]) }
        }
        table("supplier_lead_times") { v, view, t in
            each(view.supplierLeadTimes) { k, x in t.row([String(v), day(k.x), category[Int(k.y)], String(k.z), n(x)]) }
        }
        table("supplier_on_time") { v, view, t in each(view.supplierOnTime) { k, x in t.row([String(v), day(k.x), n(x.x), n(x.y)]) } }
        table("inbound_open") { v, view, t in each(view.inboundOpen) { k, x in t.row([String(v), sku[Int(k.x)], day(k.y), n(x)]) } }
        return files
    }

    static func location(_ l: SourceLocation) -> [String: Any] {
        var out: [String: Any] = ["file": l.file]
        if let line = l.line { out["line"] = line }
        if let column = l.column { out["column"] = column }
        if let field = l.field { out["field"] = field }
        if let source = l.source { out["source"] = source.rawValue }
        if l.inSheet { out["in_sheet"] = true }
        return out
    }
}
