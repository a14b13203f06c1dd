import ArgumentParser
import Foundation
import ScorecardCore

/// `scorecard`: one static site of shared KPIs from ERP and campaign exports.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Build one static HTML scorecard of shared marketing and supply-chain KPIs from ERP and campaign exports.",
        discussion: """
        Examples:
          scorecard build                                  # the bundled sample, into ./site
          scorecard init --data /srv/exports               # writes ./scorecard.yml for your own exports
          scorecard check                                  # reads and computes everything, publishes nothing
          scorecard build --config /srv/scorecard/scorecard.yml
          scorecard build --data exports/ --out /var/www/scorecard --as-of 2026-11-15
          scorecard sample --out /tmp/exports --lines 1000000

        Exit status: 0 built and published; 2 bad input or configuration (nothing published);
        1 anything else (nothing published).
        """,
        subcommands: [BuildCommand.self, InitCommand.self, CheckCommand.self, SampleCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Parses, runs, and exits with the spec's statuses: 2 for bad input, configuration or arguments,
    /// 1 for anything else; one line per problem on stderr.
    static func runAndExit() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let failure as any ScorecardFailure {
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            Foundation.exit(failure.isUserError ? 2 : 1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            // Bad arguments are bad configuration.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 64 ? 2 : 1)
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
}
