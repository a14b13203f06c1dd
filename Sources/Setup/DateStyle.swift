import Ingest
import ScorecardCore

/// A date format the scorecard can read (the `date_format:` key), with the field order it assumes.
struct DateStyle: Sendable, Hashable, CustomStringConvertible {
    enum Order: Sendable, Hashable { case ymd, dmy, mdy }

    var order: Order
    /// The separator between the fields, `nil` for none (`yyyyMMdd`).
    var separator: Character?
    var fourDigitYear: Bool
    var monthName: Bool

    /// The pattern as the config writes it, with one-letter fields where the values are not padded.
    func pattern(padded: Bool = true) -> String {
        let y = fourDigitYear ? "yyyy" : "yy"
        let m = monthName ? "MMM" : (padded ? "MM" : "M")
        let d = padded ? "dd" : "d"
        let s = separator.map(String.init) ?? ""
        switch order {
        case .ymd: return y + s + m + s + d
        case .dmy: return d + s + m + s + y
        case .mdy: return m + s + d + s + y
        }
    }

    var description: String { pattern() }

    var compiled: DatePattern { DatePattern(pattern())! }

    /// Day and month swapped: the style a value above 12 tells apart from this one.
    var swapped: DateStyle? {
        guard !monthName, order != .ymd, separator != "." else { return nil }
        var s = self
        s.order = order == .dmy ? .mdy : .dmy
        return s
    }

    /// Every style tried. Left out because no export writes them and they would only make day/month
    /// ambiguous where it is not: year first with a two-digit year (`26-03-02`), and month first with
    /// dots (`03.02.2026` is always the 3rd of February).
    static let candidates: [DateStyle] = {
        var out: [DateStyle] = []
        for sep: Character in ["-", ".", "/", " "] {
            out.append(DateStyle(order: .ymd, separator: sep, fourDigitYear: true, monthName: false))
            for order in sep == "." ? [Order.dmy] : [Order.dmy, .mdy] {
                for four in [true, false] { out.append(DateStyle(order: order, separator: sep, fourDigitYear: four, monthName: false)) }
            }
            for four in [true, false] { out.append(DateStyle(order: .dmy, separator: sep, fourDigitYear: four, monthName: true)) }
        }
        out.append(DateStyle(order: .ymd, separator: nil, fourDigitYear: true, monthName: false))
        return out
    }()
}

/// Dates before or after these years are not taken as evidence of a date column (an 8-digit id such as
/// `45001234` reads as a `yyyyMMdd` date in the year 4500).
private let plausibleYears = 1950...2100

extension DateStyle {
    /// The date `text` holds in this style (a time after it is allowed), if it is plausible.
    func parse(_ text: String, pattern: DatePattern, months: DatePattern.MonthTable) -> Day? {
        var t = text
        guard let day = t.withUTF8({ pattern.parse($0, months: months) }) else { return nil }
        return plausibleYears.contains(day.civil.year) ? day : nil
    }
}

/// What one column's values say about dates.
struct DateColumnFit: Sendable {
    /// Styles that read (nearly) all of the column's values.
    var styles: [DateStyle]
    /// Whether any value carries a time after the date.
    var hasTime: Bool
    /// Whether every value writes day and month with two digits.
    var padded: Bool
    /// A value above 12 in the day position, which rules out the swapped style, if one was seen.
    var deciding: String?

    /// Tests every candidate style on the column's non-empty values: a style fits when it reads at least
    /// 90% of them (one odd value in a small sample is allowed: "Date Not Captured" is rejected later).
    static func fit(_ values: [String], months: DatePattern.MonthTable) -> DateColumnFit? {
        guard !values.isEmpty else { return nil }
        // Cheap pre-check: dates have digits and at most a few letters.
        guard values.prefix(50).contains(where: { $0.contains(where: \.isNumber) }) else { return nil }
        var styles: [DateStyle] = []
        var missCount: [DateStyle: Int] = [:]
        let allowedMisses = max(values.count / 10, values.count >= 3 ? 1 : 0)
        for style in DateStyle.candidates {
            let pattern = style.compiled
            var misses = 0
            for v in values where style.parse(v, pattern: pattern, months: months) == nil {
                misses += 1
                if misses > allowedMisses { break }
            }
            if misses <= allowedMisses, misses < values.count {
                styles.append(style)
                missCount[style] = misses
            }
        }
        guard !styles.isEmpty else { return nil }
        // Day and month swapped both within the tolerance for odd values: the one that reads more values
        // wins, decided by the values only it reads (a day above 12). Odd values ("Date Not Captured")
        // miss in both and decide nothing.
        var deciding: String?
        for style in styles {
            guard let swapped = style.swapped, let mine = missCount[style], let theirs = missCount[swapped], mine < theirs else { continue }
            styles.removeAll { $0 == swapped }
            let a = style.compiled, b = swapped.compiled
            deciding = values.first { style.parse($0, pattern: a, months: months) != nil && swapped.parse($0, pattern: b, months: months) == nil }
        }
        let hasTime = values.contains { v in
            guard let cut = v.firstIndex(where: { $0 == " " || $0 == "T" }) else { return false }
            return v[cut...].contains(":")
        }
        // Padded: the first two fields of every value (up to the time) have two digits where numeric.
        let padded = !values.contains { v in
            // A run of one digit before the time: `3/2/26`, `2.3.2026`.
            var run = 0
            for c in v.utf8 {
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "T") { break }
                if c >= 48 && c <= 57 { run += 1; continue }
                if run == 1 { return true }
                run = 0
            }
            return run == 1
        }
        for style in styles where deciding == nil {
            // The swapped style does not fit at all: the first value it cannot read decides.
            guard let swapped = style.swapped, !styles.contains(swapped) else { continue }
            let a = style.compiled, b = swapped.compiled
            deciding = values.first { style.parse($0, pattern: a, months: months) != nil && swapped.parse($0, pattern: b, months: months) == nil }
        }
        return DateColumnFit(styles: styles, hasTime: hasTime, padded: padded, deciding: deciding)
    }
}

extension DateStyle {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `day` written in this style: how a date cell of a workbook reads when its sheet's text dates are
    /// written this way.
    func format(_ day: Day, padded: Bool = true) -> String {
        let (y, m, d) = day.civil
        func two(_ n: Int) -> String { n < 10 && padded ? "0\(n)" : String(n) }
        let year = fourDigitYear ? String(y) : (y % 100 < 10 ? "0\(y % 100)" : String(y % 100))
        let month = monthName ? Self.monthNames[m - 1] : two(m)
        let s = separator.map(String.init) ?? ""
        switch order {
        case .ymd: return separator == nil ? year + two(m).leftPadded + two(d).leftPadded : year + s + month + s + two(d)
        case .dmy: return two(d) + s + month + s + year
        case .mdy: return month + s + two(d) + s + year
        }
    }
}

private extension String {
    /// Two digits, whatever the padding: `yyyyMMdd` has no separators to tell the fields apart.
    var leftPadded: String { count < 2 ? "0" + self : self }
}
