// A whole small build from fuzzed files: the bytes after the first are split at 0x1E (record separator)
// into the eleven sources in reading order (products, campaigns, campaign_items, orders, deliveries,
// returns, freight, inventory, forecast, purchase_orders, receipts); fewer parts leave the later sources
// out. The first byte picks one of three configs (dialects). ingest → metrics → render → validate →
// publish runs in-process into a temporary folder. Invariant: it never crashes, and a failure is a
// user error (bad input, exit 2): a page that does not validate, a write that fails, or any other
// failure on input the reader accepted is a bug.
import Foundation
import FuzzSupport
import Logging
import Pipeline
import ScorecardCore

/// The configs the first byte picks from.
enum Configs {
    static let all = [
        // The defaults.
        """
        as_of: 2026-03-31
        report: {max_weeks: 12}
        targets: {max_rejected_share: 1}
        """,
        // A German ERP: semicolons, decimal comma, grouped thousands, dd.MM.yyyy.
        """
        as_of: 2026-03-31
        report: {max_weeks: 12}
        targets: {max_rejected_share: 1}
        csv: {delimiter: ";", decimal: ",", thousands: ".", date_format: "dd.MM.yyyy"}
        """,
        // windows-1252, tabs, US dates, spaces between thousands; no as_of (the latest order date).
        """
        report: {max_weeks: 12}
        targets: {max_rejected_share: 0.5}
        csv: {delimiter: "\\t", encoding: windows-1252, thousands: " ", date_format: "M/d/yy"}
        """,
    ]
}

runFuzzer { data, size in fuzzBuild(data, size) }

func fuzzBuild(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let config = input.pick(Configs.all)
    let parts = input.rest.split(separator: 0x1E, omittingEmptySubsequences: false)
    let root = FuzzFiles.directory + "/build"
    FuzzFiles.remove(root)
    mkdir(root, 0o755)
    mkdir(root + "/data", 0o755)
    FuzzFiles.write(Array(("data: data\nout: out\n" + config + "\n").utf8), to: root + "/scorecard.yml")
    for (source, bytes) in zip(SourceName.allCases, parts) {
        FuzzFiles.write(Array(bytes), to: root + "/data/\(source.rawValue).csv")
    }
    var options = BuildOptions()
    options.configPath = root + "/scorecard.yml"
    var logger = Logger(label: "fuzz")
    logger.logLevel = .critical
    do {
        _ = try Build(options: options, logger: logger).run()
    } catch let failure as StepFailure {
        fuzzCheck(failure.isUserError, "step \(failure.step) failed: \(failure.diagnostics.map(\.description).joined(separator: "\n"))")
    } catch {
        fuzzCheck(false, "not a ScorecardFailure: \(error)")
    }
    return 0
}
