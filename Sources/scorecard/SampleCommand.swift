import ArgumentParser
import Sample

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write realistic, deterministic exports of all eleven sources (canonical CSV).",
        discussion: """
        The same options always write the same bytes. Memory stays flat at any size.

        Examples:
          scorecard sample --out /tmp/exports
          scorecard sample --out /tmp/big --lines 5000000 --skus 20000
          scorecard build --data /tmp/exports --out /tmp/site
        """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write NAME.csv files into.", valueName: "dir"))
    var out: String = "sample-exports"

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = SampleGenerator.Options().seed

    @Option(name: .long, help: "Approximate number of order lines.")
    var lines: Int = SampleGenerator.Options().lines

    @Option(name: .long, help: "Number of products.")
    var skus: Int = SampleGenerator.Options().skus

    @Option(name: .long, help: "Weeks of history.")
    var weeks: Int = SampleGenerator.Options().weeks

    func validate() throws {
        guard lines > 0, skus > 0, weeks > 0 else { throw ValidationError("--lines, --skus and --weeks must be positive") }
    }

    func run() throws {
        var options = SampleGenerator.Options()
        options.seed = seed
        options.lines = lines
        options.skus = skus
        options.weeks = weeks
        try SampleGenerator(options: options).write(to: out)
    }
}
