import Foundation
import ScorecardCore
import Testing
@testable import Ingest

@Suite struct SourceLocatorTests {
    /// The data folder is a path, not a pattern: `[`, `]`, `*`, `?` and spaces in it are matched literally,
    /// also for sources given as a folder of files.
    @Test func dataFolderWithGlobCharactersIsMatchedLiterally() throws {
        var files: [String: [UInt8]] = [:]
        for (name, bytes) in Fixtures.minimal {
            files["ex[1] my?*/" + (name == "orders.csv" ? "orders/week-1.csv" : name)] = bytes
        }
        let summary = try Fixtures.withFolder(files) { dir in
            var sink = CollectingSink()
            return try Ingestor(config: Config(), dataDirectory: dir + "/ex[1] my?*", logger: Fixtures.logger).run(into: &sink)
        }
        let orders = try #require(summary.sources.first { $0.source == .orders })
        #expect(orders.files.map(\.path) == ["orders/week-1.csv"])
        #expect(orders.rows > 0)
    }

    /// The message names the file that was looked for, whole, even with spaces in its path.
    @Test func missingSourceNamesTheWholePath() throws {
        var files: [String: [UInt8]] = [:]
        for (name, bytes) in Fixtures.minimal where name != "deliveries.csv" { files["my exports/" + name] = bytes }
        let problems = try Fixtures.withFolder(files) { dir -> [Diagnostic] in
            var sink = CollectingSink()
            do throws(IngestFailure) {
                _ = try Ingestor(config: Config(), dataDirectory: dir + "/my exports", logger: Fixtures.logger).run(into: &sink)
                return []
            } catch {
                return error.diagnostics
            }
        }
        #expect(problems.count == 1)
        #expect(problems.first?.location?.file.hasSuffix("/my exports/deliveries.csv") == true)
    }
}

@Suite struct ParquetLocationTests {
    /// With `format: parquet` (the Spark engine) a source without a path is `S.parquet`, else every
    /// `*.parquet` in `S/` in name order; CSV files beside them are not taken.
    @Test func parquetSourcesAreFoundByTheirExtension() throws {
        var config = Config()
        var parquet = SourceConfig()
        parquet.format = .parquet
        config.sources[.orders] = parquet
        config.sources[.products] = parquet
        let files: [String: [UInt8]] = [
            "orders/part-1.parquet": [1], "orders/part-0.parquet": [1], "orders/notes.csv": [1], "orders.csv": [1],
            "products.parquet": [1], "products.csv": [1], "deliveries.csv": [1],
        ]
        let found = try Fixtures.withFolder(files) { dir in
            [SourceName.orders, .products, .deliveries].map { source in
                SourceFiles.locate(source, config: config, dataDirectory: dir).map(\.display)
            }
        }
        #expect(found == [["orders/part-0.parquet", "orders/part-1.parquet"], ["products.parquet"], ["deliveries.csv"]])
    }
}
