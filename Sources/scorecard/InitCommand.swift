import ArgumentParser
import ScorecardCore
import Setup

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Inspect your exports and write a commented scorecard.yml that maps them.",
        discussion: """
        Reads every .csv and .tsv file under the data folder (a sample of large ones) and decides per file
        the encoding, delimiter, decimal and thousands separators and date format, which source it feeds and
        which header feeds which column (English names, SAP field names such as VBELN or LFIMG, SAP's German
        display names such as Verkaufsbeleg or Liefermenge, and the values themselves). Every guess is written
        with a comment saying why. It never overwrites a file.

        Exit status: 0 when every required source was found with every required column mapped; 2 otherwise
        (the file is still written, listing what is missing at the top) or when the config already exists.

        Examples:
          scorecard init --data /srv/exports                 # writes ./scorecard.yml
          scorecard init --data exports --config exports.yml
          scorecard init --data exports && scorecard check && scorecard build
        """
    )

    @Option(name: .long, help: ArgumentHelp("Folder holding the exports (default: the current folder).", valueName: "dir"))
    var data: String = "."

    @Option(name: .long, help: ArgumentHelp("The config file to write (default: scorecard.yml); never overwritten.", valueName: "file"))
    var config: String = "scorecard.yml"

    func run() throws {
        let report = try ExportSetup(dataDirectory: data, configPath: config).run()
        for line in report.summary { print(line) }
        for warning in report.warnings { printError(warning.description) }
        if !report.isComplete { throw SetupIncomplete(diagnostics: report.problems) }
    }
}

/// `init` wrote the file but could not map every required source and column (exit status 2).
struct SetupIncomplete: ScorecardFailure {
    var diagnostics: [Diagnostic]
    var isUserError: Bool { true }
}
