// Throughput of the scorecard's CSV reader against CSV.swift on one canonical orders export.
//
//   ReaderBenchmark generate DIR MB   writes DIR/orders.csv (about MB megabytes) and small master data
//   ReaderBenchmark tokenize DIR      the scorecard reader, tokenizing only
//   ReaderBenchmark ingest DIR        the whole Ingestor: orders parsed, validated, resolved, streamed
//   ReaderBenchmark csvswift DIR      yaslab/CSV.swift 2.5.2 over the same file, fields as Strings
//   ReaderBenchmark csvswift-parse DIR  the same, plus Double(String) and Day(iso:) on the typed fields
//
// Each mode prints MB/s over orders.csv and the process's peak resident memory; run one mode per process
// so that the peak belongs to that mode.
import CSV
import Foundation
import Ingest
import Logging
import ScorecardCore

/// This process's resource usage so far.
func selfUsage() -> rusage {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage
}

func peakRSSMiB() -> Double {
    let usage = selfUsage()
    #if os(Linux)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
    #else
    return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
    #endif
}

func fileSize(_ path: String) -> Double {
    let n = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
    return n / 1_000_000
}

/// CPU seconds (user + system) this process has used: on a shared machine the wall clock also counts
/// time spent waiting for a core, and the target is throughput on one core.
func cpuSeconds() -> Double {
    let usage = selfUsage()
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func measure(_ label: String, megabytes: Double, _ body: () throws -> String) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let note = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - cpuStart
    let line = String(format: "%-36@ %7.1f MB/s per CPU-second (%6.2f s CPU, %6.2f s wall, %7.1f MB/s wall)  peak RSS %7.1f MiB  (%@)",
                      label as NSString, megabytes / cpu, cpu, seconds, megabytes / seconds, peakRSSMiB(), note as NSString)
    print(line)
}

/// Counts what it is sent, so the measurement is the reader's and not a consumer's.
struct CountingSink: RecordSink {
    var lines = 0, deliveries = 0
    var quantity = 0.0
    mutating func master(_ master: MasterData) {}
    mutating func orderLine(_ record: OrderLineRecord) { lines += 1; quantity += record.qtyOrdered }
    mutating func ordersComplete(asOf: Day, lineCount: Int, orderCount: Int) {}
    mutating func delivery(_ record: DeliveryRecord) { deliveries += 1 }
    mutating func returned(_ record: ReturnRecord) {}
    mutating func freight(_ record: FreightRecord) {}
    mutating func inventory(_ record: InventoryRecord) {}
    mutating func forecast(_ record: ForecastRecord) {}
    mutating func purchaseOrderLine(_ record: PurchaseOrderLineRecord) {}
    mutating func receipt(_ record: ReceiptRecord) {}
}

func generate(_ dir: String, megabytes: Int) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let skus = 2_000
    var products = "sku,category,unit_cost,list_price,description\n"
    for s in 0..<skus { products += "SKU-\(100_000 + s),Category \(s % 37),\(Double(s % 500) / 4 + 1.25),\(Double(s % 700) / 2 + 3.99),Item \(s)\n" }
    try products.write(toFile: dir + "/products.csv", atomically: true, encoding: .utf8)
    try "campaign_id,name,start_date,end_date\nC1,Spring,2026-03-01,2026-03-31\n".write(toFile: dir + "/campaigns.csv", atomically: true, encoding: .utf8)
    try "campaign_id,sku,category,planned_units\nC1,SKU-100001,,500\n".write(toFile: dir + "/campaign_items.csv", atomically: true, encoding: .utf8)

    // A deterministic generator: the same file on every machine.
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
    guard let out = fopen(dir + "/orders.csv", "w") else { throw CocoaError(.fileWriteUnknown) }
    defer { fclose(out) }
    var buffer = "order_id,line_no,order_date,requested_date,sku,qty_ordered,unit_price\n"
    var written = 0
    var order = 1_000_000
    let target = megabytes * 1_000_000
    var deliveries = "order_id,line_no,ship_date,qty_shipped\n"
    while written < target {
        order += 1
        let day = Day(iso: "2025-01-01")! + Int(next() % 440)
        let requested = day + Int(next() % 14)
        for line in 1...Int(next() % 5 + 1) {
            let qty = next() % 8 == 0 ? "\(next() % 1000)" : "\(next() % 40 + 1).\(next() % 100)"
            let price = "\(next() % 900 + 1).\(String(format: "%02d", Int(next() % 100)))"
            buffer += "SO\(order),\(line * 10),\(day),\(requested),SKU-\(100_000 + Int(next() % UInt64(skus))),\(qty),\(price)\n"
            if order < 1_001_000 { deliveries += "SO\(order),\(line * 10),\(requested),1\n" }
        }
        if buffer.utf8.count > 1 << 20 {
            written += buffer.utf8.count
            fputs(buffer, out)
            buffer = ""
        }
    }
    fputs(buffer, out)
    try deliveries.write(toFile: dir + "/deliveries.csv", atomically: true, encoding: .utf8)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: ReaderBenchmark generate DIR MB | tokenize DIR | ingest DIR | csvswift DIR | csvswift-parse DIR")
    exit(2)
}
let dir = args[2]
let orders = dir + "/orders.csv"
switch args[1] {
case "generate":
    try generate(dir, megabytes: args.count > 3 ? Int(args[3]) ?? 200 : 200)
    print(String(format: "wrote %@ (%.0f MB)", orders as NSString, fileSize(orders)))
case "tokenize":
    try measure("scorecard reader, tokenize only", megabytes: fileSize(orders)) {
        let r = try ReaderProbe.tokenize(path: orders)
        return "\(r.records) records, \(r.fields) fields"
    }
case "ingest":
    try measure("scorecard Ingestor, full orders", megabytes: fileSize(orders)) {
        var config = Config()
        config.targets.maxRejectedShare = 1
        var sink = CountingSink()
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let summary = try Ingestor(config: config, dataDirectory: dir, logger: logger).run(into: &sink)
        return "\(sink.lines) lines used, \(summary.rejections.count) rejected, as of \(summary.asOf)"
    }
case "csvswift", "csvswift-parse":
    let parse = args[1] == "csvswift-parse"
    try measure(parse ? "CSV.swift 2.5.2 + Double/Day parsing" : "CSV.swift 2.5.2, tokenize only", megabytes: fileSize(orders)) {
        guard let stream = InputStream(fileAtPath: orders) else { throw CocoaError(.fileReadNoSuchFile) }
        let csv = try CSVReader(stream: stream, hasHeaderRow: true)
        var records = 0, fields = 0
        var sum = 0.0
        while let row = csv.next() {
            records += 1
            fields += row.count
            if parse {
                sum += (Double(row[5]) ?? 0) + (Double(row[6]) ?? 0)
                sum += Double((Day(iso: row[2])?.rawValue ?? 0) + (Day(iso: row[3])?.rawValue ?? 0))
            }
        }
        return "\(records) records, \(fields) fields" + (parse ? ", checksum \(sum)" : "")
    }
default:
    print("unknown mode \(args[1])")
    exit(2)
}
