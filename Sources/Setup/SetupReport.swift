import ScorecardCore

/// What `scorecard init` did: the file written, what it maps, and what it could not.
public struct SetupReport: Sendable {
    let plan: SetupPlan
    public var configPath: String
    /// The text written.
    public var text: String
    /// The `data:` value written.
    var dataValue: String

    /// Every required source was found and every required column of every source found is mapped:
    /// exit status 0; otherwise 2 (the file is written either way).
    public var isComplete: Bool { plan.isComplete }

    /// What the config loads as (for the round-trip test).
    var config: Config { plan.config(data: dataValue) }

    /// Lines for stdout: the file written and which files feed which source.
    public var summary: [String] {
        var out = ["wrote \(configPath):"]
        let width = SourceName.allCases.map(\.rawValue.count).max() ?? 0
        for source in SourceName.allCases {
            let name = source.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            if let a = plan.assignments[source] {
                let g = plan.inspection.groups[a.match.group]
                let mapped = a.match.choices.filter { $0.header != nil }.count
                var line = "  \(name)  \(g.label): \(mapped) columns mapped"
                if !a.match.missing.isEmpty { line += ", missing \(a.match.missing.joined(separator: ", "))" }
                out.append(line)
            } else if source.isRequired {
                out.append("  \(name)  MISSING: no file looks like it")
            }
        }
        if !plan.segments.isEmpty {
            let list = plan.segments.map { "\($0.key) (\($0.source) \"\($0.header)\")" }.joined(separator: ", ")
            out.append("  segments: proposed, commented out: \(list)")
        }
        return out
    }

    /// One line per required source or column that is missing (stderr; exit status 2).
    public var problems: [Diagnostic] {
        var out: [Diagnostic] = []
        for s in plan.missingSources {
            out.append(Diagnostic("required source \(s) is missing: no file under the data folder has its columns (\(s.requiredColumns.joined(separator: ", ")))",
                                  at: SourceLocation(file: configPath, source: s)))
        }
        for source in SourceName.allCases {
            guard let a = plan.assignments[source] else { continue }
            let g = plan.inspection.groups[a.match.group]
            for c in a.match.choices.prefix(source.requiredColumns.count) where c.header == nil {
                out.append(Diagnostic("required column not mapped: \(c.reason)",
                                      at: SourceLocation(file: g.files[0].path, source: source, field: c.column)))
            }
        }
        return out
    }

    /// Guesses to check (stderr, exit status unchanged).
    public var warnings: [Diagnostic] {
        ConfigWriter(plan: plan, data: dataValue, dataShown: "").checkLines().map {
            Diagnostic("check: \($0)", at: SourceLocation(file: configPath), severity: .warning)
        }
    }
}
