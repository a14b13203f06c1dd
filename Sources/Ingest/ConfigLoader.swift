import ScorecardCore

/// Reads and checks `scorecard.yml`.
public enum ConfigLoader {
    /// Parses the YAML text of a config file; unknown keys and wrong types are errors naming the key.
    /// - Parameter file: the path shown in diagnostics.
    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> Config {
        throw ConfigError(diagnostics: [Diagnostic("config loading is not implemented yet", at: SourceLocation(file: file))])
    }
}

/// A bad configuration file (exit status 2).
public struct ConfigError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { true }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
