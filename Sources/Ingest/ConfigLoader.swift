import ScorecardCore
import Yams

/// Reads and checks `scorecard.yml`.
///
/// The YAML is walked as a node tree (not decoded with `Codable`) so that every problem can name the key
/// path and the line it is on, and so that all problems are reported at once.
public enum ConfigLoader {
    /// The largest config file read: a reader of the file reads at most one byte more, and `parse` rejects it.
    public static let maxFileBytes = ConfigLimits.maxBytes

    /// Parses the YAML text of a config file; unknown keys and wrong types are errors naming the key.
    /// - Parameter file: the path shown in diagnostics.
    /// Anchors and aliases, more than 1 MiB, or deeper nesting than the schema's are errors found before
    /// the YAML is composed (`ConfigLimits`).
    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> Config {
        try ConfigLimits.check(yaml, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            var loc = SourceLocation(file: file)
            var problem = "\(error)"
            if let e = error as? YamlError {
                switch e {
                case let .scanner(_, p, mark, _), let .parser(_, p, mark, _), let .composer(_, p, mark, _):
                    loc.line = mark.line
                    loc.column = mark.column
                    problem = p
                default:
                    break
                }
            }
            // One line per problem on stderr: keep only the first line of what libYAML said.
            let firstLine = problem.split(separator: "\n").first.map(String.init) ?? problem
            throw ConfigError(diagnostics: [Diagnostic("not valid YAML: \(firstLine)", at: loc)])
        }
        var walker = ConfigWalker(file: file)
        let config = walker.read(root)
        if !walker.problems.isEmpty { throw ConfigError(diagnostics: walker.problems) }
        return config
    }
}

/// A bad configuration file (exit status 2).
public struct ConfigError: ScorecardFailure {
    public var diagnostics: [Diagnostic]
    public var isUserError: Bool { true }
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
