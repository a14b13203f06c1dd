// The config loader on fuzzed YAML. Invariants: it never crashes or hangs; a rejected config is a
// `ConfigError` with at least one diagnostic, each one short line (stderr shows one line per problem).
import FuzzSupport
import Ingest
import ScorecardCore

runFuzzer { data, size in fuzzConfigLoader(data, size) }

func fuzzConfigLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try ConfigLoader.parse(yaml, file: "scorecard.yml")
    } catch {
        fuzzCheck(!error.diagnostics.isEmpty, "a ConfigError without diagnostics")
        for d in error.diagnostics {
            let text = d.message
            fuzzCheck(!text.contains(where: { $0 == "\n" || $0 == "\r" }), "a diagnostic of several lines: \(text.debugDescription)")
            fuzzCheck(text.utf8.count <= 1_000, "a diagnostic of \(text.utf8.count) bytes")
        }
    }
    return 0
}
