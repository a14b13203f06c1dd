import Metrics
import ScorecardCore

extension AggregateFolder {
    /// Reads every view table into the views' `SumRows`.
    static func readTables(_ directory: String, into views: inout [ViewAggregates], index: [Int: Int], names: Names) throws(AggregateFolderError) {
        /// Reads table `name`: per row, the view's index and the row's reader.
        func each(_ name: String, _ body: (Int, AggregateFileReader, [Int]) throws(AggregateFolderError) -> Void) throws(AggregateFolderError) {
            let spec = tables.first { $0.name == name }!
            let r = try AggregateFileReader(directory: directory, name: name + ".csv")
            var columns: [Int] = []
            for c in spec.keys + spec.values { columns.append(try r.column(c)) }
            while try r.next() {
                guard let v = index[try r.int(columns[0])] else { throw r.failure("unknown view \(r.string(columns[0]))") }
                try body(v, r, columns)
            }
        }
        func day(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 { try r.day(k).rawValue }
        func category(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            guard let c = names.categories[r.string(k)] else { throw r.failure("unknown category \"\(r.string(k))\"") }
            return c
        }
        func product(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            guard let p = names.products[r.string(k)] else { throw r.failure("unknown sku \"\(r.string(k))\"") }
            return p
        }
        /// A campaign-level row of a view names no SKU: -1.
        func productOrNone(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            r.string(k).isEmpty ? -1 : try product(r, k)
        }
        func campaign(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            guard let c = names.campaigns[r.string(k)] else { throw r.failure("unknown campaign_id \"\(r.string(k))\"") }
            return c
        }
        func flag(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            let v = try r.int(k)
            guard v == 0 || v == 1 else { throw r.failure("promotional must be 0 or 1") }
            return Int32(v)
        }
        func days(_ r: AggregateFileReader, _ k: Int) throws(AggregateFolderError) -> Int32 {
            let v = try r.int(k)
            guard let d = Int32(exactly: v) else { throw r.failure("days out of range") }
            return d
        }
        func values(_ r: AggregateFileReader, _ c: [Int], from first: Int) throws(AggregateFolderError) -> [Double] {
            var out: [Double] = []
            for k in c[first...] { out.append(try r.double(k)) }
            return out
        }
        try each("lines") { v, r, c throws(AggregateFolderError) in
            let x = try values(r, c, from: 4)
            views[v].lines.add(.key(try day(r, c[1]), try category(r, c[2]), try flag(r, c[3])), SIMD8(x[0], x[1], x[2], x[3], x[4], x[5], 0, 0))
        }
        try each("sku_due") { v, r, c throws(AggregateFolderError) in
            guard let set = names.sets[try r.int(c[3])] else { throw r.failure("unknown campaign_set \(r.string(c[3]))") }
            let x = try values(r, c, from: 4)
            views[v].skuDue.add(.key(try day(r, c[1]), try product(r, c[2]), set), SIMD4(x[0], x[1], x[2], 0))
        }
        try each("freight") { v, r, c throws(AggregateFolderError) in
            let x = try values(r, c, from: 2)
            views[v].freight.add(.key(try day(r, c[1])), SIMD4(x[0], x[1], x[2], 0))
        }
        try each("inventory") { v, r, c throws(AggregateFolderError) in
            let x = try values(r, c, from: 3)
            views[v].inventory.add(.key(try day(r, c[1]), try category(r, c[2])), SIMD4(x[0], x[1], x[2], 0))
        }
        try each("stock") { v, r, c throws(AggregateFolderError) in views[v].stock.add(.key(try product(r, c[1])), try r.double(c[2])) }
        try each("forecast") { v, r, c throws(AggregateFolderError) in
            let x = try values(r, c, from: 3)
            views[v].forecast.add(.key(try day(r, c[1]), try flag(r, c[2])), SIMD4(x[0], x[1], x[2], x[3]))
        }
        try each("lead_times") { v, r, c throws(AggregateFolderError) in
            views[v].leadTimes.add(.key(try day(r, c[1]), try category(r, c[2]), try flag(r, c[3]), try days(r, c[4])), try r.double(c[5]))
        }
        try each("campaign_skus") { v, r, c throws(AggregateFolderError) in
            let x = try values(r, c, from: 3)
            views[v].campaignSKUs.add(.key(try campaign(r, c[1]), try productOrNone(r, c[2])), SIMD8(x[0], x[1], x[2], x[3], x[4], x[5], 0, 0))
        }
        try each("campaign_days") { v, r, c throws(AggregateFolderError) in
            views[v].campaignDays.add(.key(try campaign(r, c[1]), try day(r, c[2])), SIMD2(try r.double(c[3]), try r.double(c[4])))
        }
        try each("campaign_freight") { v, r, c throws(AggregateFolderError) in
            views[v].campaignFreight.add(.key(try campaign(r, c[1])), try r.double(c[2]))
        }
        try each("campaign_returns") { v, r, c throws(AggregateFolderError) in
            guard let reason = names.reasons[try r.int(c[2])] else { throw r.failure("unknown reason \(r.string(c[2]))") }
            views[v].campaignReturns.add(.key(try campaign(r, c[1]), reason), try r.double(c[3]))
        }
        try each("campaign_lead_times") { v, r, c throws(AggregateFolderError) in
            views[v].campaignLeadTimes.add(.key(try campaign(r, c[1]), try productOrNone(r, c[2]), try days(r, c[3])), try r.double(c[4]))
        }
        try each("supplier_lead_times") { v, r, c throws(AggregateFolderError) in
            views[v].supplierLeadTimes.add(.key(try day(r, c[1]), try category(r, c[2]), try days(r, c[3])), try r.double(c[4]))
        }
        try each("supplier_on_time") { v, r, c throws(AggregateFolderError) in
            views[v].supplierOnTime.add(.key(try day(r, c[1])), SIMD2(try r.double(c[2]), try r.double(c[3])))
        }
        try each("inbound_open") { v, r, c throws(AggregateFolderError) in
            views[v].inboundOpen.add(.key(try product(r, c[1]), try day(r, c[2])), try r.double(c[3]))
        }
    }
}
