import ScorecardCore
import Yams

/// Reads and checks `scorecard.yml`.
///
/// The YAML is walked as a node tree (not decoded with `Codable`) so that every problem can name the key
/// path and the line it is on, and so that all problems are reported at once.
public enum ConfigLoader {
    /// The largest config file read: a reader of the file reads at most one byte more, and `parse` rejects it.
    public static let maxFileBytes = ConfigLimits.maxBytes

    /// The most bytes of libYAML's own description of a syntax error that a diagnostic quotes.
    static let maxYAMLProblemBytes = 400

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
                case let .duplicatedKeysInMapping(keys, context):
                    // Yams lists every duplicated key in full: name a few, quoted, at the first one's line.
                    loc.line = context.mark.line
                    loc.column = context.mark.column
                    let sorted = keys.sorted()
                    let named = sorted.prefix(3).map { "\"\(ConfigWalker.shown($0))\"" }.joined(separator: ", ")
                    let more = sorted.count > 3 ? " and \(sorted.count - 3) more" : ""
                    problem = "a key appears more than once in one mapping: \(named)\(more)"
                default:
                    break
                }
            }
            // One short line per problem on stderr: keep only the first line of what libYAML said, clipped
            // (a duplicate-key error lists every duplicated key in full, each up to 1024 characters).
            let firstLine = problem.split(separator: "\n").first.map(String.init) ?? problem
            throw ConfigError(diagnostics: [Diagnostic("not valid YAML: \(firstLine.clipped(toUTF8: maxYAMLProblemBytes))", at: loc)])
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
