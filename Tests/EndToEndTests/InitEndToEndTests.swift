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
        try? FileManager.default.removeItem(atPath: "/tmp/shape-\(shape.name)"); try? FileManager.default.copyItem(at: tmp.url, to: URL(fileURLWithPath: "/tmp/shape-\(shape.name)")) // DEBUG
        #expect(initRun.status == 0, "stderr: \(initRun.stderr)\n\(written)")
        #expect(initRun.stdout.contains("wrote init.yml"))

        let built = try ScorecardProcess.run(["build", "--config", tmp.path("init.yml").path, "--out", tmp.path("init-site").path, "--as-of", Self.asOf])
        #expect(built.status == 0, "stderr: \(built.stderr)\n\(written)")
        let expected = try Data(contentsOf: tmp.path("hand-site/data/kpis.json"))
        let actual = try? Data(contentsOf: tmp.path("init-site/data/kpis.json"))
        #expect(actual == expected, "kpis.json differs from the hand-written config's; init wrote:\n\(written)")
    }
}
