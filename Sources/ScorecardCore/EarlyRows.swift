/// Rows of one source that are used although they are dated before the report window: they count in
/// every figure as before, but in no reported period.
///
/// Long history is normal (years of orders past `report.max_weeks`, purchase orders and stock older than
/// the first sales order) and only noted on the data-quality page. A few such rows in a source, or a date
/// decades before the as-of date, are likely a mistyped year and are also warned about on stderr.
public struct EarlyRows: Sendable, Equatable {
    public var source: SourceName
    public var count: Int
    /// The earliest such date, and the row it is on.
    public var earliest: Day
    public var location: SourceLocation

    public init(source: SourceName, count: Int, earliest: Day, location: SourceLocation) {
        self.source = source
        self.count = count
        self.earliest = earliest
        self.location = location
    }

    /// At most this share of a source's used rows before the window is "a few rows": likely typos.
    public static let mistakeShare = 0.01
    /// A row dated more than this many years before the as-of date is a mistyped year, however many
    /// rows there are.
    public static let implausibleYears = 50

    /// Whether these rows are likely a mistake worth a warning on stderr (cron mails it): a small share
    /// of the source's used rows, or a date more than 50 years before the as-of date.
    public func isLikelyMistake(usedRows: Int, asOf: Day) -> Bool {
        Double(count) <= Self.mistakeShare * Double(usedRows) || earliest < asOf.addingYears(-Self.implausibleYears)
    }

    /// The warning shown on stderr and on the data-quality page.
    public func warning(window: ReportWindow) -> Diagnostic {
        let one = count == 1
        let field = location.field.map { "\($0) " } ?? ""
        return Diagnostic(
            "\(one ? "1 row" : "\(count) rows") of \(source) \(one ? "is" : "are") dated before the report window, which starts "
                + "\(window.firstDay): \(one ? "it counts" : "they count") in every figure but in no reported week or month; "
                + "the earliest is \(field)\(earliest), on this line (a mistyped year?)",
            at: location, severity: .warning)
    }
}

/// Counts the rows of a source dated before a day, keeping the earliest and where it is.
public struct EarlyRowTally: Sendable {
    public var count = 0
    public var earliest: Day?
    public var location: SourceLocation?

    public init() {}

    /// Counts a row dated `day`; `location` is only evaluated for a new earliest row.
    @inline(__always)
    public mutating func note(_ day: Day, _ location: () -> SourceLocation) {
        count += 1
        if earliest.map({ day < $0 }) ?? true {
            earliest = day
            self.location = location()
        }
    }

    public func rows(_ source: SourceName) -> EarlyRows? {
        guard count > 0, let earliest, let location else { return nil }
        return EarlyRows(source: source, count: count, earliest: earliest, location: location)
    }
}
