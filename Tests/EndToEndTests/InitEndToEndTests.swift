import Foundation
import Testing

/// `scorecard init` and `scorecard check` on the built binary: for every shape of export, `init` then
/// `build` gives the same kpis.json, byte for byte, as the hand-written config.
@Suite(.serialized) struct InitEndToEndTests {
    /// Canonical exports to reshape, and their as-of date.
    static func canonical(in tmp: TemporaryDirectory) throws -> URL {
        let url = tmp.path("canonical")
        let sample = try ScorecardProcess.run(["sample", "--out", url.path, "--lines", "3000", "--skus", "40", "--weeks", "10"])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
        return url
    }

    static let asOf = "2026-11-15"

    @Test(arguments: ExportShape.all)
    func initThenBuildGivesTheSameFiguresAsTheHandWrittenConfig(shape: ExportShape) throws {
        let tmp = try TemporaryDirectory()
        try shape.write(from: try Self.canonical(in: tmp), to: tmp.path("exports"))
        try shape.handConfig.write(to: tmp.path("hand.yml"), atomically: true, encoding: .utf8)

        let hand = try ScorecardProcess.run(["build", "--config", tmp.path("hand.yml").path, "--out", tmp.path("hand-site").path, "--as-of", Self.asOf])
        #expect(hand.status == 0, "hand-written config: \(hand.stderr)")

        let initRun = try ScorecardProcess.run(["init", "--data", "exports", "--config", "init.yml"], in: tmp.url)
        let written = (try? String(contentsOf: tmp.path("init.yml"), encoding: .utf8)) ?? ""
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        #expect(initRun.stdout.contains("wrote init.yml"))

        let built = try ScorecardProcess.run(["build", "--config", tmp.path("init.yml").path, "--out", tmp.path("init-site").path, "--as-of", Self.asOf])
        #expect(built.status == 0, "stderr: \(built.stderr)\n\(written)")
        let expected = try Data(contentsOf: tmp.path("hand-site/data/kpis.json"))
        let actual = try? Data(contentsOf: tmp.path("init-site/data/kpis.json"))
        #expect(actual == expected, "kpis.json differs from the hand-written config's; init wrote:\n\(written)")
    }

    /// The lines of the proposed `segments:` block with their `# ` removed, as a user switches it on.
    static func uncommentSegments(_ text: String) -> String {
        var inBlock = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line == "# segments:" { inBlock = true }
            if inBlock, !line.hasPrefix("# ") { inBlock = false }
            return inBlock ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
    }

    /// The dimensions of a built site's `data/segments.json`: key, source and number of views.
    static func dimensions(_ site: URL) throws -> [(key: String, source: String, values: Int)] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/segments.json")))
        return ((json as? [String: Any])?["dimensions"] as? [[String: Any]] ?? []).map {
            ($0["key"] as? String ?? "", $0["source"] as? String ?? "", ($0["values"] as? [Any])?.count ?? 0)
        }
    }

    /// The canonical exports carry a region on the order lines and a brand on the products: `init` proposes
    /// both, commented out, so the file builds as it is; uncommented, the build has both dimensions.
    @Test func initProposesTheSamplesDimensionsAndTheyBuildWhenSwitchedOn() throws {
        let tmp = try TemporaryDirectory()
        let sample = try ScorecardProcess.run(["sample", "--out", tmp.path("exports").path, "--lines", "3000", "--skus", "40", "--weeks", "10"])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
        let initRun = try ScorecardProcess.run(["init", "--data", "exports"], in: tmp.url)
        let written = try String(contentsOf: tmp.path("scorecard.yml"), encoding: .utf8)
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        #expect(initRun.stdout.contains("segments: proposed, commented out: region (orders \"region\"), brand (products \"brand\")"),
                "\(initRun.stdout)")
        for line in ["# segments:", "#   region:", "#     orders: \"region\"", "#   brand:", "#     products: \"brand\""] {
            #expect(written.contains("\n\(line)\n"), "\(line) in:\n\(written)")
        }
        #expect(written.contains("6 distinct values"), "the region's values are counted:\n\(written)")

        let asWritten = try ScorecardProcess.run(["build", "--out", "plain", "--as-of", Self.asOf], in: tmp.url)
        #expect(asWritten.status == 0, "stderr: \(asWritten.stderr)")
        #expect(!tmp.exists("plain/data/segments.json"), "the proposals are comments")

        try Self.uncommentSegments(written).write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let switchedOn = try ScorecardProcess.run(["build", "--out", "segmented", "--as-of", Self.asOf], in: tmp.url)
        #expect(switchedOn.status == 0, "stderr: \(switchedOn.stderr)\n\(Self.uncommentSegments(written))")
        let dimensions = try Self.dimensions(tmp.path("segmented"))
        #expect(dimensions.map(\.key) == ["region", "brand"])
        #expect(dimensions.map(\.source) == ["orders", "products"])
        #expect((6...7).contains(dimensions.first?.values ?? 0), "6 regions, and \"(none)\" when a line has no region")
    }

    /// SAP's field names: the sales organisation (VKORG) of the order lines, with the plant (WERKS) in both
    /// the order lines and the stock export, where it is also the location; a German brand column (Marke).
    @Test func initProposesSapDimensionsAndTheyBuildWhenSwitchedOn() throws {
        let tmp = try TemporaryDirectory()
        var shape = ExportShape.sapTechnical
        for k in shape.files.indices {
            switch shape.files[k].source {
            case "orders": shape.files[k].columns += [("region", "VKORG"), ("plant", "WERKS")]
            case "products": shape.files[k].columns.append(("brand", "Marke"))
            default: break
            }
        }
        let transform = shape.transform
        shape.transform = { tables in
            transform(&tables)
            // Each order line is delivered from one of the plants (storage locations) that hold stock.
            if var orders = tables["orders"], let inventory = tables["inventory"] {
                let plants = Array(Set(inventory.rows.map { $0[inventory.column("location")] })).sorted()
                orders.header.append("plant")
                orders.rows = orders.rows.enumerated().map { $1 + [plants[$0 % plants.count]] }
                tables["orders"] = orders
            }
        }
        try shape.write(from: try Self.canonical(in: tmp), to: tmp.path("exports"))
        let initRun = try ScorecardProcess.run(["init", "--data", "exports"], in: tmp.url)
        let written = try String(contentsOf: tmp.path("scorecard.yml"), encoding: .utf8)
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        for line in ["#   sales_org:", "#     orders: \"VKORG\"", "#   plant:", "#     orders: \"WERKS\"", "#     inventory: \"WERKS\"",
                     "#   brand:", "#     products: \"Marke\""] {
            #expect(written.contains("\n\(line)\n"), "\(line) in:\n\(written)")
        }
        #expect(written.contains("location: \"WERKS\""), "WERKS is still the stock's location:\n\(written)")

        try Self.uncommentSegments(written).write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let built = try ScorecardProcess.run(["build", "--out", "site", "--as-of", Self.asOf], in: tmp.url)
        #expect(built.status == 0, "stderr: \(built.stderr)\n\(Self.uncommentSegments(written))")
        let dimensions = try Self.dimensions(tmp.path("site"))
        #expect(dimensions.map(\.key) == ["sales_org", "plant", "brand"])
        // The sample's six storage locations (two warehouses, a location per region each) are the plants.
        #expect(dimensions.first { $0.key == "plant" }?.values == 6)
    }

    /// Nothing under the folder looks like an export of the scorecard: every required source is named on
    /// stderr, exit 2, and the file is still written with the list at its top.
    @Test func nothingMatchesExits2AndStillWritesTheFile() throws {
        let tmp = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: tmp.path("exports"), withIntermediateDirectories: true)
        try "city,temperature\nBerlin,21.5\n".write(to: tmp.path("exports/weather.csv"), atomically: true, encoding: .utf8)
        let result = try ScorecardProcess.run(["init", "--data", "exports"], in: tmp.url)
        #expect(result.status == 2)
        for source in ["products", "orders", "deliveries", "campaigns", "campaign_items"] {
            #expect(result.stderr.contains("required source \(source) is missing"), "stderr: \(result.stderr)")
        }
        let written = try String(contentsOf: tmp.path("scorecard.yml"), encoding: .utf8)
        #expect(written.contains("NOT MAPPED"))
        #expect(written.contains("weather.csv"))
    }

    /// An existing config is never overwritten: exit 2, the file unchanged, nothing else written.
    @Test func neverOverwrites() throws {
        let tmp = try TemporaryDirectory()
        let exports = tmp.path("exports")
        #expect(try ScorecardProcess.run(["sample", "--out", exports.path, "--lines", "300", "--skus", "10", "--weeks", "4"]).status == 0)
        let mine = "# my own config\ntitle: Mine\n"
        try mine.write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let result = try ScorecardProcess.run(["init", "--data", "exports"], in: tmp.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("never overwrites"), "stderr: \(result.stderr)")
        #expect(try String(contentsOf: tmp.path("scorecard.yml"), encoding: .utf8) == mine)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).sorted() == ["exports", "scorecard.yml"])
    }

    /// `check` on good data: exit 0, every source named with its counts, the as-of date and the report
    /// window on stdout; no site, no lock, nothing written.
    @Test func checkSummarisesEverySourceAndWritesNothing() throws {
        let tmp = try TemporaryDirectory()
        let exports = tmp.path("exports")
        #expect(try ScorecardProcess.run(["sample", "--out", exports.path, "--lines", "600", "--skus", "12", "--weeks", "6"]).status == 0)
        let before = try FileManager.default.subpathsOfDirectory(atPath: tmp.url.path).sorted()
        let result = try ScorecardProcess.run(["check", "--data", "exports", "--as-of", Self.asOf], in: tmp.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for source in ["products", "campaigns", "campaign_items", "orders", "deliveries", "returns", "freight", "inventory", "forecast"] {
            #expect(result.stdout.contains("\n\(source): 1 file: \(source).csv") || result.stdout.hasPrefix("\(source): 1 file"), "\(source) in:\n\(result.stdout)")
        }
        #expect(result.stdout.contains("rows "))
        #expect(result.stdout.contains("rejected"))
        #expect(result.stdout.contains("as of \(Self.asOf)"))
        #expect(result.stdout.contains("report: "))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: tmp.url.path).sorted() == before, "check writes nothing")
    }

    /// `check` with a required source missing: exit 2, the problem on stderr, nothing written anywhere.
    @Test func checkWithAMissingSourceExits2() throws {
        let tmp = try TemporaryDirectory()
        let exports = tmp.path("exports")
        #expect(try ScorecardProcess.run(["sample", "--out", exports.path, "--lines", "300", "--skus", "10", "--weeks", "4"]).status == 0)
        try FileManager.default.removeItem(at: tmp.path("exports/deliveries.csv"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: tmp.url.path).sorted()
        let result = try ScorecardProcess.run(["check", "--data", "exports"], in: tmp.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("required source deliveries is missing"), "stderr: \(result.stderr)")
        #expect(result.stdout == "")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: tmp.url.path).sorted() == before)
    }

    /// The shipped SAP fixture of the ingestion tests: init maps it as its hand-written config does.
    @Test func initThenCheckOnTheSapFixture() throws {
        let tmp = try TemporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IngestTests/Fixtures/sap")
        try FileManager.default.copyItem(at: fixture, to: tmp.path("sap"))
        let initRun = try ScorecardProcess.run(["init", "--data", "sap"], in: tmp.url)
        let written = (try? String(contentsOf: tmp.path("scorecard.yml"), encoding: .utf8)) ?? ""
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        #expect(written.contains("path: \"VBAP/VBAP_*.csv\""), "\(written)")
        let check = try ScorecardProcess.run(["check", "--as-of", "2026-03-31"], in: tmp.url)
        #expect(check.status == 0, "stderr: \(check.stderr)\n\(written)")
        #expect(check.stdout.contains("orders: 2 files: VBAP/VBAP_2026-W10.csv, VBAP/VBAP_2026-W11.csv"), "\(check.stdout)")
        #expect(check.stdout.contains("rows 3: used 3, rejected 0"), "\(check.stdout)")
        #expect(check.stdout.contains("receipts: 1 file: EKBE.csv"), "\(check.stdout)")

        let hand = try ScorecardProcess.run(["build", "--config", "sap/scorecard.yml", "--out", "hand", "--as-of", "2026-03-31"], in: tmp.url)
        #expect(hand.status == 0, "stderr: \(hand.stderr)")
        let built = try ScorecardProcess.run(["build", "--out", "init", "--as-of", "2026-03-31"], in: tmp.url)
        #expect(built.status == 0, "stderr: \(built.stderr)")
        #expect(try Data(contentsOf: tmp.path("init/data/kpis.json")) == Data(contentsOf: tmp.path("hand/data/kpis.json")))
    }
}
