import Foundation
import ScorecardCore
import Testing

/// One mistyped year in one order row must not turn a one-second build into thousands of pages: the
/// report is bounded by `report.max_weeks` (default 260) and the build warns, naming the row.
@Suite(.serialized) struct ReportWindowEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The order date of `orders.csv` line 5 in the bundled sample, with its year replaced by `year`.
    func line5Date(year: String) throws -> String {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Samples/exports/orders.csv"), encoding: .utf8)
        let line = text.components(separatedBy: "\n")[4].components(separatedBy: ",")
        return year + line[2].dropFirst(4)
    }

    /// The bundled sample with the dates of `orders.csv` line 5 rewritten.
    func sample(in tmp: TemporaryDirectory, year: String) throws -> URL {
        let folder = tmp.path("exports")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Samples/exports"), to: folder)
        let orders = folder.appendingPathComponent("orders.csv")
        var lines = try String(contentsOf: orders, encoding: .utf8).components(separatedBy: "\n")
        // Line 5 (index 4): order_id,line_no,order_date,requested_date,…
        var fields = lines[4].components(separatedBy: ",")
        fields[2] = year + fields[2].dropFirst(4)
        fields[3] = year + fields[3].dropFirst(4)
        lines[4] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: orders, atomically: true, encoding: .utf8)
        return folder
    }

    func build(_ data: URL, _ out: URL, _ extra: [String] = []) throws -> (ScorecardProcess.Result, TimeInterval) {
        let start = Date()
        let result = try ScorecardProcess.run(["build", "--data", data.path, "--out", out.path,
                                               "--base-url", "https://intranet/scorecard/"] + extra)
        return (result, Date().timeIntervalSince(start))
    }

    func kpis(_ site: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/kpis.json"))) as? [String: Any] ?? [:]
    }

    func weekFolders(_ site: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("weeks").path).count
    }

    @Test func aYearInThePastIsBoundedAndNamed() throws {
        let tmp = try TemporaryDirectory()
        let clean = tmp.path("clean-data")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Samples/exports"), to: clean)
        let (cleanResult, cleanTime) = try build(clean, tmp.path("clean"))
        #expect(cleanResult.status == 0)

        let data = try sample(in: tmp, year: "0026")
        let (result, time) = try build(data, tmp.path("site"))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("orders.csv:5:3: warning: 1 row of orders is dated before the report window"), "\(result.stderr)")
        #expect(result.stderr.contains(try line5Date(year: "0026")))
        // At most 260 weeks, and about the time of the clean build (it used to take minutes and gigabytes).
        let json = try kpis(tmp.path("site"))
        let weeks = json["weeks"] as? [[String: Any]] ?? []
        #expect(weeks.count == 260)
        #expect(weeks.last?["period"] as? String == "2026-W46")
        #expect(try weekFolders(tmp.path("site")) == 260)
        #expect(time < cleanTime * 4 + 10, "typo build \(time) s, clean build \(cleanTime) s")
        // The warning is noted on the data-quality page, with the row.
        let page = try String(contentsOf: tmp.path("site/data-quality/index.html"), encoding: .utf8)
        #expect(page.contains("orders.csv:5:3"))
        #expect(page.contains("dated before the report window"))
        // Rebuilds stay byte-identical.
        let (again, _) = try build(data, tmp.path("again"))
        #expect(again.status == 0)
        for file in ["data/kpis.json", "data-quality/index.html", "index.html"] {
            #expect(try Data(contentsOf: tmp.path("site/" + file)) == Data(contentsOf: tmp.path("again/" + file)), "\(file)")
        }
    }

    @Test func aYearInTheFutureWarnsAboutTheAsOfDate() throws {
        let tmp = try TemporaryDirectory()
        let data = try sample(in: tmp, year: "2926")
        let (result, _) = try build(data, tmp.path("site"))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("orders.csv:5:3: warning: the as-of date \(try line5Date(year: "2926")) is taken from the latest order_date, which is after today"),
                "\(result.stderr)")
        let weeks = try kpis(tmp.path("site"))["weeks"] as? [[String: Any]] ?? []
        #expect(weeks.count == 260)
        #expect(try weekFolders(tmp.path("site")) == 260)
        // Given explicitly, the as-of date is the user's decision: no warning about it, the row is ignored.
        let (fixed, _) = try build(data, tmp.path("fixed"), ["--as-of", "2026-11-15"])
        #expect(fixed.status == 0)
        #expect(fixed.stderr == "", "\(fixed.stderr)")
        let sources = try kpis(tmp.path("fixed"))["sources"] as? [String: [String: Any]]
        #expect(sources?["orders"]?["ignored_after_as_of"] as? Int == 1)
    }

    /// A given as-of date before every order (a mistyped --as-of) ignores every order: said, not silent.
    @Test func anAsOfDateBeforeEveryOrderWarns() throws {
        let tmp = try TemporaryDirectory()
        let data = Self.repository.appendingPathComponent("Samples/exports")
        let (result, _) = try build(data, tmp.path("site"), ["--as-of", "2020-01-01"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "orders.csv: warning: all 24000 order lines are dated after the as-of date 2020-01-01 and ignored "
                + "as not yet exported, so the report has no orders: is the as-of date right?\n", "\(result.stderr)")
        let page = try String(contentsOf: tmp.path("site/data-quality/index.html"), encoding: .utf8)
        #expect(page.contains("ignored as not yet exported, so the report has no orders"))
    }

    @Test func maxWeeksFromTheConfig() throws {
        let tmp = try TemporaryDirectory()
        let config = tmp.path("scorecard.yml")
        let exports = Self.repository.appendingPathComponent("Samples/exports").path
        try "data: \(exports)\nout: site\nreport:\n  max_weeks: 8\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try ScorecardProcess.run(["build", "--config", config.path, "--base-url", "https://intranet/scorecard/"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try kpis(tmp.path("site"))
        let weeks = (json["weeks"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
        #expect(weeks == (39...46).map { "2026-W\($0)" })
        // The first week starts Monday 2026-09-21: months from September.
        let months = (json["months"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
        #expect(months == ["2026-09", "2026-10", "2026-11"])
        // Every order before the window is used; months of legitimate history are noted on the data-quality
        // page, not warned about: a weekly cron job stays silent on good data.
        #expect(result.stderr == "", "\(result.stderr)")
        let page = try String(contentsOf: tmp.path("site/data-quality/index.html"), encoding: .utf8)
        #expect(page.contains("History before the report window"))
        #expect(page.contains("which starts 2026-09-01"))
        #expect(page.contains("<th scope=\"row\">orders</th>"))
    }
}

/// What a cron job mails: only what is likely a mistake (issue "a weekly cron job stays silent on good data").
extension ReportWindowEndToEndTests {
    func config(_ tmp: TemporaryDirectory, data: URL, _ extra: String = "") throws -> URL {
        let config = tmp.path("scorecard.yml")
        try "data: \(data.path)\nout: site\n\(extra)".write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// Purchase orders placed months before the first sales order (buying before selling) and no
    /// base_url without recipients: exit 0 and nothing on stderr; the history is on the page.
    @Test func purchaseOrdersBeforeTheFirstOrderAreSilent() throws {
        let tmp = try TemporaryDirectory()
        let data = tmp.path("exports")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Samples/exports"), to: data)
        let orders = data.appendingPathComponent("purchase_orders.csv")
        let lines = try String(contentsOf: orders, encoding: .utf8).split(separator: "\n").map(String.init)
        // Every PO line again, 120 days earlier, under new ids: a third of the source before the window.
        var history: [String] = []
        for line in lines.dropFirst() {
            var f = line.components(separatedBy: ",")
            guard let ordered = Day(iso: f[2]), let due = Day(iso: f[3]) else { continue }
            f[0] = "H" + f[0]
            f[2] = (ordered - 120).description
            f[3] = (due - 120).description
            history.append(f.joined(separator: ","))
        }
        try ([lines[0]] + history + lines.dropFirst()).joined(separator: "\n").appending("\n")
            .write(to: orders, atomically: true, encoding: .utf8)
        let result = try ScorecardProcess.run(["build", "--config", config(tmp, data: data).path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "", "\(result.stderr)")
        let page = try String(contentsOf: tmp.path("site/data-quality/index.html"), encoding: .utf8)
        #expect(page.contains("History before the report window"))
        // The earliest of them is the earliest PO line moved 120 days back, on the first data line.
        let earliest = try #require(lines.dropFirst().compactMap { Day(iso: $0.components(separatedBy: ",")[2]) }.min()) - 120
        #expect(page.contains("<th scope=\"row\">purchase_orders</th><td class=\"num\" data-label=\"Rows\">"))
        #expect(page.contains("<td data-label=\"Earliest date\">\(earliest)</td><td class=\"file\" data-label=\"Earliest row\">purchase_orders.csv:"))
        #expect(!page.contains("Warnings"))
    }

    /// One mistyped year inside a long, legitimate history is still named on stderr: more than 50 years
    /// before the as-of date.
    @Test func aMistypedYearInLongHistoryStillWarns() throws {
        let tmp = try TemporaryDirectory()
        let data = try sample(in: tmp, year: "0026")
        let result = try ScorecardProcess.run(["build", "--config", config(tmp, data: data, "report:\n  max_weeks: 8\n").path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("orders.csv:5:3: warning: "), "\(result.stderr)")
        #expect(result.stderr.contains("the earliest is order_date \(try line5Date(year: "0026")), on this line (a mistyped year?)"),
                "\(result.stderr)")
        // Exactly one warning: the other sources' history is noted only.
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// The digest needs base_url for its links only when it is sent to someone.
    @Test func noBaseURLWarnsOnlyWhenTheDigestHasRecipients() throws {
        let tmp = try TemporaryDirectory()
        let data = Self.repository.appendingPathComponent("Samples/exports")
        let silent = try ScorecardProcess.run(["build", "--config", config(tmp, data: data).path])
        #expect(silent.status == 0)
        #expect(silent.stderr == "", "\(silent.stderr)")
        let sent = try ScorecardProcess.run(
            ["build", "--config", config(tmp, data: data, "email:\n  from: a@example.com\n  to: [b@example.com]\n").path])
        #expect(sent.status == 0)
        #expect(sent.stderr.contains("warning: no base_url: the e-mail digest has no links"), "\(sent.stderr)")
    }
}

extension ReportWindowEndToEndTests {
    /// A campaign that runs for three centuries and one with thousands of items: the build stays fast
    /// and the pages bounded (daily series clipped to the report, tables capped with the full lists in
    /// the data files).
    @Test func aCampaignOfCenturiesAndOneOfThousandsOfItems() throws {
        let tmp = try TemporaryDirectory()
        let data = tmp.path("exports")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Samples/exports"), to: data)
        let campaigns = data.appendingPathComponent("campaigns.csv")
        var text = try String(contentsOf: campaigns, encoding: .utf8)
        text += "C-CENTURIES,Always on,1900-01-01,2199-12-31,web,1\nC-MANY,Everything,2026-10-01,2026-11-30,web,1\n"
        try text.write(to: campaigns, atomically: true, encoding: .utf8)
        let items = data.appendingPathComponent("campaign_items.csv")
        var rows = try String(contentsOf: items, encoding: .utf8)
        rows += "C-CENTURIES,,Coffee,100\n"
        for i in 0..<3000 { rows += "C-MANY,SKU-\(String(format: "%05d", i % 200 + 1)),,\(i % 7 + 1)\n" }
        try rows.write(to: items, atomically: true, encoding: .utf8)
        let (result, time) = try build(data, tmp.path("site"))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(time < 120, "\(time) s")
        let centuries = try Data(contentsOf: tmp.path("site/campaigns/C-CENTURIES/index.html"))
        #expect(centuries.count < 1_000_000, "\(centuries.count) bytes")
        let many = try String(contentsOf: tmp.path("site/campaigns/C-MANY/index.html"), encoding: .utf8)
        #expect(many.utf8.count < 2_000_000, "\(many.utf8.count) bytes")
        #expect(many.contains("The first 500 of 3000 items are shown"))
        // The data files keep every item.
        let json = try kpis(tmp.path("site"))
        let details = json["campaign_details"] as? [[String: Any]] ?? []
        let itemsOfMany = details.first { $0["campaign_id"] as? String == "C-MANY" }?["items"] as? [Any]
        #expect(itemsOfMany?.count == 3000)
    }
}
