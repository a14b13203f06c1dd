import Foundation
import Testing

/// One hostile row or config, run through the built binary: each has a bounded outcome (rejected with a
/// reason, or fine), in bounded time and memory, and the output that quotes it stays short.
/// Time and memory bounds are generous: they catch a blow-up, not a slow machine.
@Suite(.serialized) struct HostileInputEndToEndTests {
    /// Small exports from the generator, and the first orders row's fields to copy from.
    static func exports(in tmp: TemporaryDirectory) throws -> (path: String, order: [String]) {
        let path = tmp.path("exports").path
        let sample = try ScorecardProcess.run(["sample", "--out", path, "--lines", "2000", "--skus", "20", "--weeks", "8"])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
        let orders = try String(contentsOfFile: path + "/orders.csv", encoding: .utf8)
        let first = orders.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return (path, first)
    }

    static func append(_ bytes: Data, to file: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
    }

    /// Runs `scorecard ARGS`, returning the result and the wall time in seconds.
    static func timed(_ arguments: [String], in directory: URL? = nil) throws -> (ScorecardProcess.Result, Double) {
        let start = Date()
        let result = try ScorecardProcess.run(arguments, in: directory)
        return (result, Date().timeIntervalSince(start))
    }

    /// The largest resident set of any child this test process has waited for, in MiB.
    static func childrenPeakRSSMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    // MARK: the config

    static func configFails(_ yaml: String, expecting message: String) throws {
        let tmp = try TemporaryDirectory()
        try yaml.write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let (result, seconds) = try Self.timed(["build", "--config", tmp.path("scorecard.yml").path], in: tmp.url)
        #expect(result.status == 2)
        let lines = result.stderr.split(whereSeparator: \.isNewline)
        #expect(lines.count == 1, "one clear line: \(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains(message), "stderr: \(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains("scorecard.yml"))
        #expect(seconds < 30)
        #expect(!tmp.exists("site"))
    }

    @Test func billionLaughsConfigExits2AtOnce() throws {
        var yaml = "title: &a0 lol\n"
        for k in 1...9 { yaml += "x\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try Self.configFails(yaml, expecting: "scorecard.yml:1:8: error: anchors and aliases are not supported in scorecard.yml")
    }

    @Test func aConfigOver1MiBExits2() throws {
        try Self.configFails("title: x\n" + String(repeating: "# padding\n", count: 200_000), expecting: "larger than 1 MiB")
    }

    @Test func aConfigNestedDeeperThanTheSchemaExits2() throws {
        try Self.configFails("title: " + String(repeating: "[", count: 50_000), expecting: "nests deeper than 6 levels")
    }

    // MARK: one hostile row

    /// A 50 MB field: the row is longer than the reader's 1 MiB limit, so it is rejected as too long
    /// without being kept; the build succeeds quickly and the rejection names its line.
    @Test func aFiftyMegabyteFieldIsRejectedAsTooLong() throws {
        let tmp = try TemporaryDirectory()
        let (exports, order) = try Self.exports(in: tmp)
        let lines = try String(contentsOfFile: exports + "/orders.csv", encoding: .utf8).split(separator: "\n").count
        var row = order
        row[0] = "HUGE-1"
        row[6] = "\"" + String(repeating: "9", count: 50_000_000) + "\""
        try Self.append(Data((row.joined(separator: ",") + "\n").utf8), to: exports + "/orders.csv")

        let (result, seconds) = try Self.timed(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2_000))")
        #expect(seconds < 60, "took \(seconds) s")
        #expect(Self.childrenPeakRSSMiB() < 1_024, "peak RSS \(Self.childrenPeakRSSMiB()) MiB")
        let rejected = try String(contentsOf: tmp.path("out/data/rejected.csv"), encoding: .utf8)
        let line = rejected.split(whereSeparator: \.isNewline).first { $0.contains("row too long") }
        #expect(line?.hasPrefix("orders,orders.csv,\(lines + 1),") == true, "\(rejected.prefix(1_000))")
        #expect(rejected.utf8.count < 10_000)
    }

    /// A line of a million delimiters: the wrong number of fields, at once.
    @Test func aLineOfAMillionDelimitersIsTheWrongNumberOfFields() throws {
        let tmp = try TemporaryDirectory()
        let (exports, _) = try Self.exports(in: tmp)
        // The sample's orders carry a region after the canonical columns.
        let header = try String(contentsOfFile: exports + "/orders.csv", encoding: .utf8).prefix { $0 != "\n" }
        let columns = header.split(separator: ",").count
        try Self.append(Data((String(repeating: ",", count: 1_000_000) + "\n").utf8), to: exports + "/orders.csv")
        let (result, seconds) = try Self.timed(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2_000))")
        #expect(seconds < 60, "took \(seconds) s")
        let rejected = try String(contentsOf: tmp.path("out/data/rejected.csv"), encoding: .utf8)
        #expect(rejected.contains("wrong number of fields,\"1000001 fields, the header has \(columns)\""), "\(rejected.prefix(1_000))")
    }

    /// A 10 kB category name: the build succeeds, pages validate (the build checks every page), and no
    /// file or folder name the site is made of comes near the file system's 255-byte limit.
    @Test func aTenKilobyteCategoryNameBuildsAValidSite() throws {
        let tmp = try TemporaryDirectory()
        let (exports, order) = try Self.exports(in: tmp)
        let category = "Café <" + String(repeating: "x", count: 10_000) + "> / ../"
        try Self.append(Data("HUGE-SKU,\"\(category)\",1.5,2.5,Big\n".utf8), to: exports + "/products.csv")
        let campaign = try String(contentsOfFile: exports + "/campaigns.csv", encoding: .utf8).split(separator: "\n")[1]
            .split(separator: ",")[0]
        try Self.append(Data("\(campaign),,\"\(category)\",10\n".utf8), to: exports + "/campaign_items.csv")
        var row = order
        row[0] = "HUGE-ORDER"
        row[4] = "HUGE-SKU"
        try Self.append(Data((row.joined(separator: ",") + "\n").utf8), to: exports + "/orders.csv")

        let (result, seconds) = try Self.timed(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2_000))")
        #expect(seconds < 60, "took \(seconds) s")
        let rejected = try String(contentsOf: tmp.path("out/data/rejected.csv"), encoding: .utf8)
        #expect(!rejected.contains("HUGE"), "\(rejected.prefix(2_000))")
        let site = tmp.path("out").resolvingSymlinksInPath().path
        let paths = FileManager.default.subpaths(atPath: site) ?? []
        #expect(!paths.isEmpty)
        for path in paths {
            for component in path.split(separator: "/") {
                #expect(component.utf8.count <= 200, "\(component.prefix(100))… is \(component.utf8.count) bytes")
            }
        }
        let categories = try String(contentsOfFile: site + "/categories/index.html", encoding: .utf8)
        #expect(categories.contains("Café &lt;xxxx"))
    }

    /// Thousands of items in one campaign: fine and fast (each item is one product's line on its page).
    @Test func fiveThousandItemsInOneCampaign() throws {
        let tmp = try TemporaryDirectory()
        let (exports, _) = try Self.exports(in: tmp)
        let campaign = try String(contentsOfFile: exports + "/campaigns.csv", encoding: .utf8).split(separator: "\n")[1]
            .split(separator: ",")[0]
        var products = "", items = ""
        for k in 0..<5_000 {
            products += "MANY-\(k),Many \(k % 50),1,2,x\n"
            items += "\(campaign),MANY-\(k),,3\n"
        }
        try Self.append(Data(products.utf8), to: exports + "/products.csv")
        try Self.append(Data(items.utf8), to: exports + "/campaign_items.csv")
        let (result, seconds) = try Self.timed(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2_000))")
        #expect(seconds < 60, "took \(seconds) s")
        #expect(Self.childrenPeakRSSMiB() < 1_024, "peak RSS \(Self.childrenPeakRSSMiB()) MiB")
    }

    /// Rows quoting huge values: every rejected.csv line, the data-quality page and the failure's stderr
    /// stay small whatever the values' size.
    @Test func outputQuotingHugeValuesStaysBoundedPerRow() throws {
        let tmp = try TemporaryDirectory()
        let (exports, order) = try Self.exports(in: tmp)
        var rows = ""
        for k in 0..<40 {
            var row = order
            row[0] = "BAD-\(k)"
            row[5] = String(repeating: "é", count: 20_000)
            rows += row.joined(separator: ",") + "\n"
        }
        try Self.append(Data(rows.utf8), to: exports + "/orders.csv")

        // 40 bad rows of about 2,000 are over the default max_rejected_share of 1%: nothing is published,
        // and the first 20 rows are listed on stderr.
        let failed = try ScorecardProcess.run(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("number does not parse"))
        #expect(failed.stderr.utf8.count < 20 * 400 + 1_000, "\(failed.stderr.utf8.count) bytes on stderr")

        try "data: exports\nout: out\ntargets:\n  max_rejected_share: 1\n".write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let built = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path])
        #expect(built.status == 0, "stderr: \(built.stderr.prefix(2_000))")
        let rejected = try String(contentsOf: tmp.path("out/data/rejected.csv"), encoding: .utf8)
        let lines = rejected.split(whereSeparator: \.isNewline).filter { $0.contains("éé") }
        #expect(lines.count == 40)
        for line in lines { #expect(line.utf8.count < 300, "\(line.utf8.count) bytes") }
        let page = try Data(contentsOf: tmp.path("out/data-quality/index.html"))
        #expect(page.count < 200_000, "data-quality page is \(page.count) bytes")
    }
}
