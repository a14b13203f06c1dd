import Foundation
import Metrics
import ScorecardCore

extension AggregateFolder {
    /// What a folder holds: the aggregate tables and the ingestion summary (rows, rejections, warnings).
    public struct Contents: Sendable {
        public var aggregates: Aggregates
        public var ingest: IngestSummary
    }

    /// Reads a folder written by any engine.
    /// - Parameter config: the build's config (the report window's `max_weeks`, the segment dimensions).
    public static func read(from directory: String, config: Config) throws(AggregateFolderError) -> Contents {
        var names = Names()
        let manifest = try readManifest(directory)
        let master = try readMaster(directory, manifest: manifest, names: &names)
        let ingest = try readIngest(directory, manifest: manifest, config: config)
        let sets = try readSets(directory, names: names)
        names.sets = sets.ids
        let reasons = try readReasons(directory)
        names.reasons = reasons.ids
        var views = try readViews(directory, master: master, config: config, names: names)
        try readTables(directory, into: &views.tables, index: views.index, names: names)
        let aggregates = Aggregates(asOf: manifest.asOf, firstOrder: manifest.firstOrder, master: master, campaignSets: sets.members,
                                    reasonCodes: reasons.codes, views: views.tables)
        return Contents(aggregates: aggregates, ingest: ingest)
    }

    /// Names → the indices of `Aggregates`.
    struct Names {
        var products: [String: Int32] = [:]
        var categories: [String: Int32] = [:]
        var campaigns: [String: Int32] = [:]
        /// The folder's campaign-set ids → contiguous ids (0 the empty set).
        var sets: [Int: Int32] = [:]
        var reasons: [Int: Int32] = [:]
    }

    struct Manifest {
        var asOf: Day
        var firstOrder: Day?
        var present: Set<SourceName>
        var asOfRow: SourceLocation?
    }

    static func readManifest(_ directory: String) throws(AggregateFolderError) -> Manifest {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("manifest.json").path
        guard let data = FileManager.default.contents(atPath: path),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw AggregateFolderError("manifest.json is missing or not a JSON object", file: path)
        }
        guard (json["format"] as? Int) == format else {
            throw AggregateFolderError("manifest.json: format \(json["format"] ?? "none") is not \(format)", file: path)
        }
        guard let asOf = (json["as_of"] as? String).flatMap(Day.init(iso:)) else {
            throw AggregateFolderError("manifest.json: as_of is missing or not a date", file: path)
        }
        var present = Set(SourceName.allCases.filter(\.isRequired))
        for name in json["present"] as? [String] ?? [] {
            guard let source = SourceName(rawValue: name) else { throw AggregateFolderError("manifest.json: unknown source \(name)", file: path) }
            present.insert(source)
        }
        var row: SourceLocation?
        if let r = json["as_of_row"] as? [String: Any], let file = r["file"] as? String {
            row = SourceLocation(file: file, line: r["line"] as? Int, column: r["column"] as? Int,
                                 source: (r["source"] as? String).flatMap(SourceName.init(rawValue:)), field: r["field"] as? String,
                                 inSheet: r["in_sheet"] as? Bool ?? false)
        }
        return Manifest(asOf: asOf, firstOrder: (json["first_order"] as? String).flatMap(Day.init(iso:)), present: present, asOfRow: row)
    }

    static func readMaster(_ directory: String, manifest: Manifest, names: inout Names) throws(AggregateFolderError) -> MasterData {
        var products: [Product] = []
        var categories: [String] = []
        let p = try AggregateFileReader(directory: directory, name: "products.csv")
        let (pSKU, pCategory, pCost, pPrice) = (try p.column("sku"), try p.column("category"), try p.column("unit_cost"), try p.column("list_price"))
        let pDescription = p.optionalColumn("description")
        while try p.next() {
            let category = p.string(pCategory)
            let k: Int32
            if let known = names.categories[category] { k = known } else {
                k = Int32(categories.count)
                names.categories[category] = k
                categories.append(category)
            }
            let sku = p.string(pSKU)
            guard names.products[sku] == nil else { throw p.failure("sku \"\(sku)\" appears twice") }
            names.products[sku] = Int32(products.count)
            let description = pDescription.map { p.string($0) }
            products.append(Product(sku: sku, category: k, unitCost: try p.double(pCost), listPrice: try p.double(pPrice),
                                    description: description?.isEmpty == false ? description : nil))
        }
        var campaigns: [Campaign] = []
        let c = try AggregateFileReader(directory: directory, name: "campaigns.csv")
        let (cID, cName, cStart, cEnd) = (try c.column("campaign_id"), try c.column("name"), try c.column("start_date"), try c.column("end_date"))
        let cChannel = c.optionalColumn("channel"), cBudget = c.optionalColumn("budget")
        while try c.next() {
            let id = c.string(cID)
            guard names.campaigns[id] == nil else { throw c.failure("campaign_id \"\(id)\" appears twice") }
            names.campaigns[id] = Int32(campaigns.count)
            let channel = cChannel.map { c.string($0) }
            campaigns.append(Campaign(id: id, name: c.string(cName), start: try c.day(cStart), end: try c.day(cEnd),
                                      channel: channel?.isEmpty == false ? channel : nil, budget: try cBudget.flatMap { k throws(AggregateFolderError) in try c.optionalDouble(k) }))
        }
        var items: [CampaignItem] = []
        let i = try AggregateFileReader(directory: directory, name: "campaign_items.csv")
        let (iCampaign, iSKU, iCategory, iPlanned) = (try i.column("campaign_id"), try i.column("sku"), try i.column("category"), try i.column("planned_units"))
        while try i.next() {
            guard let campaign = names.campaigns[i.string(iCampaign)] else { throw i.failure("unknown campaign_id \"\(i.string(iCampaign))\"") }
            let sku = i.string(iSKU), category = i.string(iCategory)
            var item = CampaignItem(campaign: campaign, plannedUnits: try i.double(iPlanned))
            if !sku.isEmpty {
                guard let product = names.products[sku] else { throw i.failure("unknown sku \"\(sku)\"") }
                item.product = product
            } else {
                guard let k = names.categories[category] else { throw i.failure("unknown category \"\(category)\"") }
                item.category = k
            }
            items.append(item)
        }
        return MasterData(products: products, categories: categories, campaigns: campaigns, items: items, present: manifest.present)
    }

    static func readIngest(_ directory: String, manifest: Manifest, config: Config) throws(AggregateFolderError) -> IngestSummary {
        var stats: [SourceStats] = []
        let s = try AggregateFileReader(directory: directory, name: "sources.csv")
        let (sSource, sFile, sRows, sRejected, sIgnored) = (try s.column("source"), try s.column("file"), try s.column("rows"),
                                                           try s.column("rejected"), try s.column("ignored_after_as_of"))
        while try s.next() {
            guard let source = SourceName(rawValue: s.string(sSource)) else { throw s.failure("unknown source \"\(s.string(sSource))\"") }
            let file = FileStats(path: s.string(sFile), rows: try s.int(sRows), rejected: try s.int(sRejected), ignoredAfterAsOf: try s.int(sIgnored))
            if let k = stats.firstIndex(where: { $0.source == source }) { stats[k].files.append(file) } else {
                stats.append(SourceStats(source: source, files: [file]))
            }
        }
        stats.sort { $0.source < $1.source }
        var rejections: [Rejection] = []
        let r = try AggregateFileReader(directory: directory, name: "rejections.csv")
        let columns = (source: try r.column("source"), file: try r.column("file"), line: try r.column("line"), column: try r.column("column"),
                       field: try r.column("field"), reason: try r.column("reason"), detail: try r.column("detail"))
        let rSheet = r.optionalColumn("in_sheet")
        while try r.next() {
            guard let reason = Rejection.Reason(rawValue: r.string(columns.reason)) else { throw r.failure("unknown reason \"\(r.string(columns.reason))\"") }
            let location = SourceLocation(file: r.string(columns.file), line: Int(r.string(columns.line)), column: Int(r.string(columns.column)),
                                          source: SourceName(rawValue: r.string(columns.source)),
                                          field: r.string(columns.field).isEmpty ? nil : r.string(columns.field),
                                          inSheet: rSheet.map { r.string($0) == "1" } ?? false)
            rejections.append(Rejection(location: location, reason: reason, detail: r.string(columns.detail)))
        }
        var early: [EarlyRows] = []
        let e = try AggregateFileReader(directory: directory, name: "early_rows.csv")
        let ec = (source: try e.column("source"), rows: try e.column("rows"), earliest: try e.column("earliest"), file: try e.column("file"),
                  line: try e.column("line"), column: try e.column("column"), field: try e.column("field"))
        let eSheet = e.optionalColumn("in_sheet")
        while try e.next() {
            guard let source = SourceName(rawValue: e.string(ec.source)) else { throw e.failure("unknown source \"\(e.string(ec.source))\"") }
            let location = SourceLocation(file: e.string(ec.file), line: Int(e.string(ec.line)), column: Int(e.string(ec.column)), source: source,
                                          field: e.string(ec.field).isEmpty ? nil : e.string(ec.field),
                                          inSheet: eSheet.map { e.string($0) == "1" } ?? false)
            early.append(EarlyRows(source: source, count: try e.int(ec.rows), earliest: try e.day(ec.earliest), location: location))
        }
        early.sort { $0.source < $1.source }
        let window = ReportWindow(firstOrder: manifest.firstOrder, asOf: manifest.asOf, maxWeeks: config.report.maxWeeks)
        return IngestSummary(asOf: manifest.asOf, sources: stats, rejections: rejections, window: window, earlyRows: early,
                             asOfRow: manifest.asOfRow,
                             warnings: IngestSummary.earlyRowWarnings(early, sources: stats, asOf: manifest.asOf, window: window))
    }

    static func readSets(_ directory: String, names: Names) throws(AggregateFolderError) -> (members: [[Int32]], ids: [Int: Int32]) {
        var bySet: [Int: [Int32]] = [:]
        let r = try AggregateFileReader(directory: directory, name: "campaign_sets.csv")
        let (rSet, rCampaign) = (try r.column("campaign_set"), try r.column("campaign_id"))
        while try r.next() {
            guard let c = names.campaigns[r.string(rCampaign)] else { throw r.failure("unknown campaign_id \"\(r.string(rCampaign))\"") }
            bySet[try r.int(rSet), default: []].append(c)
        }
        var members: [[Int32]] = [[]]
        var ids: [Int: Int32] = [0: 0]
        for id in bySet.keys.sorted() where id != 0 {
            ids[id] = Int32(members.count)
            members.append(Array(Set(bySet[id] ?? [])).sorted())
        }
        return (members, ids)
    }

    static func readReasons(_ directory: String) throws(AggregateFolderError) -> (codes: [String?], ids: [Int: Int32]) {
        var codes: [String?] = [nil]
        var ids: [Int: Int32] = [0: 0]
        let r = try AggregateFileReader(directory: directory, name: "reason_codes.csv")
        let (rID, rCode) = (try r.column("reason"), try r.column("reason_code"))
        while try r.next() {
            ids[try r.int(rID)] = Int32(codes.count)
            codes.append(r.string(rCode))
        }
        return (codes, ids)
    }

    static func readViews(_ directory: String, master: MasterData, config: Config, names: Names)
        throws(AggregateFolderError) -> (tables: [ViewAggregates], index: [Int: Int]) {
        var tables: [ViewAggregates] = []
        var index: [Int: Int] = [:]
        let v = try AggregateFileReader(directory: directory, name: "views.csv")
        let vc = (view: try v.column("view"), dimension: try v.column("dimension"), value: try v.column("value"), other: try v.column("other"),
                  present: try v.column("present"), snapshot: try v.column("snapshot_date"))
        while try v.next() {
            var present = Set(SourceName.allCases.filter(\.isRequired))
            for name in v.string(vc.present).split(separator: " ") {
                guard let source = SourceName(rawValue: String(name)) else { throw v.failure("unknown source \"\(name)\"") }
                present.insert(source)
            }
            var segment: ViewSegment?
            let key = v.string(vc.dimension)
            if !key.isEmpty {
                guard let d = config.segments.dimensions.firstIndex(where: { $0.key == key }) else {
                    throw v.failure("dimension \"\(key)\" is not in the config's segments")
                }
                segment = ViewSegment(dimension: d, value: v.string(vc.other) == "1" ? nil : v.string(vc.value))
            }
            var view = ViewAggregates(present: present, segment: segment)
            if let segment, config.segments.dimensions[segment.dimension].kind == .product {
                view.products = Array(repeating: false, count: master.products.count)
            }
            let snapshot = v.string(vc.snapshot)
            view.snapshotDate = snapshot.isEmpty ? nil : try v.day(vc.snapshot)
            index[try v.int(vc.view)] = tables.count
            tables.append(view)
        }
        guard tables.first?.segment == nil else { throw AggregateFolderError("views.csv: the first view is not the whole company", file: v.file) }
        let p = try AggregateFileReader(directory: directory, name: "view_products.csv")
        let (pView, pSKU) = (try p.column("view"), try p.column("sku"))
        while try p.next() {
            guard let t = index[try p.int(pView)] else { throw p.failure("unknown view") }
            guard let product = names.products[p.string(pSKU)] else { throw p.failure("unknown sku \"\(p.string(pSKU))\"") }
            guard tables[t].products != nil else { throw p.failure("view \(p.string(pView)) is not of a product dimension") }
            tables[t].products?[Int(product)] = true
        }
        return (tables, index)
    }
}
