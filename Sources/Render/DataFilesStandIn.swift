import Metrics
import ScorecardCore

// STAND-IN, to be deleted when Sources/Render/Data/DataFiles.swift lands on this branch: writes the
// four data files with placeholder contents so pages can link to them.
enum DataFiles {
    static func render(report: Report, ingest: IngestSummary) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in ["data/kpis.json", "data/weeks.csv", "data/campaigns.csv", "data/rejected.csv"] {
            files[path] = Array("stand-in\n".utf8)
        }
        return files
    }
}
