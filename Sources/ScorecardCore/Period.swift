/// A reporting period (docs/figures.md): an ISO week, a calendar month, or a range of days (the
/// comparison ranges: the same week last year, the year to date, …).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case week, month, range }

    public var kind: Kind
    /// The first day of the period.
    public var start: Day
    /// The last day of the period (not capped by the as-of date).
    public var end: Day

    public init(kind: Kind, start: Day, end: Day) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The ISO week holding `day`.
    public static func week(containing day: Day) -> Period {
        let s = day.weekStart
        return Period(kind: .week, start: s, end: s + 6)
    }

    /// The calendar month holding `day`.
    public static func month(containing day: Day) -> Period {
        Period(kind: .month, start: day.monthStart, end: day.monthEnd)
    }

    /// A range of days, first and last inclusive.
    public static func range(_ start: Day, _ end: Day) -> Period { Period(kind: .range, start: start, end: end) }

    /// `YYYY-Www` for a week (ISO week-year), `YYYY-MM` for a month, `YYYY-MM-DD to YYYY-MM-DD` for a range.
    public var label: String {
        switch kind {
        case .week: start.isoWeekLabel
        case .month: start.monthLabel
        case .range: "\(start) to \(end)"
        }
    }

    public var description: String { label }

    /// The period after this one (a range: the one of the same length after it).
    public var next: Period {
        switch kind {
        case .week: Period.week(containing: end + 1)
        case .month: Period.month(containing: end + 1)
        case .range: Period.range(end + 1, end + 1 + (end - start))
        }
    }

    /// The period before this one (a range: the one of the same length before it).
    public var previous: Period {
        switch kind {
        case .week: Period.week(containing: start - 1)
        case .month: Period.month(containing: start - 1)
        case .range: Period.range(start - 1 - (end - start), start - 1)
        }
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// `days(P)` of docs/figures.md: days from the first day to `min(last day, asOf)`, inclusive.
    public func days(asOf: Day) -> Int { Swift.min(end, asOf) - start + 1 }

    /// Every period of `kind` from the one holding `first` to the one holding `last`, inclusive.
    public static func all(_ kind: Kind, from first: Day, through last: Day) -> [Period] {
        guard first <= last else { return [] }
        if kind == .range { return [range(first, last)] }
        var p = kind == .week ? week(containing: first) : month(containing: first)
        var out: [Period] = []
        while p.start <= last {
            out.append(p)
            p = p.next
        }
        return out
    }

    public static func < (a: Period, b: Period) -> Bool { (a.start, a.end) < (b.start, b.end) }

    /// Parses `YYYY-MM` into a month.
    public static func month(label: String) -> Period? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Day(year: y, month: m, day: 1) else { return nil }
        return month(containing: d)
    }
}
