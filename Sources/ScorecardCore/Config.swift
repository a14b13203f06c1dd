/// The scorecard's configuration (`scorecard.yml`), with the defaults of docs/inputs.md.
///
/// Loading and checking the YAML lives in `Ingest` (`ConfigLoader`); this is the checked result that
/// every stage reads.
public struct Config: Sendable, Equatable {
    /// Folder the source paths are relative to.
    public var data: String = "."
    /// Output folder.
    public var out: String = "site"
    /// The as-of date; `nil` means the latest `order_date` in `orders`.
    public var asOf: Day?
    /// Absolute URL the site is served at, for e-mailed links.
    public var baseURL: String?
    public var title: String = "Scorecard"
    /// e.g. `EUR`; `nil` shows money as plain numbers.
    public var currency: String?
    public var targets = Targets()
    public var freight = FreightConfig()
    public var readiness = ReadinessConfig()
    public var report = ReportConfig()
    public var email = EmailConfig()
    /// `pdf:`; `nil` prints nothing.
    public var pdf: PDFConfig?
    /// `segments:`: the dimensions that split the scorecard into views.
    public var segments = SegmentsConfig()
    /// `engine:`: which engine reduces the exports (`--engine` wins).
    public var engine: EngineKind = .builtin
    /// `spark:`: how the Spark engine submits its job.
    public var spark = SparkConfig()
    /// Dialect defaults for every source.
    public var csv = CSVDialect()
    /// Per-source path, dialect overrides and column mapping.
    public var sources: [SourceName: SourceConfig] = [:]

    public init() {}

    public struct Targets: Sendable, Equatable {
        public var promoFillRate: Double = 0.95
        public var stockoutCampaignShare: Double = 0.05
        public var maxRejectedShare: Double = 0.01
        /// `targets.figures`: a threshold on any period figure, in the order the config gives them.
        public var figures: [FigureTarget] = []
        public init() {}

        /// The configured threshold of a period figure, if any.
        public func figure(_ key: String) -> FigureTarget? { figures.first { $0.key == key } }
    }

    /// A `min` and/or `max` for one period figure (`targets.figures.KEY`): `min` is met when the value is
    /// at least `min`, `max` when it is at most `max`; a `null` value is neither met nor missed.
    public struct FigureTarget: Sendable, Equatable {
        /// A key of `FigureKeys.period`.
        public var key: String
        public var min: Double?
        public var max: Double?
        public init(key: String, min: Double? = nil, max: Double? = nil) {
            self.key = key
            self.min = min
            self.max = max
        }

        /// `true` met, `false` missed, `nil` for a `null` value (no data).
        public func isMet(by value: Double?) -> Bool? {
            guard let value else { return nil }
            if let min, value < min { return false }
            if let max, value > max { return false }
            return true
        }
    }

    public struct ReportConfig: Sendable, Equatable {
        /// At most this many weeks (and the months they span) are reported, ending with the as-of week;
        /// rows before that are still read and used.
        public var maxWeeks: Int = 260
        public init() {}
    }

    public struct FreightConfig: Sendable, Equatable {
        /// Matched trimmed and ignoring case.
        public var emergencyServiceLevels: [String] = ["EXPEDITED", "AIR", "NEXT_DAY", "CHARTER"]
        public init() {}
    }

    public struct ReadinessConfig: Sendable, Equatable {
        public var horizonDays: Int = 28
        public init() {}
    }

    public struct EmailConfig: Sendable, Equatable {
        public var from: String?
        public var to: [String] = []
        /// `email.attach`, in the order given, without repeats.
        public var attach: [EmailAttachment] = []
        /// `email.segments`: per dimension key, per value, the recipients of that view's own digest, in the
        /// config's order.
        public var segments: [(dimension: String, values: [(value: String, to: [String])])] = []
        public init() {}

        public static func == (a: EmailConfig, b: EmailConfig) -> Bool {
            a.from == b.from && a.to == b.to && a.attach == b.attach
                && a.segments.map(\.dimension) == b.segments.map(\.dimension)
                && zip(a.segments, b.segments).allSatisfy { x, y in
                    x.values.map(\.value) == y.values.map(\.value) && x.values.map(\.to) == y.values.map(\.to)
                }
        }
    }

    /// The dialect a source is read with: its own overrides over the `csv:` defaults.
    public func dialect(for source: SourceName) -> CSVDialect {
        guard let o = sources[source] else { return csv }
        var d = csv
        if let v = o.delimiter { d.delimiter = v }
        if let v = o.decimal { d.decimal = v }
        if let v = o.thousands { d.thousands = v }
        if let v = o.dateFormat { d.dateFormat = v }
        if let v = o.encoding { d.encoding = v }
        return d
    }
}

/// How one export writes its values.
public struct CSVDialect: Sendable, Equatable {
    public enum Encoding: String, Sendable, Equatable { case utf8 = "utf-8", windows1252 = "windows-1252" }

    /// One ASCII byte (`,`, `;`, `\t`, `|` …).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// `.` or `,`.
    public var decimal: UInt8 = UInt8(ascii: ".")
    /// Digit-group separator, `nil` for none (e.g. `.` or ` `).
    public var thousands: UInt8? = nil
    /// yyyy or yy, MM or M, MMM, dd or d, in any order with separators.
    public var dateFormat: String = "yyyy-MM-dd"
    public var encoding: Encoding = .utf8

    public init() {}
}

/// What `sources.NAME` in the config may say; every field optional.
public struct SourceConfig: Sendable, Equatable {
    /// Glob relative to `data`; several matches are read as one table, in name order.
    public var path: String?
    public var delimiter: UInt8?
    public var decimal: UInt8?
    public var thousands: UInt8??
    public var dateFormat: String?
    public var encoding: CSVDialect.Encoding?
    /// Workbooks only: the sheet read, by name; `nil` reads the first sheet.
    public var sheet: String?
    /// Workbooks only: the sheet row (1-based) holding the header; `nil` takes the first row with a value.
    public var headerRow: Int?
    /// Canonical column name → header in this export.
    public var columns: [String: String] = [:]
    /// `format: parquet` (the Spark engine only; columns are then matched by name).
    public var format: SourceFormat?
    /// Where `format` is written in the config file, for a message about it.
    public var formatLocation: SourceLocation?

    public init() {}
}
