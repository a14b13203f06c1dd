import CYaml
import ScorecardCore

/// Checks a config's YAML against limits no real `scorecard.yml` comes near, before it is composed into
/// a node tree: a few kB of hostile YAML must not cost seconds or gigabytes.
///
/// - Size: at most `maxBytes`.
/// - Anchors (`&a`) and aliases (`*a`): a scorecard config never needs them, and aliases are how a small
///   document expands into billions of nodes ("billion laughs"); composing such a document is cheap, but
///   everything that walks or hashes the tree afterwards is not.
/// - Nesting: at most `maxDepth` mappings or sequences inside each other. The schema's deepest keys
///   (`sources.NAME.columns.KEY`, `targets.figures.KEY.min`) sit in the fourth.
///
/// The check reads libYAML's events one by one (no tree, no recursion); YAML syntax errors are left to
/// the composer, which reports them with their line.
enum ConfigLimits {
    static let maxBytes = 1 << 20
    static let maxDepth = 6

    static func check(_ yaml: String, file: String) throws(ConfigError) {
        if yaml.utf8.count > maxBytes {
            throw ConfigError(diagnostics: [Diagnostic(
                "the config file is larger than 1 MiB (\(maxBytes) bytes), the most a config may have",
                at: SourceLocation(file: file))])
        }
        var bytes = Array(yaml.utf8)
        if let problem = bytes.withUnsafeMutableBufferPointer({ firstProblem(in: $0) }) {
            var location = SourceLocation(file: file)
            location.line = problem.line
            location.column = problem.column
            throw ConfigError(diagnostics: [Diagnostic(problem.message, at: location)])
        }
    }

    private static let deeper =
        "the config nests deeper than \(maxDepth) levels; the deepest keys of scorecard.yml are 4 levels deep (sources.NAME.columns.KEY)"

    private static func firstProblem(in text: UnsafeMutableBufferPointer<UInt8>) -> (message: String, line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, text.baseAddress, text.count)
        var depth = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libYAML's own nesting limit, reached by its scanner before this check saw the levels.
                if let problem = parser.problem, String(cString: problem).contains("nesting level") {
                    return (deeper, Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1)
                }
                // Any other syntax error: the composer reports it.
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            let anchored: Bool
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                anchored = true
            case YAML_SCALAR_EVENT:
                anchored = event.data.scalar.anchor != nil
            case YAML_SEQUENCE_START_EVENT:
                anchored = event.data.sequence_start.anchor != nil
                depth += 1
            case YAML_MAPPING_START_EVENT:
                anchored = event.data.mapping_start.anchor != nil
                depth += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                anchored = false
                depth -= 1
            default:
                anchored = false
            }
            if anchored {
                return ("anchors and aliases are not supported in scorecard.yml (write the value out in full)", line, column)
            }
            if depth > maxDepth { return (deeper, line, column) }
        }
    }
}
