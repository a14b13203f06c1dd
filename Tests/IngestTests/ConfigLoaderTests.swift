import Testing
import ScorecardCore
@testable import Ingest

@Suite struct ConfigLoaderTests {
    static let full = """
    data: exports
    out: /var/www/scorecard
    as_of: 2026-03-31
    base_url: https://intranet.example/scorecard/
    title: Nordic Scorecard
    currency: EUR
    targets:
      promo_fill_rate: 0.9
      stockout_campaign_share: 0.1
      max_rejected_share: 0.02
    freight:
      emergency_service_levels: [AIR, Express]
    readiness:
      horizon_days: 14
    email:
      from: scorecard@example.com
      to: [a@example.com, b@example.com]
    csv:
      delimiter: ";"
      decimal: ","
      thousands: "."
      date_format: dd.MM.yyyy
      encoding: windows-1252
    sources:
      orders:
        path: "VBAP/*.csv"
        delimiter: "\\t"
        thousands: null
        encoding: utf-8
        columns:
          order_id: VBELN
          line_no: POSNR
      forecast:
        date_format: M/d/yy
        decimal: "."
        thousands: ","
    """

    @Test func readsEveryKey() throws {
        let c = try ConfigLoader.parse(Self.full, file: "scorecard.yml")
        #expect(c.data == "exports")
        #expect(c.out == "/var/www/scorecard")
        #expect(c.asOf == Day(iso: "2026-03-31"))
        #expect(c.baseURL == "https://intranet.example/scorecard/")
        #expect(c.title == "Nordic Scorecard")
        #expect(c.currency == "EUR")
        #expect(c.targets.promoFillRate == 0.9)
        #expect(c.targets.stockoutCampaignShare == 0.1)
        #expect(c.targets.maxRejectedShare == 0.02)
        #expect(c.freight.emergencyServiceLevels == ["AIR", "Express"])
        #expect(c.readiness.horizonDays == 14)
        #expect(c.email.from == "scorecard@example.com")
        #expect(c.email.to == ["a@example.com", "b@example.com"])
        #expect(c.csv.delimiter == UInt8(ascii: ";"))
        #expect(c.csv.decimal == UInt8(ascii: ","))
        #expect(c.csv.thousands == UInt8(ascii: "."))
        #expect(c.csv.dateFormat == "dd.MM.yyyy")
        #expect(c.csv.encoding == .windows1252)

        let orders = c.dialect(for: .orders)
        #expect(orders.delimiter == 9)
        #expect(orders.decimal == UInt8(ascii: ","))  // inherited from csv:
        #expect(orders.thousands == nil)               // overridden with null
        #expect(orders.encoding == .utf8)
        #expect(c.sources[.orders]?.path == "VBAP/*.csv")
        #expect(c.sources[.orders]?.columns == ["order_id": "VBELN", "line_no": "POSNR"])
        #expect(c.dialect(for: .forecast).dateFormat == "M/d/yy")
        #expect(c.dialect(for: .forecast).decimal == UInt8(ascii: "."))
        #expect(c.dialect(for: .forecast).thousands == UInt8(ascii: ","))
        #expect(c.dialect(for: .products) == c.csv)
    }

    @Test func emptyFileGivesTheDefaults() throws {
        #expect(try ConfigLoader.parse("", file: "s.yml") == Config())
        #expect(try ConfigLoader.parse("# only a comment\n", file: "s.yml") == Config())
    }

    /// Every problem is reported at once, each naming the key path and its line.
    @Test func collectsEveryProblemWithKeyAndLine() throws {
        let yaml = """
        titel: Typo
        as_of: 31.03.2026
        targets:
          promo_fill_rate: high
          max_rejected_share: 2
        readiness:
          horizon_days: 2.5
        csv:
          delimiter: ";;"
          thousands: "_"
          date_format: dd.MM
          encoding: latin-1
        sources:
          order:
            path: x.csv
          orders:
            colums: {}
            columns:
              order_number: VBELN
          deliveries: [a, b]
        """
        do {
            _ = try ConfigLoader.parse(yaml, file: "cfg/scorecard.yml")
            Issue.record("expected a ConfigError")
        } catch {
            let lines = error.diagnostics.map(\.description)
            let expectations: [(String, Int)] = [
                ("unknown key titel", 1), ("as_of", 2), ("targets.promo_fill_rate", 4), ("targets.max_rejected_share", 5),
                ("readiness.horizon_days", 7), ("csv.delimiter", 9), ("csv.thousands", 10), ("csv.date_format", 11),
                ("csv.encoding", 12), ("sources.order", 14), ("sources.orders.colums", 17),
                ("sources.orders.columns.order_number", 19), ("sources.deliveries", 20),
            ]
            #expect(error.diagnostics.count == expectations.count, "\(lines)")
            for (key, line) in expectations {
                #expect(lines.contains { $0.hasPrefix("cfg/scorecard.yml:\(line):") && $0.contains(key) }, "\(key) on line \(line): \(lines)")
            }
            #expect(error.isUserError)
        }
    }

    /// A horizon of billions of days once overflowed the day arithmetic; now it is a configuration error.
    @Test(arguments: ["-1", "3651", "2147483647", "3000000000"])
    func horizonDaysOutOfRangeIsAnError(value: String) {
        #expect {
            _ = try ConfigLoader.parse("readiness:\n  horizon_days: \(value)\n", file: "s.yml")
        } throws: { error in
            guard let e = error as? ConfigError, let d = e.diagnostics.first else { return false }
            return e.diagnostics.count == 1 && d.location?.line == 2 && d.message.contains("readiness.horizon_days")
        }
        #expect((try? ConfigLoader.parse("readiness:\n  horizon_days: 3650\n", file: "s.yml"))?.readiness.horizonDays == 3650)
    }

    /// Whole numbers are decimal: YAML 1.1's octal and base-60 forms are not read as numbers, and a base-60
    /// value past `Int`'s range (which trapped inside Yams, found by FuzzConfigLoader) is an error.
    @Test(arguments: ["702:777777777777777777:7", "1:30", "0x10", "0o7", "1_000", "14.0", "", "~", "true", "9223372036854775808", "--5", "+"])
    func anIntegerThatIsNotPlainDecimalIsAnError(value: String) {
        #expect {
            _ = try ConfigLoader.parse("readiness:\n  horizon_days: \(value)\n", file: "s.yml")
        } throws: { error in
            guard let e = error as? ConfigError, let d = e.diagnostics.first else { return false }
            return e.diagnostics.count == 1 && d.location?.line == 2 && d.message == "readiness.horizon_days must be an integer"
        }
    }

    @Test func integersAreReadInDecimal() throws {
        #expect(try ConfigLoader.parse("readiness:\n  horizon_days: 010\n", file: "s.yml").readiness.horizonDays == 10)
        #expect(try ConfigLoader.parse("readiness:\n  horizon_days: +14\n", file: "s.yml").readiness.horizonDays == 14)
        #expect(try ConfigLoader.parse("report:\n  max_weeks: \"52\"\n", file: "s.yml").report.maxWeeks == 52)
        #expect(ConfigWalker.decimalInteger("-3") == -3)
        #expect(ConfigWalker.decimalInteger("9223372036854775807") == Int.max)
    }

    @Test func invalidYAMLNamesTheLine() {
        #expect {
            _ = try ConfigLoader.parse("title: [unclosed\nout: x\n", file: "s.yml")
        } throws: { error in
            guard let e = error as? ConfigError, let d = e.diagnostics.first else { return false }
            return e.diagnostics.count == 1 && d.location?.line != nil && d.message.hasPrefix("not valid YAML")
        }
    }

    @Test func wrongTypes() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("targets: 5\n", file: "s.yml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("title: [a]\n", file: "s.yml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("email:\n  to: {a: b}\n", file: "s.yml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("targets:\n  promo_fill_rate: true\n", file: "s.yml") }
    }
}

extension ConfigLoaderTests {
    @Test func decimalAndThousandsMustDiffer() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("csv:\n  decimal: \",\"\n  thousands: \",\"\n", file: "s.yml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("csv:\n  thousands: \".\"\n", file: "s.yml") }
        // Overriding decimal per source resolves the clash for that source only, so csv: still clashes
        // for every other source.
        #expect(throws: ConfigError.self) {
            try ConfigLoader.parse("csv:\n  thousands: \".\"\nsources:\n  orders:\n    decimal: \",\"\n", file: "s.yml")
        }
        #expect(throws: Never.self) {
            try ConfigLoader.parse("csv:\n  decimal: \",\"\n  thousands: \".\"\n", file: "s.yml")
        }
    }
}
