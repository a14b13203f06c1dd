import Foundation
import Testing

/// The built binary on the bundled sample and on generated exports: exit status, stderr, files.
@Suite(.serialized) struct BuildEndToEndTests {
    @Test func noArgumentsBuildsTheBundledSampleIntoSite() throws {
        let cwd = try TemporaryDirectory()
        let result = try ScorecardProcess.run(["build"], in: cwd.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "", "a successful build is quiet (cron mails any output)")
        #expect(result.stdout == "")
        for file in ["index.html", "data/kpis.json", "data-quality/index.html", "campaigns/index.html",
                     "categories/index.html", "months/index.html", "assets/style.css", "email/latest.eml",
                     "data/weeks.csv", "data/campaigns.csv", "data/rejected.csv"] {
            #expect(cwd.exists("site/" + file), "site/\(file) missing")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: cwd.path("site/data/kpis.json"))) as? [String: Any]
        #expect(json?["schema_version"] as? Int == 1)
        #expect(json?["as_of"] as? String == "2026-11-15")
        let sources = json?["sources"] as? [String: Any]
        #expect(Set(sources?.keys ?? [:].keys) == ["products", "orders", "deliveries", "campaigns", "campaign_items",
                                                   "inventory", "freight", "returns", "forecast",
                                                   "purchase_orders", "receipts"])
        // The sample reaches back more than a year, so the as-of week has last year to compare with.
        #expect((json?["weeks"] as? [Any])?.count ?? 0 >= 60)
        let comparisons = json?["comparisons"] as? [String: [String: Any]]
        let lastYear = comparisons?["week"]?["last_year"] as? [String: Any]
        #expect(lastYear?["start"] as? String == "2025-11-10")
        #expect(lastYear?["end"] as? String == "2025-11-16")
        #expect((lastYear?["promo_units_ordered"] as? Double ?? 0) > 0)
        #expect(lastYear?["promo_fill_rate"] is Double)
        let ytd = comparisons?["month"]?["year_to_date"] as? [String: Any]
        #expect(ytd?["start"] as? String == "2026-01-01")
        #expect(ytd?["top_shortfall"] is [Any])
        // The bundled config's dimensions come with it: the sales regions and the brands.
        let segments = json?["segments"] as? [[String: Any]]
        #expect(segments?.map { $0["key"] as? String } == ["region", "brand"])
        #expect(cwd.exists("site/data/segments.json"))
    }

    @Test func sampleThenBuildFromTheRootFolder() throws {
        let tmp = try TemporaryDirectory()
        let exports = tmp.path("exports").path
        let sample = try ScorecardProcess.run(["sample", "--out", exports, "--lines", "3000", "--skus", "40", "--weeks", "10"])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
        for source in ["products", "orders", "deliveries", "campaigns", "campaign_items", "inventory", "freight", "returns",
                       "forecast", "purchase_orders", "receipts"] {
            #expect(tmp.exists("exports/\(source).csv"))
        }
        // Cron runs it from anywhere: absolute paths, working directory "/".
        let out = tmp.path("out").path
        let build = try ScorecardProcess.run(["build", "--data", exports, "--out", out, "--base-url", "https://intranet/scorecard/"],
                                             in: URL(fileURLWithPath: "/"))
        #expect(build.status == 0, "stderr: \(build.stderr)")
        #expect(build.stderr == "")
        #expect(tmp.exists("out/index.html"))
        #expect(tmp.exists("out/data/kpis.json"))
        #expect(!FileManager.default.fileExists(atPath: "/site"))
    }

    /// Cron runs a copy in /usr/local/bin from $HOME: templates and CSS are embedded, nothing is read from the
    /// source tree or the working directory.
    @Test func aCopiedBinaryBuildsFromAnyFolder() throws {
        let tmp = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: tmp.path("bin"), withIntermediateDirectories: true)
        let copy = tmp.path("bin/scorecard")
        try FileManager.default.copyItem(at: ScorecardProcess.executable, to: copy)
        let home = tmp.path("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let result = try ScorecardProcess.run(["build", "--out", tmp.path("site").path], in: home, executable: copy)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let css = try String(contentsOf: tmp.path("site/assets/style.css"), encoding: .utf8)
        #expect(css.contains("@media print"))
        let index = try String(contentsOf: tmp.path("site/index.html"), encoding: .utf8)
        #expect(index.contains("assets/style.css"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "nothing written to the working directory")
    }

    /// Paths inside a config file are relative to its folder (cron runs from anywhere); `./scorecard.yml`
    /// is read without `--config`; command-line paths win and are relative to the working directory.
    @Test func configPathsAreRelativeToTheConfigFile() throws {
        let tmp = try TemporaryDirectory()
        let project = tmp.path("project")
        #expect(try ScorecardProcess.run(["sample", "--out", project.appendingPathComponent("exports").path,
                                          "--lines", "800", "--skus", "12", "--weeks", "4"]).status == 0)
        let yaml = """
        data: exports
        out: public
        title: "Planner <Board>"
        base_url: https://intranet.example/scorecard/
        """
        try yaml.write(to: project.appendingPathComponent("scorecard.yml"), atomically: true, encoding: .utf8)

        let fromRoot = try ScorecardProcess.run(["build", "--config", project.appendingPathComponent("scorecard.yml").path],
                                                in: URL(fileURLWithPath: "/"))
        #expect(fromRoot.status == 0, "stderr: \(fromRoot.stderr)")
        #expect(tmp.exists("project/public/index.html"))
        let index = try String(contentsOf: tmp.path("project/public/index.html"), encoding: .utf8)
        #expect(index.contains("Planner &lt;Board&gt;"))

        // In the project folder, ./scorecard.yml is read; --out on the command line wins.
        let inProject = try ScorecardProcess.run(["build", "--out", "elsewhere"], in: project)
        #expect(inProject.status == 0, "stderr: \(inProject.stderr)")
        #expect(tmp.exists("project/elsewhere/data/kpis.json"))

        // A config with an unknown key is a configuration error naming the file, key and line: exit 2.
        try "titel: x\n".write(to: tmp.path("bad.yml"), atomically: true, encoding: .utf8)
        let bad = try ScorecardProcess.run(["build", "--config", tmp.path("bad.yml").path], in: tmp.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yml:1"), "stderr: \(bad.stderr)")
        #expect(bad.stderr.contains("titel"))

        // A target on a figure that does not exist names the key and its line; nothing is built.
        try "targets:\n  figures:\n    forecast_acuracy: {min: 0.7}\n".write(to: tmp.path("typo.yml"), atomically: true, encoding: .utf8)
        let typo = try ScorecardProcess.run(["build", "--config", tmp.path("typo.yml").path, "--out", "typo-site"], in: tmp.url)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("typo.yml:3:") && typo.stderr.contains("unknown figure targets.figures.forecast_acuracy"),
                "stderr: \(typo.stderr)")
        #expect(!tmp.exists("typo-site"))
    }

    @Test func missingRequiredSourceExits2AndPublishesNothing() throws {
        let tmp = try TemporaryDirectory()
        let exports = tmp.path("exports").path
        #expect(try ScorecardProcess.run(["sample", "--out", exports, "--lines", "500", "--skus", "10", "--weeks", "4"]).status == 0)
        try FileManager.default.removeItem(at: tmp.path("exports/deliveries.csv"))
        let result = try ScorecardProcess.run(["build", "--data", exports, "--out", tmp.path("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("deliveries"), "stderr: \(result.stderr)")
        #expect(result.stdout == "")
        #expect(!tmp.exists("out"))
    }

    @Test func badArgumentsExit2() throws {
        let result = try ScorecardProcess.run(["build", "--as-of", "15.11.2026"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of"))
    }

    @Test(arguments: ["intranet/scorecard", "not a url", "ftp://host/x", "https://"])
    func aBaseURLThatIsNotAnAbsoluteWebURLExits2(url: String) throws {
        let cwd = try TemporaryDirectory()
        let result = try ScorecardProcess.run(["build", "--base-url", url], in: cwd.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("base_url must be an absolute"), "stderr: \(result.stderr)")
        #expect(!cwd.exists("site"))
    }

    @Test(arguments: [["--help"], ["build", "--help"], ["sample", "--help"]])
    func helpShowsExamples(arguments: [String]) throws {
        let result = try ScorecardProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("scorecard "))
    }
}
