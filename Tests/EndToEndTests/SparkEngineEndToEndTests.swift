import Foundation
import Testing

/// The Spark engine's failures, with stand-in `spark-submit` scripts (no Spark needed): each is exit 1
/// with Spark's last lines on stderr, the published site unchanged and the lock released; the job's input
/// problems are exit 2. A stand-in that writes the built-in engine's aggregate folder shows that the site
/// is then the same.
@Suite(.serialized) struct SparkEngineEndToEndTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/exports").path

    /// A stand-in spark-submit: `body` is a shell script that sees the job's spec.json as "$spec" and the
    /// output folder (from the spec) as "$out".
    static func submit(_ tmp: TemporaryDirectory, _ body: String) throws -> String {
        let path = tmp.path("spark-submit").path
        let script = """
            #!/bin/sh
            for a in "$@"; do spec="$a"; done
            out=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["output"])' "$spec")
            \(body)
            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func config(_ tmp: TemporaryDirectory, submit: String) throws -> String {
        // Not ./scorecard.yml, which a build without --config would read.
        let path = tmp.path("spark.yml").path
        try "data: \(sample)\nout: site\nengine: spark\nspark:\n  submit: \(submit)\n  master: local[2]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A first, good build with the built-in engine, so there is a published site to leave alone.
    static func published(_ tmp: TemporaryDirectory) throws -> [String: Data] {
        let first = try ScorecardProcess.run(["build", "--data", sample, "--out", tmp.path("site").path], in: tmp.url)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        return PublishingEndToEndTests.tree(tmp.path("site"))
    }

    @Test func aFailingJobIsExit1WithSparksLastLinesAndTheSiteUnchanged() throws {
        let tmp = try TemporaryDirectory()
        let before = try Self.published(tmp)
        let submit = try Self.submit(tmp, """
            echo "24/12/05 22:00:01 INFO SparkContext: Running Spark version 3.5.3"
            echo "24/12/05 22:00:09 ERROR Executor: Exception in task 0.0 in stage 3.0 (TID 7)"
            echo "java.io.FileNotFoundException: s3a://erp/orders.csv"
            exit 1
            """)
        let result = try ScorecardProcess.run(["build", "--config", try Self.config(tmp, submit: submit)], in: tmp.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the Spark job failed (spark-submit exit status 1)"), "\(result.stderr)")
        #expect(result.stderr.contains("ERROR Executor: Exception in task 0.0"))
        #expect(result.stderr.contains("java.io.FileNotFoundException: s3a://erp/orders.csv"))
        #expect(PublishingEndToEndTests.differences(before, PublishingEndToEndTests.tree(tmp.path("site"))).isEmpty)
        // The lock is released: the next build runs at once.
        let again = try ScorecardProcess.run(["build", "--data", Self.sample, "--out", tmp.path("site").path], in: tmp.url)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func noSparkSubmitIsExit1() throws {
        let tmp = try TemporaryDirectory()
        let before = try Self.published(tmp)
        let result = try ScorecardProcess.run(["build", "--config", try Self.config(tmp, submit: "/nonexistent/spark-submit")], in: tmp.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("spark-submit \"/nonexistent/spark-submit\" is not found"), "\(result.stderr)")
        #expect(PublishingEndToEndTests.differences(before, PublishingEndToEndTests.tree(tmp.path("site"))).isEmpty)
    }

    @Test func theJobsInputProblemsAreExit2() throws {
        let tmp = try TemporaryDirectory()
        let submit = try Self.submit(tmp, """
            mkdir -p "$out"
            python3 -c 'import sys; open(sys.argv[1], "w").write("source,file,line,message\\norders,orders.csv,1,orders lacks required column unit_price\\n")' "$out/problems.csv"
            """)
        let result = try ScorecardProcess.run(["build", "--config", try Self.config(tmp, submit: submit)], in: tmp.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("orders.csv:1: error: orders lacks required column unit_price"), "\(result.stderr)")
        #expect(!tmp.exists("site"))
    }

    /// The same folder finishes into the same site: a stand-in that copies the built-in engine's tables.
    @Test func theAggregateFolderFinishesIntoTheSameSite() throws {
        let tmp = try TemporaryDirectory()
        let builtin = try ScorecardProcess.run(["build", "--data", Self.sample, "--out", tmp.path("builtin").path,
                                                "--keep-aggregates", tmp.path("agg").path], in: tmp.url)
        try #require(builtin.status == 0, "stderr: \(builtin.stderr)")
        let submit = try Self.submit(tmp, "mkdir -p \"$out\" && cp \(tmp.path("agg").path)/* \"$out\"/")
        let config = try Self.config(tmp, submit: submit)
        let spark = try ScorecardProcess.run(["build", "--config", config, "--out", tmp.path("spark").path], in: tmp.url)
        #expect(spark.status == 0, "stderr: \(spark.stderr)")
        let differences = PublishingEndToEndTests.differences(PublishingEndToEndTests.tree(tmp.path("builtin")),
                                                              PublishingEndToEndTests.tree(tmp.path("spark")))
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// `data:` on another file system is handed to Spark as it is (not as a folder below the config's), with
    /// the default locations of every source as patterns; the built-in engine refuses it (exit 2).
    @Test func aDataURLGoesToSparkAsItIs() throws {
        let tmp = try TemporaryDirectory()
        let submit = try Self.submit(tmp, "cp \"$spec\" \(tmp.path("spec.json").path); exit 3")
        let yaml = "data: s3a://erp-exports/weekly\nout: site\nspark:\n  submit: \(submit)\nsources:\n  orders:\n    path: \"vbap/*.parquet\"\n    format: parquet\n"
        try yaml.write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let spark = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path, "--engine", "spark"], in: tmp.url)
        #expect(spark.status == 1, "stderr: \(spark.stderr)")
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.path("spec.json"))) as? [String: Any]
        let sources = spec?["sources"] as? [String: [String: Any]]
        #expect(sources?["orders"]?["patterns"] as? [String] == ["s3a://erp-exports/weekly/vbap/*.parquet"])
        #expect(sources?["deliveries"]?["patterns"] as? [String] == ["s3a://erp-exports/weekly/deliveries.csv",
                                                                    "s3a://erp-exports/weekly/deliveries/*.csv"])
        #expect(sources?["orders"]?["base"] as? String == "s3a://erp-exports/weekly")

        let builtin = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path], in: tmp.url)
        #expect(builtin.status == 2)
        #expect(builtin.stderr.contains("error: data: \"s3a://erp-exports/weekly\" is read by the Spark engine only"), "\(builtin.stderr)")

        // The site is written on this machine, never to a URL.
        let out = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path, "--engine", "spark",
                                            "--out", "s3a://erp-exports/site"], in: tmp.url)
        #expect(out.status == 2)
        #expect(out.stderr.contains("error: out: \"s3a://erp-exports/site\" is a URL"), "\(out.stderr)")

        // Parquet on this machine: the built-in engine names the line of `format: parquet`.
        try yaml.replacingOccurrences(of: "s3a://erp-exports/weekly", with: Self.sample)
            .write(to: tmp.path("scorecard.yml"), atomically: true, encoding: .utf8)
        let local = try ScorecardProcess.run(["build", "--config", tmp.path("scorecard.yml").path], in: tmp.url)
        #expect(local.status == 2)
        #expect(local.stderr.contains("scorecard.yml:8:13: error: sources.orders.format: parquet is read by the Spark engine only"), "\(local.stderr)")
    }
}
