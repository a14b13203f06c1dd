import ScorecardCore

/// Writes realistic, deterministic exports of all nine sources in canonical form.
public struct SampleGenerator: Sendable {
    public struct Options: Sendable, Equatable {
        public var seed: UInt64 = 42
        public var lines: Int = 20_000
        public var skus: Int = 200
        public var weeks: Int = 26
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }
}

extension SampleGenerator {
    /// The config of the bundled sample; `Samples/scorecard.yml` holds the same text (a test keeps them equal).
    public static let sampleConfig = """
    title: Scorecard
    currency: EUR
    """

    /// Writes the nine sources as `DIR/NAME.csv`, creating `DIR`.
    public func write(to directory: String) throws {
        throw SampleError(message: "the sample generator is not implemented yet")
    }
}

public struct SampleError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
