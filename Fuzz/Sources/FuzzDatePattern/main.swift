// Date patterns: every supported form of `date_format`, or a fuzzed pattern. Invariants:
// - compiling any pattern and parsing any value never crashes;
// - a parsed date is a real day, and written back in the same pattern it parses to the same day.
import FuzzSupport
import Ingest
import ScorecardCore

/// Every form of `date_format` the docs show, and time parts after the date.
enum Patterns {
    static let all = [
    "yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "MM/dd/yyyy", "M/d/yy", "dd/MM/yy", "yyyyMMdd", "yyyy/M/d",
    "d-MMM-yy", "dd-MMM-yyyy", "MMM d yyyy", "d MMM yyyy", "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy HH:mm", "yy.MM.dd",
    "MMM-dd-yy", "yyyy-MM-dd'T'HH:mm:ss", "d/M/yyyy h:mm a",
    ]
}

runFuzzer { data, size in fuzzDatePattern(data, size) }

func fuzzDatePattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let choice = input.byte()
    let pattern: String
    if choice < 224 {
        pattern = Patterns.all[Int(choice) % Patterns.all.count]
    } else {
        // A fuzzed pattern of up to 31 bytes.
        let n = Int(choice - 224)
        pattern = String(decoding: (0..<n).map { _ in input.byte() }, as: UTF8.self)
    }
    let value = input.rest
    guard let day = FuzzProbe.date(value, pattern: pattern) else { return 0 }
    let c = day.civil
    fuzzCheck(Day(year: c.year, month: c.month, day: c.day) == day, "\(day) is not a real day")
    let written = write(c, pattern)
    fuzzCheck(FuzzProbe.date(written, pattern: pattern) == day,
              "\(String(decoding: value, as: UTF8.self)) in \(pattern) gave \(day), which written back (\(String(decoding: written, as: UTF8.self))) does not parse to it")
    return 0
}

/// `c` in `pattern`, with two-digit months and days and English month abbreviations.
func write(_ c: (year: Int, month: Int, day: Int), _ pattern: String) -> [UInt8] {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func digits(_ v: Int, _ width: Int) -> [UInt8] {
        let s = String(v)
        return Array((String(repeating: "0", count: max(0, width - s.count)) + s).utf8)
    }
    var out: [UInt8] = []
    let u = Array(pattern.utf8)
    var i = 0
    scan: while i < u.count {
        let ch = u[i]
        var j = i
        while j < u.count, u[j] == ch { j += 1 }
        let run = j - i
        switch ch {
        case UInt8(ascii: "y"): out += run == 4 ? digits(c.year, 4) : digits(c.year - 2000, 2)
        case UInt8(ascii: "M"): out += run == 3 ? Array(months[c.month - 1].utf8) : digits(c.month, 2)
        case UInt8(ascii: "d"): out += digits(c.day, 2)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "'"):
            break scan  // the time part is not part of the date
        default: out += u[i..<j]
        }
        i = j
    }
    while out.last == UInt8(ascii: " ") { out.removeLast() }
    return out
}
