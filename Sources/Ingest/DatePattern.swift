import ScorecardCore

/// A compiled `date_format` (yyyy/yy, MM/M/MMM, dd/d, literal separators) that parses dates from bytes.
///
/// Compiled once per source so that millions of dates parse without `DateFormatter` or `String`s.
/// Anything from the first time letter on (`HH:mm:ss`, `a`) is dropped from the pattern, because the
/// spec ignores a time after the date; a value may carry such a time (after a space or `T`) either way.
package struct DatePattern: Sendable, Equatable {
    package enum Token: Sendable, Equatable {
        case year4, year2, month, monthName, day
        case literal(UInt8)
    }

    package let tokens: [Token]

    /// `nil` when the pattern lacks a year, a month or a day, or has one twice.
    package init?(_ pattern: String) {
        var tokens: [Token] = []
        let u = Array(pattern.utf8)
        var i = 0
        var seen = (y: 0, m: 0, d: 0)
        scan: while i < u.count {
            let c = u[i]
            var j = i
            while j < u.count, u[j] == c { j += 1 }
            let run = j - i
            switch c {
            case UInt8(ascii: "y"):
                guard run == 4 || run == 2 else { return nil }
                tokens.append(run == 4 ? .year4 : .year2); seen.y += 1
            case UInt8(ascii: "M"):
                guard run <= 3 else { return nil }
                tokens.append(run == 3 ? .monthName : .month); seen.m += 1
            case UInt8(ascii: "d"):
                guard run <= 2 else { return nil }
                tokens.append(.day); seen.d += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "'"):
                break scan  // a time part (HH, mm, ss, a …): ignored like the time in a value
            default:
                for _ in 0..<run { tokens.append(.literal(c)) }
            }
            i = j
        }
        while case .literal(UInt8(ascii: " ")) = tokens.last { tokens.removeLast() }
        guard seen.y == 1, seen.m == 1, seen.d == 1 else { return nil }
        self.tokens = tokens
    }

    /// The date a trimmed value holds, or `nil`.
    package func parse(_ p: UnsafeBufferPointer<UInt8>) -> Day? {
        parse(p, months: MonthTable())
    }

    /// The date a trimmed value holds, or `nil`, with the month starts looked up in `months`.
    package func parse(_ p: UnsafeBufferPointer<UInt8>, months: MonthTable) -> Day? {
        var i = 0
        let n = p.count
        var year = -1, month = -1, day = -1
        @inline(__always) func digits(max: Int, min: Int) -> Int? {
            var v = 0, k = 0
            while k < max, i < n {
                let d = Int(p[i]) &- 48
                guard d >= 0, d <= 9 else { break }
                v = v * 10 + d
                i += 1; k += 1
            }
            return k >= min ? v : nil
        }
        for t in tokens {
            switch t {
            case .year4: guard let v = digits(max: 4, min: 4) else { return nil }; year = v
            case .year2: guard let v = digits(max: 2, min: 2) else { return nil }; year = 2000 + v
            case .month: guard let v = digits(max: 2, min: 1) else { return nil }; month = v
            case .day: guard let v = digits(max: 2, min: 1) else { return nil }; day = v
            case .monthName:
                let start = i
                while i < n, (p[i] | 0x20) >= UInt8(ascii: "a"), (p[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
                guard let m = DatePattern.month(p, start, i) else { return nil }
                month = m
            case .literal(let c):
                guard i < n, p[i] == c else { return nil }
                i += 1
            }
        }
        // A time may follow the date: `2017-10-02 10:56:33`, `2026-11-03T08:00:00Z`.
        if i < n {
            let c = p[i]
            guard c == UInt8(ascii: " ") || c == UInt8(ascii: "T") || c == UInt8(ascii: "t") else { return nil }
        }
        return months.day(year: year, month: month, day: day)
    }

    /// The first day of every month from 1970 to 2099 (and of January 2100), so that turning a parsed
    /// year, month and day into a `Day` is a lookup and an addition; other years take the arithmetic.
    package struct MonthTable: Sendable {
        static let firstYear = 1970, years = 130
        let starts: [Int32]

        package init() {
            var s: [Int32] = []
            s.reserveCapacity(MonthTable.years * 12 + 1)
            for y in MonthTable.firstYear..<(MonthTable.firstYear + MonthTable.years) {
                for m in 1...12 { s.append(Day(year: y, month: m, day: 1)!.rawValue) }
            }
            s.append(Day(year: MonthTable.firstYear + MonthTable.years, month: 1, day: 1)!.rawValue)
            starts = s
        }

        @inline(__always)
        func day(year: Int, month: Int, day: Int) -> Day? {
            let k = (year &- MonthTable.firstYear) &* 12 &+ month &- 1
            guard year >= MonthTable.firstYear, year < MonthTable.firstYear + MonthTable.years, month >= 1, month <= 12 else {
                return Day(year: year, month: month, day: day)
            }
            let first = starts[k]
            guard day >= 1, day <= Int(starts[k + 1] - first) else { return nil }
            return Day(rawValue: first + Int32(day - 1))
        }
    }

    private static let fullNames: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july",
                                               "august", "september", "october", "november", "december"].map { Array($0.utf8) }

    /// `Jan`…`Dec` in any case, also the full English name (and `Sept`).
    private static func month(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        let len = e - s
        guard len >= 3 else { return nil }
        for m in 0..<12 {
            let full = fullNames[m]
            guard len <= full.count else { continue }
            var ok = true
            for k in 0..<len where (p[s + k] | 0x20) != full[k] { ok = false; break }
            if ok, len == 3 || len == full.count || (m == 8 && len == 4) { return m + 1 }
        }
        return nil
    }
}
