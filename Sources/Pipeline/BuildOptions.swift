import ScorecardCore

/// What `scorecard build` was asked to do; `nil` means "from the config, else the default".
public struct BuildOptions: Sendable, Equatable {
    /// `--config FILE`; without it `./scorecard.yml` is read when it exists.
    public var configPath: String?
    public var data: String?
    public var out: String?
    public var asOf: Day?
    public var baseURL: String?
    public var templates: String?
    /// `--rebuild-archive YYYY-MM`, repeatable.
    public var rebuildArchive: [String] = []
    /// Seconds to wait for another build of the same `out` before giving up (exit 1).
    public var lockWaitSeconds: Int = 0
    /// The machine's date, for the warning about an as-of date in the future; `nil` reads the clock.
    public var today: Day?
    /// `--engine`: overrides `engine:` of the config.
    public var engine: EngineKind?
    /// `--spark-master`: overrides `spark.master`.
    public var sparkMaster: String?
    /// `--keep-aggregates DIR`: also writes the aggregate tables there (docs/aggregates.md).
    public var keepAggregates: String?

    public init() {}
}
