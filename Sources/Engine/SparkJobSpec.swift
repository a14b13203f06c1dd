import Foundation
import Ingest
import ScorecardCore

/// What the Spark job is asked to do, as the JSON document it reads (spark/README.md): where every
/// source is, how it is written, the as-of date, the emergency service levels, the segment dimensions,
/// and the folder to write the aggregates into.
enum SparkJobSpec {
    static func json(config: Config, dataDirectory: String, output: String) -> [String: Any] {
        var sources: [String: Any] = [:]
        let remote = dataDirectory.contains("://")
        for source in SourceName.allCases {
            let o = config.sources[source]
            let d = config.dialect(for: source)
            let mapping = o?.columns ?? [:]
            var spec: [String: Any] = [
                "format": (o?.format ?? .csv).rawValue,
                "delimiter": String(UnicodeScalar(d.delimiter)),
                "decimal": String(UnicodeScalar(d.decimal)),
                "date_format": d.dateFormat,
                "encoding": d.encoding.rawValue,
                "columns": Dictionary(uniqueKeysWithValues: (source.requiredColumns + source.optionalColumns).map { ($0, mapping[$0] ?? $0) }),
                "segment_columns": config.segments.columns(of: source).map(\.header),
            ]
            spec["thousands"] = d.thousands.map { String(UnicodeScalar($0)) } ?? NSNull()
            let pattern = o?.path
            if let pattern, pattern.contains("://") || remote {
                // Spark resolves a path of another file system itself (hdfs://, s3a://, gs://).
                spec["patterns"] = [pattern.contains("://") ? pattern : join(dataDirectory, pattern)]
            } else if remote {
                let ext = o?.format == .parquet ? "parquet" : "csv"
                spec["patterns"] = [join(dataDirectory, "\(source.rawValue).\(ext)"), join(dataDirectory, "\(source.rawValue)/*.\(ext)")]
            } else {
                let files = SourceFiles.locate(source, config: config, dataDirectory: dataDirectory)
                guard !files.isEmpty else { continue }
                spec["files"] = files.map { ["path": "file://" + $0.path, "display": $0.display] }
            }
            if remote || pattern?.contains("://") == true { spec["base"] = dataDirectory }
            sources[source.rawValue] = spec
        }
        return [
            "format": 1,
            "output": output,
            "as_of": config.asOf.map(\.description) ?? NSNull(),
            "max_weeks": config.report.maxWeeks,
            "emergency_service_levels": config.freight.emergencyServiceLevels,
            "required": SourceName.allCases.filter(\.isRequired).map(\.rawValue),
            "sources": sources,
            "segments": [
                "max_values": config.segments.maxValues,
                "dimensions": config.segments.dimensions.map { d in
                    ["key": d.key, "kind": d.kind.rawValue,
                     "columns": Dictionary(uniqueKeysWithValues: d.columns.map { ($0.key.rawValue, $0.value) })] as [String: Any]
                },
            ],
        ]
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
