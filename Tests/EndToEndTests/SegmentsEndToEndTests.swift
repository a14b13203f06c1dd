import Foundation
import Testing

/// Segments on the built binary: configuration errors exit 2 with file and line; hostile values make
/// valid pages with safe, distinct paths; the pages, data and digests exist.
@Suite(.serialized) struct SegmentsEndToEndTests {
    /// A small generated export with a `region` column added to orders and inventory and a `brand` column
    /// to products; `values(i)` gives the i-th order row's region.
    static func exports(in tmp: TemporaryDirectory, region: (Int) -> String) throws -> String {
        let path = tmp.path("exports").path
        let sample = try ScorecardProcess.run(["sample", "--out", path, "--lines", "2000", "--skus", "20", "--weeks", "8"])
        try #require(sample.status == 0, "stderr: \(sample.stderr)")
        func addColumn(_ file: String, _ header: String, _ value: (Int) -> String) throws {
            let url = URL(fileURLWithPath: path + "/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            // The generated files have no quoted line breaks except in products' descriptions; add the
            // column by record, quoting the value.
            var out = ""
            var row = -1
            var inQuotes = false
            var line = ""
            for ch in text {
                if ch == "\"" { inQuotes.toggle() }
                if ch == "\n", !inQuotes {
                    let v = row < 0 ? header : value(row)
                    out += line + ",\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n"
                    line = ""
                    row += 1
                } else {
                    line.append(ch)
                }
            }
            try out.write(to: url, atomically: true, encoding: .utf8)
        }
        try addColumn("orders.csv", "Region", region)
        try addColumn("inventory.csv", "Region", region)
        try addColumn("products.csv", "Brand", { "Brand \($0 % 4)" })
        return path
    }

    static let config = """
        segments:
          region:
            label: Sales region
            orders: Region
            inventory: Region
          brand:
            products: Brand
        """

    static func build(_ tmp: TemporaryDirectory, data: String, yaml: String = config) throws -> ScorecardProcess.Result {
        try ("data: \(data)\nout: site\n" + yaml).write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        return try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path], in: tmp.url)
    }

    @Test func pagesDataAndDigests() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.exports(in: tmp) { ["North", "South", "East"][$0 % 3] }
        let yaml = Self.config + "\nemail:\n  to: [all@example.com]\n  segments:\n    region:\n      North: [north@example.com]\n      Atlantis: [a@example.com]\n"
        let result = try Self.build(tmp, data: data, yaml: yaml + "base_url: https://intranet.example/sc/\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // A value named for a digest that does not occur is a warning, not an error.
        #expect(result.stderr.contains("warning: email.segments.region: no value \"Atlantis\""), "\(result.stderr)")
        for page in ["segments/index.html", "segments/region/index.html", "segments/brand/index.html",
                     "segments/region/North/index.html", "segments/brand/Brand_200/index.html", "email/segments/region/North.eml"] {
            #expect(tmp.exists("site/" + page), "\(page)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("site/data/segments.json"))) as? [String: Any]
        let dimensions = json?["dimensions"] as? [[String: Any]] ?? []
        #expect(dimensions.map { $0["key"] as? String } == ["region", "brand"])
        #expect(dimensions.first?["source"] as? String == "orders")
        let values = dimensions.first?["values"] as? [[String: Any]] ?? []
        #expect(Set(values.compactMap { $0["value"] as? String }) == ["North", "South", "East"])
        #expect(values.allSatisfy { $0["weeks"] is [Any] && $0["comparisons"] is [String: Any] })
        let kpis = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("site/data/kpis.json"))) as? [String: Any]
        let summary = kpis?["segments"] as? [[String: Any]]
        #expect(summary?.map { $0["values"] as? Int } == [3, 4])
        // The view's digest goes to its own recipients, with the view in the subject.
        let eml = try String(contentsOf: tmp.path("site/email/segments/region/North.eml"), encoding: .utf8)
        #expect(eml.contains("To: north@example.com"))
        #expect(eml.contains("Subject: Scorecard 2026-W46, Sales region North: promo fill rate"))
        #expect(try String(contentsOf: tmp.path("site/index.html"), encoding: .utf8).contains("href=\"segments/index.html\">Segments</a>"))
        // Forecast is exported but not mapped to the region: the view says so, not "no forecast export".
        let north = try String(contentsOf: tmp.path("site/segments/region/North/index.html"), encoding: .utf8)
        #expect(north.contains("Forecast, purchase orders and receipts are not mapped to Sales region, so the figures that need them show “—” here."))
        #expect(north.contains("forecast not mapped to Sales region") && !north.contains("no forecast export"))
        #expect(eml.contains("forecast not mapped to Sales region"))
    }

    /// Values with markup, slashes, dots, spaces, 10 kB of text and non-ASCII letters: valid pages (the
    /// build validates every page and link) with distinct, short, safe folder names.
    @Test func hostileValuesMakeValidPagesWithSafePaths() throws {
        let tmp = try TemporaryDirectory()
        let long = String(repeating: "Großhandel ", count: 1_000)
        let hostile = ["<script>alert(1)</script>", "../../etc", "a/b", ".", "..", "Nord Ost", long, "", "_none", "_other", "Ünïcödé"]
        let data = try Self.exports(in: tmp) { hostile[$0 % hostile.count] }
        let result = try Self.build(tmp, data: data)
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(2_000))")
        let folders = try FileManager.default.contentsOfDirectory(atPath: tmp.path("site/segments/region").path).filter { $0 != "index.html" }
        #expect(folders.count == hostile.count)
        #expect(Set(folders).count == folders.count)
        for folder in folders {
            #expect(folder.utf8.count <= 120, "\(folder.prefix(200))")
            #expect(folder.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "\(folder)")
        }
        #expect(folders.contains("_none") && !folders.contains("_other"))
        let page = try String(contentsOf: tmp.path("site/segments/region/index.html"), encoding: .utf8)
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// More values than max_values: the largest keep their view, the rest are "Other", in `_other`.
    @Test func valuesBeyondMaxValuesAreOther() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.exports(in: tmp) { "R\($0 % 7)" }
        let result = try Self.build(tmp, data: data, yaml: Self.config + "\n  max_values: 3\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: tmp.path("site/segments/region").path).filter { $0 != "index.html" }
        #expect(folders.count == 3 && folders.contains("_other"))
    }

    @Test(arguments: [
        ("segments:\n  region:\n    orders: Region\n    products: Brand\n", "segments.region names both orders and products"),
        ("segments:\n  region:\n    label: Region\n", "segments.region names neither orders nor products"),
        ("segments:\n  region:\n    orders: Region\n    colour: x\n", "unknown key segments.region.colour"),
        ("segments:\n  Region:\n    orders: Region\n", "the dimension key \"Region\" must be"),
        ("segments:\n  brand:\n    products: Brand\n    inventory: Brand\n", "segments.brand.inventory: only a dimension of the order lines"),
        ("segments:\n  max_values: 1\n  region:\n    orders: Region\n", "segments.max_values must be a number of values from 2 to 500"),
        ("segments:\n" + (1...9).map { "  d\($0):\n    orders: Region\n" }.joined(), "at most 8 dimensions"),
        ("segments:\n  region:\n    orders: Region\nemail:\n  segments:\n    channel:\n      web: [a@example.com]\n", "email.segments.channel: no dimension"),
    ])
    func configurationErrorsExit2WithTheirLine(yaml: String, message: String) throws {
        let tmp = try TemporaryDirectory()
        try yaml.write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let result = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path], in: tmp.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("scorecard.yml:"), "file and line: \(result.stderr)")
        #expect(!tmp.exists("site"))
    }

    /// A header the config names but an export lacks fails like a missing required column.
    @Test func aMissingHeaderExits2() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.exports(in: tmp) { _ in "North" }
        let result = try Self.build(tmp, data: data, yaml: "segments:\n  channel:\n    orders: Channel\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("orders lacks required column 'segments.channel.orders' (header 'Channel')"), "\(result.stderr)")
        #expect(result.stderr.contains("orders.csv:1"))
    }
}
