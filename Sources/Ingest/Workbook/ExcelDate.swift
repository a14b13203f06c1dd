import ScorecardCore

/// Excel's serial day numbers: what a date cell stores.
///
/// - The 1900 system (the default): serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never
///   was (serial 60, kept for compatibility with Lotus 1-2-3), so from serial 61 (1900-03-01) on a serial is
///   one day less than a plain count from 1899-12-31. Serial 60 itself names no real day: it is not a
///   date (the row is rejected as "date does not parse"), since mapping it to a neighbour would invent
///   data. Serial 0 ("1900-01-00" in Excel) is not a date either.
/// - The 1904 system (`<workbookPr date1904="1"/>`, old Mac workbooks): serial 0 is 1904-01-01.
///
/// The fraction of a serial is the time of day, which is ignored, as the time after a date in a CSV value
/// is. The last day either system has is 9999-12-31.
package enum ExcelDate {
    /// The last serial of the 1900 system: 9999-12-31.
    package static let maxSerial1900 = 2_958_465
    /// The last serial of the 1904 system: 9999-12-31.
    package static let maxSerial1904 = 2_957_003
    /// The phantom 1900-02-29 of the 1900 system.
    package static let phantomLeapDay = 60

    private static let dayBefore1900 = Day(year: 1899, month: 12, day: 31)!
    private static let dayBefore1900March = Day(year: 1899, month: 12, day: 30)!
    private static let start1904 = Day(year: 1904, month: 1, day: 1)!

    /// The day of `serial` (its time of day ignored), or `nil` when the serial names no day: negative,
    /// 0 or 60 in the 1900 system, after 9999-12-31, or not finite.
    package static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0 else { return nil }
        let whole = serial.rounded(.down)
        if date1904 {
            guard whole <= Double(maxSerial1904) else { return nil }
            return start1904 + Int(whole)
        }
        guard whole >= 1, whole <= Double(maxSerial1900) else { return nil }
        let n = Int(whole)
        if n < phantomLeapDay { return dayBefore1900 + n }
        if n == phantomLeapDay { return nil }
        return dayBefore1900March + n
    }

    /// Whether `serial` is within the range either system has days for (a number above it, such as
    /// 20261115, is not a serial and may be a date written as digits).
    package static func isInRange(_ serial: Double, date1904: Bool) -> Bool {
        serial.isFinite && serial >= 0 && serial < Double((date1904 ? maxSerial1904 : maxSerial1900) + 1)
    }
}
