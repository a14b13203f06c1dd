/// A reporting period (docs/figures.md): an ISO week or a calendar month.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case week, month }

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

    /// `YYYY-Www` for a week (ISO week-year), `YYYY-MM` for a month.
    public var label: String { kind == .week ? start.isoWeekLabel : start.monthLabel }

    public var description: String { label }

    /// The period after this one.
    public var next: Period {
        kind == .week ? Period.week(containing: end + 1) : Period.month(containing: end + 1)
    }

    /// The period before this one.
    public var previous: Period {
        kind == .week ? Period.week(containing: start - 1) : Period.month(containing: start - 1)
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// `days(P)` of docs/figures.md: days from the first day to `min(last day, asOf)`, inclusive.
    public func days(asOf: Day) -> Int { Swift.min(end, asOf) - start + 1 }

    /// Every period of `kind` from the one holding `first` to the one holding `last`, inclusive.
    public static func all(_ kind: Kind, from first: Day, through last: Day) -> [Period] {
        guard first <= last else { return [] }
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
