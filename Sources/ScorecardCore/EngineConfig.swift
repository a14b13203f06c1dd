/// Which engine reduces the exports into the aggregate tables (docs/aggregates.md).
public enum EngineKind: String, Sendable, Equatable, CaseIterable {
    /// One streaming pass on this machine (the default).
    case builtin
    /// A Spark job on a cluster, submitted with `spark-submit`.
    case spark
}

/// `spark:` of the config: how the Spark job is submitted.
public struct SparkConfig: Sendable, Equatable {
    /// The `spark-submit` to run (a PATH lookup, or a path).
    public var submit: String = "spark-submit"
    /// The cluster: `local[*]`, `spark://host:7077`, `yarn`, `k8s://…`.
    public var master: String = "local[*]"
    /// `--conf key=value` pairs, in the config's order.
    public var conf: [(key: String, value: String)] = []
    /// Where the config says so, for errors about `spark.submit`.
    public var submitLocation: SourceLocation?

    public init() {}

    public static func == (a: SparkConfig, b: SparkConfig) -> Bool {
        a.submit == b.submit && a.master == b.master && a.conf.map(\.key) == b.conf.map(\.key) && a.conf.map(\.value) == b.conf.map(\.value)
    }
}

/// The storage format of a source: CSV (or a workbook, by its name) by default; Parquet with the Spark engine.
public enum SourceFormat: String, Sendable, Equatable {
    case csv
    case parquet
}
