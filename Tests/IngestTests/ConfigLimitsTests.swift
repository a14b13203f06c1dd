import Testing
import ScorecardCore
@testable import Ingest

/// What a hostile scorecard.yml cannot do: expand through aliases, nest without end, be huge, or turn a
/// problem into many lines.
@Suite struct ConfigLimitsTests {
    /// The problems of a config that must be rejected, as "line: message".
    static func problems(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "scorecard.yml")
            Issue.record("expected a ConfigError")
            return []
        } catch {
            #expect(error.isUserError)
            return error.diagnostics.map { "\($0.location?.line.map(String.init) ?? "-"): \($0.message)" }
        }
    }

    static let anchors = "anchors and aliases are not supported in scorecard.yml (write the value out in full)"

    @Test func anAnchorIsRejectedOnItsLine() {
        let yaml = """
        title: Board
        freight:
          emergency_service_levels: &levels [AIR]
        """
        #expect(Self.problems(yaml) == ["3: \(Self.anchors)"])
    }

    @Test func anAliasIsRejectedOnItsLine() {
        // An alias to an undefined anchor would be a YAML error; this one is reported as unsupported first.
        #expect(Self.problems("title: Board\ncurrency: *money\n") == ["2: \(Self.anchors)"])
    }

    @Test func aMergeKeyIsRejected() {
        let yaml = """
        csv: &defaults
          delimiter: ";"
        sources:
          orders:
            <<: *defaults
        """
        #expect(Self.problems(yaml) == ["1: \(Self.anchors)"])
    }

    /// "Billion laughs": nine levels of ten aliases each would be 10^9 strings once expanded. Rejected
    /// at its first anchor, before anything is composed.
    @Test func billionLaughsIsRejectedAtItsFirstAnchor() {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for k in 1...9 {
            yaml += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(Self.problems(yaml) == ["1: \(Self.anchors)"])
    }

    @Test func theSchemasDeepestKeysAreWithinTheDepthLimit() throws {
        let yaml = """
        sources:
          orders:
            columns:
              order_id: VBELN
        targets:
          figures:
            promo_fill_rate: {min: 0.9}
        """
        let config = try ConfigLoader.parse(yaml, file: "scorecard.yml")
        #expect(config.sources[.orders]?.columns["order_id"] == "VBELN")
    }

    @Test func nestingDeeperThanTheLimitIsRejected() {
        // Seven mappings inside each other; the schema needs four.
        let yaml = "sources:\n  orders:\n    columns:\n      a:\n        b:\n          c:\n            d: x\n"
        let got = Self.problems(yaml)
        #expect(got.count == 1)
        #expect(got.first?.hasPrefix("7: the config nests deeper than 6 levels") == true, "\(got)")
    }

    /// Flow collections nest the same way; a million brackets are rejected at the seventh.
    @Test func deeplyNestedFlowSequencesAreRejected() {
        let yaml = "title: " + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        let got = Self.problems(yaml)
        #expect(got.first?.contains("nests deeper than 6 levels") == true, "\(got)")
    }

    @Test func aConfigLargerThan1MiBIsRejectedBeforeParsing() {
        let yaml = "title: x\n" + String(repeating: "# padding\n", count: 110_000)
        #expect(Self.problems(yaml) == ["-: the config file is larger than 1 MiB (1048576 bytes), the most a config may have"])
    }

    /// A 10 kB key, or a value with line breaks, stays one short line in the problem that quotes it.
    @Test func quotedKeysAndValuesAreEscapedAndClipped() {
        let key = String(repeating: "k", count: 10_000)
        // An explicit key (`? `): YAML allows at most 1024 characters in an implicit one.
        let got = Self.problems("? \(key)\n: 1\ncsv:\n  delimiter: \"a\\nb\\rc\"\n")
        #expect(got.count == 2)
        for line in got {
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(line.utf8.count < 300, "\(line.utf8.count) bytes")
        }
        #expect(got.contains { $0.contains("got \"a\\nb\\rc\"") }, "\(got)")
    }

    /// Yams's duplicate-key error lists every duplicated key in full (found by FuzzConfigLoader: 1,267
    /// bytes on one line). The problem names the first three keys, clipped, on the first one's line.
    @Test func duplicateKeysAreNamedClippedOnTheirLine() {
        let keys = (0..<4).map { "k\($0)" + String(repeating: "x", count: 900) }
        let yaml = "title: Board\n" + (keys + keys).map { "\($0): 1" }.joined(separator: "\n") + "\n"
        let got = Self.problems(yaml)
        #expect(got.count == 1)
        let clipped = (0..<3).map { "\"k\($0)" + String(repeating: "x", count: 75) + "…\"" }.joined(separator: ", ")
        #expect(got == ["2: not valid YAML: a key appears more than once in one mapping: \(clipped) and 1 more"])
        #expect(got.first.map { $0.utf8.count <= 420 } == true, "\(got.first?.utf8.count ?? 0) bytes")
    }

    @Test func aDuplicatedKeyIsNamedOnItsFirstLine() {
        #expect(Self.problems("title: Board\ncurrency: EUR\ntitle: Other\n")
                == ["1: not valid YAML: a key appears more than once in one mapping: \"title\""])
    }
}
