import Metrics
import ScorecardCore

/// What `scorecard check` found, and its text for stdout.
public struct CheckSummary: Sendable {
    public struct Reason: Sendable, Equatable {
        public var reason: Rejection.Reason
        public var count: Int
        /// The first rejected row with this reason.
        public var example: Rejection
    }

    public struct Source: Sendable {
        public var stats: SourceStats
        /// The earliest and latest date of the rows used (`nil` for products and campaign items, or
        /// when no row was used).
        public var dates: ClosedRange<Day>?
        /// The most frequent rejection reasons, most frequent first.
        public var reasons: [Reason]
    }

    public var sources: [Source]
    public var asOf: Day
    /// Whether the as-of date was given (config or `--as-of`) rather than taken from the orders.
    public var asOfGiven: Bool
    public var weeks: [Period]
    public var months: [Period]
    /// Warnings for stderr, as a build prints them.
    public var warnings: [Diagnostic]
    /// Rows dated before the report window, per source (noted, not warned about unless likely typos).
    public var earlyRows: [EarlyRows]

    /// How many rejection reasons are shown per source.
    static let reasonsShown = 3

    init(ingest: IngestSummary, report: Report, dateRanges: [SourceName: ClosedRange<Day>], asOfGiven: Bool) {
        sources = ingest.sources.map { s in
            let rejections = ingest.rejections.filter { $0.location.source == s.source }
            var counts: [Rejection.Reason: Int] = [:]
            var first: [Rejection.Reason: Rejection] = [:]
            for r in rejections {
                counts[r.reason, default: 0] += 1
                if first[r.reason] == nil { first[r.reason] = r }
            }
            let order = Rejection.Reason.allCases
            let reasons = counts.keys.sorted { a, b in
                counts[a]! != counts[b]! ? counts[a]! > counts[b]! : order.firstIndex(of: a)! < order.firstIndex(of: b)!
            }.prefix(Self.reasonsShown).map { Reason(reason: $0, count: counts[$0]!, example: first[$0]!) }
            return Source(stats: s, dates: dateRanges[s.source], reasons: Array(reasons))
        }
        asOf = ingest.asOf
        self.asOfGiven = asOfGiven
        weeks = report.weeks.map(\.period)
        months = report.months.map(\.period)
        warnings = ingest.warnings
        earlyRows = ingest.earlyRows
    }

    /// The summary as printed by `scorecard check`.
    public var lines: [String] {
        var out: [String] = []
        let present = Set(sources.map(\.stats.source))
        for s in sources {
            let st = s.stats
            let files = st.files.map(\.path)
            out.append("\(st.source): \(files.count == 1 ? "1 file" : "\(files.count) files"): \(files.joined(separator: ", "))")
            var counts = "  rows \(st.rows): used \(st.used), rejected \(st.rejected), ignored after the as-of date \(st.ignoredAfterAsOf)"
            if let d = s.dates { counts += "; dates \(d.lowerBound) to \(d.upperBound)" }
            out.append(counts)
            for r in s.reasons {
                out.append("  \(r.count) × \(r.reason.rawValue), e.g. \(r.example.location): \(r.example.detail)")
            }
        }
        let absent = SourceName.allCases.filter { !present.contains($0) }
        if !absent.isEmpty {
            out.append("not present (their figures are null): \(absent.map(\.rawValue).joined(separator: ", "))")
        }
        out.append("as of \(asOf)\(asOfGiven ? "" : " (the latest order_date)")")
        if let first = weeks.first, let last = weeks.last, let m0 = months.first, let m1 = months.last {
            out.append("report: \(weeks.count) week\(weeks.count == 1 ? "" : "s") \(first.label) to \(last.label) (\(first.start) to \(asOf)), "
                + "\(months.count) month\(months.count == 1 ? "" : "s") \(m0.label) to \(m1.label)")
        }
        for e in earlyRows {
            out.append("  before the report window (used, in no reported period): \(e.source) \(e.count) row\(e.count == 1 ? "" : "s") "
                + "from \(e.earliest), e.g. \(e.location)")
        }
        return out
    }
}
