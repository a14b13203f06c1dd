import ArgumentParser
import Foundation
import Logging
import Pipeline
import ScorecardCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the exports, compute every KPI, and publish the site.",
        discussion: """
        With no arguments (and no ./scorecard.yml) it builds the bundled sample exports into ./site.

        Examples:
          scorecard build
          scorecard build --config scorecard.yml
          scorecard build --data /srv/exports --out /var/www/scorecard --base-url https://intranet/scorecard/
          scorecard build --as-of 2026-10-31 --out /tmp/october
          scorecard build --rebuild-archive 2026-10
          scorecard build --engine spark --spark-master spark://cluster:7077
        """
    )

    @Option(name: .long, help: ArgumentHelp("The config file (default: ./scorecard.yml when it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder the source paths are relative to.", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Output folder (default: site).", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The scorecard's date (default: the latest order_date).", valueName: "yyyy-MM-dd"))
    var asOf: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Absolute URL the site is served at, for e-mailed links.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates overriding the built-in ones.", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("rebuild-archive"), help: ArgumentHelp("Rewrite this archived month on purpose (repeatable).", valueName: "yyyy-MM"))
    var rebuildArchive: [String] = []

    @Option(name: .customLong("wait"), help: ArgumentHelp("Seconds to wait for another build of the same output folder.", valueName: "seconds"))
    var wait: Int = 0

    @Option(name: .long, help: ArgumentHelp("The engine that reduces the exports: builtin (default) or spark.", valueName: "engine"))
    var engine: String?

    @Option(name: .customLong("spark-master"), help: ArgumentHelp("The Spark master (local[*], spark://host:7077, yarn, …).", valueName: "url"))
    var sparkMaster: String?

    @Option(name: .customLong("keep-aggregates"), help: ArgumentHelp("Also write the aggregate tables into this folder.", valueName: "dir"))
    var keepAggregates: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date as yyyy-MM-dd, not \"\(asOf)\"")
        }
        if wait < 0 { throw ValidationError("--wait takes a number of seconds, 0 or more") }
        if let engine, EngineKind(rawValue: engine) == nil {
            throw ValidationError("--engine takes \(EngineKind.allCases.map(\.rawValue).joined(separator: " or ")), not \"\(engine)\"")
        }
    }

    func run() throws {
        var options = BuildOptions()
        options.configPath = config
        options.data = data
        options.out = out
        options.asOf = asOf.flatMap { Day(iso: $0) }
        options.baseURL = baseURL
        options.templates = templates
        options.rebuildArchive = rebuildArchive
        options.lockWaitSeconds = wait
        options.engine = engine.flatMap(EngineKind.init(rawValue:))
        options.sparkMaster = sparkMaster
        options.keepAggregates = keepAggregates
        let warnings = try Build(options: options, logger: makeLogger()).run()
        for warning in warnings { printError(warning.description) }
    }
}

/// Progress goes to stderr only when it is a terminal; cron mails any output, so a run is quiet otherwise.
func makeLogger() -> Logger {
    var logger = Logger(label: "scorecard") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = isatty(STDERR_FILENO) != 0 ? .info : .warning
    return logger
}
