import ArgumentParser
import Pipeline
import ScorecardCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read every export and compute every figure, without building or publishing the site.",
        discussion: """
        Prints per source the files, rows read, used, rejected and ignored, the date range and the most
        frequent rejection reasons with an example line; then the as-of date and the report window.
        Takes no lock and writes nothing. Exit status as for build: 0 the inputs would build; 2 bad input
        or configuration (each problem on stderr); 1 anything else. Meant for the data pipeline's own CI,
        before the weekly build. Without a config file or --data it checks the bundled sample, as build
        builds it.

        Examples:
          scorecard check                                   # reads ./scorecard.yml
          scorecard check --config /srv/scorecard/scorecard.yml --as-of 2026-11-15
          scorecard init --data exports && scorecard check
        """
    )

    @Option(name: .long, help: ArgumentHelp("The config file (default: ./scorecard.yml when it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder the source paths are relative to.", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The scorecard's date (default: the latest order_date).", valueName: "yyyy-MM-dd"))
    var asOf: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of takes a date as yyyy-MM-dd, not \"\(asOf)\"")
        }
    }

    func run() throws {
        var options = BuildOptions()
        options.configPath = config
        options.data = data
        options.asOf = asOf.flatMap { Day(iso: $0) }
        let summary = try Check(options: options, logger: makeLogger()).run()
        for line in summary.lines { print(line) }
        for warning in summary.warnings { printError(warning.description) }
    }
}
