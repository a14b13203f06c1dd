#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardCore

/// Writes realistic, deterministic exports of all eleven sources in canonical form.
///
/// The same options always write the same bytes: the data come from a seeded SplitMix64, the calendar ends
/// on a fixed day (`lastDay`, never the wall clock), and numbers are formatted from integers.
public struct SampleGenerator: Sendable {
    public struct Options: Sendable, Equatable {
        public var seed: UInt64 = 42
        /// Approximate number of (good) order lines.
        public var lines: Int = 24_000
        public var skus: Int = 200
        /// Weeks of history, ending on `lastDay`: by default 66, so that the 13 weeks before the last one
        /// exist a year earlier too (the comparisons with last year).
        public var weeks: Int = 66
        public init() {}
    }

    /// The last order date of every sample (a Sunday), so the default as-of date is fixed.
    public static let lastDay = Day(year: 2026, month: 11, day: 15) ?? Day(rawValue: 20_407)

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Writes the eleven sources as `DIR/NAME.csv`, creating `DIR` (and its parents) when needed.
    public func write(to directory: String) throws {
        guard options.lines > 0, options.skus > 0, options.weeks > 0 else {
            throw SampleError(.invalidOption("--lines, --skus and --weeks must be positive"))
        }
        guard options.weeks <= 520 else { throw SampleError(.invalidOption("--weeks must be at most 520")) }
        try Self.makeDirectory(directory)
        try SampleSimulation(options: options, directory: directory).run()
    }

    /// `mkdir -p`.
    static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw SampleError(.cannotCreateDirectory(errno: errno), path: prefix)
            }
            prefix += "/"
        }
    }
}
