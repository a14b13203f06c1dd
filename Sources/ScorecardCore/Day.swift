/// A calendar date without time or zone: days since 1970-01-01 in the proleptic Gregorian calendar.
///
/// Dates are compared and bucketed millions of times per build, so they are a plain integer rather than
/// `Foundation.Date`, and every conversion is pure arithmetic (no calendars, no time zones, no formatters).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The day of a valid year, month (1...12) and day of month; `nil` when the date does not exist.
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.rawValue = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses `yyyy-MM-dd` exactly (the form used on the command line, in the config and in output).
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let d = Int(u[i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    @inlinable public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }

    @inlinable public static func + (a: Day, n: Int) -> Day { Day(rawValue: a.rawValue + Int32(n)) }
    @inlinable public static func - (a: Day, n: Int) -> Day { Day(rawValue: a.rawValue - Int32(n)) }
    @inlinable public static func - (a: Day, b: Day) -> Int { Int(a.rawValue) - Int(b.rawValue) }

    @inlinable
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same month and day `years` years later (earlier when negative); 29 February becomes 28 February
    /// in a year that has none.
    public func addingYears(_ years: Int) -> Day {
        let (y, m, d) = civil
        let year = y + years
        return Day(year: year, month: m, day: Swift.min(d, Day.daysInMonth(year: year, month: m))) ?? self
    }

    /// Year, month (1...12) and day of month.
    @inlinable
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(rawValue) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    @inlinable
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(rawValue) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The Monday of this day's ISO week.
    @inlinable public var weekStart: Day { self - (isoWeekday - 1) }

    /// The first day of this day's calendar month.
    @inlinable public var monthStart: Day { Day(rawValue: rawValue - Int32(civil.day - 1)) }

    /// The last day of this day's calendar month.
    @inlinable
    public var monthEnd: Day {
        let c = civil
        return self + (Day.daysInMonth(year: c.year, month: c.month) - c.day)
    }

    /// The ISO-8601 week-year and week number (1...53).
    public var isoWeek: (year: Int, week: Int) {
        // The week belongs to the year of its Thursday.
        let thursday = weekStart + 3
        let year = thursday.civil.year
        let jan1 = Day(year: year, month: 1, day: 1)!
        return (year, (thursday - jan1) / 7 + 1)
    }

    /// `YYYY-Www`, with the ISO week-year.
    public var isoWeekLabel: String {
        let (y, w) = isoWeek
        return "\(Day.pad(y, 4))-W\(Day.pad(w, 2))"
    }

    /// `YYYY-MM`.
    public var monthLabel: String {
        let c = civil
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))"
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        let c = civil
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
